"""Use cases of the contacts screen: list by scope, quick add (with reuse), edit, guess, delete."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from core.contact_fields import check_email_value, check_field, field_messages, phone_display
from core.coverage import Flag, panel_flags, person_flags
from core.email_guess import EmailGuess, guess_email
from core.models import CONTACT_FIELDS, Application, EmailSource, Person
from core.repository import Repository
from core.repository.list_reads import nocase
from core.repository.people import CONTACTS_PAGE


class Scope(StrEnum):
    """Whose contacts the screen lists: one interview's panel, its application, or everyone."""

    INTERVIEW = "interview"
    APPLICATION = "application"
    EVERYONE = "everyone"


@dataclass(frozen=True)
class ContactRow:
    """One person as the contacts screen shows them: details, problems, gaps and a guess."""

    person: Person
    company: str
    role: str
    met_at: tuple[int, ...]
    phone: str
    messages: dict[str, str]
    flags: tuple[Flag, ...]
    guess: EmailGuess | None


@dataclass(frozen=True)
class ContactsView:
    """The rows of one scope, and the C9 flags of each application shown (by its id)."""

    scope: Scope
    rows: list[ContactRow]
    application_flags: dict[int, list[Flag]] = field(default_factory=dict)


def _people_in_scope(
    repo: Repository, scope: Scope, interview_id: int | None
) -> list[tuple[Person, Application]]:
    if scope == Scope.EVERYONE:
        return repo.people_with_application()
    if interview_id is None:
        raise ValueError(f"the {scope.value} scope needs an interview")
    interview = repo.get_interview(interview_id)
    if scope == Scope.APPLICATION:
        return repo.people_with_application(interview.application_id)
    app = repo.get_application(interview.application_id)
    return [(person, app) for person, _link in repo.participants(interview_id)]


def list_contacts(
    repo: Repository,
    scope: Scope,
    interview_id: int | None = None,
    *,
    region: str = "US",
    thanked: Collection[int] = (),
    mailed_notes: Collection[int] = (),
) -> ContactsView:
    """List the contacts of a scope with field messages, coverage flags (A1, A2, A5, C3, C8,
    C9) and an email guess for those without an address (A2).

    `thanked`: ids of the people already thanked (C8); `mailed_notes`: ids of the people a
    mailed note is planned for (C3).
    """
    pairs = _people_in_scope(repo, scope, interview_id)
    return _view(repo, scope, pairs, region, thanked, mailed_notes)


@dataclass(frozen=True)
class ContactsPage:
    """#8: one page of a scope's contacts: `total` people, the view of those from `offset`."""

    view: ContactsView
    total: int
    offset: int


def contacts_page(
    repo: Repository,
    scope: Scope,
    interview_id: int | None = None,
    *,
    region: str = "US",
    order: str = "name",
    offset: int = 0,
    limit: int = CONTACTS_PAGE,
) -> ContactsPage:
    """#8: a page of list_contacts, sorted in the database (by name, company or role), with
    what C8 and C3 need read for that page's people only. Everyone's page carries no C9 flags
    (a page holds part of many processes); a process's or an interview's page does."""
    if scope == Scope.INTERVIEW:
        pairs = _people_in_scope(repo, scope, interview_id)
        total, pairs = len(pairs), pairs[max(0, offset) : max(0, offset) + limit]
    else:
        app_id = None
        if scope == Scope.APPLICATION:
            if interview_id is None:
                raise ValueError(f"the {scope.value} scope needs an interview")
            app_id = repo.get_interview(interview_id).application_id
        total = repo.count_people(app_id)
        pairs = repo.people_page(app_id, order=order, offset=offset, limit=limit)
    ids = [p.id for p, _a in pairs if p.id is not None]
    view = _view(
        repo, scope, pairs, region, repo.thanked_person_ids(ids), repo.mailed_note_person_ids(ids)
    )
    if scope == Scope.EVERYONE:
        view = ContactsView(scope, view.rows)
    return ContactsPage(view, total, max(0, offset))


def _view(
    repo: Repository,
    scope: Scope,
    pairs: list[tuple[Person, Application]],
    region: str,
    thanked: Collection[int],
    mailed_notes: Collection[int],
) -> ContactsView:
    met = repo.interviews_met([p.id for p, _a in pairs if p.id is not None])
    wanted = {app.company for person, app in pairs if not person.email}
    known = known_addresses_at(repo, wanted)
    rows: list[ContactRow] = []
    by_application: dict[int, list[Person]] = {}
    for person, app in pairs:
        by_application.setdefault(app.id or 0, []).append(person)
        guess = None
        if not person.email:
            evidence = known.get(nocase(app.company), [])
            guess = guess_email(person.name, [(n, e) for pid, n, e in evidence if pid != person.id])
        rows.append(
            ContactRow(
                person=person,
                company=app.company,
                role=app.role,
                met_at=tuple(met.get(person.id or 0, ())),
                phone=phone_display(person.phone, region),
                messages=field_messages(person, region),
                flags=tuple(
                    person_flags(
                        person,
                        thanked=thanked,
                        wants_mailed_note=person.id in mailed_notes,
                    )
                ),
                guess=guess,
            )
        )
    app_flags = {app_id: panel_flags(people) for app_id, people in by_application.items()}
    return ContactsView(scope, rows, {k: v for k, v in app_flags.items() if v})


