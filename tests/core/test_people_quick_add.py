"""Quick add: one line read into a contact's fields (A1), as typed, nothing dropped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.people import PersonLineError, QuickAddParts, parse_quick_add


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Doe", QuickAddParts("Jane Doe")),
        ("  Jane   Doe  ", QuickAddParts("Jane Doe")),
        ("Jane Doe <jane@acme.com>", QuickAddParts("Jane Doe", email="jane@acme.com")),
        (
            "Jane Doe, VP Engineering, jane@acme.com, +1 415 555 0100",
            QuickAddParts(
                "Jane Doe", title="VP Engineering", email="jane@acme.com", phone="+1 415 555 0100"
            ),
        ),
        ("jane.doe@acme.com", QuickAddParts("Jane Doe", email="jane.doe@acme.com")),
        # an @ with no name before it is no address: the line is the name, as typed
        ("[@click=app.quit]x[/]", QuickAddParts("[@click=app.quit]x[/]")),
        ("Jane Doe jane@acme.com", QuickAddParts("Jane Doe", email="jane@acme.com")),
        (
            '"Doe, Jane" <jd@acme.com>, Head of People',
            QuickAddParts("Jane Doe", title="Head of People", email="jd@acme.com"),
        ),
        (
            "Jane Doe; VP, Engineering; (415) 555-0100 x12",
            QuickAddParts("Jane Doe", title="VP, Engineering", phone="(415) 555-0100 x12"),
        ),
        (
            "Jane Doe, tel: +44 20 7946 0958, linkedin.com/in/janedoe",
            QuickAddParts("Jane Doe", phone="+44 20 7946 0958", linkedin="linkedin.com/in/janedoe"),
        ),
        (
            "Jane Doe, https://www.linkedin.com/in/jane-doe-1a2b/",
            QuickAddParts("Jane Doe", linkedin="https://www.linkedin.com/in/jane-doe-1a2b/"),
        ),
        ("Jane Doe, 2nd floor", QuickAddParts("Jane Doe", title="2nd floor")),
        ("José Núñez, Directora", QuickAddParts("José Núñez", title="Directora")),
        ("王小明 <wang@example.cn>", QuickAddParts("王小明", email="wang@example.cn")),
        # Not valid, but kept as typed for the field checks to report (never dropped).
        ("Bob, bad@@x, 12345", QuickAddParts("Bob", email="bad@@x", phone="12345")),
        # A second address, a second name: kept as extras.
        (
            "Jane Doe, jane@acme.com, jd@home.org",
            QuickAddParts("Jane Doe", email="jane@acme.com", extras=("jd@home.org",)),
        ),
        (
            "Jane Doe, VP, J. Doe <jd@acme.com>",
            QuickAddParts("Jane Doe", title="VP", email="jd@acme.com", extras=("J. Doe",)),
        ),
        ("\x1b[31mJane\x1b[0m Doe, [bold]VP[/]", QuickAddParts("Jane Doe", title="[bold]VP[/]")),
    ],
)
def test_quick_add_table_a1(line: str, expected: QuickAddParts) -> None:
    """A1: name, title, email, phone and LinkedIn read from one line, in any order."""
    assert parse_quick_add(line) == expected


@pytest.mark.parametrize("line", ["", "   ", ", ;", "\x1b[31m\x1b[0m"])
def test_quick_add_needs_a_name_a1(line: str) -> None:
    """A1: a line with neither a name nor an address is refused with a hint."""
    with pytest.raises(PersonLineError, match="Type a name"):
        parse_quick_add(line)


@given(st.text(max_size=80))
def test_quick_add_never_loses_a_name_a1(line: str) -> None:
    """A1: any text either gives a non-empty one-line name or a PersonLineError."""
    try:
        parts = parse_quick_add(line)
    except PersonLineError:
        return
    assert parts.name.strip()
    assert "\n" not in parts.name
