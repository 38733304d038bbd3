"""Contact helpers: reading 'Jane Doe <jane@acme.com>' lines into names and emails."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import clean_line

_ANGLE = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")
_BARE_EMAIL = re.compile(r"^[^\s@<>]+@[^\s@<>]+$")


@dataclass(frozen=True)
class NameEmail:
    """A person as typed on one line: a name and, maybe, an email address."""

    name: str
    email: str = ""


class PersonLineError(ValueError):
    """A person entry that cannot be read; the message says which one and why."""


def split_people(line: str) -> list[str]:
    """Split 'Jane Doe <jane@acme.com>, John Smith' at commas outside angle brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in clean_line(line):
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth = max(0, depth - 1)
        if (ch in ",;") and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_name_email(entry: str) -> NameEmail:
    """A1/A2: read one entry: 'Jane Doe <jane@acme.com>', 'jane@acme.com' or 'Jane Doe'."""
    entry = clean_line(entry)
    match = _ANGLE.match(entry)
    if match:
        name, email = match.group("name").strip().strip('"'), match.group("email").strip()
        if not name:
            name = _name_from_email(email)
        return NameEmail(name=name, email=check_email(email, entry))
    if _BARE_EMAIL.match(entry):
        return NameEmail(name=_name_from_email(entry), email=check_email(entry, entry))
    if "<" in entry or ">" in entry:
        raise PersonLineError(f"{entry!r}: write an email as Name <name@company.com>.")
    return NameEmail(name=entry)


def _name_from_email(email: str) -> str:
    local = email.split("@", 1)[0]
    words = re.split(r"[._\-]+", local)
    return " ".join(w.capitalize() for w in words if w) or email


def check_email(email: str, entry: str) -> str:
    """Return the normalised email address, or raise PersonLineError saying why it is wrong."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(email, check_deliverability=False).normalized)
    except EmailNotValidError as exc:
        raise PersonLineError(f"{entry!r}: {exc}") from exc


def parse_people_line(line: str) -> list[NameEmail]:
    """Read a comma-separated list of people met; PersonLineError names the first bad entry."""
    return [parse_name_email(entry) for entry in split_people(line)]
