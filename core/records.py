"""What the debrief shows, as plain records read straight from the file (no pydantic).

The debrief is the first screen. Its data used to arrive as pydantic models, and importing
pydantic and building the model classes took ~85 ms of the ~350 between the first frame and
the user's data on screen (#8). What the debrief only shows is read into these frozen records;
every write still goes through the models, which validate it (core.models). They are
NamedTuples: a frozen dataclass cost ~0.9 ms to define at start-up, a NamedTuple ~0.1.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from core.kinds import RoleKind


class DebriefHead(NamedTuple):
    """One interview as the debrief's top bar and closing checklist (A1-A6) show it."""

    interview_id: int
    company: str
    role: str
    round: int
    ended_at: datetime
    checklist: tuple[str, ...]
    next_steps: str
    decision_phrase: str
    decision_date: date | None
    no_timeframe_given: bool


class QARow(NamedTuple):
    """B1/B5: one question asked, the answer given, and whether it stumped the user."""

    id: int
    question: str
    answer: str
    stumped: bool


class PromiseRow(NamedTuple):
    """B10: one thing the user promised to send or do, and by when."""

    id: int
    text: str
    due_phrase: str
    due_at: datetime | None
    done: bool


class MetRow(NamedTuple):
    """B2: one person met at an interview, and the highlights of the talk with them."""

    interview_id: int
    person_id: int
    name: str
    title: str
    role_kind: RoleKind
    highlights: str
