"""What a key typed in the debrief's editor renders (issue #8, keystroke budget): the editor and
its scrollbar only, not every widget on the screen; and every frame stays what Textual's own
compositor would have drawn."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from textual._compositor import Compositor
from textual._text_area_theme import TextAreaTheme
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import TextArea

from tests.tui.pilot_helpers import SIZE, MakeApp, type_text
from tui import partial_render
from tui.widgets.safe_text_area import SafeTextArea


async def test_a_key_renders_the_editor_and_its_scrollbar_only(
    make_app: MakeApp, demo: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual rendered every widget whose clip met the editor: the key bar, the guidance
    line, the top bar, the checklist, the prompt list and five containers, at every key."""
    rendered: Counter[str] = Counter()
    render_lines = Widget.render_lines

    def spy(self: Widget, crop: Region) -> object:
        rendered[type(self).__name__] += 1
        return render_lines(self, crop)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # B3, the cursor in its answer
        await pilot.pause()
        monkeypatch.setattr(Widget, "render_lines", spy)
        await type_text(pilot, "Quick notes")
        monkeypatch.undo()
        editor = app.screen.query_one("#answer-B3", SafeTextArea)
        assert editor.text.startswith("Quick notes")
    assert rendered["SafeTextArea"] > 0
    assert set(rendered) <= {"SafeTextArea", "ScrollBar"}


def _frame(compositor: Compositor, regions: list[Region], console: object) -> str:
    """The escapes of a partial update over `regions`, less Textual's idle cursor moves (a chop
    starting right at a span's end is only moved to, nothing drawn: a move and a new line)."""
    compositor._dirty_regions.clear()
    compositor._dirty_regions.update(regions)
    update = compositor.render_partial_update()
    assert update is not None
    escapes = update.render_segments(console)  # type: ignore[arg-type]
    return re.sub(r"\x1b\[\d+;\d+H(?=\n|$)", "", escapes)


async def test_every_partial_frame_is_the_one_textual_draws(
    make_app: MakeApp, demo: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same escapes as Textual's own rendering, for updates inside the editor, across the
    editor's edge, over several widgets and over the whole screen; and the same screenshot."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await type_text(pilot, "Typed")
        editor = app.screen.query_one("#answer-B3", SafeTextArea).region
        prompts = app.screen.query_one("#prompt-list").region
        cases = [
            [editor],
            [Region(editor.x + 3, editor.y + 2, 10, 1)],  # part of one line
            [Region(editor.x - 4, editor.y, 8, 3)],  # across the editor's left edge
            [editor, prompts],
            [Region(0, SIZE[1] - 3, SIZE[0], 3)],  # guidance line and key bar
            [Region(5, 0, 30, SIZE[1])],  # a column through every row
            [Region(0, 0, *SIZE)],
        ]
        compositor = app.screen._compositor
        ours = [_frame(compositor, regions, app.console) for regions in cases]
        shot = app.export_screenshot()
        monkeypatch.setattr(Compositor, "_get_renders", partial_render._textual_get_renders)
        theirs = [_frame(compositor, regions, app.console) for regions in cases]
        assert ours == theirs
        assert app.export_screenshot() == shot


async def test_a_key_does_not_restyle_the_editor_but_a_new_theme_does(
    make_app: MakeApp, demo: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TextArea worked its colours out again before every frame (~0.5 ms a key in the
    debrief); now only when a style changed: focus, a theme, a class."""
    applied: list[str] = []
    apply_css = TextAreaTheme.apply_css

    def spy(self: TextAreaTheme, area: TextArea) -> None:
        applied.append(area.id or "")
        apply_css(self, area)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        editor = app.screen.query_one("#answer-B3", SafeTextArea)
        monkeypatch.setattr(TextAreaTheme, "apply_css", spy)
        await type_text(pilot, "Quick notes")
        assert applied == []
        before = editor._theme.base_style
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert applied and set(applied) == {"answer-B3"}
        assert editor._theme.base_style != before  # the new theme's colours
        applied.clear()
        editor.add_class("-restyled")
        editor.styles.background = "red"
        await pilot.pause()
        assert applied == ["answer-B3"]
        assert editor._theme.base_style is not None
        assert editor._theme.base_style.bgcolor is not None
        assert editor._theme.base_style.bgcolor.name == "#ff0000"


def test_the_app_installs_the_partial_render_for_every_screen() -> None:
    """Importing the app installs it (contacts and the timeline have no editor module)."""
    import subprocess
    import sys

    code = (
        "import sys, tui.app\n"
        "from textual._compositor import Compositor\n"
        "print(Compositor._get_renders.__name__, 'tui.widgets.safe_text_area' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert out.stdout.split() == ["renders_in_crop", "False"], out.stderr[-500:]


async def test_a_full_frame_skips_what_the_widgets_in_front_fill(
    make_app: MakeApp, demo: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frame that shows the debrief rendered every container behind its children (the
    screen, the body, the panes); now only the lines of each that can show, and the frame
    and screenshot are Textual's own."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        rendered: Counter[str] = Counter()
        render_lines = Widget.render_lines

        def spy(self: Widget, crop: Region) -> object:
            rendered[type(self).__name__] += crop.height
            return render_lines(self, crop)

        monkeypatch.setattr(Widget, "render_lines", spy)
        ours = compositor.render_strips()
        monkeypatch.setattr(Compositor, "_get_renders", partial_render._textual_get_renders)
        counted_ours = dict(rendered)
        rendered.clear()
        theirs = compositor.render_strips()
        assert [s.text for s in ours] == [s.text for s in theirs]
        assert ours == theirs
        for hidden in ("DebriefScreen", "DebriefBody"):  # filled by their children
            assert hidden not in counted_ours and rendered[hidden] > 30
        assert counted_ours["QAPane"] < rendered["QAPane"] // 10  # its header's blank line
        assert sum(counted_ours.values()) < 0.6 * sum(rendered.values())
