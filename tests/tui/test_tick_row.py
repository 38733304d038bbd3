"""The closing checklist's ticks (A1-A6) as one row: digits, arrows, clicks, hover, refusals;
what is ticked is what the file holds."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from core.repository.base import WriteProblem
from tests.tui.pilot_helpers import SIZE, RepoOn, screen_text
from tui.app import AfterwordApp
from tui.widgets.tick_row import TickBox, TickRow


def _row(app: AfterwordApp) -> TickRow:
    return app.screen.query_one("#checklist-ticks", TickRow)


async def _focus_row(pilot: Pilot[None], app: AfterwordApp) -> TickRow:
    row = _row(app)
    row.focus()
    await pilot.pause()
    return row


async def test_digits_tick_by_number_and_the_file_follows(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = await _focus_row(pilot, debrief)
        await pilot.press("1", "5", "9")  # 9: no such item, nothing happens
        assert repo_on().get_interview(interview_id).checklist == ["A1", "A5"]
        assert [row.is_ticked(i) for i in ("A1", "A2", "A5")] == [True, False, True]
        await pilot.press("1")
        assert repo_on().get_interview(interview_id).checklist == ["A5"]


async def test_arrows_wrap_and_space_ticks_the_cursor(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = await _focus_row(pilot, debrief)
        await pilot.press("left")  # from A1 round to A6
        assert row.cursor == 5
        await pilot.press("space", "right", "enter")  # A6, then A1
        assert sorted(repo_on().get_interview(interview_id).checklist) == ["A1", "A6"]


async def test_a_click_ticks_the_item_clicked(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = next(x for x in screen_text(debrief).splitlines() if "A3 Next steps" in x)
        row = _row(debrief)
        column = line.index("A3 Next steps") - row.region.x
        assert await pilot.click("#checklist-ticks", offset=(column, 0))
        assert repo_on().get_interview(interview_id).checklist == ["A3"]
        assert row.is_ticked("A3") and row.cursor == 2


async def test_a_refused_write_leaves_the_tick_as_the_file_has_it(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise WriteProblem("the disk is full")

    monkeypatch.setattr("core.services.toggle_checklist", refuse)
    async with debrief.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        row = await _focus_row(pilot, debrief)
        await pilot.press("2")
        await pilot.pause()
        assert not row.is_ticked("A2")
        assert repo_on().get_interview(interview_id).checklist == []
        assert "Could not save: the disk is full" in screen_text(debrief)


async def test_the_cursor_shows_only_while_focused(debrief: AfterwordApp) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = _row(debrief)
        unfocused = row.render()
        row.focus()
        await pilot.pause()
        focused = row.render()
        assert unfocused.plain == focused.plain  # the same words
        assert unfocused.spans != focused.spans  # one of them marked


async def test_the_stumped_tick_of_a_pair_is_a_tick_box_digits_leave_alone(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    """B1's stumped box (a TickBox): enter and a click tick it, saved at once; a digit does
    nothing there (on the checklist it ticks an item)."""
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # B1 has no pair: one is added, the cursor in its question
        await pilot.press("Q", "tab", "tab")
        box = debrief.focused
        assert isinstance(box, TickBox) and not box.value
        await pilot.press("1")
        await pilot.pause()
        [qa] = repo_on().qa_list(interview_id)
        assert (qa.question, qa.stumped) == ("Q", False)
        await pilot.press("enter")
        assert box.value and repo_on().qa_list(interview_id)[0].stumped
        assert await pilot.click(box, offset=(1, 0))
        assert not box.value and not repo_on().qa_list(interview_id)[0].stumped
        assert "Stumped me (goes to the practice list)" in screen_text(debrief)
