"""A note as an email draft: a .eml file (stdlib email, `X-Unsent: 1`) or a mailto: link."""

from __future__ import annotations

import re
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

from core.private_file import write_private

_SLUG = re.compile(r"[^a-z0-9]+")


def _address(name: str, email: str) -> Address | None:
    """The recipient as a header address, or None when the email is not usable."""
    from core.contact_fields import check_email_value

    checked = check_email_value(email)
    if not checked.value or not checked.ok:
        return None
    local, _, domain = checked.value.rpartition("@")
    try:
        return Address(display_name=name, username=local, domain=domain)
    except (ValueError, IndexError):
        return None


def eml_message(name: str, email: str, subject: str, body: str, now: datetime) -> EmailMessage:
    """Build the draft: To (when the address is valid), Subject and Date headers, UTF-8 body.

    Non-ASCII names and subjects become RFC 2047 encoded words; `X-Unsent: 1` makes mail
    clients (Outlook, Thunderbird, Apple Mail) open it as a draft to send.
    """
    message = EmailMessage()
    address = _address(name, email)
    if address is not None:
        message["To"] = address
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["X-Unsent"] = "1"
    text = body if body.endswith("\n") else body + "\n"
    # ASCII: the library picks 7bit, or quoted-printable when a paragraph is longer than a
    # mail line may be (RFC 5322: 998); anything else: quoted-printable, never raw 8bit.
    message.set_content(text, cte=None if text.isascii() else "quoted-printable")
    return message


def eml_bytes(name: str, email: str, subject: str, body: str, now: datetime) -> bytes:
    """Return the draft as .eml bytes (CRLF line ends, as mail clients expect)."""
    from email import policy

    return eml_message(name, email, subject, body, now).as_bytes(policy=policy.SMTP)


def write_eml(
    path: Path | str, name: str, email: str, subject: str, body: str, now: datetime
) -> Path:
    """Write the draft to `path`: private (0600) and atomic."""
    return write_private(path, eml_bytes(name, email, subject, body, now))


def eml_filename(person: str, kind: str) -> str:
    """A file name for a person's note: 'note-priya-raman-thank_you.eml'."""
    slug = _SLUG.sub("-", person.casefold()).strip("-") or "someone"
    return f"note-{slug}-{kind}.eml"


def mailto_link(email: str, subject: str, body: str) -> str:
    """RFC 6068: 'mailto:addr?subject=...&body=...', every reserved character percent-encoded
    (spaces as %20, never '+'; line breaks as %0D%0A)."""
    target = quote(email.strip(), safe="@+")
    fields = []
    if subject:
        fields.append("subject=" + quote(subject, safe=""))
    if body:
        crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
        fields.append("body=" + quote(crlf, safe=""))
    return f"mailto:{target}" + ("?" + "&".join(fields) if fields else "")
