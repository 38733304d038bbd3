"""Status checks A4, D5, D6, D7: decision date given, none, already passed; weekends, holidays,
DST; and the follow-ups after an unanswered check."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.models import ActionKind
from core.schedule import PlanContext
from core.schedule_status import MAX_STATUS_CHECKS, decision_window, status_check_actions
from tests.core.plan_helpers import PANEL, PLAIN, US, interview, ny, plan_input, status_touch


@pytest.mark.parametrize(
    ("ctx", "ended", "decision", "due", "start", "end"),
    [
        # Decision Fri 20 Nov: 3 business days = Wed 25 either way; the window end differs.
        (US, ny(2026, 11, 16, 15), date(2026, 11, 20), (11, 25), (11, 23), (11, 30)),
        (PLAIN, ny(2026, 11, 16, 15), date(2026, 11, 20), (11, 25), (11, 23), (11, 27)),
        # Decision Tue 24 Nov: Thanksgiving (26) and the weekend are skipped with US holidays.
        (US, ny(2026, 11, 16, 15), date(2026, 11, 24), (11, 30), (11, 25), (12, 2)),
        (PLAIN, ny(2026, 11, 16, 15), date(2026, 11, 24), (11, 27), (11, 25), (12, 1)),
    ],
)
def test_d5_status_check_3_business_days_after_the_decision_date(
    ctx: PlanContext,
    ended: datetime,
    decision: date,
    due: tuple[int, int],
    start: tuple[int, int],
    end: tuple[int, int],
) -> None:
    (action,) = status_check_actions(plan_input(interview(ended, decision), *PANEL), ctx)
    assert (action.rule, action.kind, action.key) == (
        "D5",
        ActionKind.STATUS_CHECK,
        "status_check:1",
    )
    assert action.due == ny(2026, *due, 10)
    assert action.window_start == ny(2026, *start, 9)
    assert action.window_end == ny(2026, *end, 17)
    assert action.person_id == 2  # the future manager
    assert "decision date they gave" in action.reason and "passed" not in action.reason


def test_d5_decision_date_already_passed_counts_from_the_interview() -> None:
    (action,) = status_check_actions(
        plan_input(interview(ny(2026, 11, 24, 15), date(2026, 11, 20)), *PANEL), US
    )
    assert action.due == ny(2026, 11, 30, 10)  # 3 business days after Tue 24 (26 is a holiday)
    assert "already passed" in action.reason


def test_d5_across_the_dst_change_keeps_10am_local() -> None:
    (action,) = status_check_actions(
        plan_input(interview(ny(2026, 10, 23, 15), date(2026, 10, 30)), *PANEL), US
    )
    assert action.due.isoformat() == "2026-11-04T10:00:00-05:00"


@pytest.mark.parametrize(
    ("ctx", "ended", "none_given", "due", "end", "why"),
    [
        (US, ny(2026, 11, 16, 15), True, (11, 30), (12, 7), "no time frame given"),
        (US, ny(2026, 11, 12, 15), True, (11, 27), (12, 3), "no time frame given"),  # 26: holiday
        (PLAIN, ny(2026, 11, 12, 15), False, (11, 26), (12, 3), "no time frame recorded"),
        (US, ny(2026, 11, 7, 11), False, (11, 23), (11, 30), "no time frame recorded"),  # Sat+14
    ],
)
def test_d6_status_check_2_weeks_after_with_no_time_frame(
    ctx: PlanContext,
    ended: datetime,
    none_given: bool,
    due: tuple[int, int],
    end: tuple[int, int],
    why: str,
) -> None:
    iv = interview(ended, none_given=none_given)
    (action,) = status_check_actions(plan_input(iv, *PANEL), ctx)
    assert (action.rule, action.due, action.window_end) == (
        "D6",
        ny(2026, *due, 10),
        ny(2026, *end, 17),
    )
    assert why in action.reason


def test_d6_across_the_dst_change() -> None:
    (action,) = status_check_actions(plan_input(interview(ny(2026, 10, 23, 15)), *PANEL), US)
    assert action.due.isoformat() == "2026-11-06T10:00:00-05:00"


@pytest.mark.parametrize(("large", "says_no_call"), [(True, True), (False, False)])
def test_d7_large_employer_status_check_by_note_not_call(large: bool, says_no_call: bool) -> None:
    (action,) = status_check_actions(
        plan_input(interview(ny(2026, 11, 24, 15), date(2026, 12, 4), large=large), *PANEL), US
    )
    assert ("not a call" in action.reason) is says_no_call


def test_a4_decision_window_from_the_date_given_or_not() -> None:
    given = decision_window(interview(ny(2026, 11, 24, 15), date(2026, 12, 4)), US)
    none = decision_window(interview(ny(2026, 11, 24, 15)), US)
    assert (given.rule, given.end) == ("D5", ny(2026, 12, 11, 17))
    assert (none.rule, none.due) == ("D6", ny(2026, 12, 8, 10))


ENDED, DECISION = ny(2026, 11, 24, 15), date(2026, 12, 4)  # first window ends Fri 11 Dec


@pytest.mark.parametrize(
    ("touches", "decision", "expected"),
    [
        # Unanswered on Wed 9 Dec: the next one 2 weeks later (not before 1 week).
        ([status_touch(ny(2026, 12, 9, 10))], DECISION, ("status_check:2", (12, 23), (12, 16))),
        # A premature, unanswered check (27 Nov): the next waits for the window to close.
        ([status_touch(ny(2026, 11, 27, 10))], DECISION, ("status_check:2", (12, 14), (12, 14))),
        # Answered, and no later date recorded: nothing more to check.
        ([status_touch(ny(2026, 12, 9, 10), answered=True)], DECISION, None),
        # Answered with a new date (18 Dec): a new D5 check 3 business days after it.
        (
            [status_touch(ny(2026, 12, 9, 10), answered=True)],
            date(2026, 12, 18),
            ("status_check:2", (12, 23), (12, 21)),
        ),
        (
            [status_touch(ny(2026, 12, 9)), status_touch(ny(2026, 12, 23))],
            DECISION,
            ("status_check:3", (1, 6), (12, 30)),
        ),
    ],
)
def test_d7_follow_up_after_an_unanswered_check(
    touches: list, decision: date, expected: tuple[str, tuple[int, int], tuple[int, int]] | None
) -> None:
    actions = status_check_actions(
        plan_input(interview(ENDED, decision), *PANEL, touches=tuple(touches)), US
    )
    if expected is None:
        assert actions == []
        return
    key, due, start = expected
    (action,) = actions
    year = 2027 if due[0] == 1 else 2026
    assert action.key == key
    assert action.due == ny(year, *due, 10)
    assert action.window_start == ny(2026, *start, 9)


def test_d7_no_more_checks_after_the_cap_of_unanswered_ones() -> None:
    touches = tuple(status_touch(ny(2026, 12, 9 + 7 * i)) for i in range(MAX_STATUS_CHECKS))
    assert status_check_actions(plan_input(interview(ENDED, DECISION), touches=touches), US) == []
