"""#8: the contacts table's light lines give what the full rows gave (A1, A2, A5, C3, C8 flag
counts, A2 guesses, C9 panel flags, totals, order) in every scope and sort, on the demo
database, a varied one and a long seeded one; the details' row is list_contacts's row."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from itertools import product
from pathlib import Path

import pytest

from core.contacts_list import ContactLine, contact_lines, contact_row, line_of
from core.coverage import needs_count, panel_flags, panel_flags_of_kinds, person_flags
from core.demo import build_demo
from core.email_facts import address_valid, facts_of
from core.models import (
    Action,
    ActionKind,
    ActionState,
    Application,
    ContactMode,
    EmailSource,
    Interview,
    Person,
    RoleKind,
    Touch,
    TouchKind,
)
from core.repository import Repository
from core.repository.contact_sql import A1_STORED
from core.services_people import Scope, contacts_page, list_contacts
from tests.core.conftest import NOW
from tests.tui.long_lists_seed import seed_long_lists

ORDERS = ("name", "company", "role")


def _varied(repo: Repository) -> int:
    """Four processes (one company spelt two ways) with every kind of gap: no, bad, guessed and
    known addresses that guesses follow, blank best times, modes, mailing addresses wanted or
    not, staff thanked or not; return the last interview's id."""
    iid = 0
    for n, company in enumerate(("acme", "Acme", "Globex", "Initech")):
        app = repo.add_application(Application(company=company, created_at=NOW))
        iid = repo.add_interview(Interview(application_id=app.id or 0, ended_at=NOW)).id or 0
        for k, kind in enumerate([*RoleKind, RoleKind.STAFF, RoleKind.INTERVIEWER]):
            first, last = f"Ann{k}", f"Lee{n}"
            email = [f"{first}.{last}@{company}.com".lower(), "", "not-an-email", "x@y.com"][
                (n + k) % 4
            ]
            source = [EmailSource.CARD, EmailSource.GUESSED, EmailSource.CONFIRMED][(n * k) % 3]
            person = repo.add_person(
                Person(
                    application_id=app.id or 0,
                    name=f"{first} {last}" if k != 3 else f"Émile O'Brien {n}",
                    role_kind=kind,
                    email=email,
                    email_source=source if email else EmailSource.UNKNOWN,
                    spelling_confirmed=k % 2 == 0,
                    best_time="mornings" if k % 3 == 0 else "",
                    preferred_mode=ContactMode.EMAIL if k % 4 < 2 else ContactMode.UNKNOWN,
                    mailing_address="1 Main St" if k % 5 == 0 else "",
                )
            )
            pid = person.id or 0
            repo.link_participant(iid, pid)
            if kind in (RoleKind.STAFF, RoleKind.OTHER) and (n + k) % 2:
                repo.add_touch(
                    Touch(interview_id=iid, person_id=pid, at=NOW, kind=TouchKind.THANKS)
                )
            if k % 3 == 1:
                state = ActionState.PLANNED if n % 2 else ActionState.DONE
                _mailed_note(repo, iid, pid, f"mailed_note:{pid}", state)
    # stored by other means (an old version, a hand edit): blanks of any kind, controls
    people = [r["id"] for r in repo.rows("SELECT id FROM people ORDER BY id")]
    repo.conn.execute("UPDATE people SET best_time = ' \u2003 ' WHERE id = ?", [people[0]])
    repo.conn.execute("UPDATE people SET mailing_address = ' \u00a0' WHERE id = ?", [people[1]])
    repo.conn.execute("UPDATE people SET name = 'Zed \x1b[31mRed' WHERE id = ?", [people[2]])
    at = "SELECT min(id) AS id FROM people WHERE email LIKE ? AND email_source != 'guessed'"
    acme, globex = (repo.rows(at, [f"ann%@{c}.com"])[0]["id"] for c in ("acme", "globex"))
    repo.conn.execute("UPDATE people SET name = 'Ann0\nLee1' WHERE id = ?", [acme])
    repo.conn.execute(
        "UPDATE people SET email = replace(email, '@', '@\x07') WHERE id = ?", [globex]
    )
    _mailed_note(repo, iid, people[1], "mailed_note:blank", ActionState.SNOOZED)
    return iid


