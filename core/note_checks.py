"""Live checks of a note: each finding has its rule, a message and the span it is about.

C1 too close to another person's note (with the shared sentences), C5 nothing specific,
C6/D8/D10 too long, hyperbole, exclamation marks, 'just checking in', the salutation's
spelling (A1), and whether the note can reach them (A1, A2, C3, D10).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

from core.models import NoteKind, Person
from core.note_style import (
    EMAIL_KINDS,
    NoteFinding,
    SharedSentence,
    length_findings,
    recipient_findings,
    salutation_findings,
    tone_findings,
)
from core.note_text import content_words, sentences, words

__all__ = ["CheckInput", "NoteFinding", "SharedSentence", "Sibling", "check_note"]

SIMILARITY_THRESHOLD = 80
"""C1: token_set_ratio (0-100) at or above which two notes read alike (tested on pairs)."""
SENTENCE_CUTOFF = 0.75
"""C1: difflib ratio at or above which two sentences count as shared."""
MIN_WORDS = 12
"""C1: shorter notes are not compared (a greeting alone is not a copy)."""
_SHORT_SENTENCE = 4
_CANDIDATE = 60  # rapidfuzz ratio a sentence needs to be compared word by word at all
_MAX_FINDINGS = 6

_DETAIL_KINDS = frozenset({NoteKind.THANK_YOU, NoteKind.MAILED_NOTE, NoteKind.VALUE_ADD})


@dataclass(frozen=True)
class Sibling:
    """Another person's note of the same application (C1), prepared once for many checks."""

    person: str
    body: str

    @cached_property
    def processed(self) -> str:
        """The body as rapidfuzz compares it (lowercase, punctuation removed)."""
        from rapidfuzz.utils import default_process

        return str(default_process(self.body))

    @cached_property
    def sentence_index(self) -> list[tuple[tuple[str, ...], str, str]]:
        """Each sentence of the body: its words, those words joined, its text as written."""
        index = []
        for start, end in sentences(self.body):
            key = tuple(words(self.body[start:end]))
            if len(key) >= _SHORT_SENTENCE:
                index.append((key, " ".join(key), self.body[start:end]))
        return index

    @cached_property
    def sentence_choices(self) -> list[str]:
        """The joined words of each sentence, as rapidfuzz searches them."""
        return [joined for _key, joined, _text in self.sentence_index]


@dataclass(frozen=True)
class CheckInput:
    """What a note is checked against: its kind, the person, what was said, other notes."""

    kind: NoteKind
    person: Person
    company: str = ""
    role: str = ""
    highlights: str = ""
    debrief: str = ""
    siblings: tuple[Sibling, ...] = field(default_factory=tuple)

    @cached_property
    def common(self) -> frozenset[str]:
        """Words that say nothing specific here: their name, the company, the role."""
        return frozenset(words(f"{self.person.name} {self.company} {self.role}"))

    @cached_property
    def detail_words(self) -> tuple[set[str], set[str]]:
        """C5: the telling words of their highlights (B2) and of the debrief, computed once."""
        return content_words(self.highlights, self.common), content_words(self.debrief, self.common)

    @cached_property
    def recipient(self) -> tuple[NoteFinding, ...]:
        """A1/A2/C3/D10: the address checks, which do not depend on the text (computed once)."""
        return tuple(recipient_findings(self.kind, self.person))


def similar_notes(body: str, siblings: tuple[Sibling, ...]) -> list[NoteFinding]:
    """C1: the other people's notes this one reads like, each with the sentences they share."""
    from rapidfuzz.fuzz import token_set_ratio
    from rapidfuzz.utils import default_process

    mine = str(default_process(body))
    if len(mine.split()) < MIN_WORDS:
        return []
    found = []
    for sibling in siblings:
        score = token_set_ratio(mine, sibling.processed, score_cutoff=SIMILARITY_THRESHOLD)
        if not score:
            continue
        shared = shared_sentences(body, sibling)
        span = shared[0].span if shared else None
        count = f", {len(shared)} sentence(s) shared" if shared else ""
        found.append(
            NoteFinding(
                "C1",
                f"Reads like your note to {sibling.person} ({score:.0f}% alike{count}). "
                "Interviewers compare notes.",
                span,
                sibling=sibling.person,
                shared=tuple(shared),
            )
        )
    return found


def shared_sentences(body: str, sibling: Sibling) -> list[SharedSentence]:
    """C1: the sentences of `body` that nearly repeat one of the sibling's. rapidfuzz finds
    the closest sentence; difflib compares the two word by word (a swapped name or one
    changed word still counts as the same sentence)."""
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extractOne

    index = sibling.sentence_index
    shared = []
    for start, end in sentences(body):
        key = tuple(words(body[start:end]))
        if len(key) < _SHORT_SENTENCE:
            continue
        best = extractOne(
            " ".join(key), sibling.sentence_choices, scorer=ratio, score_cutoff=_CANDIDATE
        )
        if best is None:
            continue
        theirs, _joined, text = index[best[2]]
        if SequenceMatcher(None, key, theirs, autojunk=False).ratio() >= SENTENCE_CUTOFF:
            shared.append(SharedSentence((start, end), body[start:end], text))
    return shared


def detail_findings(body: str, inp: CheckInput) -> list[NoteFinding]:
    """C5: a thank-you (or value-add) must mention something from this conversation."""
    if inp.kind not in _DETAIL_KINDS or len(words(body)) < _SHORT_SENTENCE:
        return []
    theirs, debrief = inp.detail_words
    first = inp.person.name.split()[0] if inp.person.name.split() else inp.person.name
    if not theirs and not debrief:
        return [
            NoteFinding(
                "C5",
                f"Nothing recorded from your talk with {first} (B2): add highlights in the "
                "debrief, then mention one.",
            )
        ]
    mine = content_words(body, inp.common)
    if mine & theirs or len(mine & debrief) >= 2:
        return []
    hint = f" (your notes: {inp.highlights.strip()[:60]})" if inp.highlights.strip() else ""
    return [NoteFinding("C5", f"Nothing specific from your conversation with {first} yet{hint}.")]


def check_note(subject: str, body: str, inp: CheckInput) -> list[NoteFinding]:
    """Every check of one note, most important first (C1, C5, then length and tone)."""
    found = similar_notes(body, inp.siblings)
    found += detail_findings(body, inp)
    found += salutation_findings(body, inp.person)
    found += length_findings(body, inp.kind)
    found += tone_findings(body)[:_MAX_FINDINGS]
    found += inp.recipient
    if inp.kind in EMAIL_KINDS and body.strip() and not subject.strip():
        found.append(NoteFinding("C4", "No subject line yet.", field="subject"))
    return found
