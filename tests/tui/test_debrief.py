"""The debrief, driven by real keys: prompts, Q&A, highlights, promises, checklist, picker."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Checkbox, Input, OptionList, SelectionList, TextArea

from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    TZ,
    MakeApp,
    RepoOn,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.app import AfterwordApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.debrief import DebriefScreen
from tui.screens.picker import InterviewPicker
from tui.widgets.field_message import FieldMessage
from tui.widgets.promises_pane import PromiseItem
from tui.widgets.qa_pane import QAItem


@pytest.fixture
def interview_id(db_path: Path) -> int:
    """One interview with two people met, no debrief yet (the app opens on it)."""
    repo = Repository.open(db_path)
    interview = capture_interview(
        repo,
        Capture(
            company="Acme",
            role="Engineer",
            ended="1 hour ago",
            people="Jane Doe <jane@acme.com>, John Smith",
        ),
        NOW,
    )
    repo.close()
    assert interview.id is not None
    return interview.id


@pytest.fixture
def debrief(make_app: MakeApp, interview_id: int) -> AfterwordApp:
    """The app on the debrief of `interview_id`."""
    return make_app()


def prompt_list(app: AfterwordApp) -> OptionList:
    """The B1-B10 list on the left."""
    return app.screen.query_one("#prompt-list", OptionList)


def highlighted(app: AfterwordApp) -> str:
    """The ID of the prompt the list is on."""
    options = prompt_list(app)
    assert options.highlighted is not None
    return options.get_option_at_index(options.highlighted).id or ""


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
        assert isinstance(debrief.focused, Checkbox)
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
        assert [i.query_one(Checkbox).value for i in items] == [True, True]
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


async def test_b2_highlights_are_saved_per_person(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        assert highlighted(debrief) == "B2"
        text = screen_text(debrief)
        assert "Jane Doe" in text and "John Smith" in text
        await type_text(pilot, "Her robotics team")
        await pilot.press("tab")
        await type_text(pilot, "On-call runbooks")
        await pilot.press("tab")
        assert debrief.focused is debrief.screen.query_one("#add-people", Input)
        await type_text(pilot, "Lena Ortiz <lena@acme.com>")
        await pilot.press("enter")
        await wait_for_save(pilot)
        highlights = {p.name: link.highlights for p, link in repo_on().participants(interview_id)}
        assert highlights == {
            "Jane Doe": "Her robotics team",
            "John Smith": "On-call runbooks",
            "Lena Ortiz": "",
        }
        assert "Lena Ortiz" in screen_text(debrief)
        assert "✓ B2" in screen_text(debrief)


async def test_b10_promise_due_phrase_is_read_back_and_a_bad_one_is_kept(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("end", "enter")
        assert highlighted(debrief) == "B10"
        await type_text(pilot, "Send the portfolio")
        await pilot.press("tab")
        await type_text(pilot, "friday")
        await wait_for_save(pilot)
        [promise] = repo_on().promises(interview_id)
        assert promise.text == "Send the portfolio"
        assert promise.due_phrase == "friday"
        assert promise.due_at == datetime(2026, 11, 27, 17, 0, tzinfo=ZoneInfo(TZ))
        reading = debrief.screen.query_one(PromiseItem).query_one(FieldMessage)
        assert "Fri 27 Nov 2026, 17:00" in str(reading.render())
        assert not reading.has_class("-error")

        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "bogus")
        await pilot.press("enter")  # Enter saves the date at once
        assert reading.has_class("-error")
        assert "bogus" in str(reading.render())
        [promise] = repo_on().promises(interview_id)
        assert (promise.due_phrase, promise.due_at) == ("bogus", None)
        assert debrief.screen.query_one(".promise-due", Input).value == "bogus"

        await pilot.press("ctrl+n")
        assert len(debrief.screen.query(PromiseItem)) == 2
        await type_text(pilot, "Intro to Bob")
        await wait_for_save(pilot)
        texts = [p.text for p in repo_on().promises(interview_id)]
        assert texts == ["Send the portfolio", "Intro to Bob"]
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert [p.text for p in repo_on().promises(interview_id)] == ["Send the portfolio"]


async def test_checklist_ticks_next_steps_and_decision_are_saved(
    debrief: AfterwordApp, interview_id: int, repo_on: RepoOn
) -> None:
    async with debrief.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab")  # from the prompt list back to Decision
        assert debrief.focused is debrief.screen.query_one("#decision", Input)
        await type_text(pilot, "in 3 days")
        await wait_for_save(pilot)
        interview = repo_on().get_interview(interview_id)
        assert interview.decision_date == date(2026, 11, 25)
        assert interview.decision_phrase == "in 3 days"
        reading = debrief.screen.query_one("#decision-msg", FieldMessage)
        assert "Wed 25 Nov 2026" in str(reading.render())

        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "whenever")
        await wait_for_save(pilot)
        assert reading.has_class("-error")
        assert "whenever" in str(reading.render())
        assert repo_on().get_interview(interview_id).decision_phrase == "whenever"

        await pilot.press("shift+tab")
        assert debrief.focused is debrief.screen.query_one("#next-steps", Input)
        await type_text(pilot, "Reference checks")
        await pilot.press("shift+tab")
        assert debrief.focused is debrief.screen.query_one("#check-A6", Checkbox)
        await pilot.press("space", "shift+tab", "shift+tab", "shift+tab", "space")
        assert debrief.focused is debrief.screen.query_one("#check-A3", Checkbox)
        await wait_for_save(pilot)
        interview = repo_on().get_interview(interview_id)
        assert sorted(interview.checklist) == ["A3", "A6"]
        assert interview.next_steps == "Reference checks"
        await pilot.press("space")  # untick A3
        assert repo_on().get_interview(interview_id).checklist == ["A6"]


async def test_i_opens_the_picker_and_fuzzy_search_switches_interview(
    make_app: MakeApp, db_path: Path
) -> None:
    repo = Repository.open(db_path)
    for company, role in (("Globex", "Backend"), ("Initech", "SRE"), ("Hooli", "Platform")):
        capture_interview(repo, Capture(company=company, role=role), NOW)
    globex = next(s for s in repo.list_interviews() if s.company == "Globex").interview.id
    repo.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Hooli" in screen_text(app)  # the latest interview opens first
        await pilot.press("i")
        assert isinstance(app.screen, InterviewPicker)
        options = app.screen.query_one("#picker-list", OptionList)
        assert options.option_count == 3
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)
        assert app.session.interview_id != globex

        await pilot.press("i")
        await type_text(pilot, "glbx")
        options = app.screen.query_one("#picker-list", OptionList)
        assert options.option_count == 1
        assert "Globex · Backend · round 1" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.session.interview_id == globex
        assert "Globex" in screen_text(app).splitlines()[0]
