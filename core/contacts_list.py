"""The contacts table a page at a time (#8): light lines holding what its columns show (the
count of flags and the guessed email included), and the full row of the one person whose
details are shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from core.contact_fields import field_messages, phone_display
from core.coverage import Flag, email_valid, needs_count, panel_flags_of_kinds, person_flags
from core.email_facts import address_valid, guess_with
from core.email_guess import guess_email
from core.models import EmailSource, RoleKind
from core.repository import Repository
from core.repository.people import CONTACTS_PAGE
from core.services_people import ContactRow, Scope

_ROLES = {kind.value: kind for kind in RoleKind}
_SOURCES = {source.value: source for source in EmailSource}


class ContactLine(NamedTuple):
    """One row of the contacts table: what its columns show, the number of flags the person
    has (A1, A2, A5, C3, C8: len(person_flags)) and the guessed address (A2) of someone with
    none ('' when there is no guess). A tuple: made in well under a microsecond."""

    id: int
    name: str
    spelling_confirmed: bool
    role_kind: RoleKind
    company: str
    email: str
    email_source: EmailSource
    needs: int
    guess: str
    application_id: int


@dataclass(frozen=True)
class ContactLines:
    """One page of a scope's contacts: `total` people, the lines of those from `offset`, and the
    C9 flags of each application shown (none for everyone: a page holds parts of many)."""

    scope: Scope
    lines: list[ContactLine]
    total: int
    offset: int
    application_flags: dict[int, list[Flag]] = field(default_factory=dict)


def contact_lines(
    repo: Repository,
    scope: Scope,
    interview_id: int | None = None,
    *,
    order: str = "name",
    offset: int = 0,
    limit: int = CONTACTS_PAGE,
) -> ContactLines:
    """The page contacts_page gives, as lines: the same people in the same order, with the
    same totals, flag counts (A1, A2, A5, C3, C8), guesses (A2) and C9 flags; one query for
    the page and the known addresses its guesses rest on, nothing built per row but the
    line."""
    offset = max(0, offset)
    if scope is not Scope.EVERYONE and interview_id is None:
        raise ValueError(f"the {scope.value} scope needs an interview")
    if scope is Scope.INTERVIEW:
        assert interview_id is not None
        total = repo.count_panel(interview_id)
        rows = repo.panel_lines(interview_id, offset=offset, limit=limit)
    else:
        app_id = _application_id(repo, scope, interview_id)
        total = repo.count_people(app_id)
        rows = repo.contact_lines(app_id, order=order, offset=offset, limit=limit)
    lines = _lines(rows)
    flags: dict[int, list[Flag]] = {}
    if scope is not Scope.EVERYONE:
        kinds: dict[int, set[RoleKind]] = {}
        for line in lines:
            kinds.setdefault(line.application_id, set()).add(line.role_kind)
        found = {app_id: panel_flags_of_kinds(k) for app_id, k in kinds.items()}
        flags = {app_id: f for app_id, f in found.items() if f}
    return ContactLines(scope, lines, total, offset, flags)


def index_in_list(
    repo: Repository, scope: Scope, interview_id: int | None, person_id: int, order: str = "name"
) -> int | None:
    """Where a person stands in the list contact_lines pages through (0 first), so a new sort
    can open on the page that holds them; None when they are not in it. The people met at one
    interview fit on one page: their index is not looked for (None)."""
    if scope is Scope.INTERVIEW:
        return None
    return repo.contact_index(person_id, _application_id(repo, scope, interview_id), order=order)


def _application_id(repo: Repository, scope: Scope, interview_id: int | None) -> int | None:
    """The process whose people the scope lists (None: everyone's)."""
    if scope is not Scope.APPLICATION:
        return None
    assert interview_id is not None
    return repo.get_interview(interview_id).application_id


def _lines(rows: list[tuple[Any, ...]]) -> list[ContactLine]:
    """Lines from CONTACT_COLUMNS rows: A1 answered as each address's stored facts say, guesses
    made with the pattern of each company's known addresses (the company's people who have
    one: never this person, who has none)."""
    lines = []
    new, roles, sources = tuple.__new__, _ROLES, _SOURCES
    for (
        pid,
        name,
        spelled,
        role,
        company,
        email,
        source,
        best,
        mode,
        mail,
        thanked,
        app,
        stored_valid,
        known,
    ) in rows:
        needs = needs_count(
            email_ok=bool(email) and address_valid(email, stored_valid),
            email_source=source,
            spelling_confirmed=spelled,
            best_time=best,
            preferred_mode=mode,
            role_kind=role,
            thanked=bool(thanked),
            mailing_address=mail,
        )
        guess = "" if email else guess_with(name, known)
        line = (
            pid,
            name,
            bool(spelled),
            roles[role],
            company,
            email,
            sources[source],
            needs,
            guess,
            app,
        )
        lines.append(new(ContactLine, line))
    return lines


def contact_row(repo: Repository, person_id: int, region: str = "US") -> ContactRow:
    """The full row of one person (as list_contacts makes it): field messages, every flag with
    its reason, the interviews met at, the guess (A2) and its reasons; for the details shown
    beside the table."""
    person = repo.get_person(person_id)
    app = repo.get_application(person.application_id)
    guess = None
    if not person.email:  # known_addresses, each address checked as the lines check them
        known = [
            (n, e)
            for _c, pid, n, e in repo.addresses_at([app.company])
            if pid != person_id and email_valid(e)
        ]
        guess = guess_email(person.name, known)
    flags = person_flags(
        person,
        thanked=repo.thanked_person_ids([person_id]),
        wants_mailed_note=bool(repo.mailed_note_person_ids([person_id])),
    )
    return ContactRow(
        person=person,
        company=app.company,
        role=app.role,
        met_at=tuple(repo.interviews_met([person_id]).get(person_id, ())),
        phone=phone_display(person.phone, region),
        messages=field_messages(person, region),
        flags=tuple(flags),
        guess=guess,
    )


def line_of(row: ContactRow) -> ContactLine:
    """The line of a full row (after an edit in the details, shown in the table at once)."""
    person = row.person
    return ContactLine(
        person.id or 0,
        person.name,
        person.spelling_confirmed,
        person.role_kind,
        row.company,
        person.email,
        person.email_source,
        len(row.flags),
        row.guess.email if row.guess is not None else "",
        person.application_id,
    )
