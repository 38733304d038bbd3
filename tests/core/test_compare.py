"""F2: open processes side by side: company, role, round, red flags, fit, decision, outcome,
next action."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from core.compare import compare_processes, decision_text
from core.models import ActionKind, ApplicationStatus, Interview, Outcome
from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_plan import mark_done, replan
from tests.core.plan_helpers import US


def _capture(repo: Repository, now: datetime, company: str, ended: str, decision: str) -> int:
    capture = Capture(company=company, role="Engineer", ended=ended, decision=decision)
    return capture_interview(repo, capture, now).id or 0


def test_f2_open_processes_side_by_side(repo: Repository, now: datetime) -> None:
    """F2: every open process once (its latest round), newest first, with red flags (B7) and
    fit (B8) of every round, latest round first; closed processes are left out."""
    first = _capture(repo, now, "Acme", "2026-11-02 10:00", "none")
    repo.save_answer(first, "B7", "Vague about on-call")
    repo.save_answer(first, "B8", "Good team, kind manager")
    second = _capture(repo, now, "Acme", "2026-11-16 10:00", "2026-11-27")
    repo.save_answer(second, "B7", "Three reorgs in a year")
    globex = _capture(repo, now, "Globex", "2026-11-20 16:00", "")
    repo.save_answer(globex, "B8", "   ")  # blank: no fit noted
    closed = _capture(repo, now, "Initech", "2026-11-21 10:00", "")
    repo.update_application(repo.get_interview(closed).application_id, status="rejected")

    views = compare_processes(repo, now)
    assert [(v.company, v.round, v.interview_id) for v in views] == [
        ("Globex", 1, globex),
        ("Acme", 2, second),
    ]
    acme = views[1]
    assert acme.role == "Engineer"
    assert acme.red_flags == ((2, "Three reorgs in a year"), (1, "Vague about on-call"))
    assert acme.fit == ((1, "Good team, kind manager"),)
    assert views[0].red_flags == views[0].fit == ()
    assert acme.decision == "Fri 27 Nov 2026 (in 4 d)"
    assert views[0].decision == "not asked"
    assert (acme.outcome, views[0].outcome) == ("Pending", "Pending")


def test_f2_next_action_is_the_earliest_open_one_of_the_plan(
    repo: Repository, now: datetime
) -> None:
    """F2: the next action is the plan's earliest open action over every round; a done one
    no longer counts; no plan yet says so."""
    iid = _capture(repo, now, "Acme", "1 hour ago", "in 2 weeks")
    [view] = compare_processes(repo, now)
    assert (view.next_action, view.next_due) == ("nothing planned", None)
    replan(repo, iid, now, US)
    actions = [a for a in repo.actions_of(iid) if a.is_open]
    earliest = min(actions, key=lambda a: (a.due, a.id or 0))
    assert earliest.kind is ActionKind.DEBRIEF
    [view] = compare_processes(repo, now)
    assert view.next_due == earliest.due
    assert view.next_action == "Debrief · Mon 23 Nov (today)"
    mark_done(repo, earliest.id or 0, now, US)
    rest = min((a for a in repo.actions_of(iid) if a.is_open), key=lambda a: (a.due, a.id or 0))
    [view] = compare_processes(repo, now)
    assert view.next_due == rest.due
    assert view.next_action == "Value-add follow-up · Fri 27 Nov (in 4 d)"


def test_f2_outcome_is_the_latest_rounds_and_an_offer_shows(
    repo: Repository, now: datetime
) -> None:
    """F2/A7: the outcome in words; a process holding an offer says Offer."""
    iid = _capture(repo, now, "Acme", "2026-11-10 10:00", "")
    repo.update_interview(iid, outcome=Outcome.INVITED_BACK)
    [view] = compare_processes(repo, now)
    assert view.outcome == "Invited back"
    repo.update_application(repo.get_interview(iid).application_id, status=ApplicationStatus.OFFER)
    [view] = compare_processes(repo, now)
    assert view.outcome == "Offer"


def test_a4_decision_in_words() -> None:
    """A4: a date with how far it is, 'none given', or 'not asked'."""
    ended = datetime.fromisoformat("2026-11-20T10:00:00-05:00")
    base = Interview(application_id=1, ended_at=ended)
    today = date(2026, 11, 23)
    past = base.model_copy(update={"decision_date": today - timedelta(days=3)})
    assert decision_text(past, today) == "Fri 20 Nov 2026 (3 d ago)"
    assert decision_text(base.model_copy(update={"decision_date": today}), today).endswith(
        "(today)"
    )
    assert decision_text(base.model_copy(update={"no_timeframe_given": True}), today) == (
        "none given"
    )
    assert decision_text(base, today) == "not asked"
