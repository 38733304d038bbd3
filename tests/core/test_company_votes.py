"""#8: A2's votes kept by company (core.repository.votes) elect infer_pattern's pattern, and stay
the votes of the stored facts whoever writes: the app, another program (with or without
foreign keys), a bulk import, a file from before them, or one whose triggers were lost."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.contacts_list import contact_lines, contact_row, line_of
from core.coverage import email_valid
from core.email_facts import facts_of
from core.email_guess import infer_pattern
from core.export_json import export_text, import_text
from core.models import Application, EmailSource, Person
from core.repository import Repository
from core.repository.votes import (
    ELECTED,
    REBUILD,
    STORED_ELECTION,
    TABLE,
    TRIGGERS,
    _well_formed,
    election,
)
from core.services_people import Scope
from tests.core.address_samples import DOMAINS as SAMPLE_DOMAINS
from tests.core.address_samples import FOREIGN_FACTS, LOCALS, NAMES
from tests.core.conftest import NOW
from tests.core.old_files import old_acme

DOMAINS = [*SAMPLE_DOMAINS, "my-co.io"]
_companies = itertools.count()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Repository]:
    """One repository for every example (each uses companies of its own)."""
    repo = Repository.open(tmp_path_factory.mktemp("votes") / "votes.db")
    yield repo
    repo.close()


def _votes(conn: sqlite3.Connection) -> dict[tuple[str, str, str], int | str | None]:
    """The votes, and each company's stored election (under pattern '=')."""
    rows = conn.execute(f"SELECT lower(company), domain, pattern, n FROM {TABLE}")
    found: dict[tuple[str, str, str], int | str | None] = {(c, d, p): n for c, d, p, n in rows}
    for company, elected in conn.execute(f"SELECT lower(company), elected FROM {ELECTED}"):
        found[(company, "", "=")] = elected
    return found


def _rebuilt(conn: sqlite3.Connection) -> dict[tuple[str, str, str], int]:
    """The votes worked out again from scratch (undone after)."""
    conn.execute("SAVEPOINT rebuilt")
    try:
        for sql in REBUILD:
            conn.execute(sql)
        return _votes(conn)
    finally:
        conn.execute("ROLLBACK TO rebuilt")
        conn.execute("RELEASE rebuilt")


def _elected(repo: Repository, company: str) -> str | None:
    """The company's election as a page reads it (stored), checked against its votes now."""
    stored = repo.conn.execute(f"SELECT {STORED_ELECTION.format('?1')}", [company]).fetchone()
    assert stored[0] == repo.conn.execute(f"SELECT {election('?1')}", [company]).fetchone()[0]
    return stored[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(NAMES), st.sampled_from(LOCALS), st.sampled_from(DOMAINS)),
        max_size=10,
    )
)
def test_a2_the_votes_elect_infer_patterns_pattern(
    shared: Repository, known: list[tuple[str, str, str]]
) -> None:
    """A2: whatever the known addresses at a company, the election over its votes gives
    infer_pattern's pattern and domain over the valid ones, ties and all."""
    company = f"Co {next(_companies)}"
    app = shared.add_application(Application(company=company, created_at=NOW)).id or 0
    pairs = [(name, f"{local}@{domain}") for name, local, domain in known]
    for name, email in pairs:
        shared.add_person(
            Person(application_id=app, name=name, email=email, email_source=EmailSource.CARD)
        )
    expected = infer_pattern([(n, e) for n, e in pairs if email_valid(e)])
    elected = _elected(shared, company.upper())  # companies match NOCASE
    assert elected != " "  # every address here has facts the SQL takes
    if expected is None:
        assert elected is None
    else:
        assert elected == f"{expected.domain} {expected.pattern}"


