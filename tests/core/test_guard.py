"""The pestering guard D7/E2: too soon, within the cool-down, over the cap, calls to a large
employer; and the plan's own status checks never trip it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.guard import Finding, check_action, check_status, check_touch, earliest_sensible
from core.models import Action, ActionKind, ActionState, Channel, Touch, TouchKind
from core.schedule import PlanContext
from core.schedule_status import status_check_actions
from tests.core.plan_helpers import PANEL, PLAIN, US, interview, ny, plan_input, status_touch

ENDED, DECISION = ny(2026, 11, 24, 15), date(2026, 12, 4)  # first window ends Fri 11 Dec


@pytest.mark.parametrize(
    ("decision", "touches", "when", "expected"),
    [
        # Before the decision date has passed (D7): wait for it; from the next business day.
        (DECISION, [], ny(2026, 12, 3, 10), [("D7", ny(2026, 12, 7, 9))]),
        (DECISION, [], ny(2026, 12, 4, 16), [("D7", ny(2026, 12, 7, 9))]),
        (DECISION, [], ny(2026, 12, 8, 10), []),
        # No time frame: not within the first 2 weeks (D6).
        (None, [], ny(2026, 12, 1, 10), [("D6", ny(2026, 12, 8, 9))]),
        (None, [], ny(2026, 12, 8, 10), []),
        # Unanswered check on Tue 8 Dec: cool-down of a week, and one per decision window.
        (
            DECISION,
            [status_touch(ny(2026, 12, 8, 10))],
            ny(2026, 12, 10, 10),
            [("D7", ny(2026, 12, 15, 9)), ("D7", ny(2026, 12, 14, 9))],
        ),
        (
            DECISION,
            [status_touch(ny(2026, 12, 8, 10))],
            ny(2026, 12, 14, 10),
            [("D7", ny(2026, 12, 15, 9))],
        ),
        (DECISION, [status_touch(ny(2026, 12, 8, 10))], ny(2026, 12, 16, 10), []),
        # They answered: no cool-down, no cap.
        (DECISION, [status_touch(ny(2026, 12, 8, 10), answered=True)], ny(2026, 12, 10, 10), []),
    ],
)
def test_d7_status_check_findings(
    decision: date | None,
    touches: list[Touch],
    when: datetime,
    expected: list[tuple[str, datetime]],
) -> None:
    findings = check_status(interview(ENDED, decision), touches, when, US)
    assert [(f.rule, f.earliest) for f in findings] == expected
    assert all(f.reason for f in findings)


def test_d7_earliest_sensible_date_is_when_no_finding_applies_any_more() -> None:
    findings = check_status(
        interview(ENDED, DECISION), [status_touch(ny(2026, 12, 8, 10))], ny(2026, 12, 10), US
    )
    earliest = earliest_sensible(findings)
    assert earliest == ny(2026, 12, 15, 9)
    assert earliest is not None
    assert (
        check_status(interview(ENDED, DECISION), [status_touch(ny(2026, 12, 8, 10))], earliest, US)
        == []
    )
    assert earliest_sensible([]) is None


@pytest.mark.parametrize(
    ("large", "channel", "rules"),
    [
        (True, Channel.PHONE, ["E2"]),
        (True, Channel.EMAIL, []),
        (False, Channel.PHONE, []),
    ],
)
def test_e2_large_employer_prefers_a_note_over_calls(
    large: bool, channel: Channel, rules: list[str]
) -> None:
    iv = interview(ENDED, DECISION, large=large)
    assert [f.rule for f in check_status(iv, [], ny(2026, 12, 8, 10), US, channel)] == rules
    thanks = Touch(interview_id=1, at=ny(2026, 11, 25), kind=TouchKind.THANKS, channel=channel)
    assert [f.rule for f in check_touch(iv, [], thanks, US)] == rules


def test_d7_check_touch_applies_the_full_check_to_status_touches_only() -> None:
    iv = interview(ENDED, DECISION)
    early = Touch(interview_id=1, at=ny(2026, 11, 30), kind=TouchKind.STATUS)
    other = Touch(interview_id=1, at=ny(2026, 11, 30), kind=TouchKind.OTHER)
    assert [f.rule for f in check_touch(iv, [], early, US)] == ["D7"]
    assert check_touch(iv, [], other, US) == []


def test_d7_finding_text_names_rule_and_date() -> None:
    text = Finding("D7", "wait", ny(2026, 12, 7, 9)).text()
    assert text == "D7: wait (from Mon 07 Dec)"


def _action(kind: ActionKind, due: datetime, state: ActionState = ActionState.PLANNED) -> Action:
    return Action(
        interview_id=1,
        kind=kind,
        key="k",
        rule="D5",
        due=due,
        window_start=due,
        window_end=due,
        state=state,
    )


def test_d7_check_action_only_for_open_status_checks() -> None:
    iv = interview(ENDED, DECISION)
    early = ny(2026, 12, 1, 10)
    assert [f.rule for f in check_action(_action(ActionKind.STATUS_CHECK, early), iv, [], US)] == [
        "D7"
    ]
    assert check_action(_action(ActionKind.VALUE_ADD, early), iv, [], US) == []
    done = _action(ActionKind.STATUS_CHECK, early, ActionState.DONE)
    assert check_action(done, iv, [], US) == []


@pytest.mark.parametrize("ctx", [US, PLAIN])
@pytest.mark.parametrize(
    ("decision", "touches"),
    [
        (DECISION, ()),
        (None, ()),
        (date(2026, 11, 20), ()),  # already passed at the interview
        (DECISION, (status_touch(ny(2026, 11, 27, 10)),)),  # premature, unanswered
        (DECISION, (status_touch(ny(2026, 12, 9, 10)),)),  # in the window, unanswered
        (None, (status_touch(ny(2026, 12, 9, 10)), status_touch(ny(2026, 12, 23, 10)))),
    ],
)
def test_d7_planned_status_checks_never_trip_the_guard(
    ctx: PlanContext, decision: date | None, touches: tuple[Touch, ...]
) -> None:
    iv = interview(ENDED, decision)
    actions = status_check_actions(plan_input(iv, *PANEL, touches=touches), ctx)
    assert actions, "a check is planned"
    for action in actions:
        assert check_action(action, iv, touches, ctx) == []
