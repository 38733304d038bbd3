"""Calendar export: one VTODO per open action, with DUE, a VALARM and a stable UID (icalendar)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from core.plan_view import KIND_LABELS
from core.private_file import write_private
from core.repository import Repository
from core.repository.plan import PlanRow
from core.schedule import PlanContext

PRODID = "-//Afterword//Follow-up plan//EN"
ALARM_BEFORE = timedelta(hours=1)


def action_uid(namespace: str, row: PlanRow) -> str:
    """A UID that stays the same across exports, so a re-import updates rather than duplicates."""
    action = row.action
    key = action.key.replace(":", "-")
    return f"afterword-{namespace}-interview-{action.interview_id}-{key}@afterword"


def summary(row: PlanRow) -> str:
    """The to-do's title: 'Thank-you email: Jane Doe (Acme)'."""
    who = f": {row.person}" if row.person else ""
    return f"{KIND_LABELS[row.action.kind]}{who} ({row.company})"


def _todo(row: PlanRow, namespace: str, now: datetime, ctx: PlanContext) -> Any:
    from icalendar import Alarm, Todo

    action = row.action
    due = ctx.local(action.due)
    todo = Todo()
    todo.add("uid", action_uid(namespace, row))
    todo.add("dtstamp", now)
    todo.add("summary", summary(row))
    description = f"{action.reason} [{action.rule}]"
    if action.flag:
        description += f"\n{action.flag}"
    todo.add("description", description)
    start = ctx.local(action.window_start)
    if start < due:
        todo.add("dtstart", start)
    todo.add("due", due)
    todo.add("status", "NEEDS-ACTION")
    todo.add("priority", 9 if action.optional else 5)
    todo.add("categories", ["Afterword", action.rule])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary(row))
    alarm.add("trigger", -ALARM_BEFORE, parameters={"RELATED": "END"})
    todo.add_component(alarm)
    return todo


def plan_ics(rows: list[PlanRow], namespace: str, now: datetime, ctx: PlanContext) -> bytes:
    """Return the iCalendar text of these actions (open ones only), time zones included."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Afterword follow-ups")
    for row in rows:
        if row.action.is_open:
            calendar.add_component(_todo(row, namespace, now, ctx))
    calendar.add_missing_timezones(date(now.year - 1, 1, 1), date(now.year + 3, 1, 1))
    data: bytes = calendar.to_ical()
    return data


def export_ics(repo: Repository, path: Path | None, now: datetime, ctx: PlanContext) -> bytes:
    """Write every open action as a VTODO to `path` (0600, atomic); None: just return the text."""
    data = plan_ics(repo.open_rows(), repo.database_id(), now, ctx)
    if path is not None:
        write_private(path, data)
    return data
