"""Live checks of a note (C1, C5, C6, D8, D10, A1, A2, C3), each firing and not firing."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.models import EmailSource, NoteKind, Person
from core.note_checks import SIMILARITY_THRESHOLD, CheckInput, Sibling, check_note
from core.note_style import tone_findings

PRIYA = Person(
    id=1,
    application_id=1,
    name="Priya Raman",
    email="priya.raman@acme-robotics.com",
    email_source=EmailSource.CARD,
    mailing_address="500 Harbor Blvd\nBoston, MA 02210",
    linkedin="https://www.linkedin.com/in/priya",
)
HIGHLIGHTS = "Priya built the first ingest service herself; loved the back-pressure discussion."
DEBRIEF = "Platform team of 6, owns the ingest pipeline. They want someone to lead the migration."

TO_PRIYA = (
    "Dear Priya,\n\nThank you for taking the time to meet with me today about the Staff "
    "Platform Engineer role. I especially enjoyed hearing that you built the first ingest "
    "service yourself. The plans for the role are the kind of work I want to do. I remain "
    "very interested in the position and look forward to hearing about next steps.\n\n"
    "Best regards,\n"
)
TO_MARCUS = (
    "Dear Marcus,\n\nThanks for meeting with me this afternoon. Your view that runbooks come "
    "before heroics matches how I ran on-call at my last job, where we cut pages by half in "
    "a quarter. I would be glad to keep the conversation going.\n\nKind regards,\n"
)
TO_LENA = (
    "Hi Lena, thank you for organising the interviews and for keeping the day on schedule. "
    "Good to know the team hopes to decide before the holidays. Please tell me if you need "
    "references.\n\nBest,\n"
)

NEAR_COPIES = {
    "names swapped": TO_PRIYA.replace("Priya", "Marcus"),
    "name and detail swapped": TO_PRIYA.replace("Priya", "Marcus").replace(
        "you built the first ingest service yourself", "you care about humane on-call"
    ),
    "light edits": TO_PRIYA.replace("Priya", "Marcus")
    .replace("Thank you for taking", "Thanks for taking")
    .replace("very interested", "really interested")
    .replace("Best regards", "Kind regards"),
    "sentences reordered, one dropped": (
        "Dear Marcus,\n\nI remain very interested in the position and look forward to hearing "
        "about next steps. Thank you for taking the time to meet with me today about the Staff "
        "Platform Engineer role. I especially enjoyed hearing that you built the first ingest "
        "service yourself.\n\nBest regards,\n"
    ),
}
DIFFERENT = {"written for Marcus": TO_MARCUS, "written for Lena": TO_LENA}


def check(body: str, *siblings: Sibling, kind: NoteKind = NoteKind.THANK_YOU, **person: object):  # type: ignore[no-untyped-def]
    """The findings of `body` as a note of `kind` to Priya (with these changes to her)."""
    inp = CheckInput(
        kind=kind,
        person=PRIYA.model_copy(update=person),
        company="Acme Robotics",
        role="Staff Platform Engineer",
        highlights=HIGHLIGHTS,
        debrief=DEBRIEF,
        siblings=siblings,
    )
    return check_note("Thank you", body, inp)


def codes(body: str, *siblings: Sibling, **kwargs: object) -> list[str]:
    """Only the codes of the findings."""
    return [f.code for f in check(body, *siblings, **kwargs)]


@pytest.mark.parametrize("name", list(NEAR_COPIES))
def test_c1_near_copies_trip_the_threshold(name: str) -> None:
    """C1: a near copy of another note (names swapped, light edits, reordered) is flagged,
    naming the other person, with the shared sentences found."""
    findings = check(TO_PRIYA, Sibling("Marcus Chen", NEAR_COPIES[name]))
    c1 = [f for f in findings if f.code == "C1"]
    assert len(c1) == 1
    assert c1[0].sibling == "Marcus Chen"
    assert "Marcus Chen" in c1[0].message
    assert len(c1[0].shared) >= 2
    start, end = c1[0].span or (0, 0)
    assert TO_PRIYA[start:end] == c1[0].shared[0].mine


@pytest.mark.parametrize("name", list(DIFFERENT))
def test_c1_genuinely_different_notes_do_not_trip_it(name: str) -> None:
    """C1: notes that share only the usual courtesies are not flagged."""
    assert "C1" not in codes(TO_PRIYA, Sibling("Someone", DIFFERENT[name]))


def test_c1_threshold_separates_the_table() -> None:
    """C1: every near copy scores at or above the threshold, every different note below."""
    from rapidfuzz.fuzz import token_set_ratio
    from rapidfuzz.utils import default_process

    def score(other: str) -> float:
        return float(token_set_ratio(default_process(TO_PRIYA), default_process(other)))

    assert min(score(t) for t in NEAR_COPIES.values()) >= SIMILARITY_THRESHOLD
    assert max(score(t) for t in DIFFERENT.values()) < SIMILARITY_THRESHOLD


def test_c1_shared_sentences_pair_this_note_with_the_other() -> None:
    """C1: each shared sentence is shown next to the other note's version of it."""
    other = NEAR_COPIES["name and detail swapped"]
    (c1,) = [f for f in check(TO_PRIYA, Sibling("Marcus Chen", other)) if f.code == "C1"]
    pairs = {s.mine: s.theirs for s in c1.shared}
    opening = "Thank you for taking the time to meet with me today about the Staff Platform "
    assert pairs[opening + "Engineer role."] == opening + "Engineer role."
    assert not any("ingest" in mine for mine in pairs)  # the changed sentence is not shared


