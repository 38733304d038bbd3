"""Builders for the plan tests: interviews, people and plan inputs in America/New_York."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from core.models import Interview, Person, Promise, RoleKind, Touch, TouchKind
from core.plan_view import DueLine, due_items
from core.repository import Repository
from core.schedule import PlanContext, PlanInput

NY = ZoneInfo("America/New_York")
US = PlanContext(zone=NY, country="US")
PLAIN = PlanContext(zone=NY)  # no country: weekends only


def ny(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A wall-clock time in New York."""
    return datetime(y, m, d, h, mi, tzinfo=NY)


def interview(
    ended: datetime,
    decision: date | None = None,
    *,
    large: bool = False,
    none_given: bool = False,
    **fields: Any,
) -> Interview:
    """A stored-looking interview (id 1) that ended at `ended`."""
    return Interview(
        id=fields.pop("id", 1),
        application_id=1,
        ended_at=ended,
        decision_date=decision,
        no_timeframe_given=none_given,
        large_employer=large,
        **fields,
    )


def person(pid: int, name: str, kind: RoleKind = RoleKind.INTERVIEWER, **fields: Any) -> Person:
    """A person of application 1."""
    return Person(id=pid, application_id=1, name=name, role_kind=kind, **fields)


def status_touch(at: datetime, answered: bool = False) -> Touch:
    """A status check made at `at`."""
    return Touch(interview_id=1, at=at, kind=TouchKind.STATUS, answered=answered)


def promise(pid: int, text: str, due: datetime | None = None, done: bool = False) -> Promise:
    """A promise made during interview 1."""
    return Promise(id=pid, interview_id=1, text=text, due_at=due, done=done)


def plan_input(iv: Interview, *people: Person, **fields: Any) -> PlanInput:
    """The plan input of an interview with these people."""
    return PlanInput(interview=iv, people=tuple(people), **fields)


PANEL = (
    person(1, "Jane Doe", RoleKind.INTERVIEWER, email="jane@acme.com"),
    person(2, "Ravi Patel", RoleKind.FUTURE_MANAGER, mailing_address="1 Main St, Springfield"),
    person(3, "Lena Ortiz", RoleKind.RECRUITER),
    person(4, "Sam Reed", RoleKind.STAFF),
)


def expected_due_lines(repo: Repository, now: datetime, within: timedelta) -> list[DueLine]:
    """The lines `afterword due` prints, made from due_items' full items (the reference the
    light read is compared with)."""
    return [
        DueLine(
            item.action.id or 0,
            item.action.due,
            item.label,
            item.person,
            item.company,
            item.action.rule,
            item.action.due < now,
            bool(item.findings),
        )
        for item in due_items(repo, now, US, within)
    ]
