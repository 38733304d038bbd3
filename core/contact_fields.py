"""Per-field checks of contact details (A1): email, phone, LinkedIn; bad values kept as typed."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from core.kinds import RoleKind
from core.text import clean_line

# Person is named in annotations only: the contacts lists import this module, and the
# first screen imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Person

CHECKED_FIELDS = ("email", "phone", "linkedin")
"""The fields whose values are validated; every other field is free text."""

_EXTENSION_MARK = ";ext="


class FieldCheck(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """The outcome of checking one field: the value to store, and why it is invalid, if it is.

    An invalid value is stored as typed (`value`), never dropped; `message` says what is wrong.
    """

    value: str
    message: str = ""
    display_name: str = ""

    @property
    def ok(self) -> bool:
        """Whether the value validated (or is empty)."""
        return not self.message


_CACHED = 8192  # checks are pure and cost 0.1-0.3 ms (email_validator, phonenumbers): a list
# of contacts shows each one's again at every reload (#8), so the answers are kept


@lru_cache(maxsize=_CACHED)
def check_email_value(raw: str) -> FieldCheck:
    """A1: validate an email (pydantic's validator); a display name is returned apart, so
    'Jane Doe <jane@acme.com>' stores 'jane@acme.com' and offers 'Jane Doe' for the name."""
    from pydantic.networks import validate_email
    from pydantic_core import PydanticCustomError

    typed = clean_line(raw)
    if not typed:
        return FieldCheck("")
    try:
        name, address = validate_email(typed)
    except PydanticCustomError as exc:
        reason = str(exc).removeprefix("value is not a valid email address: ")
        return FieldCheck(typed, f"Not a valid email address: {reason}")
    display = name.strip() if "<" in typed else ""
    return FieldCheck(address, display_name=display)


def _parse_phone(raw: str, region: str):  # type: ignore[no-untyped-def]
    import phonenumbers

    try:
        return phonenumbers.parse(raw, (region or "US").upper())
    except phonenumbers.NumberParseException:
        return None


@lru_cache(maxsize=_CACHED)
def check_phone(raw: str, region: str) -> FieldCheck:
    """A1: validate a phone number (default region from settings) and store it as E.164,
    keeping any extension as ';ext=NNN'."""
    import phonenumbers

    typed = clean_line(raw)
    if not typed:
        return FieldCheck("")
    number = _parse_phone(typed, region)
    if number is None:
        return FieldCheck(typed, "Not a phone number: type digits, e.g. +1 415 555 0100.")
    if not phonenumbers.is_valid_number(number):
        where = phonenumbers.region_code_for_number(number) or (region or "US").upper()
        hint = "" if typed.startswith("+") else ", or start with + and the country code"
        return FieldCheck(typed, f"Not a valid phone number for {where}: check the digits{hint}.")
    stored = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        stored += f"{_EXTENSION_MARK}{number.extension}"
    return FieldCheck(stored)


@lru_cache(maxsize=_CACHED)
def phone_display(stored: str, region: str = "US") -> str:
    """Return a stored phone in international format ('+1 415-555-0100 ext. 12'); a value that
    is not a valid number is returned as typed."""
    import phonenumbers

    if not stored.startswith("+"):
        return stored
    number = _parse_phone(stored, region)
    if number is None or not phonenumbers.is_valid_number(number):
        return stored
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


_LINKEDIN_PATH = re.compile(r"^/(in|pub)/([^/?#\s]+)")


@lru_cache(maxsize=_CACHED)
def check_linkedin(raw: str) -> FieldCheck:
    """A1: validate a LinkedIn profile address and store it as https://www.linkedin.com/in/..."""
    typed = clean_line(raw)
    if not typed:
        return FieldCheck("")
    url = typed if "://" in typed else f"https://{typed}"
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # '[' in the host part, a bad port
        return FieldCheck(typed, "Not a LinkedIn address: expected linkedin.com/in/their-name.")
    if parts.scheme not in {"http", "https"} or not (
        host == "linkedin.com" or host.endswith(".linkedin.com")
    ):
        return FieldCheck(typed, "Not a LinkedIn address: expected linkedin.com/in/their-name.")
    match = _LINKEDIN_PATH.match(parts.path)
    if not match:
        return FieldCheck(typed, "Not a LinkedIn profile: expected linkedin.com/in/their-name.")
    return FieldCheck(f"https://www.linkedin.com/{match.group(1)}/{match.group(2)}")


def check_field(field: str, raw: str, region: str) -> FieldCheck:
    """Check one contact field by name; free-text fields always pass."""
    if field == "email":
        return check_email_value(raw)
    if field == "phone":
        return check_phone(raw, region)
    if field == "linkedin":
        return check_linkedin(raw)
    return FieldCheck(raw)


def field_messages(person: Person, region: str) -> dict[str, str]:
    """Return the problem with each checked field of a stored person (invalid values are kept,
    so the screen shows why each one is flagged)."""
    messages: dict[str, str] = {}
    for name in CHECKED_FIELDS:
        value = getattr(person, name)
        check = check_field(name, value, region)
        if check.message:
            messages[name] = check.message
    return messages


_RECRUITER_WORDS = re.compile(
    r"(?i)\b(recruit\w*|talent|hr|human resources|people (?:partner|ops|operations)|sourcer)\b"
)
_STAFF_WORDS = re.compile(
    r"(?i)\b(receptionist|reception|front desk|assistant|office manager|coordinator|concierge)\b"
)


def role_kind_from_title(title: str) -> RoleKind | None:
    """C8/C9: guess a recruiter or staff role from a title ('Technical Recruiter'); None if
    the title says nothing (the person stays an interviewer)."""
    if _RECRUITER_WORDS.search(title):
        return RoleKind.RECRUITER
    if _STAFF_WORDS.search(title):
        return RoleKind.STAFF
    return None