def test_c1_a_greeting_alone_is_not_compared() -> None:
    """C1: very short notes are not compared (a greeting is not a copy)."""
    assert "C1" not in codes("Dear Priya,\n\nThanks!\n", Sibling("Marcus", "Dear Marcus, Thanks!"))


def test_c5_a_generic_note_has_no_specific_detail() -> None:
    """C5: nothing from this conversation in the note: flagged, quoting the highlights."""
    generic = "Dear Priya,\n\nThank you for your time today. I enjoyed our conversation about "
    generic += "the role and the company. I look forward to hearing from you.\n\nBest regards,"
    (c5,) = [f for f in check(generic) if f.code == "C5"]
    assert "first ingest service" in c5.message
    assert "C5" not in codes(TO_PRIYA)  # mentions the ingest service she built


def test_c5_the_debrief_counts_too() -> None:
    """C5: two telling words from the debrief (B6) are specific enough."""
    note = "Dear Priya,\n\nThank you for your time. Leading the migration of the ingest "
    note += "pipeline is work I would enjoy.\n\nBest regards,"
    assert "C5" not in codes(note)


def test_c5_nothing_recorded_asks_for_highlights() -> None:
    """C5: with no highlights and no debrief, the finding asks for them (B2)."""
    inp = CheckInput(kind=NoteKind.THANK_YOU, person=PRIYA)
    (c5,) = [f for f in check_note("Hi", TO_PRIYA, inp) if f.code == "C5"]
    assert "B2" in c5.message


@pytest.mark.parametrize(
    ("kind", "words", "fires", "rule"),
    [
        (NoteKind.THANK_YOU, 150, False, "C6"),
        (NoteKind.THANK_YOU, 151, True, "C6"),
        (NoteKind.STATUS_CHECK, 80, False, "D8"),
        (NoteKind.STATUS_CHECK, 81, True, "D8"),
        (NoteKind.MAILED_NOTE, 200, False, "C6"),
        (NoteKind.VALUE_ADD, 121, True, "D8"),
        (NoteKind.LINKEDIN, 61, True, "D10"),
    ],
)
def test_c6_d8_too_long_for_its_kind(kind: NoteKind, words: int, fires: bool, rule: str) -> None:
    """C6/D8/D10: word limits per kind; the words past the limit are the span."""
    body = " ".join(f"w{i}" for i in range(words))
    found = [f for f in check(body, kind=kind) if "words" in f.message]
    assert bool(found) is fires
    if fires:
        assert found[0].code == rule
        start, _end = found[0].span or (0, 0)
        assert body[start:].startswith(f"w{words - 1 if kind is not NoteKind.LINKEDIN else 60}")


