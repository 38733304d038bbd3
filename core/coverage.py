"""What the follow-ups still need from each contact (A1, A2, A5, C3, C8, C9), as flags."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from core.contact_fields import check_email_value
from core.kinds import MATTERS, THANK_TOO, ContactMode, EmailSource, RoleKind

# Person is named in annotations only: the contacts lists import this module, and the
# first screen imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Person


class Flag(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """One gap in a contact record: the rule behind it, a short code, and the reason shown.

    `blocking` flags stop a follow-up from being sent (no address to write to); the others are
    advice.
    """

    rule: str
    code: str
    reason: str
    blocking: bool = False


def email_flags(person: Person) -> list[Flag]:
    """A1/C2/A2: a thank-you email needs a valid address; a guessed one is never confirmed."""
    if not person.email:
        return [Flag("A1", "no_email", "No email: a thank-you email needs one.", blocking=True)]
    check = check_email_value(person.email)
    if not check.ok:
        return [Flag("A1", "bad_email", f"{check.message} (kept as typed).", blocking=True)]
    if person.email_source == EmailSource.GUESSED:
        return [Flag("A2", "guessed_email", "Email is a guess: confirm it before relying on it.")]
    return []


def address_flags(person: Person, wants_mailed_note: bool) -> list[Flag]:
    """C3: a mailed note needs a direct mailing address; flagged only where one is wanted."""
    if wants_mailed_note and not person.mailing_address.strip():
        return [
            Flag(
                "C3",
                "no_address",
                "No mailing address: the mailed note needs one (the direct one, not the "
                "general corporate address).",
                blocking=True,
            )
        ]
    return []


def spelling_flags(person: Person) -> list[Flag]:
    """A1: the name's exact spelling is to be checked (card, company website, LinkedIn)."""
    if person.spelling_confirmed:
        return []
    return [Flag("A1", "spelling", "Spelling of the name not confirmed.")]


def contact_way_flags(person: Person) -> list[Flag]:
    """A5: the best time, day and mode (email or phone) to contact them are worth noting."""
    missing = []
    if not person.best_time.strip():
        missing.append("best time/day")
    if person.preferred_mode == ContactMode.UNKNOWN:
        missing.append("mode (email or phone)")
    if not missing:
        return []
    return [Flag("A5", "best_way", f"Unknown: {' and '.join(missing)} to contact them.")]


def staff_flags(person: Person, thanked: Collection[int]) -> list[Flag]:
    """C8: staff who helped (receptionist, others met) deserve thanks too."""
    if person.role_kind not in THANK_TOO or person.id in thanked:
        return []
    return [Flag("C8", "thank_staff", "Met and helped, not yet thanked (a note, email or call).")]


def person_flags(
    person: Person, *, thanked: Collection[int] = (), wants_mailed_note: bool = False
) -> list[Flag]:
    """Every gap in one contact record, blocking ones first (A1, A2, A5, C3, C8)."""
    flags = [
        *email_flags(person),
        *address_flags(person, wants_mailed_note),
        *spelling_flags(person),
        *contact_way_flags(person),
        *staff_flags(person, thanked),
    ]
    return sorted(flags, key=lambda f: not f.blocking)


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*")
_PLAIN_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+{_LABEL}")


@lru_cache(maxsize=16384)
def email_valid(email: str) -> bool:
    """A1: check_email_value(email).ok, for a list of many addresses (#8): a plain one (ASCII
    letters and digits with . _ + - between them, at most 64 before the @ and 254 in all, at
    a domain of such labels) is valid exactly when its domain is, and each domain is checked
    once; any other is checked whole. A full check costs ~0.1 ms, most of it the domain's
    (IDNA, character by character); answers are kept per address (a page read again checks
    nothing again)."""
    local, at, domain = email.rpartition("@")
    if at and len(email) <= 254 and len(local) <= 64 and _PLAIN_LOCAL.fullmatch(local):
        valid = _domain_valid(domain)
        if valid is not None:
            return valid
    return check_email_value(email).ok


@lru_cache(maxsize=8192)
def _domain_valid(domain: str) -> bool | None:
    """Whether addresses at `domain` can be valid, as the full check on a one-letter address
    there answers; None when the domain is not plain (dot-separated ASCII letters, digits and
    inner hyphens, two labels or more). For a plain one that check (#8: ~0.1 ms) rejects only
    a top-level name not ending in a letter and the special-use names; one with '--'
    (Punycode, R-LDH) is checked whole."""
    if _PLAIN_DOMAIN.fullmatch(domain) is None:
        return None
    import email_validator as ev  # loaded by pydantic's check: nothing new on start-up

    name = domain.lower()
    if "--" in name or ev.TEST_ENVIRONMENT or not ev.GLOBALLY_DELIVERABLE:
        return check_email_value(f"a@{domain}").ok
    if not ("a" <= name[-1] <= "z"):
        return False
    return not any(name == d or name.endswith(f".{d}") for d in ev.SPECIAL_USE_DOMAIN_NAMES)


def needs_count(
    *,
    email_ok: bool,
    email_source: str,
    spelling_confirmed: bool,
    best_time: str,
    preferred_mode: str,
    role_kind: str,
    thanked: bool,
    mailing_address: str | None,
) -> int:
    """How many flags person_flags gives (A1, A2, A5, C3, C8), from a list's columns, without
    building a person or a flag: `email_ok` whether there is an address and A1 finds it valid
    (email_valid, or the facts stored: core.email_facts), `mailing_address` None when no
    mailed note is planned (C3), `thanked` whether a thank-you was logged for them (C8)."""
    return (
        (not email_ok or email_source == _GUESSED)
        + (mailing_address is not None and not mailing_address.strip())
        + (not spelling_confirmed)
        + (not best_time.strip() or preferred_mode == _UNKNOWN_MODE)
        + (role_kind in _THANK_TOO_VALUES and not thanked)
    )


_THANK_TOO_VALUES = frozenset(kind.value for kind in THANK_TOO)
_GUESSED, _UNKNOWN_MODE = EmailSource.GUESSED.value, ContactMode.UNKNOWN.value  # #8: no enum
# attribute looked up per line of a long list


def panel_flags(people: Iterable[Person]) -> list[Flag]:
    """C9/E4: flag an application whose only contacts on record are HR or recruiters."""
    return panel_flags_of_kinds(p.role_kind for p in people)


def panel_flags_of_kinds(role_kinds: Iterable[str]) -> list[Flag]:
    """C9/E4: panel_flags from the roles of an application's contacts alone."""
    kinds = {RoleKind(kind) for kind in role_kinds}
    if RoleKind.RECRUITER in kinds and not kinds & MATTERS:
        return [
            Flag(
                "C9",
                "only_hr",
                "Only HR or recruiters on record: add the interviewers and the future "
                "manager; thank-you notes should reach them, not only HR.",
            )
        ]
    return []
