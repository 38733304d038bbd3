"""Per-field checks of contact details (A1): normalised when valid, kept as typed when not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.contact_fields import (
    check_email_value,
    check_field,
    check_linkedin,
    check_phone,
    field_messages,
    phone_display,
    role_kind_from_title,
)
from core.models import Person, RoleKind


@pytest.mark.parametrize(
    ("typed", "stored", "display_name"),
    [
        ("jane@acme.com", "jane@acme.com", ""),
        ("  Jane@ACME.com ", "Jane@acme.com", ""),
        ("Jane Doe <jane@acme.com>", "jane@acme.com", "Jane Doe"),
        ('"Doe, Jane" <jd@acme.com>', "jd@acme.com", "Doe, Jane"),
        ("", "", ""),
    ],
)
def test_valid_emails_a1(typed: str, stored: str, display_name: str) -> None:
    """A1: an address is stored normalised; a display name comes back apart for the name."""
    check = check_email_value(typed)
    assert (check.value, check.display_name, check.ok) == (stored, display_name, True)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("jane@@acme.com", "@"),
        ("jane@acme", "period"),
        ("jane", "@"),
        ("Jane <jane@>", "after the @"),
    ],
)
def test_invalid_emails_kept_as_typed_a1(typed: str, reason: str) -> None:
    """A1: an invalid address is kept exactly as typed, with the reason."""
    check = check_email_value(typed)
    assert check.value == typed
    assert not check.ok
    assert check.message.startswith("Not a valid email address")
    assert reason in check.message


@pytest.mark.parametrize(
    ("typed", "region", "stored", "shown"),
    [
        ("+1 415 555 0100", "US", "+14155550100", "+1 415-555-0100"),
        ("(415) 555-0100", "US", "+14155550100", "+1 415-555-0100"),
        ("415.555.0100 ext. 123", "US", "+14155550100;ext=123", "+1 415-555-0100 ext. 123"),
        ("415-555-0100 x7", "us", "+14155550100;ext=7", "+1 415-555-0100 ext. 7"),
        ("020 7946 0958", "GB", "+442079460958", "+44 20 7946 0958"),
        ("+44 20 7946 0958", "US", "+442079460958", "+44 20 7946 0958"),
        ("01 42 68 53 00", "FR", "+33142685300", "+33 1 42 68 53 00"),
    ],
)
def test_phones_stored_e164_shown_international_a1(
    typed: str, region: str, stored: str, shown: str
) -> None:
    """A1: default region from settings, extensions kept, E.164 stored, international shown."""
    check = check_phone(typed, region)
    assert (check.value, check.ok) == (stored, True)
    assert phone_display(check.value, region) == shown


@pytest.mark.parametrize(
    ("typed", "region", "reason"),
    [
        ("12345", "US", "Not a valid phone number for US"),
        ("020 7946 0958", "US", "Not a valid phone number"),
        ("call me", "US", "Not a phone number"),
        ("+1 415 555 01", "US", "check the digits"),
    ],
)
def test_invalid_phones_kept_as_typed_a1(typed: str, region: str, reason: str) -> None:
    """A1: a number that does not validate is kept as typed, with the reason, and shown as is."""
    check = check_phone(typed, region)
    assert check.value == typed
    assert reason in check.message
    assert phone_display(check.value, region) == typed


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("linkedin.com/in/janedoe", "https://www.linkedin.com/in/janedoe"),
        ("https://www.linkedin.com/in/jane-doe-1a2b/", "https://www.linkedin.com/in/jane-doe-1a2b"),
        ("http://uk.linkedin.com/in/jane?trk=x", "https://www.linkedin.com/in/jane"),
        ("www.linkedin.com/pub/jane-doe/1/2/3", "https://www.linkedin.com/pub/jane-doe"),
    ],
)
def test_linkedin_normalised_a1(typed: str, stored: str) -> None:
    """A1: a LinkedIn profile address is stored in one canonical form."""
    assert check_linkedin(typed).value == stored
    assert check_linkedin(typed).ok


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("janedoe", "Not a LinkedIn address"),
        ("https://evil.com/linkedin.com/in/x", "Not a LinkedIn address"),
        ("https://notlinkedin.com/in/x", "Not a LinkedIn address"),
        ("linkedin.com/company/acme", "Not a LinkedIn profile"),
        ("ftp://linkedin.com/in/x", "Not a LinkedIn address"),
    ],
)
def test_linkedin_invalid_kept_a1(typed: str, reason: str) -> None:
    """A1: anything but a linkedin.com profile is kept as typed and reported."""
    check = check_linkedin(typed)
    assert (check.value, check.message.startswith(reason)) == (typed, True)


def test_field_messages_of_a_stored_person_a1() -> None:
    """A1: the screen re-derives each checked field's message from the stored values."""
    person = Person(
        application_id=1,
        name="Jane",
        email="jane@@acme.com",
        phone="+14155550100",
        linkedin="janedoe",
        title="anything goes",
    )
    messages = field_messages(person, "US")
    assert set(messages) == {"email", "linkedin"}
    assert messages["email"].startswith("Not a valid email address")


def test_free_text_fields_always_pass() -> None:
    """Free-text fields are stored as typed."""
    assert check_field("title", "VP; Eng, <b>", "US").value == "VP; Eng, <b>"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Technical Recruiter", RoleKind.RECRUITER),
        ("Talent Acquisition Partner", RoleKind.RECRUITER),
        ("HR Business Partner", RoleKind.RECRUITER),
        ("Receptionist", RoleKind.STAFF),
        ("Executive Assistant", RoleKind.STAFF),
        ("VP Engineering", None),
        ("Chrome engineer", None),
    ],
)
def test_role_kind_from_title_c8_c9(title: str, kind: RoleKind | None) -> None:
    """C8/C9: recruiters and staff are recognised from their titles; others stay interviewers."""
    assert role_kind_from_title(title) == kind


@given(st.text(max_size=60), st.sampled_from(["email", "phone", "linkedin"]))
def test_checks_never_raise_and_never_drop(typed: str, name: str) -> None:
    """A1: any text gives a check; an invalid one keeps the (cleaned) text."""
    check = check_field(name, typed, "US")
    if not check.ok:
        assert check.value.strip()
