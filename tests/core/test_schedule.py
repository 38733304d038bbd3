"""Rules D1, D2/C2, D3/C3, C8, D4, D9, D10: table-driven, New York time, US holidays or none.

November 2026: Thursday the 26th is Thanksgiving (US); DST ends Sunday 1 November.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core.models import ActionKind, ActionState, RoleKind
from core.schedule import (
    PlanContext,
    debrief_action,
    linkedin_actions,
    mail_arrival,
    mailed_note_actions,
    promise_actions,
    staff_thanks_actions,
    thank_you_actions,
    value_add_action,
)
from tests.core.plan_helpers import PANEL, PLAIN, US, interview, ny, person, plan_input, promise


@pytest.mark.parametrize(
    ("ended", "due"),
    [
        (ny(2026, 11, 24, 15), ny(2026, 11, 24, 23, 59)),
        (ny(2026, 11, 21, 9), ny(2026, 11, 21, 23, 59)),  # a Saturday: still the same day
        (ny(2026, 11, 24, 23, 59), ny(2026, 11, 24, 23, 59)),
    ],
)
def test_d1_debrief_due_the_same_day(ended: datetime, due: datetime) -> None:
    action = debrief_action(plan_input(interview(ended)), US)
    assert (action.rule, action.kind, action.due, action.window_start) == (
        "D1",
        ActionKind.DEBRIEF,
        due,
        ended,
    )


@pytest.mark.parametrize(
    ("ended", "due", "late"),
    [
        # Friday afternoon: the deadline falls on Saturday (hours, not business days).
        (ny(2026, 11, 20, 16), ny(2026, 11, 21, 16), ny(2026, 11, 22, 16)),
        # Thanksgiving eve: due on the holiday itself.
        (ny(2026, 11, 25, 10), ny(2026, 11, 26, 10), ny(2026, 11, 27, 10)),
        # DST ends on 1 Nov: 24 elapsed hours after 15:00 EDT is 14:00 EST.
        (ny(2026, 10, 31, 15), ny(2026, 11, 1, 14), ny(2026, 11, 2, 14)),
    ],
)
def test_d2_c2_thank_you_due_24h_late_after_48h(
    ended: datetime, due: datetime, late: datetime
) -> None:
    actions = thank_you_actions(plan_input(interview(ended), *PANEL), US)
    assert [a.person_id for a in actions] == [1, 2, 3]  # interviewer, manager, recruiter
    for action in actions:
        assert (action.rule, action.due, action.window_end) == ("D2", due, late)
        assert action.due.astimezone(UTC) - ended.astimezone(UTC) == timedelta(hours=24)
        assert action.due.utcoffset() == due.utcoffset()
        assert not action.optional


def test_d2_dst_due_shows_the_standard_time_offset() -> None:
    action = thank_you_actions(plan_input(interview(ny(2026, 10, 31, 15)), PANEL[0]), US)[0]
    assert action.due.isoformat() == "2026-11-01T14:00:00-05:00"
    assert action.window_start.isoformat() == "2026-10-31T15:00:00-04:00"


@pytest.mark.parametrize(
    ("ctx", "ended", "first", "last"),
    [
        (US, ny(2026, 11, 24, 15), date(2026, 12, 1), date(2026, 12, 3)),  # Thanksgiving skipped
        (PLAIN, ny(2026, 11, 24, 15), date(2026, 11, 30), date(2026, 12, 2)),
        (US, ny(2026, 11, 20, 15), date(2026, 11, 25), date(2026, 11, 30)),  # mailed Saturday
        (PLAIN, ny(2026, 11, 20, 15), date(2026, 11, 25), date(2026, 11, 27)),
    ],
)
def test_c3_d3_mail_by_end_of_next_day_arrives_3_to_5_business_days_later(
    ctx: PlanContext, ended: datetime, first: date, last: date
) -> None:
    notes = mailed_note_actions(plan_input(interview(ended), *PANEL), ctx)
    assert [n.person_id for n in notes] == [2]  # only the one with a mailing address
    note = notes[0]
    mail_by = ended.date() + timedelta(days=1)
    assert (note.rule, note.due) == ("D3", ny(mail_by.year, mail_by.month, mail_by.day, 23, 59))
    assert mail_arrival(mail_by, ctx) == (first, last)
    assert first.strftime("%d %b") in note.reason and last.strftime("%d %b") in note.reason
    assert note.optional


@pytest.mark.parametrize(
    ("decision", "flag"),
    [
        (None, ""),
        (date(2026, 11, 30), "Arrives after the decision date"),  # arrival Dec 1 at the earliest
        (date(2026, 12, 2), "May arrive after the decision date"),  # Dec 1-3
        (date(2026, 12, 3), ""),
    ],
)
def test_c3_flag_when_the_note_would_arrive_after_the_decision_date(
    decision: date | None, flag: str
) -> None:
    note = mailed_note_actions(plan_input(interview(ny(2026, 11, 24, 15), decision), *PANEL), US)[0]
    assert note.flag.startswith(flag) if flag else note.flag == ""


def test_c3_no_mailing_address_no_mailed_note() -> None:
    assert mailed_note_actions(plan_input(interview(ny(2026, 11, 24, 15)), PANEL[0]), US) == []


@pytest.mark.parametrize(
    ("kind", "thanked_as"),
    [
        (RoleKind.STAFF, "C8"),
        (RoleKind.OTHER, "C8"),
        (RoleKind.INTERVIEWER, "D2"),
        (RoleKind.RECRUITER, "D2"),
    ],
)
def test_c8_staff_thanks_and_d2_for_the_others(kind: RoleKind, thanked_as: str) -> None:
    inp = plan_input(interview(ny(2026, 11, 24, 15)), person(9, "Pat", kind))
    rules = [a.rule for a in staff_thanks_actions(inp, US) + thank_you_actions(inp, US)]
    assert rules == [thanked_as]


@pytest.mark.parametrize(
    ("ctx", "ended", "due"),
    [
        (US, ny(2026, 11, 24, 15), ny(2026, 11, 30, 10)),  # thanks Wed 25; Thu 26 is a holiday
        (PLAIN, ny(2026, 11, 24, 15), ny(2026, 11, 27, 10)),
        (US, ny(2026, 11, 19, 15), ny(2026, 11, 24, 10)),  # thanks Fri 20; over the weekend
    ],
)
def test_d4_value_add_a_couple_of_business_days_after_the_thank_you(
    ctx: PlanContext, ended: datetime, due: datetime
) -> None:
    action = value_add_action(plan_input(interview(ended), *PANEL), ctx)
    assert (action.rule, action.due, action.optional) == ("D4", due, True)
    assert action.person_id == 2  # the future manager first
    assert action.window_start == ended + timedelta(hours=24)


def test_d9_promises_by_the_date_promised() -> None:
    ended = ny(2026, 11, 24, 15)
    inp = plan_input(
        interview(ended),
        promises=(
            promise(1, "Send my portfolio", ny(2026, 11, 27, 17)),
            promise(2, "Send references"),
            promise(3, "Intro to Kim", ny(2026, 11, 25, 12), done=True),
            promise(4, "   "),
        ),
    )
    actions = {a.key: a for a in promise_actions(inp, US)}
    assert set(actions) == {"promise:1", "promise:2", "promise:3"}
    assert actions["promise:1"].due == ny(2026, 11, 27, 17)
    assert actions["promise:1"].rule == "D9" and "portfolio" in actions["promise:1"].reason
    assert actions["promise:2"].due == ny(2026, 11, 27, 17)  # 2 business days, Thanksgiving off
    assert "No date" in actions["promise:2"].flag
    assert actions["promise:3"].state is ActionState.DONE


def test_d10_linkedin_optional_after_the_thank_you_interviewers_only() -> None:
    actions = linkedin_actions(plan_input(interview(ny(2026, 11, 24, 15)), *PANEL), US)
    assert [a.person_id for a in actions] == [1, 2]
    assert all(a.rule == "D10" and a.optional for a in actions)
    assert actions[0].due == ny(2026, 11, 27, 10)  # the business day after the thank-you
    assert actions[0].window_start == ny(2026, 11, 25, 15)
