"""The floor of the tmux keystroke benchmark: a bare Textual app holding one TextArea.

Run by bench_keys_tmux.py in the same 120x36 pane as Afterword (not collected by pytest):

    /work/venv/bin/python tests/bench/bare_editor.py [--text-file FILE] [--size 86x22]

The editor is configured as Afterword's B3 answer (soft wrap, tab moves the focus, the same
86x22 cells in a 120x36 terminal; `--size full` fills the screen), starts focused with the
cursor at the end of the text: what Textual costs per key for that editor alone; whatever
Afterword adds on top of it is Afterword's. Its border title says when it is ready; ctrl+q
quits (Textual's own).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

READY = "bare editor ready"
EDITOR_SIZE = (86, 22)  # Afterword's B3 editor, border included, in a 120x36 terminal


class BareEditor(App[None]):
    """One soft-wrapped TextArea, nothing else."""

    def __init__(
        self, text: str, size: tuple[int, int] | None = EDITOR_SIZE, freeze: bool = True
    ) -> None:
        super().__init__()
        self._text = text
        self._size = size
        self._freeze = freeze  # as the real Afterword does once its data is shown (not Pilot's)

    def compose(self) -> ComposeResult:
        """The editor, focused, the cursor at the end."""
        area = TextArea(self._text, soft_wrap=True, tab_behavior="focus", id="bare")
        area.border_title = READY
        if self._size is not None:
            area.styles.width, area.styles.height = self._size
        yield area

    def on_mount(self) -> None:
        """Focus the editor at the end of its text; keep start-up objects out of the collector
        (as Afterword does once its data is on screen)."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        if self._freeze:
            gc.freeze()


def main(argv: list[str]) -> None:
    """Run the bare editor on the given text (none by default)."""
    ap = argparse.ArgumentParser(prog="bare_editor.py")
    ap.add_argument("--text-file", type=Path)
    ap.add_argument("--size", default="x".join(map(str, EDITOR_SIZE)), help="WxH, or full")
    a = ap.parse_args(argv)
    size = None if a.size == "full" else tuple(int(n) for n in a.size.split("x"))
    BareEditor(a.text_file.read_text() if a.text_file else "", size).run()  # type: ignore[arg-type]


if __name__ == "__main__":
    main(sys.argv[1:])
