"""Pydantic models of Afterword's domain: applications, interviews, people and the debrief."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from core.kinds import (
    OPEN_STATES,
    ActionKind,
    ActionState,
    ApplicationStatus,
    Channel,
    ContactMode,
    EmailSource,
    InterviewFormat,
    NoteKind,
    Outcome,
    RoleKind,
    TouchKind,
)
from core.text import clean_any, clean_any_line

__all__ = [
    "OPEN_STATES",
    "QA",
    "Action",
    "ActionKind",
    "ActionState",
    "Application",
    "ApplicationStatus",
    "Channel",
    "CleanLine",
    "CleanText",
    "ContactMode",
    "EmailSource",
    "Interview",
    "InterviewFormat",
    "InterviewSummary",
    "Model",
    "Note",
    "NoteKind",
    "Outcome",
    "Participant",
    "Person",
    "Promise",
    "RoleKind",
    "Touch",
    "TouchKind",
]

CleanText = Annotated[str, BeforeValidator(clean_any)]
"""Multi-line user text, cleaned of escape sequences and controls (core.text)."""

CleanLine = Annotated[str, BeforeValidator(clean_any_line)]
"""One-line user text (a name, a title), cleaned and stripped."""


class Model(BaseModel):
    """Base for every model: validate on assignment, forbid unknown fields."""

    # defer_build: a model's validator is built the first time it validates, not at import;
    # building all of them cost ~30 ms before the user's data could show (#8).
    model_config = ConfigDict(validate_assignment=True, extra="forbid", defer_build=True)


class Application(Model):
    """A process with one company for one role; its interviews are the rounds."""

    id: int | None = None
    company: CleanLine = Field(min_length=1, max_length=200)
    role: CleanLine = Field(default="", max_length=200)
    status: ApplicationStatus = ApplicationStatus.OPEN
    created_at: AwareDatetime


class Interview(Model):
    """One interview (a round of an application) and what was learned as it closed."""

    id: int | None = None
    application_id: int
    round: int = Field(default=1, ge=1)
    ended_at: AwareDatetime
    format: InterviewFormat = InterviewFormat.IN_PERSON
    decision_date: date | None = None
    decision_phrase: CleanLine = ""
    no_timeframe_given: bool = False
    next_steps: CleanText = ""
    large_employer: bool = False
    outcome: Outcome = Outcome.PENDING
    checklist: list[str] = Field(default_factory=list)


class Person(Model):
    """Someone met during the process, with what the follow-ups need (A1, A5)."""

    id: int | None = None
    application_id: int
    name: CleanLine = Field(min_length=1, max_length=200)
    spelling_confirmed: bool = False
    role_kind: RoleKind = RoleKind.INTERVIEWER
    title: CleanLine = ""
    email: CleanLine = ""
    email_source: EmailSource = EmailSource.UNKNOWN
    phone: CleanLine = ""
    mailing_address: CleanText = ""
    best_time: CleanLine = ""
    preferred_mode: ContactMode = ContactMode.UNKNOWN
    linkedin: CleanLine = ""
    personal: CleanText = ""


CONTACT_FIELDS: tuple[str, ...] = tuple(
    name for name in Person.model_fields if name not in {"id", "application_id"}
)
"""A person's own details: what the contacts screen edits and a reused record copies."""


class Participant(Model):
    """A person met at one interview, with the highlights of that conversation (B2)."""

    interview_id: int
    person_id: int
    highlights: CleanText = ""


class QA(Model):
    """A question asked and the answer given (B1); `stumped` feeds the practice list (B5, F1)."""

    id: int | None = None
    interview_id: int
    position: int = 0
    question: CleanText = ""
    answer: CleanText = ""
    stumped: bool = False


class Promise(Model):
    """Something promised during the interview (B10), due by a date (D9)."""

    id: int | None = None
    interview_id: int
    text: CleanText = ""
    due_phrase: CleanLine = ""
    due_at: AwareDatetime | None = None
    done: bool = False


class InterviewSummary(Model):
    """One line of the interview picker: the interview with its company and role."""

    interview: Interview
    company: str
    role: str


class Action(Model):
    """One step of the follow-up plan (D1-D14); `key` names it stably within its interview."""

    id: int | None = None
    interview_id: int
    person_id: int | None = None
    kind: ActionKind
    key: str = Field(min_length=1, max_length=120)
    rule: str = Field(min_length=1, max_length=20)
    due: AwareDatetime
    window_start: AwareDatetime
    window_end: AwareDatetime
    reason: CleanLine = ""
    flag: CleanLine = ""
    optional: bool = False
    state: ActionState = ActionState.PLANNED
    user_changed: bool = False
    note: CleanText = ""
    done_at: AwareDatetime | None = None

    @property
    def is_open(self) -> bool:
        """Say whether the action still waits for the user (planned or snoozed)."""
        return self.state in OPEN_STATES


class Touch(Model):
    """A message sent or a call made (D7 counts status touches); overriding the guard is kept."""

    id: int | None = None
    interview_id: int
    person_id: int | None = None
    at: AwareDatetime
    channel: Channel = Channel.EMAIL
    kind: TouchKind = TouchKind.OTHER
    answered: bool = False
    guard_overridden: bool = False
    guard_reason: CleanLine = ""
    note: CleanText = ""


class Note(Model):
    """A message to one person (C1: one per person, each different), sent or still a draft."""

    id: int | None = None
    interview_id: int
    person_id: int
    kind: NoteKind
    action_id: int | None = None
    subject: CleanLine = ""
    body: CleanText = ""
    sent_at: AwareDatetime | None = None
