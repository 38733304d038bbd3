"""A1/#8: email_valid (a list's check: each domain checked once) answers exactly as the full
check (check_email_value(...).ok) does, for plain addresses, near-misses and any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.contact_fields import check_email_value
from core.coverage import _domain_valid, email_valid

ATOM = "abcXYZ019"
LOCAL = st.text(alphabet=ATOM + "._+-!#'", min_size=0, max_size=70)
LABEL = st.text(alphabet=ATOM + "-_", min_size=0, max_size=66)
TLD = st.sampled_from(["com", "org", "c0m", "x", "123", "test", "local", "localhost", "onion"])
DOMAIN = st.builds(
    lambda labels, tld: ".".join([*labels, tld]), st.lists(LABEL, max_size=4), TLD | LABEL
)
PLAIN_LOCAL = st.from_regex(r"[A-Za-z0-9]{1,30}([._+-][A-Za-z0-9]{1,30}){0,3}", fullmatch=True)
PLAIN_DOMAIN = st.from_regex(
    r"([A-Za-z0-9][A-Za-z0-9-]{0,63}\.){1,4}([A-Za-z]{2,6}|[A-Za-z0-9-]{1,64})", fullmatch=True
)
SAMPLES = [
    "jane@acme.com",
    "Jane.Doe+tag@Sub.Example.org",
    "a..b@acme.com",
    ".a@acme.com",
    "a.@acme.com",
    "a@acme",
    "a@-acme.com",
    "a@acme-.com",
    "a@acme.test",
    "a@1.2.3.4",
    "x" * 64 + "@acme.com",
    "x" * 65 + "@acme.com",
    "a@" + ".".join(["b" * 63] * 3) + ".com",
    "a@" + ".".join(["b" * 63] * 4) + ".com",
    "b" * 60 + "@" + ".".join(["c" * 60] * 3) + ".com",
    "jane@acme.com ",
    "Jane <jane@acme.com>",
    "jané@acme.com",
    "jane@acmé.com",
    "",
]


def _same(email: str) -> None:
    email_valid.cache_clear()
    _domain_valid.cache_clear()
    first = email_valid(email)
    assert first == check_email_value(email).ok, email
    email_valid.cache_clear()
    assert email_valid(email) == first  # and again, from the domain's kept answer


def test_a1_email_valid_on_plain_addresses_and_near_misses() -> None:
    """Each sample, valid or not for a reason of its own, answered as the full check does."""
    assert {email_valid(e) for e in SAMPLES} == {True, False}
    for email in SAMPLES:
        _same(email)


@settings(max_examples=400, deadline=None)
@given(LOCAL, DOMAIN)
def test_a1_email_valid_on_generated_addresses(local: str, domain: str) -> None:
    """Addresses built from plain and unusual parts, lengths past 64 and 254 included."""
    _same(f"{local}@{domain}")


@settings(max_examples=400, deadline=None)
@given(PLAIN_LOCAL, PLAIN_DOMAIN)
def test_a1_email_valid_on_plain_looking_addresses(local: str, domain: str) -> None:
    """Addresses the quick path takes (or nearly): labels of 63 and 64, hyphens at the ends."""
    _same(f"{local}@{domain}")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_a1_email_valid_on_any_text(text: str) -> None:
    """Any text at all."""
    _same(text)