_OPERATIONS = st.lists(
    st.tuples(st.integers(0, 11), st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=25
)


def _operate(repo: Repository, other: sqlite3.Connection, op: int, a: int, b: int) -> None:
    """One write of many kinds: through the app, or by another program's plain SQL."""
    people = [r[0] for r in repo.conn.execute("SELECT id FROM people ORDER BY id")]
    apps = [r[0] for r in repo.conn.execute("SELECT id FROM applications ORDER BY id")]
    person = people[a % len(people)] if people else None
    app = apps[b % len(apps)] if apps else None
    name, email = NAMES[a % len(NAMES)], f"{LOCALS[b % len(LOCALS)]}@{DOMAINS[a % len(DOMAINS)]}"
    if op == 0 or person is None or app is None:
        company = ["Acme", "ACME", "Globex", "Initech"][a % 4]
        made = repo.add_application(Application(company=company, created_at=NOW)).id or 0
        repo.add_person(Person(application_id=made, name=name, email=email))
    elif op == 1:
        repo.add_person(Person(application_id=app, name=name, email=email if b % 3 else ""))
    elif op == 2:
        repo.update_person(person, email=email)
    elif op == 3:
        repo.update_person(person, name=name)
    elif op == 4:
        repo.update_person(person, email_source=EmailSource.GUESSED if b % 2 else "card")
    elif op == 5:
        repo.delete_person(person)
    elif op == 6:
        repo.update_application(app, company=["acme", "Globex", "Hooli"][b % 3])
    elif op == 7:
        other.execute("UPDATE people SET email = ?, name = ? WHERE id = ?", [email, name, person])
    elif op == 8:
        other.execute("UPDATE people SET application_id = ? WHERE id = ?", [app, person])
    elif op == 9:
        other.execute(f"PRAGMA foreign_keys = {'ON' if b % 2 else 'OFF'}")
        other.execute("DELETE FROM applications WHERE id = ?", [app])
    elif op == 10:  # A1 believes facts of the form '@...' (contact_sql.A1_STORED): these
        # are hand edits of a valid address's facts, or text of no such form
        stored = repo.conn.execute("SELECT email FROM people WHERE id = ?", [person]).fetchone()
        junk = ["?", "", "@ACME.com first", "@acme.com first,nobody", "@acme.com first,first"]
        edit = junk[b % (5 if email_valid(stored[0]) else 2)]
        other.execute("UPDATE people SET email_facts = ? WHERE id = ?", [edit, person])
    else:
        other.execute(
            "INSERT INTO applications (id, company, created_at) VALUES (?, 'Reused', ?)",
            [max(apps) + 1, NOW.isoformat()],
        )
        other.execute("UPDATE people SET application_id = ? WHERE id = ?", [max(apps) + 1, person])
    other.commit()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_OPERATIONS)
def test_a2_votes_stay_those_of_the_stored_facts_whoever_writes(
    tmp_path: Path, operations: list[tuple[int, int, int]]
) -> None:
    """After any mix of writes (people added, readdressed, renamed, moved, deleted; companies
    renamed and deleted with or without foreign keys; facts hand-edited; ids reused), the votes
    are those worked out again from scratch, and every line's guess is the full row's."""
    path = tmp_path / f"w{next(_companies)}.db"
    repo = Repository.open(path)
    other = sqlite3.connect(path)
    try:
        for op, a, b in operations:
            _operate(repo, other, op, a, b)
            assert _votes(repo.conn) == _rebuilt(repo.conn), (op, a, b)
        lines = contact_lines(repo, Scope.EVERYONE).lines
        assert lines == [line_of(contact_row(repo, line.id)) for line in lines]
    finally:
        other.close()
        repo.close()


def test_a2_the_sql_takes_every_facts_of_answer_and_no_other_text(shared: Repository) -> None:
    """What the votes' SQL takes as a valid address's facts: every answer facts_of gives at a
    plain domain, and no other text (another program's is counted as missing, and the company
    is then worked out from its addresses)."""
    written = {facts_of(n, f"{at}@{d}") for n in NAMES for at in LOCALS for d in DOMAINS}
    junk = [
        *FOREIGN_FACTS,
        "@acme.com first,first",
        "@acme.com first,",
        "@acme.com ,first",
        "@ first",
        '@acme.com first"]',
        "@bücher.de first",
    ]
    for text in [*written, *junk]:
        taken = shared.conn.execute(f"SELECT {_well_formed('?1')}", [text]).fetchone()[0]
        assert bool(taken) == (text in written and text.startswith("@")), text


