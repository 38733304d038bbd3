"""Note drafting per person and kind: each draft is built from that person's highlights (B2)
and the debrief, and each person of a panel gets other words (C1), so no two read alike."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from core.models import NoteKind, Person
from core.note_text import clauses, first_name, sentences, to_second_person

WORD_LIMITS = {
    NoteKind.THANK_YOU: 150,
    NoteKind.MAILED_NOTE: 200,
    NoteKind.STAFF_THANKS: 90,
    NoteKind.VALUE_ADD: 120,
    NoteKind.STATUS_CHECK: 80,
    NoteKind.FEEDBACK_REQUEST: 110,
    NoteKind.WITHDRAW: 110,
    NoteKind.LINKEDIN: 60,
}
"""C6/D8: how many words a note of each kind may have before it is too long."""

_TOLD = re.compile(r"you (?:said|explained|told me|let me know)(?: that)? ", re.IGNORECASE)
_PLAN_WORDS = re.compile(
    r"(?i)\b(want|plan|need|looking|goal|hir|lead|build|migrat|grow|launch|scal|roadmap|next)"
)
LINKEDIN_CHARS = 300
"""D10: LinkedIn cuts a connection message at 300 characters."""


@dataclass(frozen=True)
class DraftInput:
    """What a draft is built from: the person, the role, their highlights and the debrief."""

    kind: NoteKind
    person: Person
    company: str
    role: str
    highlights: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    variant: int = 0
    when: str = "today"
    decision: str = ""

    @property
    def first(self) -> str:
        """The first name, as the salutation uses it."""
        return first_name(self.person.name)

    @property
    def role_text(self) -> str:
        """'the Staff Platform Engineer role', or 'the role' when none was recorded."""
        return f"the {self.role} role" if self.role else "the role"

    def pick(self, options: tuple[str, ...], offset: int = 0) -> str:
        """Choose one wording by the person's place in the panel (C1: each gets another).

        The first len(options) people get one option each; later ones get other
        combinations (each sentence shifts by its own stride), so larger panels differ too.
        """
        n = len(options)
        stride = len(options[0]) % (n - 1) + 1 if n > 1 else 0
        return options[(self.variant + offset + stride * (self.variant // n)) % n]


@dataclass(frozen=True)
class Draft:
    """A starting text: the subject line (empty for a mailed note) and the body."""

    subject: str
    body: str


def detail_sentence(inp: DraftInput, index: int = 0) -> str:
    """C5: a sentence about something specific from the conversation with this person (B2)."""
    found = clauses(inp.highlights)
    if len(found) <= index:
        return ""
    clause, about_you = to_second_person(found[index], inp.person.name)
    told = _TOLD.match(clause)
    if told:
        return f"It was helpful to hear that {clause[told.end() :]}."
    if about_you:
        frame = inp.pick(
            (
                "I especially enjoyed hearing that {}.",
                "It was good to learn that {}.",
                "I appreciated hearing that {}.",
                "I was interested to hear that {}.",
            ),
            index,
        )
    elif clause.casefold().startswith("we "):
        frame = "I was glad {}."
    else:
        frame = "One thing from our conversation stays with me: {}."
    return frame.format(clause)


def plan_sentence(inp: DraftInput) -> str:
    """C4: a positive comment on the job or the manager's plan, from the key points (B6)."""
    text = inp.answers.get("B6", "")
    spans = sentences(text)
    if not spans:
        return inp.pick(
            (
                f"The work you described for {inp.role_text} is the kind I do best.",
                f"What I heard about {inp.company} made me more interested in joining.",
                f"The way {inp.company} approaches this role makes a lot of sense to me.",
                "The problems the team is tackling are ones I would enjoy working on.",
            )
        )
    spans.sort(key=lambda span: not _PLAN_WORDS.search(text[span[0] : span[1]]))
    start, end = spans[inp.variant % len(spans)]
    point, _ = to_second_person(text[start:end].rstrip(".!?"), inp.person.name)
    return inp.pick(
        (
            f"The plans for the role ({point}) are the kind of work I want to do.",
            f"What I heard about the team ({point}) made me more interested in joining "
            f"{inp.company}.",
            f"The way {inp.company} is approaching this ({point}) makes a lot of sense to me.",
            f"I left excited about the work ahead ({point}).",
        )
    )