def test_d10_linkedin_characters() -> None:
    """D10: LinkedIn cuts a connection message at 300 characters."""
    assert "D10" in codes("x" * 301, kind=NoteKind.LINKEDIN)
    assert "D10" not in codes("x" * 300, kind=NoteKind.LINKEDIN)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Absolutely thrilled about this amazing role.", ["Absolutely", "thrilled", "amazing"]),
        ("This is my dream job.", ["dream job"]),
        ("An Incredible team, truly world-class.", ["Incredible", "world-class"]),
        ("Thank you for your time!!", ["!!"]),
        ("Thanks! Talk soon!", ["!"]),
        ("Thank you for your time! I enjoyed it.", []),
        ("I enjoyed our talk about perfectionism.", []),
    ],
)
def test_c6_hyperbole_and_exclamation_marks(text: str, flagged: list[str]) -> None:
    """C6: hyperbole and repeated '!' are flagged, each with the span of the words."""
    found = tone_findings(text)
    assert [text[f.span[0] : f.span[1]] for f in found if f.span] == flagged
    assert all(f.code == "C6" for f in found)


def test_d8_just_checking_in() -> None:
    """D8: 'just checking in' is flagged; a real question is not."""
    (found,) = tone_findings("Hi Priya, just checking in on the role.")
    assert found.code == "D8"
    assert tone_findings("Hi Priya, where do things stand on the role?") == []


@pytest.mark.parametrize(
    ("salutation", "flag"),
    [
        ("Dear Priya,", None),
        ("Dear Priya Raman,", None),
        ("Dear Ms. Raman,", None),
        ("Hi Priya!", None),
        ("Dear Pria,", "Pria"),
        ("Dear priya,", "priya"),
        ("Dear Priya Ramen,", "Priya Ramen"),
        ("Thanks again for today.", None),
    ],
)
def test_a1_salutation_spelled_as_in_the_contact(salutation: str, flag: str | None) -> None:
    """A1: the salutation names the person exactly as spelled in the contact record."""
    body = salutation + "\n\nThank you."
    found = [f for f in check(body) if f.code == "A1"]
    if flag is None:
        assert found == []
    else:
        (finding,) = found
        assert finding.span is not None
        assert body[finding.span[0] : finding.span[1]] == flag
        assert "Priya Raman" in finding.message


@pytest.mark.parametrize(
    ("kind", "changes", "code"),
    [
        (NoteKind.THANK_YOU, {}, None),
        (NoteKind.THANK_YOU, {"email": ""}, "A1"),
        (NoteKind.THANK_YOU, {"email": "priya@@acme"}, "A1"),
        (NoteKind.THANK_YOU, {"email_source": EmailSource.GUESSED}, "A2"),
        (NoteKind.MAILED_NOTE, {"email": ""}, None),
        (NoteKind.MAILED_NOTE, {"mailing_address": ""}, "C3"),
        (NoteKind.LINKEDIN, {"linkedin": ""}, "D10"),
        (NoteKind.LINKEDIN, {"email": ""}, None),
    ],
)
def test_recipient_missing_guessed_or_invalid(
    kind: NoteKind, changes: dict[str, object], code: str | None
) -> None:
    """A1/A2/C3/D10: the note can reach them: an email (not a guess), an address, a profile."""
    found = [f for f in check("Hi Priya,", kind=kind, **changes) if f.field == "recipient"]
    assert [f.code for f in found] == ([code] if code else [])


def test_note_modules_load_rapidfuzz_only_when_checking(tmp_path: Path) -> None:
    """Importing the note modules loads neither textual nor rapidfuzz (lazy, off start-up)."""
    from tests.core.test_imports import _modules_after

    loaded = _modules_after(
        "import core.notes, core.note_checks, core.services_notes, core.export_eml", tmp_path
    )
    assert not loaded["textual"] and not loaded["rapidfuzz"]
