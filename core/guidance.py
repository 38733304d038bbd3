"""Gentle guidance, never nagging (D14, E1, E3): one short line at a time, where it helps.

Each line is shown until the user dismisses it, then never again (the dismissal is stored).
Only the first line that applies is shown, so the debrief never carries a wall of advice.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.models import ApplicationStatus, Interview, Outcome

# The prompts every debrief can answer; B5, B7, B9 and B10 may rightly stay empty
# (nothing stumped you, no red flag, no promise), and B2 needs someone met.
CORE_PROMPTS = frozenset({"B1", "B3", "B4", "B6", "B8"})
WAITING_STATUSES = frozenset({ApplicationStatus.OPEN, ApplicationStatus.OFFER})
# D14 waits for the debrief, or for the next day: not while the interview is still fresh.
D14_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Guidance:
    """One line of advice and the PLAYBOOK rule it comes from."""

    rule: str
    text: str


E1 = Guidance(
    "E1", "All written down: no need to replay the interview in your head. The debrief holds it."
)
E3 = Guidance("E3", "However it went, keep the interview off social media: no posts about it.")
D14 = Guidance(
    "D14", "While you wait for their answer, keep applying elsewhere: don't pause your search."
)


def debrief_complete(answered: Collection[str], met_someone: bool) -> bool:
    """E1/E3: the debrief is complete when every prompt that always has an answer has one
    (and B2, the highlights per person, when someone was met)."""
    needed = CORE_PROMPTS | ({"B2"} if met_someone else set())
    return needed <= set(answered)


def outcome_pending(interview: Interview, status: ApplicationStatus, now: datetime) -> bool:
    """D14: the interview is over and its outcome is still awaited in a process still open."""
    return (
        interview.outcome is Outcome.PENDING
        and status in WAITING_STATUSES
        and interview.ended_at <= now
    )


def applicable(
    interview: Interview,
    status: ApplicationStatus,
    answered: Collection[str],
    met_someone: bool,
    now: datetime,
) -> list[Guidance]:
    """D14, E1, E3: every line that would help now, in the order they are offered."""
    complete = debrief_complete(answered, met_someone)
    lines = []
    if complete:
        lines += [E1, E3]  # after the debrief, never during it (E1: it is the one place for it)
    if outcome_pending(interview, status, now) and (
        complete or now - interview.ended_at >= D14_AFTER
    ):
        lines.append(D14)
    return lines


def guidance_line(
    interview: Interview,
    status: ApplicationStatus,
    answered: Collection[str],
    met_someone: bool,
    dismissed: Collection[str],
    now: datetime,
) -> Guidance | None:
    """D14, E1, E3: the one line to show now, if any: the first that applies and was never
    dismissed (each is shown once, until dismissed, never again after)."""
    for line in applicable(interview, status, answered, met_someone, now):
        if line.rule not in dismissed:
            return line
    return None
