"""Opening a debrief writes nothing: relative phrases ('in 1 week') keep the dates they gave."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from core.models import Promise
from core.services import Capture, capture_interview, set_decision
from tests.tui.pilot_helpers import NOW, SIZE, MakeApp, RepoOn, wait_for_save
from tui.widgets.debrief_body import DebriefBody

CAPTURED = NOW - timedelta(days=9)  # the interview, and the day its phrases were read


def _seed(repo_on: RepoOn) -> tuple[int, int, date, datetime]:
    repo = repo_on()
    interview = capture_interview(repo, Capture(company="Acme", people="Jane Doe"), CAPTURED)
    iid = interview.id or 0
    decided = set_decision(repo, iid, "in 1 week", CAPTURED)
    due = CAPTURED + timedelta(days=2)
    promise = repo.add_promise(
        Promise(interview_id=iid, text="send the deck", due_phrase="in 2 days", due_at=due)
    )
    repo.close()
    assert decided.decision_date == (CAPTURED + timedelta(days=7)).date()
    return iid, promise.id or 0, decided.decision_date, due


async def test_opening_the_debrief_and_its_panes_keeps_every_date(
    make_app: MakeApp, repo_on: RepoOn
) -> None:
    """A4 and D9: the decision date and a promise's due date read 9 days ago stay as they were
    after the debrief, its checklist and the promises pane (B10) have been shown."""
    iid, pid, decision_date, due = _seed(repo_on)
    app = make_app(iid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = app.screen.query_one(DebriefBody)
        await body.show_prompt("B10")
        await pilot.pause()
        assert app.screen.query("#pane-B10")
        await wait_for_save(pilot)
        app.saver.flush()
    repo = repo_on()
    interview = repo.get_interview(iid)
    assert interview.decision_phrase == "in 1 week"
    assert interview.decision_date == decision_date  # not NOW + 1 week
    promise = repo.get_promise(pid)
    assert (promise.due_phrase, promise.due_at) == ("in 2 days", due)


async def test_an_edited_phrase_is_still_read_against_now(
    make_app: MakeApp, repo_on: RepoOn
) -> None:
    """What the user does type in the decision field is read against now and saved."""
    iid, _pid, _decision, _due = _seed(repo_on)
    app = make_app(iid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#decision").focus()
        await pilot.press("home", "ctrl+k", *"in 2 weeks")
        await wait_for_save(pilot)
    interview = repo_on().get_interview(iid)
    assert interview.decision_phrase == "in 2 weeks"
    assert interview.decision_date == (NOW + timedelta(days=14)).date()


async def test_typing_back_the_phrase_it_opened_with_is_saved(
    make_app: MakeApp, repo_on: RepoOn
) -> None:
    """An edit that returns to the opening text is an edit: it is read again and saved."""
    iid, _pid, _decision, _due = _seed(repo_on)
    app = make_app(iid)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#decision").focus()
        await pilot.press("end", "backspace", "k")
        await wait_for_save(pilot)
    interview = repo_on().get_interview(iid)
    assert interview.decision_phrase == "in 1 week"
    assert interview.decision_date == (NOW + timedelta(days=7)).date()
