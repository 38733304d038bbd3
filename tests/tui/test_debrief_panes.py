"""The debrief, driven by real keys: highlights per person, promises, the closing checklist, the
interview picker (the `debrief` and `interview_id` fixtures are in conftest.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.widgets import Input, OptionList

from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    TZ,
    MakeApp,
    RepoOn,
    highlighted,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.app import AfterwordApp
from tui.screens.debrief import DebriefScreen
from tui.screens.picker import InterviewPicker
from tui.widgets.field_message import FieldMessage
from tui.widgets.promises_pane import PromiseItem
from tui.widgets.tick_row import TickRow


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
        ticks = debrief.screen.query_one("#checklist-ticks", TickRow)
        assert debrief.focused is ticks  # the six ticks are one stop
        await pilot.press("6", "left", "left", "left", "space")  # A6 by number, A3 by cursor
        assert ticks.cursor == 2
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
