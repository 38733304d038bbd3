"""Status checks (A4, D5, D6, D7): when to ask where things stand, and how often at most."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.models import Action, ActionKind, Interview, Touch, TouchKind
from core.schedule import (
    DAY_END,
    DAY_START,
    DUE_HOUR,
    NO_TIMEFRAME_DAYS,
    STATUS_AFTER_DECISION_BUSINESS_DAYS,
    PlanContext,
    PlanInput,
    main_contact,
    short_day,
)

COOL_DOWN = (timedelta(days=7), timedelta(days=14))  # D7: 1-2 weeks after an unanswered check
MAX_STATUS_CHECKS = 3  # D7: after that many unanswered checks, stop asking and move on (D14)


@dataclass(frozen=True)
class StatusWindow:
    """When the first status check makes sense: earliest, default, latest; and which rule."""

    start: datetime
    due: datetime
    end: datetime
    rule: str
    reason: str


def decision_window(interview: Interview, ctx: PlanContext) -> StatusWindow:
    """A4/D5/D6: the window of the first status check, from the decision date or its absence.

    D5: a time frame was given: 3 business days after the date (window 1-5 business days).
    D6: none given (or not recorded): 2 weeks after the interview, window to 3 weeks.
    A decision date that is not after the interview counts from the interview instead.
    """
    ended = ctx.local(interview.ended_at)
    decision = interview.decision_date
    if decision is not None:
        anchor = max(decision, ended.date())
        due_day = ctx.bday(anchor, STATUS_AFTER_DECISION_BUSINESS_DAYS)
        passed = "" if decision >= ended.date() else " (that date had already passed)"
        return StatusWindow(
            start=ctx.at(ctx.bday(anchor, 1), DAY_START),
            due=ctx.at(due_day, DUE_HOUR),
            end=ctx.at(ctx.bday(anchor, 5), DAY_END),
            rule="D5",
            reason=f"Status check 3 business days after the decision date they gave "
            f"({short_day(decision)}){passed}",
        )
    first, last = NO_TIMEFRAME_DAYS
    start_day = ctx.roll(ended.date() + timedelta(days=first))
    why = "no time frame given" if interview.no_timeframe_given else "no time frame recorded"
    return StatusWindow(
        start=ctx.at(start_day, DAY_START),
        due=ctx.at(start_day, DUE_HOUR),
        end=ctx.at(ctx.roll(ended.date() + timedelta(days=last)), DAY_END),
        rule="D6",
        reason=f"Status check 2 weeks after the interview ({why}; window to 3 weeks)",
    )


def status_touches(touches: tuple[Touch, ...] | list[Touch]) -> list[Touch]:
    """Return the status touches, oldest first."""
    return sorted((t for t in touches if t.kind is TouchKind.STATUS), key=lambda t: t.at)


def status_check_actions(inp: PlanInput, ctx: PlanContext) -> list[Action]:
    """D5/D6/D7: the next status check: one per decision window, 2 weeks after an unanswered one.

    After an unanswered check the next comes 2 weeks later (not before 1), and none after
    MAX_STATUS_CHECKS unanswered ones. An answered check is followed by a new one only when
    a later decision date was recorded.
    """
    done = status_touches(inp.touches)
    n = len(done)
    contact = main_contact(inp.people)
    how = " by email or a short note, not a call (large employer)"
    suffix = how if inp.interview.large_employer else ""
    base = {
        "interview_id": inp.interview_id,
        "kind": ActionKind.STATUS_CHECK,
        "key": f"status_check:{n + 1}",
        "person_id": contact.id if contact else None,
    }
    if n == 0:
        window = decision_window(inp.interview, ctx)
        return [
            Action.model_validate(
                {
                    **base,
                    "rule": window.rule,
                    "due": window.due,
                    "window_start": window.start,
                    "window_end": window.end,
                    "reason": window.reason + suffix,
                }
            )
        ]
    last = done[-1]
    if last.answered:
        decision = inp.interview.decision_date
        if decision is None or decision <= ctx.local(last.at).date():
            return []
        window = decision_window(inp.interview, ctx)
        return [
            Action.model_validate(
                {
                    **base,
                    "rule": "D5",
                    "due": window.due,
                    "window_start": window.start,
                    "window_end": window.end,
                    "reason": window.reason + suffix,
                }
            )
        ]
    if n >= MAX_STATUS_CHECKS:
        return []
    first = decision_window(inp.interview, ctx)
    after = first.end if last.at <= first.end else None
    timing = follow_up_window(last.at, ctx, after)
    return [Action.model_validate({**base, **timing, "reason": _again(n)})]


def follow_up_window(
    last: datetime, ctx: PlanContext, window_end: datetime | None = None
) -> dict[str, datetime | str]:
    """D7: after an unanswered check: not before 1 week, due at 2 weeks, window to 3 weeks.

    Never a second check inside the same decision window (ending at `window_end`).
    """
    soon, usual = COOL_DOWN
    local = ctx.local(last).date()
    start_day: date = ctx.roll(local + soon)
    due_day: date = ctx.roll(local + usual)
    if window_end is not None:
        next_window = ctx.bday(ctx.local(window_end).date(), 1)
        start_day, due_day = max(start_day, next_window), max(due_day, next_window)
    return {
        "rule": "D7",
        "window_start": ctx.at(start_day, DAY_START),
        "due": ctx.at(due_day, DUE_HOUR),
        "window_end": ctx.at(ctx.roll(due_day + soon), DAY_END),
    }


def _again(n: int) -> str:
    return (
        f"Status check {n + 1}: 2 weeks after the last one went unanswered "
        f"(not before 1 week; at most {MAX_STATUS_CHECKS})"
    )
