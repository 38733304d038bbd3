"""No lost words: moving into a filled field puts the cursor at its end, and typing adds to
the text. Textual's Input selected the whole value on focus, so the first key replaced it,
and the debrief saved the loss at once (an Input has no undo)."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.pilot_helpers import SIZE, MakeApp, RepoOn, type_text, wait_for_save
from tui.widgets.line_input import LineInput


async def test_b1_a_question_entered_with_enter_keeps_its_text_as_you_type(
    make_app: MakeApp, demo: int, repo_on: RepoOn
) -> None:
    """Enter on B1 goes to the first question, filled; the keys typed go after its text."""
    before = repo_on().qa_rows(demo)[0].question
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        field = app.focused
        assert isinstance(field, LineInput) and field.value == before
        assert field.selection.is_empty and field.cursor_position == len(before)
        await type_text(pilot, " (asked twice)")
        await wait_for_save(pilot)
        assert field.value == before + " (asked twice)"
    assert repo_on().qa_rows(demo)[0].question == before + " (asked twice)"


async def test_a3_next_steps_reached_with_tab_keeps_its_text_as_you_type(
    make_app: MakeApp, demo: int, repo_on: RepoOn
) -> None:
    """Shift+Tab from the prompts back to the closing checklist's next steps (past the
    decision, also filled), then typing, adds to them."""
    before = repo_on().debrief_head(demo).next_steps
    assert before
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab")
        field = app.screen.query_one("#next-steps", Input)
        assert app.focused is field
        await type_text(pilot, " Ask Priya.")
        await wait_for_save(pilot)
    assert repo_on().debrief_head(demo).next_steps == before + " Ask Priya."