def _mailed_note(repo: Repository, iid: int, pid: int, key: str, state: ActionState) -> None:
    repo.add_actions(
        [
            Action(
                interview_id=iid,
                person_id=pid,
                kind=ActionKind.MAILED_NOTE,
                key=key,
                rule="C3",
                due=NOW + timedelta(days=1),
                window_start=NOW,
                window_end=NOW + timedelta(days=2),
                state=state,
            )
        ]
    )


@pytest.fixture(params=["demo", "varied", "seeded"])
def filled(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Repository, int]:
    """A repository of each kind, and an interview of it."""
    repo = Repository.open(tmp_path / "lines.db")
    if request.param == "demo":
        build_demo(repo, NOW)
        summary = repo.latest_interview()
        assert summary is not None
        iid = summary.interview.id or 0
    elif request.param == "varied":
        iid = _varied(repo)
    else:
        iid = seed_long_lists(repo, NOW, people=260, actions=300, interviews=40).first_interview
        _varied(repo)
    request.addfinalizer(repo.close)
    return repo, iid


def _old(repo: Repository, scope: Scope, iid: int, order: str, offset: int, limit: int) -> object:
    page = contacts_page(repo, scope, iid, order=order, offset=offset, limit=limit)
    lines = [line_of(row) for row in page.view.rows]
    return page.total, page.offset, lines, page.view.application_flags


def _new(repo: Repository, scope: Scope, iid: int, order: str, offset: int, limit: int) -> object:
    page = contact_lines(repo, scope, iid, order=order, offset=offset, limit=limit)
    assert all(isinstance(line, ContactLine) for line in page.lines)
    return page.total, page.offset, page.lines, page.application_flags


@pytest.mark.parametrize("scope", list(Scope))
@pytest.mark.parametrize("order", ORDERS)
def test_a1_a2_a5_c3_c8_c9_lines_are_the_rows_of_contacts_page(
    filled: tuple[Repository, int], scope: Scope, order: str
) -> None:
    """Each page of lines equals the page of full rows made into lines: same people, order,
    totals, flag counts (A1, A2, A5, C3, C8), guesses (A2) and C9 flags."""
    repo, iid = filled
    total = contact_lines(repo, scope, iid).total
    assert total > 0
    for limit in (7, 200):
        for offset in range(0, total + limit, limit):
            assert _new(repo, scope, iid, order, offset, limit) == _old(
                repo, scope, iid, order, offset, limit
            )


def test_the_varied_database_has_every_gap_the_lines_count(tmp_path: Path) -> None:
    """The comparison above is not vacuous: guesses, C3, C8, bad and guessed emails, C9."""
    repo = Repository.open(tmp_path / "v.db")
    iid = _varied(repo)
    lines = contact_lines(repo, Scope.EVERYONE, iid, limit=500).lines
    assert any(line.guess for line in lines) and any(not line.email for line in lines)
    assert {line.needs for line in lines} >= {1, 2, 3, 4}
    assert "Zed Red" in {line.name for line in lines}  # cleaned on the way out
    codes = {f.code for line in lines for f in contact_row(repo, line.id).flags}
    assert {"no_email", "bad_email", "guessed_email", "no_address", "thank_staff"} <= codes
    assert {"spelling", "best_way"} <= codes
    repo.update_person(repo.participants(iid)[0][0].id or 0, role_kind=RoleKind.RECRUITER)
    for person, _link in repo.participants(iid)[1:]:
        repo.update_person(person.id or 0, role_kind=RoleKind.STAFF)
    panel = contact_lines(repo, Scope.INTERVIEW, iid)
    assert [f.rule for flags in panel.application_flags.values() for f in flags] == ["C9"]
    repo.close()


