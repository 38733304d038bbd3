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


@dataclass(frozen=True)
class QuickAddParts:
    """One quick-add line read into fields, as typed (validation comes later)."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    extras: tuple[str, ...] = ()


_EMAIL_TOKEN = re.compile(r"(?<!\S)[^\s<>]*@[^\s<>]*(?!\S)")
_URL_TOKEN = re.compile(r"(?i)(?:https?://|www\.)\S+|\S*linkedin\.com/\S*")
_PHONE_PART = re.compile(
    r"(?i)^(?:(?:tel|phone|mobile|cell|work|t|m|p)\s*[:.]\s*|(?:tel|phone|mobile|cell)\s+)?"
    r"(?P<number>[+(]?\d[\d\s().\-/]*\d(?:\s*(?:ext\.?|x|#|;ext=)\s*\d{1,6})?)$"
)


def _split_parts(line: str) -> list[str]:
    """Split at commas and semicolons outside angle brackets and double quotes."""
    parts: list[str] = []
    current: list[str] = []
    depth, quoted = 0, False
    for ch in line:
        if ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "<" and not quoted:
            depth += 1
        elif ch == ">" and not quoted:
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _phone(part: str) -> str:
    """The phone number in a part ('Tel: +1 415 555 0100'), or '' if it is not one."""
    match = _PHONE_PART.match(part)
    if not match or sum(ch.isdigit() for ch in part) < 3:
        return ""
    return match.group("number")


def _display_name(raw: str) -> str:
    """A display name as written in 'Name <email>'; a quoted 'Doe, Jane' becomes 'Jane Doe'."""
    name = raw.strip().strip('"').strip()
    last, comma, first = name.partition(",")
    if comma and last.strip() and first.strip() and "," not in first:
        return f"{first.strip()} {last.strip()}"
    return name


def parse_quick_add(line: str) -> QuickAddParts:
    """A1: read one quick-add line: 'Jane Doe <jane@acme.com>', 'Jane Doe, VP, jane@acme.com,
    +1 415 555 0100' or a name; PersonLineError when no name or email can be found."""
    labels: list[tuple[str, bool]] = []  # (text, is the display name of an address)
    emails: list[str] = []
    phones: list[str] = []
    urls: list[str] = []
    for part in _split_parts(clean_line(line)):
        angle = _ANGLE.match(part)
        if angle:
            display = _display_name(angle.group("name"))
            if display:
                labels.append((display, True))
            emails.append(angle.group("email").strip())
            continue
        number = _phone(part)
        if number:
            phones.append(number)
            continue
        for pattern, bucket in ((_URL_TOKEN, urls), (_EMAIL_TOKEN, emails)):
            bucket.extend(pattern.findall(part))
            part = pattern.sub(" ", part)
        part = " ".join(part.split()).strip("\"' ")
        if part:
            labels.append((part, False))
    if not labels and emails and not any(c.isalnum() for c in _name_from_email(emails[0])):
        labels.append((emails.pop(0), False))  # '[@x]y': no address, and no name in it
    if labels:
        name = labels[0][0]
    elif emails:
        name = _name_from_email(emails[0])
    else:
        raise PersonLineError("Type a name, e.g. Jane Doe, VP Engineering, jane@acme.com.")
    rest = labels[1:]
    titles = [text for text, display in rest if not display]
    other_names = [t for t, display in rest if display and t.casefold() != name.casefold()]
    return QuickAddParts(
        name=name,
        title=", ".join(titles),
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
        linkedin=urls[0] if urls else "",
        extras=(*other_names, *emails[1:], *phones[1:], *urls[1:]),
    )
