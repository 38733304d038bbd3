"""Debrief rules: what counts as answered, and when the debrief is due (D1)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from core.prompts import PROMPTS, PromptKind

if TYPE_CHECKING:
    from core.models import QA, Participant, Promise
    from core.records import MetRow, PromiseRow, QARow


def debrief_due(ended_at: datetime) -> datetime:
    """D1: the debrief starts right after the interview and is due by the end of that day."""
    local_day = ended_at.date()
    return datetime.combine(local_day, time(23, 59), tzinfo=ended_at.tzinfo)


def is_fresh(ended_at: datetime, now: datetime) -> bool:
    """D1: memory is fresh for the rest of the day the interview ended (and at least 3 hours)."""
    return now <= max(debrief_due(ended_at), ended_at + timedelta(hours=3))


def answered_prompts(
    answers: dict[str, str],
    qa: Sequence[QA | QARow],
    participants: Sequence[Participant | MetRow],
    promises: Sequence[Promise | PromiseRow],
) -> set[str]:
    """B1-B10: return the IDs of the prompts that have an answer worth keeping (from models
    or from the debrief's records alike)."""
    done: set[str] = set()
    for prompt in PROMPTS:
        kind = prompt.kind
        if kind is PromptKind.TEXT:
            filled = bool(answers.get(prompt.id, "").strip())
        elif kind is PromptKind.QA_LIST:
            filled = any(q.question.strip() for q in qa)
        elif kind is PromptKind.STUMPERS:
            filled = any(q.stumped for q in qa)
        elif kind is PromptKind.PER_PERSON:
            filled = bool(participants) and all(p.highlights.strip() for p in participants)
        else:
            filled = any(p.text.strip() for p in promises)
        if filled:
            done.add(prompt.id)
    return done
