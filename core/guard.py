"""The pestering guard (D7, E2): warn before a status check that comes too soon or too often.

It never forbids: the findings say why and from when it would make sense, and the user may
go ahead anyway (the choice is recorded on the touch or the action).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.models import Action, ActionKind, Channel, Interview, Touch, TouchKind
from core.schedule import DAY_START, NO_TIMEFRAME_DAYS, PlanContext, short_day
from core.schedule_status import COOL_DOWN, decision_window, status_touches


@dataclass(frozen=True)
class Finding:
    """One reason a follow-up looks like pestering, and the earliest sensible date, if any."""

    rule: str
    reason: str
    earliest: datetime | None = None

    def text(self) -> str:
        """Return the finding as one line: 'D7: reason (from Tue 24 Nov)'."""
        when = f" (from {short_day(self.earliest)})" if self.earliest else ""
        return f"{self.rule}: {self.reason}{when}"


def earliest_sensible(findings: Iterable[Finding]) -> datetime | None:
    """Return the latest of the findings' earliest dates: when none of them applies any more."""
    dates = [f.earliest for f in findings if f.earliest is not None]
    return max(dates) if dates else None


def check_status(
    interview: Interview,
    touches: Iterable[Touch],
    when: datetime,
    ctx: PlanContext,
    channel: Channel = Channel.EMAIL,
) -> list[Finding]:
    """D7/E2: check a status touch (or a planned status check) at `when` against the rules.

    Flags a check before the decision date has passed (or, with no time frame, within the
    first 2 weeks: D6), within 1 week of an unanswered check, a second one in the same
    decision window, and a call to a large employer (a note and waiting are better).
    """
    local = ctx.local(when)
    prior = [t for t in status_touches(list(touches)) if t.at <= when]  # same instant counts
    findings: list[Finding] = []
    decision = interview.decision_date
    if decision is not None and local.date() <= decision:
        findings.append(
            Finding(
                "D7",
                f"they said they would decide by {short_day(decision)}: wait until it has passed",
                ctx.at(ctx.bday(decision, 1), DAY_START),
            )
        )
    elif decision is None:
        start = ctx.local(interview.ended_at).date() + timedelta(days=NO_TIMEFRAME_DAYS[0])
        if local.date() < start:
            findings.append(
                Finding(
                    "D6",
                    "no time frame was given: wait 2 weeks after the interview",
                    ctx.at(ctx.roll(start), DAY_START),
                )
            )
    if prior and not prior[-1].answered:
        last = prior[-1]
        earliest = ctx.at(ctx.local(last.at + COOL_DOWN[0]).date(), DAY_START)
        if when < earliest:
            findings.append(
                Finding(
                    "D7",
                    f"your status check of {short_day(ctx.local(last.at))} is unanswered: "
                    "give it 1-2 weeks",
                    earliest,
                )
            )
        window = decision_window(interview, ctx)
        if last.at <= window.end and when <= window.end:
            findings.append(
                Finding(
                    "D7",
                    "you already checked once in this decision window (one per window)",
                    ctx.at(ctx.bday(window.end.date(), 1), DAY_START),
                )
            )
    findings.extend(call_findings(interview, channel))
    return findings


def call_findings(interview: Interview, channel: Channel) -> list[Finding]:
    """D7/E2: with a large, busy employer, prefer a note and waiting over calls."""
    if interview.large_employer and channel is Channel.PHONE:
        return [Finding("E2", "a large, busy employer: prefer a short note and waiting to a call")]
    return []


def check_touch(
    interview: Interview, touches: Iterable[Touch], touch: Touch, ctx: PlanContext
) -> list[Finding]:
    """D7/E2: check a touch about to be logged (status touches get the full check)."""
    if touch.kind is TouchKind.STATUS:
        return check_status(interview, touches, touch.at, ctx, touch.channel)
    return call_findings(interview, touch.channel)


def check_action(
    action: Action, interview: Interview, touches: Iterable[Touch], ctx: PlanContext
) -> list[Finding]:
    """D7: check a planned (or moved) status check at its due date; other kinds pass."""
    if action.kind is not ActionKind.STATUS_CHECK or not action.is_open:
        return []
    return check_status(interview, touches, action.due, ctx)
