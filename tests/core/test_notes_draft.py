"""Drafting notes per person and kind (C1, C3, C4, C5, C8, D4, D8, D10, D11, D13)."""

from __future__ import annotations

from itertools import combinations

import pytest

from core.models import NoteKind, Person, RoleKind
from core.note_checks import CheckInput, Sibling, check_note
from core.note_text import clauses, to_second_person
from core.notes import LINKEDIN_CHARS, WORD_LIMITS, DraftInput, draft
from core.services_notes import when_phrase
from tests.core.plan_helpers import ny

HIGHLIGHTS = (
    "Priya built the first ingest service herself; loved the back-pressure discussion. "
    "Mentioned her daughter's robotics team.",
    "Marcus cares about humane on-call; we agreed on runbooks before heroics.",
    "Lena (recruiter) said the team wants to decide before the holidays.",
    "",
)
ANSWERS = {
    "B6": "Platform team of 6, owns the ingest pipeline. They want someone to lead the "
    "migration off the legacy batch jobs in Q1.",
    "B9": "How is success measured in the first 90 days? Who decides the migration order?",
}
NAMES = ("Priya Raman", "Marcus Chen", "Lena Ortiz", "Sam Reed")


def person(i: int, name: str) -> Person:
    """A panel member with a confirmed email from their card."""
    first = name.split()[0].lower()
    return Person(
        id=i + 1,
        application_id=1,
        name=name,
        email=f"{first}@acme.com",
        email_source="card",
        linkedin=f"https://www.linkedin.com/in/{first}",
        mailing_address="500 Harbor Blvd\nBoston, MA 02210",
        role_kind=RoleKind.STAFF if i == 3 else RoleKind.INTERVIEWER,
    )


def inputs(kind: NoteKind, highlights: tuple[str, ...] = HIGHLIGHTS) -> list[DraftInput]:
    """The draft inputs of a panel of four for one kind."""
    return [
        DraftInput(
            kind=kind,
            person=person(i, name),
            company="Acme Robotics",
            role="Staff Platform Engineer",
            highlights=text,
            answers=ANSWERS,
            variant=i,
            decision="by Friday 4 December",
        )
        for i, (name, text) in enumerate(zip(NAMES, highlights, strict=True))
    ]


def checked(inp: DraftInput) -> list[str]:
    """The codes the checks give a draft, on its own."""
    text = draft(inp)
    debrief = "\n".join(ANSWERS.values())
    check = CheckInput(
        inp.kind, inp.person, "Acme Robotics", "Staff Platform Engineer", inp.highlights, debrief
    )
    return [f.code for f in check_note(text.subject, text.body, check)]


@pytest.mark.parametrize("kind", list(NoteKind))
def test_c1_no_two_people_get_the_same_starting_text(kind: NoteKind) -> None:
    """C1: per kind, the drafts of a panel of four differ even with the names blanked out,
    and those built from highlights are not flagged as alike by C1 itself."""
    drafted = [(inp, draft(inp)) for inp in inputs(kind)]
    for (a_in, a), (b_in, b) in combinations(drafted, 2):
        assert a.body.replace(a_in.first, "X") != b.body.replace(b_in.first, "X")
    for (a_in, a), (b_in, b) in combinations(drafted[:3], 2):
        sibling = CheckInput(kind, a_in.person, siblings=(Sibling(b_in.person.name, b.body),))
        assert "C1" not in [f.code for f in check_note(a.subject, a.body, sibling)]


@pytest.mark.parametrize("kind", list(NoteKind))
def test_drafts_pass_their_own_checks_c5_c6_d8(kind: NoteKind) -> None:
    """C5/C6/D8/D10: a fresh draft is specific, short enough for its kind, plainly worded."""
    for inp in inputs(kind)[:3]:
        assert checked(inp) == [], draft(inp).body


def test_c4_thank_you_thanks_comments_and_reaffirms() -> None:
    """C4: thanks first, a positive comment on the plans (B6), interest reaffirmed last."""
    body = draft(inputs(NoteKind.THANK_YOU)[0]).body
    paragraph = body.split("\n\n")[1]
    assert paragraph.startswith("Thank you for taking the time")
    assert "lead the migration off the legacy batch jobs" in paragraph
    assert paragraph.endswith("look forward to hearing about next steps.")
    assert body.startswith("Dear Priya,\n")


def test_c5_each_draft_uses_that_persons_highlights() -> None:
    """C5: the specific sentence comes from that person's highlights, turned to 'you'."""
    bodies = [draft(inp).body for inp in inputs(NoteKind.THANK_YOU)]
    assert "you built the first ingest service yourself" in bodies[0]
    assert "you care about humane on-call" in bodies[1]
    assert "the team wants to decide before the holidays" in bodies[2]
    assert "ingest service" not in bodies[1] + bodies[2]