@dataclass(frozen=True)
class FieldSaved:
    """The result of saving one field: the person as stored, the value's problem (if any, the
    value is kept as typed), and a note on anything else that changed."""

    person: Person
    message: str = ""
    note: str = ""


EDITABLE = CONTACT_FIELDS


def save_field(
    repo: Repository, person_id: int, name: str, value: str | bool, region: str = "US"
) -> FieldSaved:
    """A1: save one field as typed; email, phone and LinkedIn are normalised when valid and kept
    as typed with a message when not. Never blocks the other fields."""
    from pydantic import ValidationError

    from core.services import validation_messages

    if name not in EDITABLE:
        raise ValueError(f"not an editable contact field: {name}")
    person = repo.get_person(person_id)
    if name == "name" and not str(value).strip():
        return FieldSaved(person, "A name is needed; the previous one is kept.")
    changes: dict[str, object] = {name: value}
    message = note = ""
    if isinstance(value, str) and name in {"email", "phone", "linkedin"}:
        check = check_field(name, value, region)
        changes[name], message = check.value, check.message
    if name == "email":
        note = _email_side_effects(person, str(changes["email"]), str(value), changes)
    try:
        return FieldSaved(repo.update_person(person_id, **changes), message, note)
    except ValidationError as exc:
        problems = validation_messages(exc)
        return FieldSaved(person, problems.get(name, "; ".join(problems.values())))


def _email_side_effects(person: Person, email: str, typed: str, changes: dict[str, object]) -> str:
    """Keep the source honest (an edited guess is no longer a guess) and move a display name
    typed in the email field to the name field, unless the name's spelling is confirmed."""
    edited_guess = email != person.email and person.email_source == EmailSource.GUESSED
    if not email or edited_guess:
        changes["email_source"] = EmailSource.UNKNOWN
    display = check_email_value(typed).display_name
    if display and display != person.name and not person.spelling_confirmed:
        changes["name"] = display
        return f"Name set from the address: {display}."
    return ""


def known_addresses(repo: Repository, company: str) -> list[tuple[int, str, str]]:
    """A2: (person id, name, email) of the company's people whose address is valid and not
    itself a guess: the evidence a guess may rest on."""
    return known_addresses_at(repo, [company]).get(nocase(company), [])


def known_addresses_at(
    repo: Repository, companies: Collection[str]
) -> dict[str, list[tuple[int, str, str]]]:
    """A2: known_addresses of several companies in one query, by company (see nocase)."""
    known: dict[str, list[tuple[int, str, str]]] = {nocase(c): [] for c in companies}
    for company, person_id, name, email in repo.addresses_at(companies):
        if check_email_value(email).ok:
            known.setdefault(company, []).append((person_id, name, email))  # folded
    return known


def email_guess_for(repo: Repository, person_id: int) -> EmailGuess | None:
    """A2: the guessed address for a person without one, from their company's known addresses."""
    person = repo.get_person(person_id)
    if person.email:
        return None
    company = repo.get_application(person.application_id).company
    known = [(n, e) for pid, n, e in known_addresses(repo, company) if pid != person_id]
    return guess_email(person.name, known)


class NoGuess(ValueError):
    """No email can be guessed for this person; the message says why."""


def accept_guess(repo: Repository, person_id: int) -> Person:
    """A2: store the guessed address, marked 'guessed' (never confirmed by accepting it)."""
    guess = email_guess_for(repo, person_id)
    if guess is None:
        person = repo.get_person(person_id)
        if person.email:
            raise NoGuess(f"{person.name} already has an email address.")
        raise NoGuess(
            "No guess: add one known address at this company (e.g. from a card) first, "
            "so its pattern can be used."
        )
    return repo.update_person(person_id, email=guess.email, email_source=EmailSource.GUESSED)


def confirm_email(repo: Repository, person_id: int) -> Person:
    """A2: mark a person's address as confirmed (the user checked it, e.g. got a reply)."""
    person = repo.get_person(person_id)
    check = check_email_value(person.email)
    if not person.email or not check.ok:
        raise NoGuess(check.message or f"{person.name} has no email address to confirm.")
    return repo.update_person(person_id, email_source=EmailSource.CONFIRMED)


def delete_contact(repo: Repository, person_id: int) -> None:
    """Delete a person with their details and highlights (secure_delete wipes the bytes)."""
    repo.delete_person(person_id)
