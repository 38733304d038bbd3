"""The debrief, driven by real keys: saving an answer, moving between prompts, Q&A pairs."""

from __future__ import annotations

import pytest
from textual.widgets import Input, SelectionList, TextArea

from tests.tui.pilot_helpers import (
    SIZE,
    RepoOn,
    highlighted,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.app import AfterwordApp
from tui.screens.confirm import ConfirmScreen
from tui.widgets.qa_pane import QAItem
from tui.widgets.tick_row import TickBox


async def test_b3_answer_is_in_the_database_within_the_save_delay(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert highlighted(debrief) == "B1"  # the first unanswered prompt
        await pilot.press("down", "down", "enter")
        assert debrief.focused is debrief.screen.query_one("#answer-B3", TextArea)
        await type_text(pilot, "Drew the ingest design.\nRapport with Jane.")
        await wait_for_save(pilot)
        # Read through a second connection: committed to the file, app still running.
        other = repo_on()
        assert other.answers(interview_id) == {"B3": "Drew the ingest design.\nRapport with Jane."}
        assert debrief.is_running
        assert "✓ B3" in screen_text(debrief)
        assert "1/10 answered" in screen_text(debrief)


async def test_quit_right_after_typing_flushes_the_pending_save(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.saver.SAVE_DELAY", 60.0)  # only the flush on quit can save it
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "enter")
        await type_text(pilot, "Typed just before quitting")
        assert debrief.saver.pending == 1
        assert repo_on().answers(interview_id) == {}
        await pilot.press("ctrl+q")
    assert repo_on().answers(interview_id) == {"B3": "Typed just before quitting"}


async def test_ctrl_down_and_ctrl_up_move_between_prompts(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "enter")
        await type_text(pilot, "well")
        await pilot.press("ctrl+down")
        assert highlighted(debrief) == "B4"
        assert debrief.focused is debrief.screen.query_one("#answer-B4", TextArea)
        await type_text(pilot, "differently")
        await pilot.press("ctrl+up")
        assert highlighted(debrief) == "B3"
        assert debrief.focused is debrief.screen.query_one("#answer-B3", TextArea)
        await pilot.press("escape", "home")  # back to the list, on B1
        await pilot.press("ctrl+up")  # round to B10
        assert highlighted(debrief) == "B10"
        # Moving saved both answers at once (no wait needed).
        assert repo_on().answers(interview_id) == {"B3": "well", "B4": "differently"}


async def test_b1_pairs_add_type_stumped_then_b5_and_delete(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("enter")  # B1 has no pair yet: one is added, cursor in its question
        await type_text(pilot, "Design a rate limiter")
        await pilot.press("tab")
        await type_text(pilot, "Token bucket.\nRedis.")
        await pilot.press("tab")
        assert isinstance(debrief.focused, TickBox)
        await pilot.press("space")  # stumped: saved at once
        [qa] = debrief.session.repo.qa_list(interview_id)
        assert (qa.question, qa.answer, qa.stumped) == (
            "Design a rate limiter",
            "Token bucket.\nRedis.",
            True,
        )
        await pilot.press("ctrl+n")
        assert len(debrief.screen.query(QAItem)) == 2
        await type_text(pilot, "Why us?")
        await wait_for_save(pilot)
        pairs = repo_on().qa_list(interview_id)
        assert [(p.question, p.stumped) for p in pairs] == [
            ("Design a rate limiter", True),
            ("Why us?", False),
        ]
        assert "✓ B1" in screen_text(debrief)

        # B5 shows the first ticked; down, space ticks the second.
        await pilot.press("ctrl+down", "ctrl+down", "ctrl+down", "ctrl+down")
        assert highlighted(debrief) == "B5"
        stumpers = debrief.screen.query_one("#stumpers", SelectionList)
        assert debrief.focused is stumpers
        assert stumpers.selected == [pairs[0].id]
        shown = [str(stumpers.get_option_at_index(i).prompt) for i in range(2)]
        assert shown == ["Design a rate limiter", "Why us?"]
        assert stumpers.highlighted == 0  # space acts on a visible cursor at once
        await pilot.press("down", "space")
        assert {p.question: p.stumped for p in repo_on().qa_list(interview_id)} == {
            "Design a rate limiter": True,
            "Why us?": True,
        }

        # Back in B1 the second pair's box is ticked too; ctrl+r asks, n keeps, y deletes.
        await pilot.press("escape", "home", "enter")  # via the prompt list
        assert highlighted(debrief) == "B1"
        items = list(debrief.screen.query(QAItem))
        assert debrief.focused is items[0].query_one(Input)  # the cursor came along
        assert [i.query_one(TickBox).value for i in items] == [True, True]
        items[1].query_one(Input).focus()
        await pilot.press("ctrl+r")
        assert isinstance(debrief.screen, ConfirmScreen)
        assert "Why us?" in screen_text(debrief)
        await pilot.press("n")
        assert not isinstance(debrief.screen, ConfirmScreen)
        assert len(repo_on().qa_list(interview_id)) == 2
        await pilot.press("ctrl+r")
        await pilot.press("y")
        await pilot.pause()
        assert [p.question for p in repo_on().qa_list(interview_id)] == ["Design a rate limiter"]
        assert len(debrief.screen.query(QAItem)) == 1
        assert "Why us?" not in screen_text(debrief)
