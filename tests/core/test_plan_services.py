"""Plan use cases: touches and the guard (D7, E2), outcomes (A7, D12, D13), the grouped view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from core.models import QA, ActionState, ApplicationStatus, Channel, Interview, Outcome, Touch
from core.models import TouchKind as K
from core.plan_view import Group, due_items, parse_within, timeline
from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_outcome import accept_offer, set_outcome
from core.services_plan import GuardWarning, log_touch, replan, set_touch_answered, snooze
from tests.core.plan_helpers import US, ny

T = ny(2026, 11, 24, 15)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Repository]:
    """A fresh repository."""
    repo = Repository.open(tmp_path / "plan.db")
    yield repo
    repo.close()


def _capture(
    repo: Repository, company: str, decision: str = "2026-12-04", **kw: object
) -> Interview:
    iv = capture_interview(
        repo,
        Capture(company=company, people="Jane Doe <jane@x.com>, Bob Roe", decision=decision, **kw),  # type: ignore[arg-type]
        T,
    )
    replan(repo, iv.id or 0, T, US)
    return iv


def _keys(repo: Repository, interview_id: int) -> dict[str, ActionState]:
    return {a.key: a.state for a in repo.actions_of(interview_id)}


def test_d7_status_touch_before_the_decision_date_is_flagged_then_recorded(
    store: Repository,
) -> None:
    iv = _capture(store, "Acme")
    iid = iv.id or 0
    touch = Touch(interview_id=iid, at=ny(2026, 11, 30, 10), kind=K.STATUS)
    with pytest.raises(GuardWarning) as warned:
        log_touch(store, touch, touch.at, US)
    assert [f.rule for f in warned.value.findings] == ["D7"]
    assert warned.value.findings[0].earliest == ny(2026, 12, 7, 9)
    assert store.touches(iid) == []  # nothing stored without the user's go-ahead
    stored = log_touch(store, touch, touch.at, US, override=True, override_reason="Recruiter asked")
    assert (stored.guard_overridden, stored.guard_reason) == (True, "Recruiter asked")
    plan = _keys(store, iid)
    assert plan["status_check:1"] is ActionState.DONE  # the touch did the planned check
    assert plan["status_check:2"] is ActionState.PLANNED  # D7: again later, it is unanswered
    follow_up = next(a for a in store.actions_of(iid) if a.key == "status_check:2")
    assert (follow_up.rule, follow_up.due) == ("D7", ny(2026, 12, 14, 10))  # after the window
    set_touch_answered(store, stored.id or 0, True, touch.at, US)
    # Answered, and their date is still ahead: the usual D5 check after it instead.
    follow_up = next(a for a in store.actions_of(iid) if a.key == "status_check:2")
    assert (follow_up.rule, follow_up.due) == ("D5", ny(2026, 12, 9, 10))


def test_d7_override_without_reason_records_the_findings(store: Repository) -> None:
    iv = _capture(store, "Acme")
    touch = Touch(interview_id=iv.id or 0, at=ny(2026, 11, 30, 10), kind=K.STATUS)
    stored = log_touch(store, touch, touch.at, US, override=True)
    assert stored.guard_reason.startswith("D7: they said they would decide by Fri 04 Dec")


def test_e2_call_to_a_large_employer_is_flagged(store: Repository) -> None:
    iv = _capture(store, "Globex", large_employer=True)
    call = Touch(
        interview_id=iv.id or 0, at=ny(2026, 12, 9, 10), kind=K.STATUS, channel=Channel.PHONE
    )
    with pytest.raises(GuardWarning) as warned:
        log_touch(store, call, call.at, US)
    assert [f.rule for f in warned.value.findings] == ["E2"]
    email = call.model_copy(update={"channel": Channel.EMAIL})
    assert log_touch(store, email, email.at, US).guard_overridden is False


def test_d7_snoozing_a_status_check_into_the_guard(store: Repository) -> None:
    iv = _capture(store, "Acme")
    status = next(a for a in store.actions_of(iv.id or 0) if a.key == "status_check:1")
    with pytest.raises(GuardWarning):
        snooze(store, status.id or 0, ny(2026, 12, 2, 10), US)
    assert store.get_action(status.id or 0).state is ActionState.PLANNED
    moved = snooze(store, status.id or 0, ny(2026, 12, 2, 10), US, override=True)
    assert moved.state is ActionState.SNOOZED and moved.user_changed
    assert moved.due == ny(2026, 12, 2, 10) and moved.flag.startswith("Guard overridden: D7")


def test_d12_invited_back_starts_a_round_with_the_same_people_and_a_prep(
    store: Repository,
) -> None:
    iv = _capture(store, "Acme")
    iid = iv.id or 0
    store.save_answer(iid, "B9", "Who decides the migration order?")
    store.add_qa(QA(interview_id=iid, question="What is CAP?", stumped=True))
    store.add_qa(QA(interview_id=iid, question="Why us?", stumped=False))
    result = set_outcome(
        store, iid, Outcome.INVITED_BACK, T + timedelta(days=2), US, ny(2026, 12, 3, 14)
    )
    new = result.new_round
    assert new is not None and new.round == 2 and new.application_id == iv.application_id
    assert [p.name for p, _ in store.participants(new.id or 0)] == ["Jane Doe", "Bob Roe"]
    prep = next(a for a in store.actions_of(new.id or 0) if a.key == "prepare_round")
    assert prep.rule == "D12" and prep.due == ny(2026, 12, 2, 14)
    assert "Who decides the migration order?" in prep.note and "What is CAP?" in prep.note
    assert "Why us?" not in prep.note
    assert "status_check:1" not in _keys(store, iid)  # round 1 no longer waits
    again = set_outcome(store, iid, Outcome.INVITED_BACK, T + timedelta(days=2), US)
    assert again.new_round is None and store.next_round(iv.application_id) == 3


def test_d13_accepting_an_offer_adds_a_withdraw_to_every_other_open_process(
    store: Repository,
) -> None:
    offer = _capture(store, "Acme")
    other = _capture(store, "Globex")
    closed = _capture(store, "Initech")
    now = T + timedelta(days=5)
    set_outcome(store, closed.id or 0, Outcome.NOT_SELECTED, now, US)
    set_outcome(store, offer.id or 0, Outcome.OFFER, now, US)
    assert {"offer_review", "offer_reply"} <= set(_keys(store, offer.id or 0))
    accept_offer(store, offer.id or 0, now, US)
    assert store.get_application(offer.application_id).status is ApplicationStatus.ACCEPTED
    assert "withdraw" in _keys(store, other.id or 0)
    assert "status_check:1" not in _keys(store, other.id or 0)
    assert "withdraw" not in _keys(store, closed.id or 0)
    assert "withdraw" not in _keys(store, offer.id or 0)


def test_timeline_groups_and_findings(store: Repository) -> None:
    iv = _capture(store, "Acme")
    now = T + timedelta(hours=23)
    groups = dict(timeline(store, now, US))
    assert list(groups) == [Group.OVERDUE, Group.TODAY, Group.THIS_WEEK, Group.LATER, Group.DONE]
    assert [i.action.kind.value for i in groups[Group.OVERDUE]] == ["debrief"]
    today = {i.person: i for i in groups[Group.TODAY]}
    assert set(today) == {"Jane Doe", "Bob Roe"}
    assert today["Bob Roe"].findings == ("No email address for Bob Roe (A1)",)
    assert today["Jane Doe"].findings == ()
    assert [i.action.rule for i in groups[Group.LATER]] == ["D5"]
    late = {i.person: i for i in due_items(store, T + timedelta(hours=49), US, timedelta(0))}
    assert any("Late" in f and "(C2)" in f for f in late["Jane Doe"].findings)
    only = dict(timeline(store, now, US, interview_id=(iv.id or 0) + 99))
    assert all(items == [] for items in only.values())


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("7d", timedelta(days=7)),
        ("24h", timedelta(hours=24)),
        ("2w", timedelta(weeks=2)),
        ("90m", timedelta(minutes=90)),
        (" 1D ", timedelta(days=1)),
    ],
)
def test_parse_within(text: str, window: timedelta) -> None:
    assert parse_within(text) == window


@pytest.mark.parametrize("text", ["", "7", "d", "-1d", "7 days", "1y"])
def test_parse_within_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="--within"):
        parse_within(text)


def test_a1_a2_c2_thank_you_findings_missing_guessed_late(store: Repository) -> None:
    iv = _capture(store, "Acme")
    jane, bob = (p for p, _ in store.participants(iv.id or 0))
    store.update_person(jane.id or 0, email_source="guessed")
    items = {i.person: i for i in due_items(store, T + timedelta(hours=1), US, timedelta(days=1))}
    assert items["Jane Doe"].findings == ("The email address is a guess: confirm it (A2)",)
    assert items["Bob Roe"].findings == ("No email address for Bob Roe (A1)",)
    store.update_person(bob.id or 0, email="bob@x.com", email_source="confirmed")
    late = {i.person: i for i in due_items(store, T + timedelta(hours=49), US, timedelta(0))}
    assert late["Bob Roe"].findings == (
        "Late: over 48 h since the interview; still worth sending (C2)",
    )
    on_time = {i.person: i for i in due_items(store, T + timedelta(hours=47), US, timedelta(0))}
    assert on_time["Bob Roe"].findings == ()


def test_d7_a_status_check_moved_into_the_guard_is_marked_in_the_timeline(
    store: Repository,
) -> None:
    from core.services_plan import move

    iv = _capture(store, "Acme")
    status = next(a for a in store.actions_of(iv.id or 0) if a.key == "status_check:1")
    now = T + timedelta(hours=1)
    planned = [
        i for _g, items in timeline(store, now, US) for i in items if i.action.id == status.id
    ]
    assert planned[0].findings == ()
    move(store, status.id or 0, ny(2026, 12, 1, 10), US, override=True)
    moved = [i for _g, items in timeline(store, now, US) for i in items if i.action.id == status.id]
    assert any(f.startswith("D7: they said they would decide by") for f in moved[0].findings)
