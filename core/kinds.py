"""The kinds of things Afterword records (plain enums, free of pydantic: the first screen reads
them before pydantic is imported, #8)."""

from __future__ import annotations

from enum import StrEnum


class ApplicationStatus(StrEnum):
    """Where an application stands as a whole."""

    OPEN = "open"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Outcome(StrEnum):
    """A7: the three possible outcomes of an interview, plus 'pending' until one is known."""

    PENDING = "pending"
    INVITED_BACK = "invited_back"
    NOT_SELECTED = "not_selected"
    OFFER = "offer"


class InterviewFormat(StrEnum):
    """How the interview took place."""

    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"
    OTHER = "other"


class RoleKind(StrEnum):
    """The part a person played in the process (C8, C9 depend on it)."""

    INTERVIEWER = "interviewer"
    FUTURE_MANAGER = "future_manager"
    RECRUITER = "recruiter"
    STAFF = "staff"
    OTHER = "other"


MATTERS = frozenset({RoleKind.INTERVIEWER, RoleKind.FUTURE_MANAGER})
"""C9: the people a thank-you must reach: interviewers and the future manager."""

THANK_TOO = frozenset({RoleKind.STAFF, RoleKind.OTHER})
"""C8: staff who helped and others met, thanked as well (here, beside RoleKind: the contacts
SQL reads it without importing the checks of core.coverage at start-up, #8)."""


class ContactMode(StrEnum):
    """A5: the way a person prefers to be contacted."""

    UNKNOWN = ""
    EMAIL = "email"
    PHONE = "phone"


class EmailSource(StrEnum):
    """Where an email address came from; a guess is never treated as confirmed (A2)."""

    UNKNOWN = ""
    CARD = "card"
    CONFIRMED = "confirmed"
    WEBSITE = "website"
    GUESSED = "guessed"


class ActionKind(StrEnum):
    """What a planned follow-up action asks the user to do."""

    DEBRIEF = "debrief"
    THANK_YOU = "thank_you"
    MAILED_NOTE = "mailed_note"
    STAFF_THANKS = "staff_thanks"
    VALUE_ADD = "value_add"
    STATUS_CHECK = "status_check"
    LINKEDIN = "linkedin"
    PROMISE = "promise"
    FEEDBACK_REQUEST = "feedback_request"
    PREPARE_ROUND = "prepare_round"
    OFFER_REVIEW = "offer_review"
    OFFER_REPLY = "offer_reply"
    WITHDRAW = "withdraw"
    KEEP_SEARCHING = "keep_searching"


class ActionState(StrEnum):
    """Where an action stands; planned and snoozed ones are still open."""

    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"
    SNOOZED = "snoozed"


OPEN_STATES = frozenset({ActionState.PLANNED, ActionState.SNOOZED})


class TouchKind(StrEnum):
    """What a contact with the employer was about."""

    THANKS = "thanks"
    VALUE_ADD = "value_add"
    STATUS = "status"
    OTHER = "other"


class Channel(StrEnum):
    """How a message or call reached the employer."""

    EMAIL = "email"
    PHONE = "phone"
    MAIL = "mail"
    LINKEDIN = "linkedin"
    IN_PERSON = "in_person"
    OTHER = "other"


class NoteKind(StrEnum):
    """What a note is (C3, C4, C8, D4, D8, D10, D11, D13); the values match ActionKind's."""

    THANK_YOU = "thank_you"
    MAILED_NOTE = "mailed_note"
    STAFF_THANKS = "staff_thanks"
    VALUE_ADD = "value_add"
    STATUS_CHECK = "status_check"
    FEEDBACK_REQUEST = "feedback_request"
    WITHDRAW = "withdraw"
    LINKEDIN = "linkedin"


EMAIL_PATTERNS = (
    "first.last",
    "flast",
    "first",
    "firstlast",
    "first_last",
    "f.last",
    "firstl",
    "first-last",
    "first.l",
    "last.first",
    "lastf",
    "last",
    "last_first",
    "lastfirst",
)
"""A2: the names of the local-part patterns, most common first (the order breaks ties);
core.email_guess.PATTERNS builds each, in this order (the SQL of the stored votes reads the
names alone, without importing the builders)."""
