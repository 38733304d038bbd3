"""F2: open processes side by side: red flags (B7), fit (B8), decision, outcome, next action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from core.models import Action, ApplicationStatus, Interview
from core.repository import Repository
from core.repository.learning import ProcessRows

Notes = tuple[tuple[int, str], ...]
"""Answers to one prompt across the rounds of a process: (round, text), latest round first."""


@dataclass(frozen=True)
class ProcessView:
    """F2: one open process as the comparison shows it (everything already in words)."""

    application_id: int
    interview_id: int
    company: str
    role: str
    round: int
    red_flags: Notes
    fit: Notes
    decision: str
    outcome: str
    next_action: str
    next_due: datetime | None


def _days(day: date, today: date) -> str:
    n = (day - today).days
    if n == 0:
        return "today"
    return f"in {n} d" if n > 0 else f"{-n} d ago"


def decision_text(interview: Interview, today: date) -> str:
    """A4: when they said they would decide, as given: a date, 'none given', or 'not asked'."""
    if interview.decision_date is not None:
        day = interview.decision_date
        return f"{day:%a %d %b %Y} ({_days(day, today)})"
    return "none given" if interview.no_timeframe_given else "not asked"


def outcome_text(interview: Interview, status: ApplicationStatus) -> str:
    """A7: the latest round's outcome in words ('Offer' once the process holds one)."""
    if status is ApplicationStatus.OFFER:
        return "Offer"
    return interview.outcome.value.replace("_", " ").capitalize()


def next_action_text(action: Action | None, now: datetime) -> str:
    """The earliest open action of the plan: what, when, and the rule it follows."""
    if action is None:
        return "nothing planned"
    from core.plan_view import KIND_LABELS

    due = action.due.astimezone(now.tzinfo)
    return f"{KIND_LABELS[action.kind]} · {due:%a %d %b} ({_days(due.date(), now.date())})"


def _notes(rows: ProcessRows, prompt_id: str) -> Notes:
    found = [
        (i.round, rows.answers[(i.id or 0, prompt_id)].strip())
        for i in rows.interviews
        if (i.id or 0, prompt_id) in rows.answers
    ]
    return tuple(sorted(found, key=lambda pair: pair[0], reverse=True))


def process_view(rows: ProcessRows, now: datetime) -> ProcessView:
    """F2: one process in words, from its stored rows (its latest round gives the state)."""
    latest = max(rows.interviews, key=lambda i: (i.round, i.id or 0))
    action = rows.next_action
    return ProcessView(
        application_id=rows.application.id or 0,
        interview_id=latest.id or 0,
        company=rows.application.company,
        role=rows.application.role,
        round=latest.round,
        red_flags=_notes(rows, "B7"),
        fit=_notes(rows, "B8"),
        decision=decision_text(latest, now.date()),
        outcome=outcome_text(latest, rows.application.status),
        next_action=next_action_text(action, now),
        next_due=action.due if action else None,
    )


def compare_processes(repo: Repository, now: datetime) -> list[ProcessView]:
    """F2: every process still open (or holding an offer), newest activity first."""
    return [process_view(rows, now) for rows in repo.open_processes() if rows.interviews]