def test_a2_another_programs_facts_are_worked_out_from_the_addresses(tmp_path: Path) -> None:
    """Facts edited by hand count as missing: the election says so (' '), and the guesses are
    those of the addresses, as the full row has them."""
    path = tmp_path / "hand.db"
    repo = Repository.open(path)
    app = repo.add_application(Application(company="Acme", created_at=NOW)).id or 0
    for name, email in (("Ann Lee", "ann.lee@acme.com"), ("Bo Chan", "bo.chan@acme.com")):
        repo.add_person(Person(application_id=app, name=name, email=email))
    repo.add_person(Person(application_id=app, name="Cy Dee"))
    other = sqlite3.connect(path)
    other.execute("UPDATE people SET email_facts = '@acme.com flast,nobody' WHERE id = 1")
    other.commit()
    other.close()
    assert _elected(repo, "Acme") == " "
    lines = contact_lines(repo, Scope.EVERYONE).lines
    assert {line.name: line.guess for line in lines}["Cy Dee"] == "cy.dee@acme.com"
    assert lines == [line_of(contact_row(repo, line.id)) for line in lines]
    repo.close()


def test_a2_lost_triggers_or_tables_are_put_back_and_the_votes_worked_out_on_open(
    tmp_path: Path,
) -> None:
    """A table rebuilt by other means drops its triggers; another program may drop a table:
    the next open puts every one back and works the votes out again, before anything is
    read or written."""
    path = tmp_path / "lost.db"
    repo = Repository.open(path)
    app = repo.add_application(Application(company="Acme", created_at=NOW)).id or 0
    repo.add_person(Person(application_id=app, name="Ann Lee", email="ann.lee@acme.com"))
    repo.close()
    for n, damage in enumerate(
        ("DROP TRIGGER company_votes_person_added", f"DROP TABLE {ELECTED}", f"DROP TABLE {TABLE}")
    ):
        conn = sqlite3.connect(path)
        conn.execute(damage)
        if n == 0:  # written while the trigger was gone
            conn.execute(
                "INSERT INTO people (application_id, name, email) VALUES (1, 'Bo', 'b@x.io')"
            )
        conn.commit()
        conn.close()
        mended = Repository.open(path)
        names = {r[0] for r in mended.conn.execute("SELECT name FROM sqlite_master")}
        assert set(TRIGGERS) | {TABLE, ELECTED} <= names, damage
        assert _votes(mended.conn) == _rebuilt(mended.conn)
        assert ("acme", "x.io", "") in _votes(mended.conn)
        assert _elected(mended, "Acme") == "acme.com first.last"
        mended.add_person(Person(application_id=app, name="Cy Dee"))  # writes work again
        mended.close()


def test_a2_votes_are_not_exported_and_a_bulk_import_works_them_out(
    repo: Repository, tmp_path: Path
) -> None:
    """The export leaves the votes out; an import of many people runs with the triggers
    paused, then puts them back and works every vote out once."""
    app = repo.add_application(Application(company="Acme", created_at=NOW)).id or 0
    for n in range(600):
        email = f"p{n}.x@acme.com" if n % 3 else ""
        repo.add_person(Person(application_id=app, name=f"P{n} X", email=email))
    text = export_text(repo)
    assert TABLE not in text and ELECTED not in text
    other = Repository.open(tmp_path / "imported.db")
    import_text(other, text)
    names = {r[0] for r in other.conn.execute("SELECT name FROM sqlite_master")}
    assert set(TRIGGERS) <= names
    assert _votes(other.conn) == _votes(repo.conn) == _rebuilt(other.conn)
    assert _elected(other, "acme") == "acme.com first.last"
    other.close()


def test_a2_a_file_from_before_the_votes_gets_them_when_opened(tmp_path: Path) -> None:
    """Migration 0012 on a file an older version wrote (its people's facts never worked out):
    a copy is made first, then the facts and the votes are worked out, and the guesses are
    the addresses' own."""
    path = tmp_path / "old.db"
    old_acme(path, stop_before="0012_company_votes")
    upgraded = Repository.open(path)
    assert upgraded.backups
    assert _votes(upgraded.conn) == {
        ("acme", "acme.com", ""): 1,
        ("acme", "acme.com", "first.last"): 1,
        ("acme", "", "="): "acme.com first.last",
    }
    lines = contact_lines(upgraded, Scope.EVERYONE).lines
    assert [(line.name, line.guess) for line in lines][2] == ("Cy Dee", "cy.dee@acme.com")
    upgraded.close()
