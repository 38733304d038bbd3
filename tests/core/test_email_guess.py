"""A2: the company's email pattern inferred from known addresses, and the guesses it gives."""

from __future__ import annotations

import pytest

from core.email_guess import fold, guess_email, infer_pattern, matching_patterns, name_parts


@pytest.mark.parametrize(
    ("name", "email", "pattern"),
    [
        ("Jane Doe", "jane.doe@acme.com", "first.last"),
        ("Jane Doe", "jdoe@acme.com", "flast"),
        ("Jane Doe", "janed@acme.com", "firstl"),
        ("Jane Doe", "jane@acme.com", "first"),
        ("Jane Doe", "jane_doe@acme.com", "first_last"),
        ("Jane Doe", "janedoe@acme.com", "firstlast"),
        ("Jane Doe", "doe.jane@acme.com", "last.first"),
        ("Jane Doe", "j.doe@acme.com", "f.last"),
        ("Jane Doe", "jane-doe@acme.com", "first-last"),
        ("Jane Doe", "doej@acme.com", "lastf"),
        ("Jane Doe", "doe@acme.com", "last"),
        ("Jane Doe", "Jane.Doe@acme.com", "first.last"),
        ("José Núñez", "jose.nunez@acme.com", "first.last"),
        ("Mary O'Neil", "mary.oneil@acme.com", "first.last"),
        ("Dr. Jane Q. Doe Jr.", "jane.doe@acme.com", "first.last"),
    ],
)
def test_each_pattern_is_recognised_a2(name: str, email: str, pattern: str) -> None:
    """A2: every usual local-part pattern is recognised from one known address."""
    assert pattern in matching_patterns(name, email)
    assert infer_pattern([(name, email)]) is not None


def test_folding_a2() -> None:
    """A2: accents, apostrophes, hyphens are folded the way addresses write names."""
    assert fold("Zoë Ó'Brien-Smith") == "zoeobriensmith"
    assert name_parts("Bill") == name_parts("  bill ")
    assert name_parts("李") is None


@pytest.mark.parametrize(
    ("known", "name", "guess"),
    [
        ([("Priya Raman", "priya.raman@acme.com")], "Marcus Chen", "marcus.chen@acme.com"),
        ([("Priya Raman", "praman@acme.com")], "Marcus Chen", "mchen@acme.com"),
        ([("Priya Raman", "priyar@acme.com")], "Marcus Chen", "marcusc@acme.com"),
        ([("Bill Lumbergh", "bill@initech.com")], "Milton Waddams", "milton@initech.com"),
        ([("Bill Lumbergh", "bill@initech.com")], "Milton", "milton@initech.com"),
        ([("Priya Raman", "priya_raman@acme.com")], "Léna Ortiz", "lena_ortiz@acme.com"),
        ([("Priya Raman", "raman.priya@acme.com")], "Marcus Chen", "chen.marcus@acme.com"),
        (
            # Two follow first.last, one flast: the majority wins.
            [
                ("Priya Raman", "priya.raman@acme.com"),
                ("Tom Baker", "tom.baker@acme.com"),
                ("Ann Lee", "alee@acme.com"),
            ],
            "Marcus Chen",
            "marcus.chen@acme.com",
        ),
        (
            # The domain with more matching addresses wins.
            [
                ("Priya Raman", "priya.raman@acme-robotics.com"),
                ("Tom Baker", "tom.baker@acme-robotics.com"),
                ("Ann Lee", "ann@acme.io"),
            ],
            "Marcus Chen",
            "marcus.chen@acme-robotics.com",
        ),
    ],
)
def test_guess_table_a2(known: list[tuple[str, str]], name: str, guess: str) -> None:
    """A2: the guess follows the pattern most known addresses at the company follow."""
    found = guess_email(name, known)
    assert found is not None
    assert found.email == guess


@pytest.mark.parametrize(
    ("known", "name"),
    [
        ([], "Marcus Chen"),
        ([("Priya Raman", "info@acme.com")], "Marcus Chen"),  # follows no pattern
        ([("Priya Raman", "priya.raman@acme.com")], "Marcus"),  # no last name for first.last
        ([("Priya Raman", "priya.raman@acme.com")], "李"),  # nothing ASCII to build from
        ([("Priya Raman", "not an address")], "Marcus Chen"),
    ],
)
def test_no_guess_without_evidence_a2(known: list[tuple[str, str]], name: str) -> None:
    """A2: no pattern, no guess: nothing is made up."""
    assert guess_email(name, known) is None


def test_guess_says_what_it_rests_on_a2() -> None:
    """A2: a guess is marked as such, with its pattern and the known addresses behind it."""
    found = guess_email(
        "Marcus Chen",
        [("Priya Raman", "priya.raman@acme.com"), ("Ann Lee", "alee@acme.com")],
    )
    assert found is not None
    assert (found.pattern, found.support, found.known) == ("first.last", 1, 2)
    assert found.based_on == ("Priya Raman",)
    assert found.reason.startswith("Guessed: first.last@acme.com")
    assert "Not confirmed" in found.reason


def test_ambiguous_example_prefers_the_commoner_pattern_a2() -> None:
    """A2: 'Al Al' <al.al@...> fits first.last and last.first: the commoner one is used."""
    found = infer_pattern([("Al Al", "al.al@x.com")])
    assert found is not None
    assert found.pattern == "first.last"