def test_a1_a2_c3_c8_the_details_row_is_list_contacts_row(filled: tuple[Repository, int]) -> None:
    """contact_row (read for the person shown beside the table) is list_contacts's row."""
    repo, _iid = filled
    whole = list_contacts(
        repo,
        Scope.EVERYONE,
        thanked=repo.thanked_person_ids(),
        mailed_notes=repo.mailed_note_person_ids(),
    )
    for row in whole.rows[:120]:
        assert contact_row(repo, row.person.id or 0) == row
    with pytest.raises(KeyError):
        contact_row(repo, 10**9)


def _stored_answers(email: str) -> list[int]:
    """A1 as the contacts SQL reads it from the facts stored for `email`, and from none."""
    conn = sqlite3.connect(":memory:")
    column = A1_STORED.replace("p.email_facts", "?1")
    stored = conn.execute(f"SELECT {column}", [facts_of("Jane", email)]).fetchone()[0]
    missing = conn.execute(f"SELECT {column}", [None]).fetchone()[0]
    conn.close()
    return [stored, missing]


def test_a1_a2_a5_c3_c8_needs_count_is_the_number_of_person_flags() -> None:
    """needs_count counts what person_flags lists, field by field, A1 answered by the facts
    stored for the address (and by email_valid where none are stored)."""
    emails = ("", "jane@acme.com", "jane@@acme", "jane@acme.com ")
    ways = (("", ContactMode.EMAIL), ("9-5", ContactMode.UNKNOWN), ("9", ""))
    addresses = (None, "", " \n", "1 Main St")
    for email, source, (best, mode), kind, thanked, address in product(
        emails, EmailSource, ways, RoleKind, (False, True), addresses
    ):
        person = Person.model_construct(
            id=1,
            application_id=1,
            name="Jane",
            email=email,
            email_source=source,
            best_time=best,
            preferred_mode=ContactMode(mode),
            role_kind=kind,
            mailing_address=address or "",
            spelling_confirmed=thanked,
        )
        flags = person_flags(
            person, thanked={1} if thanked else set(), wants_mailed_note=address is not None
        )
        for stored in _stored_answers(email):
            assert len(flags) == needs_count(
                email_ok=bool(email) and address_valid(email, stored),
                email_source=source.value,
                spelling_confirmed=thanked,
                best_time=best,
                preferred_mode=str(mode),
                role_kind=kind.value,
                thanked=thanked,
                mailing_address=address,
            )


def test_c9_panel_flags_of_kinds_is_panel_flags() -> None:
    """C9 from the roles alone, as from the people."""
    for kinds in ([], ["recruiter"], ["recruiter", "staff"], ["recruiter", "interviewer"]):
        people = [Person(application_id=1, name="X", role_kind=RoleKind(k)) for k in kinds]
        assert panel_flags_of_kinds(kinds) == panel_flags(people)
    assert [f.rule for f in panel_flags_of_kinds(["recruiter", "other"])] == ["C9"]


def _plan(repo: Repository, sql: str) -> str:
    return " ".join(str(r[3]) for r in repo.conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_a2_c3_c8_a_page_finds_its_gaps_in_indexes_alone(repo: Repository) -> None:
    """C3 and C8 are probed in partial indexes, A2's known addresses read from one (0007)."""
    from core.repository.lists import CONTACT_COLUMNS

    page = _plan(
        repo,
        f"SELECT {CONTACT_COLUMNS} FROM people p JOIN applications a ON a.id = p.application_id "
        "WHERE p.id IN (SELECT p.id FROM people p ORDER BY p.name COLLATE NOCASE, p.id LIMIT 9)",
    )
    assert "actions_mailed_notes" in page and "touches_thanks" in page
    known = _plan(
        repo,
        "SELECT lower(a.company), p.name, p.email FROM people p "
        "JOIN applications a ON a.id = p.application_id WHERE a.company COLLATE NOCASE IN "
        "('a', 'b') AND p.email != '' AND p.email_source != 'guessed'",
    )
    assert "COVERING INDEX people_known_addresses" in known