def _thanks_opening(inp: DraftInput) -> str:
    return inp.pick(
        (
            f"Thank you for taking the time to meet with me {inp.when} about {inp.role_text}.",
            f"Thank you for speaking with me {inp.when} about {inp.role_text} at {inp.company}.",
            f"Thanks for your time {inp.when}, and for the conversation about {inp.role_text}.",
            f"I appreciated the time you spent with me {inp.when} discussing {inp.role_text}.",
        )
    )


def _interest(inp: DraftInput) -> str:
    return inp.pick(
        (
            "I remain very interested in the position and look forward to hearing about "
            "next steps.",
            f"I would welcome the chance to contribute at {inp.company}, and hope to hear "
            "from you soon.",
            "Our conversation confirmed my interest in the role; I hope we can keep talking.",
            "I am still keen on this role and look forward to the next step.",
        )
    )


def closing(inp: DraftInput) -> str:
    """The sign-off, one per place in the panel."""
    return inp.pick(("Best regards,", "Kind regards,", "With thanks,", "All the best,"))


def letter(inp: DraftInput, *lines: str, greeting: str = "Dear") -> str:
    """Salutation (their first name as spelled in contacts), one paragraph, sign-off."""
    paragraphs = [f"{greeting} {inp.first},", " ".join(x for x in lines if x), closing(inp)]
    return "\n\n".join(paragraphs) + "\n"


def thank_you(inp: DraftInput) -> Draft:
    """C4: thanks for their time; a specific, positive comment; reaffirmed interest (C5)."""
    subject = inp.pick(
        (
            f"Thank you – {inp.role or 'our interview'}",
            f"Thanks for your time {inp.when}",
            f"Our conversation about {inp.role_text}",
            f"Following up on {inp.when}'s interview"
            if inp.when in ("today", "yesterday")
            else "Following up on our interview",
        )
    )
    body = letter(
        inp, _thanks_opening(inp), detail_sentence(inp), plan_sentence(inp), _interest(inp)
    )
    return Draft(subject, body)


def mailed_note(inp: DraftInput) -> Draft:
    """C3: the longer mailed note, with the business card it encloses."""
    body = letter(
        inp,
        _thanks_opening(inp),
        detail_sentence(inp),
        detail_sentence(inp, 1),
        plan_sentence(inp),
        "I have enclosed my business card, in case it is useful.",
        _interest(inp),
    )
    return Draft("", body)


def staff_thanks(inp: DraftInput) -> Draft:
    """C8: a short thank-you to the staff who helped, in other words for each of them."""
    body = letter(
        inp,
        inp.pick(
            (
                f"Thank you for your help {inp.when} when I came in to interview for "
                f"{inp.role_text}.",
                f"Thanks for looking after me {inp.when} during my interviews at {inp.company}.",
                f"I wanted to thank you for your help with my visit to {inp.company} {inp.when}.",
                f"Thank you for making me feel welcome at {inp.company} {inp.when}.",
            )
        ),
        detail_sentence(inp),
        inp.pick(
            (
                "You made the day go smoothly, and I appreciated it.",
                "It made a long day much easier.",
                "Your help put me at ease before a busy afternoon.",
                "I noticed the care you took, and I am grateful.",
            )
        ),
        greeting=inp.pick(("Dear", "Hi", "Hello", "Dear")),
    )
    subjects = (f"Thank you for your help {inp.when}", "Thank you", "Thanks", "With thanks")
    return Draft(inp.pick(subjects), body)


_DRAFTERS: dict[NoteKind, Callable[[DraftInput], Draft]] = {
    NoteKind.THANK_YOU: thank_you,
    NoteKind.MAILED_NOTE: mailed_note,
    NoteKind.STAFF_THANKS: staff_thanks,
}


def draft(inp: DraftInput) -> Draft:
    """C1/C4/C5: the starting text of a note of `inp.kind` to `inp.person`."""
    from core.notes_follow_up import FOLLOW_UPS  # they build on this module's helpers

    return {**_DRAFTERS, **FOLLOW_UPS}[inp.kind](inp)
