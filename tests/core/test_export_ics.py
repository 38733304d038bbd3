"""ICS export: one VTODO per open action, DUE in the user's zone, a VALARM, stable UIDs, 0600."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from core.export_ics import export_ics
from core.models import Interview
from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_plan import mark_done, replan
from tests.core.plan_helpers import US, ny

T = ny(2026, 10, 30, 15)  # the Friday before DST ends


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Repository]:
    """A fresh repository."""
    repo = Repository.open(tmp_path / "plan.db")
    yield repo
    repo.close()


@pytest.fixture
def planned(store: Repository) -> Interview:
    """One interview with two interviewers, planned at T."""
    iv = capture_interview(
        store, Capture(company="Acme", people="Jane Doe <jane@acme.com>, Bob Roe"), T
    )
    replan(store, iv.id or 0, T, US)
    return iv


def _todos(data: bytes) -> list[Calendar]:
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    return list(calendar.walk("VTODO"))


def test_one_vtodo_per_open_action_with_due_alarm_and_zone(
    store: Repository, planned: Interview, tmp_path: Path
) -> None:
    target = tmp_path / "plan.ics"
    data = export_ics(store, target, T, US)
    assert target.read_bytes() == data
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    todos = _todos(data)
    open_actions = [a for a in store.actions_of(planned.id or 0) if a.is_open]
    assert len(todos) == len(open_actions) > 0
    calendar = Calendar.from_ical(data)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    thanks = [t for t in todos if str(t["SUMMARY"]).startswith("Thank-you email: Jane Doe")]
    assert len(thanks) == 1
    due = thanks[0]["DUE"].dt
    assert due == ny(2026, 10, 31, 15)
    assert str(due.tzinfo) == "America/New_York"
    assert due.utcoffset() == timedelta(hours=-4)
    for todo in todos:
        (alarm,) = todo.walk("VALARM")
        assert alarm["TRIGGER"].dt == -timedelta(hours=1)
        assert alarm["TRIGGER"].params["RELATED"] == "END"
        assert str(todo["STATUS"]) == "NEEDS-ACTION"
        if "DTSTART" in todo:
            assert todo["DTSTART"].dt < todo["DUE"].dt


def test_uids_are_unique_and_stable_across_exports(store: Repository, planned: Interview) -> None:
    first = [str(t["UID"]) for t in _todos(export_ics(store, None, T, US))]
    assert len(first) == len(set(first))
    later = T + timedelta(hours=5)
    again = [str(t["UID"]) for t in _todos(export_ics(store, None, later, US))]
    assert again == first
    action = next(a for a in store.actions_of(planned.id or 0) if a.kind.value == "thank_you")
    mark_done(store, action.id or 0, later, US)
    remaining = [str(t["UID"]) for t in _todos(export_ics(store, None, later, US))]
    assert len(remaining) == len(first) - 1 and set(remaining) < set(first)


def test_d2_due_across_dst_is_exported_in_standard_time(store: Repository) -> None:
    iv = capture_interview(
        store, Capture(company="Acme", people="Jane <j@acme.com>"), ny(2026, 10, 31, 15)
    )
    replan(store, iv.id or 0, ny(2026, 10, 31, 15), US)
    todos = _todos(export_ics(store, None, ny(2026, 10, 31, 15), US))
    (thanks,) = [t for t in todos if str(t["SUMMARY"]).startswith("Thank-you email")]
    assert thanks["DUE"].dt.isoformat() == "2026-11-01T14:00:00-05:00"
