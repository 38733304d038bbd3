"""vCard 3.0 export of the people met (vobject), with a stable UID so re-imports update."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.contact_fields import phone_display
from core.models import Application, ContactMode, EmailSource, Person, RoleKind
from core.private_file import write_private
from core.repository import Repository

_ROLE_WORDS = {
    RoleKind.INTERVIEWER: "interviewer",
    RoleKind.FUTURE_MANAGER: "future manager",
    RoleKind.RECRUITER: "recruiter / HR",
    RoleKind.STAFF: "staff",
    RoleKind.OTHER: "met",
}


def person_uid(database_id: str, person_id: int) -> str:
    """A UID that names the same person on every export of this database (uuid5 of the
    database's random id and the person's id, which is never given to anyone else)."""
    return str(uuid.uuid5(uuid.UUID(database_id), f"person:{person_id}"))


def name_parts(name: str) -> tuple[str, str, str]:
    """Split a display name into (family, given, additional) for N: the last word is the
    family name, the first the given name, the rest additional names."""
    words = name.split()
    if len(words) < 2:
        return "", name.strip(), ""
    return words[-1], words[0], " ".join(words[1:-1])


def vcard_note(person: Person, application: Application) -> str:
    """The NOTE: the user's personal note, then where they were met and what is uncertain."""
    where = application.company + (f" ({application.role})" if application.role else "")
    facts = [f"Afterword: {_ROLE_WORDS[person.role_kind]} at {where}."]
    if person.email and person.email_source == EmailSource.GUESSED:
        facts.append("Email guessed from the company's pattern, not confirmed.")
    if person.best_time:
        facts.append(f"Best time: {person.best_time}.")
    if person.preferred_mode != ContactMode.UNKNOWN:
        facts.append(f"Prefers {person.preferred_mode.value}.")
    return "\n\n".join(part for part in (person.personal.strip(), " ".join(facts)) if part)


def _add(card: Any, name: str, value: Any, types: list[str] | None = None) -> None:
    line = card.add(name)
    line.value = value
    if types:
        line.type_paramlist = types


def person_vcard(
    person: Person, application: Application, database_id: str, region: str = "US"
) -> Any:
    """One person as a vobject vCard 3.0 component (FN/N, ORG, TITLE, EMAIL, TEL, ADR, URL,
    NOTE, UID); values that did not validate are exported as typed."""
    import vobject

    card = vobject.vCard()
    _add(card, "uid", person_uid(database_id, person.id or 0))
    _add(card, "fn", person.name)
    family, given, additional = name_parts(person.name)
    _add(card, "n", vobject.vcard.Name(family=family, given=given, additional=additional))
    _add(card, "org", [application.company])
    if person.title:
        _add(card, "title", person.title)
    if person.email:
        _add(card, "email", person.email, ["INTERNET", "WORK"])
        if person.email_source != EmailSource.UNKNOWN:
            _add(card, "x-afterword-email-source", person.email_source.value)
    if person.phone:
        _add(card, "tel", phone_display(person.phone, region), ["WORK", "VOICE"])
    if person.mailing_address.strip():
        address = vobject.vcard.Address(street=person.mailing_address.strip())
        _add(card, "adr", address, ["WORK"])
    if person.linkedin:
        _add(card, "url", person.linkedin)
    _add(card, "note", vcard_note(person, application))
    return card


def vcards_text(
    people: Iterable[tuple[Person, Application]], database_id: str, region: str = "US"
) -> str:
    """Serialise people (with their application) as one vCard 3.0 file's text."""
    return "".join(
        person_vcard(person, app, database_id, region).serialize() for person, app in people
    )


def export_vcards(
    repo: Repository, path: Path | str, application_id: int | None = None, region: str = "US"
) -> int:
    """Write the people (of one application, or everyone) to a .vcf file, atomically and 0600;
    return how many were written (KeyError if the application does not exist)."""
    if application_id is not None:
        repo.get_application(application_id)
    people = repo.people_with_application(application_id)
    write_private(path, vcards_text(people, repo.database_id(), region))
    return len(people)
