"""A note as an email draft: .eml parsed back with the stdlib parser; mailto: round trip."""

from __future__ import annotations

import email
import stat
from email import policy
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from core.export_eml import eml_bytes, eml_filename, mailto_link, write_eml
from tests.core.plan_helpers import ny

NOW = ny(2026, 11, 22, 15, 30)
BODY = "Dear Zoë,\n\nThank you for today — the back-pressure talk was great.\n\nBest regards,\n"


def parse(data: bytes) -> email.message.EmailMessage:
    """Parse .eml bytes the way a mail client would."""
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


def test_eml_headers_and_body_parse_back() -> None:
    """To (encoded word for the accented name), Subject, Date, X-Unsent: 1 and the body."""
    data = eml_bytes("Zoë Ñúñez", "zoe@acme.com", "Merci – our interview", BODY, NOW)
    raw = data.decode("ascii")  # every header and the body are 7-bit on the wire
    assert "=?utf-8?" in raw  # RFC 2047 encoded words for the name and subject
    assert "\r\n" in raw and "Zoë" not in raw
    message = parse(data)
    assert message["To"].addresses[0].display_name == "Zoë Ñúñez"
    assert message["To"].addresses[0].addr_spec == "zoe@acme.com"
    assert message["Subject"] == "Merci – our interview"
    assert message["X-Unsent"] == "1"
    assert parsedate_to_datetime(message["Date"]) == NOW
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n") == BODY


def test_eml_ascii_body_stays_plain_7bit() -> None:
    """A plain ASCII note is sent as 7bit text, readable as is."""
    data = eml_bytes("Jane Doe", "jane@acme.com", "Thanks", "Dear Jane,\n\nThanks.", NOW)
    message = parse(data)
    assert message["Content-Transfer-Encoding"] == "7bit"
    assert message.get_content().replace("\r\n", "\n") == "Dear Jane,\n\nThanks.\n"


def test_eml_long_paragraph_keeps_mail_lines_short() -> None:
    """A paragraph of 1,400 characters is still sent in lines a mail server accepts."""
    body = "Dear Jane,\n\n" + "word " * 280 + "\n"
    data = eml_bytes("Jane Doe", "jane@acme.com", "Thanks", body, NOW)
    assert max(len(raw) for raw in data.split(b"\r\n")) <= 78
    assert parse(data).get_content().replace("\r\n", "\n") == body


def test_eml_without_a_valid_address_has_no_to_header() -> None:
    """A missing or invalid email leaves To out (the mail client asks for it)."""
    for address in ("", "not an address"):
        message = parse(eml_bytes("Jane", address, "Thanks", "Hi", NOW))
        assert message["To"] is None
        assert message["X-Unsent"] == "1"


def test_write_eml_is_private_and_named_after_the_person(tmp_path: Path) -> None:
    """The file is written 0600, atomically, under a readable name."""
    name = eml_filename("Priya Raman", "thank_you")
    assert name == "note-priya-raman-thank_you.eml"
    target = write_eml(tmp_path / name, "Priya", "p@acme.com", "Thanks", "Hi", NOW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert parse(target.read_bytes())["Subject"] == "Thanks"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temp file left behind


def test_mailto_uses_percent_encoding_never_plus() -> None:
    """RFC 6068: spaces are %20 (not '+'), line breaks %0D%0A, '&' and '?' encoded."""
    link = mailto_link("a+b@acme.com", "Hi & bye?", "Line 1\nLine 2 é")
    assert link == (
        "mailto:a+b@acme.com?subject=Hi%20%26%20bye%3F&body=Line%201%0D%0ALine%202%20%C3%A9"
    )


@given(
    address=st.emails(),
    subject=st.text(max_size=40),
    body=st.text(max_size=200).map(lambda t: t.replace("\r", "")),
)
def test_mailto_round_trip(address: str, subject: str, body: str) -> None:
    """Whatever the text, decoding the link gives back the address, subject and body."""
    link = mailto_link(address, subject, body)
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert " " not in link and "\n" not in link
    assert unquote(parts.path) == address
    fields = parse_qs(parts.query, keep_blank_values=True)
    assert "+" not in parts.query.replace("%2B", "")
    decoded = {k: unquote(parts.query.split(f"{k}=", 1)[1].split("&", 1)[0]) for k in fields}
    assert decoded.get("subject", "") == subject
    assert decoded.get("body", "").replace("\r\n", "\n") == body
