"""The floor of the tmux keystroke benchmark: a bare Textual app holding one TextArea.

Run by bench_keys_tmux.py in the same 120x36 pane as Afterword (not collected by pytest):

    /work/venv/bin/python tests/bench/bare_editor.py [--text-file FILE]

The editor is configured as Afterword's (soft wrap, tab moves the focus), starts focused with
the cursor at the end of the text, and fills the pane: whatever Afterword adds per key on top
of this is Afterword's. Its border title says when it is ready; ctrl+q quits (Textual's own).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

READY = "bare editor ready"


class BareEditor(App[None]):
    """One soft-wrapped TextArea, nothing else."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        """The editor, focused, the cursor at the end."""
        area = TextArea(self._text, soft_wrap=True, tab_behavior="focus", id="bare")
        area.border_title = READY
        yield area

    def on_mount(self) -> None:
        """Focus the editor at the end of its text; keep start-up objects out of the collector
        (as Afterword does once its data is on screen)."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        gc.freeze()


def main(argv: list[str]) -> None:
    """Run the bare editor on the given text (none by default)."""
    ap = argparse.ArgumentParser(prog="bare_editor.py")
    ap.add_argument("--text-file", type=Path)
    a = ap.parse_args(argv)
    BareEditor(a.text_file.read_text() if a.text_file else "").run()


if __name__ == "__main__":
    main(sys.argv[1:])
