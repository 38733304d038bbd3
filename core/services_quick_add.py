"""Quick add of a contact from one line, offering to reuse someone already met at the company."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.contact_fields import check_field, role_kind_from_title
from core.email_guess import name_words
from core.models import CONTACT_FIELDS, EmailSource, Person
from core.people import QuickAddParts, parse_quick_add
from core.repository import Repository

NAME_MATCH_SCORE = 90
"""rapidfuzz ratio (0-100) from which two folded names count as the same person."""

_FROM_LINE = ("title", "email", "phone", "linkedin")


def same_name(a: str, b: str) -> bool:
    """Whether two written names are probably one person: case, accents, order, middle names
    and small typos ('Jose Garcia' ~ 'José García' ~ 'Garcia, Jose' ~ 'Jose Garica')."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb or sorted(wa) == sorted(wb):
        return True
    if len(wa) > 1 and len(wb) > 1 and (wa[0], wa[-1]) == (wb[0], wb[-1]):
        return True
    from rapidfuzz import fuzz

    return bool(fuzz.ratio(" ".join(wa), " ".join(wb)) >= NAME_MATCH_SCORE)


@dataclass(frozen=True)
class ReuseOffer:
    """Someone already on record at this company whose name matches the one typed.

    `same_application`: reusing links the record to this interview (one person, met in two
    rounds); otherwise their details are copied into a new record of this application.
    """

    person: Person
    company: str
    same_application: bool
    met_here: bool


@dataclass(frozen=True)
class QuickAddPreview:
    """A quick-add line read and checked, before anything is stored."""

    parts: QuickAddParts
    values: dict[str, str]
    messages: dict[str, str]
    offers: list[ReuseOffer] = field(default_factory=list)


def preview_quick_add(
    repo: Repository, interview_id: int, line: str, region: str = "US"
) -> QuickAddPreview:
    """A1: read a quick-add line, check each field (bad values kept, with their message) and
    list the people of the same company with that name (PersonLineError if no name)."""
    parts = parse_quick_add(line)
    values: dict[str, str] = {}
    messages: dict[str, str] = {}
    for name in _FROM_LINE:
        check = check_field(name, getattr(parts, name), region)
        if check.value:
            values[name] = check.value
        if check.message:
            messages[name] = check.message
    interview = repo.get_interview(interview_id)
    company = repo.get_application(interview.application_id).company
    here = {p.id for p, _link in repo.participants(interview_id)}
    offers = [
        ReuseOffer(person, app.company, app.id == interview.application_id, person.id in here)
        for person, app in repo.people_at_company(company)
        if same_name(person.name, parts.name)
    ]
    offers.sort(key=lambda o: (not o.same_application, not o.met_here))
    return QuickAddPreview(parts, values, messages, offers)


@dataclass(frozen=True)
class QuickAdded:
    """The person stored by a quick add, whether an existing record was reused, and notes."""

    person: Person
    reused: bool
    messages: dict[str, str]
    notes: list[str]


def _merge(
    person: Person, values: dict[str, str], extras: list[str]
) -> tuple[dict[str, object], list[str]]:
    """Fill the record's blank fields from the line; a differing value is kept in 'personal'."""
    changes: dict[str, object] = {}
    notes: list[str] = [f"Kept in 'personal': {', '.join(extras)}."] if extras else []
    kept: list[str] = list(extras)
    for name, value in values.items():
        current = getattr(person, name)
        if not current:
            changes[name] = value
            if name == "email":
                changes["email_source"] = EmailSource.CARD
        elif current.casefold() != value.casefold():
            kept.append(f"{name} {value}")
            notes.append(f"{name}: kept {current}; {value} noted in 'personal'.")
    if kept:
        line = "Also given: " + "; ".join(kept)
        changes["personal"] = f"{person.personal}\n{line}".strip()
    return changes, notes


def quick_add(
    repo: Repository,
    interview_id: int,
    line: str,
    region: str = "US",
    *,
    reuse_id: int | None = None,
) -> QuickAdded:
    """A1: add the person on a quick-add line to an interview. With `reuse_id` (one of the
    preview's offers) the existing record is linked (same application) or copied (an earlier
    application at the company); blanks are filled, nothing typed is dropped."""
    preview = preview_quick_add(repo, interview_id, line, region)
    interview = repo.get_interview(interview_id)
    offer = next((o for o in preview.offers if o.person.id == reuse_id), None)
    if reuse_id is not None and offer is None:
        raise ValueError(f"person {reuse_id} is not a match for {preview.parts.name!r} here")
    extras = list(preview.parts.extras)
    with repo.write():
        if offer is not None and offer.same_application:
            base = offer.person
        else:
            copied = offer.person.model_dump(include=set(CONTACT_FIELDS)) if offer else {}
            role_kind = role_kind_from_title(preview.values.get("title", ""))
            if role_kind is not None and not offer:
                copied["role_kind"] = role_kind
            base = repo.add_person(
                Person(
                    application_id=interview.application_id,
                    **{"name": preview.parts.name, **copied},
                )
            )
        assert base.id is not None
        changes, notes = _merge(base, preview.values, extras)
        person = repo.update_person(base.id, **changes) if changes else base
        repo.link_participant(interview_id, base.id)
    return QuickAdded(person, offer is not None, preview.messages, notes)
