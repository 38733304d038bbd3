"""Reading the 'people met' line of the capture form (A1, A2)."""

from __future__ import annotations

import pytest

from core.people import NameEmail, PersonLineError, parse_name_email, parse_people_line


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("", []),
        ("  ,  ", []),
        (
            "Jane Doe <jane@acme.com>, John Smith",
            [NameEmail("Jane Doe", "jane@acme.com"), NameEmail("John Smith")],
        ),
        ("jane.doe@acme.com", [NameEmail("Jane Doe", "jane.doe@acme.com")]),
        ("<priya_n@globex.io>", [NameEmail("Priya N", "priya_n@globex.io")]),
        (
            "Ana Lima; Bo Chen <bo@x.org>",
            [NameEmail("Ana Lima"), NameEmail("Bo Chen", "bo@x.org")],
        ),
        ("José Núñez, 王小明", [NameEmail("José Núñez"), NameEmail("王小明")]),
        ("\x1b[31mJane\x1b[0m Doe", [NameEmail("Jane Doe")]),
        ("Jane Doe <Jane@ACME.com>", [NameEmail("Jane Doe", "Jane@acme.com")]),
    ],
)
def test_people_line_a1_a2(line: str, people: list[NameEmail]) -> None:
    """A1/A2: names with optional emails, comma or semicolon separated, cleaned."""
    assert parse_people_line(line) == people


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("Jane Doe <not-an-email>", "Jane Doe <not-an-email>"),
        ("John Smith, Jane <jane@@acme.com>", "Jane <jane@@acme.com>"),
        ("Jane <jane@acme.com", "Jane <jane@acme.com"),
        ("jane@acme", "jane@acme"),
        ("Jane <>", "Jane <>"),
    ],
)
def test_bad_email_is_an_error_naming_the_entry(line: str, named: str | None) -> None:
    """A1: an unreadable entry raises PersonLineError quoting that entry."""
    with pytest.raises(PersonLineError) as err:
        parse_people_line(line)
    if named is not None:
        assert repr(named) in str(err.value)


def test_bare_email_becomes_a_name() -> None:
    """A2: a bare address gives a readable name to find the person by later."""
    assert parse_name_email("mary-ann.o_neil@acme.com").name == "Mary Ann O Neil"
