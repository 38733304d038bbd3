"""The form of a note: length per kind (C6, D8, D10), tone (C6: hyperbole, exclamation marks;
D8: 'just checking in'), the salutation's spelling (A1), and the recipient's address (A1, A2,
C3, D10). Each check returns findings with the span of the body they are about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import EmailSource, NoteKind, Person
from core.note_text import WORD
from core.notes import LINKEDIN_CHARS, WORD_LIMITS

LENGTH_RULE = {
    NoteKind.THANK_YOU: "C6",
    NoteKind.MAILED_NOTE: "C6",
    NoteKind.STAFF_THANKS: "C6",
    NoteKind.LINKEDIN: "D10",
}
EMAIL_KINDS = frozenset(NoteKind) - {NoteKind.MAILED_NOTE, NoteKind.LINKEDIN}
HYPERBOLE = re.compile(
    r"(?i)\b(?=[abdefginoprstuw])"  # a cheap first-letter test before the alternation
    r"(amazing|awesome|incredible|incredibly|fantastic|extraordinary|phenomenal|"
    r"outstanding|unbelievable|spectacular|thrilled|ecstatic|overjoyed|perfect|dream job|"
    r"dream company|passionate|absolutely|extremely|super excited|so excited|blown away|"
    r"over the moon|best ever|world-class|game[- ]changer|rock ?star|ninja|beyond excited)\b"
)
_BANG = re.compile("!")
_BANGS = re.compile(r"!{2,}")
_EMPTY_FOLLOW_UP = re.compile(
    r"(?i)\bjust (?:checking in|touching base|following up|wanted to (?:check|follow up))\b"
)
_SALUTATION = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\s+"
    r"(?:(?:mr|mrs|ms|mx|dr|prof)\.?\s+)?(?P<name>[^,\n!:;]{1,60}?)\s*(?:[,\n!:;]|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SharedSentence:
    """C1: a sentence of this note and the nearly identical one in the other note."""

    span: tuple[int, int]
    mine: str
    theirs: str


@dataclass(frozen=True)
class NoteFinding:
    """One problem: its rule ID, a message, and the span (start, end) of the body it is about.

    `field` is 'body', 'subject' or 'recipient'; a C1 finding names the other note's person
    and carries the shared sentences.
    """

    code: str
    message: str
    span: tuple[int, int] | None = None
    field: str = "body"
    sibling: str = ""
    shared: tuple[SharedSentence, ...] = ()


def length_findings(body: str, kind: NoteKind) -> list[NoteFinding]:
    """C6/D8/D10: a note longer than its kind allows (the words past the limit are marked)."""
    rule = LENGTH_RULE.get(kind, "D8")
    found = []
    if kind is NoteKind.LINKEDIN and len(body.strip()) > LINKEDIN_CHARS:
        found.append(
            NoteFinding(
                rule,
                f"{len(body.strip())} characters: LinkedIn cuts a connection message at "
                f"{LINKEDIN_CHARS}.",
                (LINKEDIN_CHARS, len(body)),
            )
        )
    limit = WORD_LIMITS[kind]
    matches = list(WORD.finditer(body))
    if len(matches) > limit:
        found.append(
            NoteFinding(
                rule,
                f"{len(matches)} words: keep it under {limit}, brief and cordial.",
                (matches[limit].start(), len(body)),
            )
        )
    return found


def tone_findings(body: str) -> list[NoteFinding]:
    """C6/D8: hyperbole, repeated exclamation marks, and empty 'just checking in' lines."""
    found = [
        NoteFinding("C6", f"“{m.group(0)}” oversells: say it plainly.", m.span())
        for m in HYPERBOLE.finditer(body)
    ]
    found += [
        NoteFinding("C6", "Repeated exclamation marks read as excess enthusiasm.", m.span())
        for m in _BANGS.finditer(body)
    ]
    singles = [m.start() for m in _BANG.finditer(body)]
    if len(singles) > 1 and not _BANGS.search(body):
        found.append(
            NoteFinding(
                "C6",
                "More than one exclamation mark: keep at most one.",
                (singles[1], singles[1] + 1),
            )
        )
    found += [
        NoteFinding(
            "D8", f"“{m.group(0)}” says nothing: ask where things stand or add something.", m.span()
        )
        for m in _EMPTY_FOLLOW_UP.finditer(body)
    ]
    return found


def salutation_findings(body: str, person: Person) -> list[NoteFinding]:
    """A1: the salutation names the person as spelled in their contact record."""
    match = _SALUTATION.match(body)
    if not match:
        return []
    used = match.group("name")
    known = set(person.name.split())
    if all(part.rstrip(".") in known for part in used.split()):
        return []
    return [
        NoteFinding(
            "A1",
            f"The salutation says “{used}”; the contact record spells it “{person.name}”.",
            match.span("name"),
        )
    ]


def recipient_findings(kind: NoteKind, person: Person) -> list[NoteFinding]:
    """A1/A2/C3/D10: the address the note goes to is missing, a guess, or not valid."""
    from core.contact_fields import check_email_value

    first = person.name.split()[0] if person.name.split() else person.name
    if kind is NoteKind.MAILED_NOTE:
        if person.mailing_address.strip():
            return []
        return [NoteFinding("C3", f"No mailing address for {first}.", field="recipient")]
    if kind is NoteKind.LINKEDIN:
        if person.linkedin.strip():
            return []
        return [NoteFinding("D10", f"No LinkedIn profile for {first}.", field="recipient")]
    if not person.email:
        return [NoteFinding("A1", f"No email address for {first}.", field="recipient")]
    problem = check_email_value(person.email).message
    if problem:
        return [NoteFinding("A1", f"{person.email}: {problem}", field="recipient")]
    if person.email_source is EmailSource.GUESSED:
        return [
            NoteFinding("A2", f"{person.email} is a guess: confirm it first.", field="recipient")
        ]
    return []
