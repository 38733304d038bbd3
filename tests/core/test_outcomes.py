"""Outcome rules A7, D11-D14, and the whole plan of an interview by outcome."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.models import Action, ActionKind, ApplicationStatus, Outcome, RoleKind
from core.outcomes import (
    keep_searching_waiting,
    keeps_timing,
    outcome_actions,
    prep_note,
    waiting,
)
from core.plan import build_plan
from core.schedule import PlanContext
from tests.core.plan_helpers import PANEL, PLAIN, US, interview, ny, person, plan_input

ENDED = ny(2026, 11, 24, 15)
NOW = ny(2026, 11, 25, 11)  # the day before Thanksgiving


def _kinds(actions: list[Action]) -> dict[str, str]:
    return {a.key: a.rule for a in actions}


@pytest.mark.parametrize(
    ("outcome", "status", "elsewhere", "is_waiting"),
    [
        (Outcome.PENDING, ApplicationStatus.OPEN, False, True),
        (Outcome.PENDING, ApplicationStatus.OPEN, True, False),
        (Outcome.PENDING, ApplicationStatus.WITHDRAWN, False, False),
        (Outcome.NOT_SELECTED, ApplicationStatus.REJECTED, False, False),
        (Outcome.OFFER, ApplicationStatus.OFFER, False, False),
        (Outcome.INVITED_BACK, ApplicationStatus.OPEN, False, False),
    ],
)
def test_a7_waiting_only_while_the_outcome_is_pending(
    outcome: Outcome, status: ApplicationStatus, elsewhere: bool, is_waiting: bool
) -> None:
    inp = plan_input(
        interview(ENDED, outcome=outcome),
        *PANEL,
        application_status=status,
        accepted_elsewhere=elsewhere,
    )
    assert waiting(inp) is is_waiting
    keys = _kinds(build_plan(inp, US, NOW))
    assert ("status_check:1" in keys) is is_waiting
    assert ("value_add" in keys) is is_waiting
    assert ("keep_searching" in keys) is is_waiting
    assert "thank_you:1" in keys  # the thank-you stands whatever the outcome


def test_d14_keep_searching_a_week_into_the_wait() -> None:
    action = keep_searching_waiting(plan_input(interview(ENDED)), US)
    assert (action.rule, action.due, action.optional) == ("D14", ny(2026, 12, 2, 10), True)


@pytest.mark.parametrize(
    ("ctx", "due"), [(US, ny(2026, 11, 27, 10)), (PLAIN, ny(2026, 11, 26, 10))]
)
def test_d11_not_selected_asks_for_feedback_courteously(ctx: PlanContext, due: datetime) -> None:
    inp = plan_input(
        interview(ENDED, outcome=Outcome.NOT_SELECTED),
        *PANEL,
        application_status=ApplicationStatus.REJECTED,
    )
    actions = {a.key: a for a in outcome_actions(inp, ctx, NOW)}
    feedback = actions["feedback_request"]
    assert (feedback.rule, feedback.kind, feedback.due) == ("D11", ActionKind.FEEDBACK_REQUEST, due)
    assert feedback.person_id == 2  # the future manager first, then the recruiter
    assert "courteous" in feedback.reason
    assert actions["keep_searching:after"].rule == "D14"


def test_d11_feedback_goes_to_the_recruiter_without_a_manager() -> None:
    people = (person(1, "Jane", RoleKind.INTERVIEWER), person(3, "Lena", RoleKind.RECRUITER))
    inp = plan_input(interview(ENDED, outcome=Outcome.NOT_SELECTED), *people)
    (feedback,) = [a for a in outcome_actions(inp, US, NOW) if a.key == "feedback_request"]
    assert feedback.person_id == 3


def test_a7_offer_adds_the_decision_actions() -> None:
    inp = plan_input(
        interview(ENDED, outcome=Outcome.OFFER), *PANEL, application_status=ApplicationStatus.OFFER
    )
    actions = {a.key: a for a in outcome_actions(inp, US, NOW)}
    assert set(actions) == {"offer_review", "offer_reply"}
    assert actions["offer_review"].due == ny(2026, 11, 27, 10)
    assert actions["offer_reply"].due == ny(2026, 12, 1, 17)  # 3 business days, 26 off
    assert all(a.rule == "A7" for a in actions.values())


@pytest.mark.parametrize(
    ("latest", "status", "withdraw"),
    [
        (True, ApplicationStatus.OPEN, True),
        (True, ApplicationStatus.OFFER, True),
        (False, ApplicationStatus.OPEN, False),  # only the latest round of a process
        (True, ApplicationStatus.REJECTED, False),  # a closed process needs no message
    ],
)
def test_d13_accepted_elsewhere_withdraw_politely(
    latest: bool, status: ApplicationStatus, withdraw: bool
) -> None:
    inp = plan_input(
        interview(ENDED),
        *PANEL,
        accepted_elsewhere=True,
        latest_round=latest,
        application_status=status,
    )
    actions = {a.key: a for a in outcome_actions(inp, US, NOW)}
    assert ("withdraw" in actions) is withdraw
    if withdraw:
        action = actions["withdraw"]
        assert (action.rule, action.due) == ("D13", ny(2026, 11, 27, 10))
        assert "don't ghost" in action.reason


def test_d12_new_round_prep_carries_b9_and_b5() -> None:
    start = ny(2026, 12, 2, 10)
    inp = plan_input(
        interview(start, round=2),
        *PANEL,
        wished_questions="How is success measured?",
        stumpers=("What is CAP?", "Biggest failure?"),
        carried_from_round=1,
    )
    (prep,) = [a for a in outcome_actions(inp, US, NOW) if a.key == "prepare_round"]
    assert (prep.rule, prep.kind) == ("D12", ActionKind.PREPARE_ROUND)
    assert prep.due == ny(2026, 12, 1, 10)
    assert "How is success measured?" in prep.note and "- What is CAP?" in prep.note
    assert "round 2" in prep.reason and "round 1" in prep.reason


def test_d12_prep_note_sections() -> None:
    assert prep_note("", ()) == ""
    assert prep_note("Ask about on-call", ()) == "Questions to ask (B9):\nAsk about on-call"
    assert prep_note("", ("Q1",)) == "Practise (B5):\n- Q1"


def test_d12_no_prep_for_a_first_round() -> None:
    inp = plan_input(interview(ENDED), *PANEL, wished_questions="x", stumpers=("y",))
    assert all(a.key != "prepare_round" for a in outcome_actions(inp, US, NOW))


def test_actions_timed_from_an_event_keep_their_timing() -> None:
    inp = plan_input(interview(ENDED, outcome=Outcome.NOT_SELECTED), *PANEL)
    event_timed = outcome_actions(inp, US, NOW)
    assert event_timed and all(keeps_timing(a) for a in event_timed)
    rule_timed = build_plan(plan_input(interview(ENDED, date(2026, 12, 4)), *PANEL), US, NOW)
    assert not any(keeps_timing(a) for a in rule_timed)


def test_build_plan_is_sorted_and_keys_are_unique() -> None:
    actions = build_plan(plan_input(interview(ENDED, date(2026, 12, 4)), *PANEL), US, NOW)
    keys = [a.key for a in actions]
    assert len(keys) == len(set(keys))
    assert [a.due for a in actions] == sorted(a.due for a in actions)
    assert {a.rule for a in actions} >= {"D1", "D2", "D3", "C8", "D4", "D5", "D10", "D14"}