def test_c3_mailed_note_encloses_the_card_and_is_longer() -> None:
    """C3: the mailed note mentions the enclosed business card and carries two details."""
    inp = inputs(NoteKind.MAILED_NOTE)[0]
    text = draft(inp)
    assert "enclosed my business card" in text.body
    assert "back-pressure discussion" in text.body
    assert text.subject == ""
    assert len(text.body.split()) > len(draft(inputs(NoteKind.THANK_YOU)[0]).body.split())


def test_d8_status_check_is_short_and_never_just_checking_in() -> None:
    """D8: under the status check's word limit; no 'just checking in'; names the decision."""
    for inp in inputs(NoteKind.STATUS_CHECK):
        body = draft(inp).body
        assert len(body.split()) <= WORD_LIMITS[NoteKind.STATUS_CHECK]
        assert "just checking" not in body.lower()
    assert "by Friday 4 December" in draft(inputs(NoteKind.STATUS_CHECK)[0]).body


def test_d4_value_add_asks_a_wished_for_question() -> None:
    """D4: the value-add offers a relevant question from B9, a different one per person."""
    first, second = (draft(i).body for i in inputs(NoteKind.VALUE_ADD)[:2])
    assert "How is success measured in the first 90 days?" in first
    assert "Who decides the migration order?" in second


def test_d10_linkedin_message_fits_in_300_characters() -> None:
    """D10: a LinkedIn connection message stays under 300 characters, even with long notes."""
    long = tuple(h + " " + "and a very long aside about many things" * 10 for h in HIGHLIGHTS)
    for inp in inputs(NoteKind.LINKEDIN, long):
        assert len(draft(inp).body.strip()) <= LINKEDIN_CHARS


def test_c8_d11_d13_say_what_their_kind_is_for() -> None:
    """C8 thanks the staff's help; D11 asks for feedback; D13 withdraws politely."""
    for inp in inputs(NoteKind.STAFF_THANKS):
        opening = draft(inp).body.split("\n\n")[1]
        assert "thank" in opening.lower().split(".")[0]
    feedback = draft(inputs(NoteKind.FEEDBACK_REQUEST)[0]).body
    assert "feedback" in feedback
    withdraw = draft(inputs(NoteKind.WITHDRAW)[0]).body
    assert "accepted another offer" in withdraw and "withdraw" in withdraw


def test_a1_salutation_uses_the_first_name_as_spelled() -> None:
    """A1: the draft greets the person by their first name exactly as in the contact record."""
    inp = inputs(NoteKind.THANK_YOU)[0]
    odd = DraftInput(
        kind=inp.kind,
        person=inp.person.model_copy(update={"name": "Zoë McAllister-Ng"}),
        company="Acme",
        role="",
    )
    assert draft(odd).body.startswith("Dear Zoë,")
    assert "the role" in draft(odd).body


@pytest.mark.parametrize(
    ("note", "expected", "about_you"),
    [
        ("Priya built it herself", "you built it yourself", True),
        ("Marcus cares about on-call", "you care about on-call", True),
        ("She watches the pager", "you watch the pager", True),
        ("Mentioned her daughter's team", "you mentioned your daughter's team", True),
        ("we agreed on runbooks", "we agreed on runbooks", False),
        ("Platform team of 6", "platform team of 6", False),
        ("Q1 launch is the goal", "Q1 launch is the goal", False),
    ],
)
def test_c5_notes_to_self_become_words_to_them(note: str, expected: str, about_you: bool) -> None:
    """C5: a highlight about someone becomes a sentence addressed to them."""
    assert to_second_person(note, "Priya Raman" if "Priya" in note else "Marcus Chen") == (
        expected,
        about_you,
    )


def test_clauses_drop_parenthetical_remarks() -> None:
    """Highlights split into clauses at ; . and new lines, asides in brackets removed."""
    assert clauses("Lena (recruiter) said X; Y.\nZ") == ["Lena said X", "Y", "Z"]


@pytest.mark.parametrize(
    ("ended", "expected"),
    [
        (ny(2026, 11, 22, 10), "today"),
        (ny(2026, 11, 21, 23), "yesterday"),
        (ny(2026, 11, 17, 9), "on Tuesday"),
        (ny(2026, 11, 3, 9), "on 3 November"),
    ],
)
def test_when_phrase(ended: object, expected: str) -> None:
    """The note says when you met, relative to now (Sunday 22 November)."""
    assert when_phrase(ended, ny(2026, 11, 22, 15, 30)) == expected  # type: ignore[arg-type]
