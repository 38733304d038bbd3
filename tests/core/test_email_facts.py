"""#8: A1/A2 facts stored with each person (core.email_facts, core.repository.facts) answer as
the rules do, and stay true whoever writes the file: the app, another program, an import, an
older version, or this code with other rules."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from core.contacts_list import contact_lines, contact_row, line_of
from core.coverage import email_valid
from core.email_facts import INVALID, STORED_VALID, facts_of, pattern_from_pairs
from core.email_guess import PATTERNS, infer_pattern
from core.export_json import export_text, import_text
from core.models import Application, EmailSource, Person
from core.repository import Repository
from core.repository.contact_sql import A1_STORED
from core.repository.facts import FACTS_VERSION, STALE_TRIGGER
from core.repository.votes import STORED_ELECTION, _well_formed
from core.services_people import Scope
from tests.core.address_samples import DOMAINS, FOREIGN_FACTS, LOCALS, NAMES
from tests.core.conftest import NOW
from tests.core.old_files import old_acme


def _stored(repo: Repository, person_id: int) -> str | None:
    row = repo.conn.execute("SELECT email_facts FROM people WHERE id = ?", [person_id])
    return row.fetchone()[0]


def _app(repo: Repository, company: str = "Acme") -> int:
    return repo.add_application(Application(company=company, created_at=NOW)).id or 0


def test_a1_a2_facts_of_an_address() -> None:
    """None, invalid (A1), and valid with the patterns it follows from the name (A2), its
    domain lowercased; what is stored reads back as the same facts."""
    assert facts_of("Jane Doe", "") == ""
    assert facts_of("Jane Doe", "jane@@acme") == INVALID
    assert facts_of("Jane Doe", "Jane.Doe@ACME.com") == "@acme.com first.last"
    assert facts_of("Jane", "jane@acme.com") == "@acme.com first"
    assert facts_of("Jane Doe", "zz@acme.com") == "@acme.com "
    assert _read_back("@acme.com first.last") == (STORED_VALID, True, "acme.com", "first.last")
    assert _read_back("@acme.com ") == (STORED_VALID, True, "acme.com", "")
    assert _read_back(INVALID)[:2] == (0, False)


def _read_back(text: str | None) -> tuple[int, bool, str, str]:
    """Stored facts as the SQL reads them back: A1's answer (contact_sql.A1_STORED), whether
    the votes take them, and the domain and patterns they count."""
    conn = sqlite3.connect(":memory:")
    answer = A1_STORED.replace("p.email_facts", "?1")
    row = conn.execute(
        f"SELECT {answer}, coalesce({_well_formed('?1')}, 0), "
        "substr(?1, 2, instr(?1, ' ') - 2), substr(?1, instr(?1, ' ') + 1)",
        [text],
    ).fetchone()
    conn.close()
    return row[0], bool(row[1]), row[2], row[3]


def test_a1_a2_facts_not_as_written_are_not_taken() -> None:
    """Missing or foreign facts (another program's, a hand edit's) are not counted as votes:
    their company is worked out again from its addresses."""
    for text in (None, *FOREIGN_FACTS):
        assert not _read_back(text)[1], text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(NAMES), st.sampled_from(LOCALS), st.sampled_from(DOMAINS)),
        max_size=12,
    )
)
def test_a2_the_pattern_from_stored_facts_is_infer_patterns(
    known: list[tuple[str, str, str]],
) -> None:
    """A2: a company worked out from its addresses (some facts not countable) gets
    infer_pattern's pattern and domain over the valid ones, ties and all (the votes' election:
    test_company_votes)."""
    pairs = [(name, f"{local}@{domain}") for name, local, domain in known]
    expected = infer_pattern([(n, e) for n, e in pairs if email_valid(e)])
    want = None if expected is None else (expected.pattern, expected.domain)
    assert pattern_from_pairs(pairs) == want


def test_a2_votes_count_each_holder(repo: Repository) -> None:
    """A2: a group of three holders outvotes one of two (ties go to PATTERNS' order); invalid
    addresses are no evidence."""
    people = ["Ann Lee", "Bo Chan", "Cy Dee", "Di Fox", "Ed Gray"]
    for company, flast, dotted, invalid in (("Three", 3, 2, 0), ("Tie", 2, 2, 0), ("Bad", 0, 0, 5)):
        app = _app(repo, company)
        for n, name in enumerate(people[: flast + dotted + invalid]):
            first, last = name.lower().split()
            local = f"{first[0]}{last}" if n < flast else f"{first}.{last}"
            domain = "acme..com" if n >= flast + dotted else "acme.com"
            email, card = f"{local}@{domain}", EmailSource.CARD
            repo.add_person(Person(application_id=app, name=name, email=email, email_source=card))
    stored = f"SELECT {STORED_ELECTION.format('?1')}"
    elected = {c: repo.conn.execute(stored, [c]).fetchone()[0] for c in ("Three", "Tie", "Bad")}
    assert elected == {"Three": "acme.com flast", "Tie": "acme.com first.last", "Bad": None}


def test_facts_version_names_the_rules_they_were_worked_out_by() -> None:
    """A change to A1's check or A2's patterns must come with a new FACTS_VERSION (files keep
    facts worked out by the old rules until it changes): this fingerprint of the rules'
    answers is recorded for version 1."""
    answers = [facts_of(n, f"{at}@{d}") for n in NAMES for at in LOCALS for d in DOMAINS]
    fingerprint = hashlib.sha256("\n".join([*PATTERNS, *answers]).encode()).hexdigest()[:16]
    recorded = {1: "ca22b5e1d62b7111"}
    assert recorded.get(FACTS_VERSION) == fingerprint, (
        "the rules' answers changed: raise core.repository.facts.FACTS_VERSION and record "
        f"{fingerprint!r} for it here"
    )


def test_a1_a2_the_app_writes_facts_with_the_person(repo: Repository) -> None:
    """Added, renamed, readdressed: the facts follow; another field changed leaves them."""
    app = _app(repo)
    jane = repo.add_person(Person(application_id=app, name="Jane Doe", email="jane.doe@acme.com"))
    pid = jane.id or 0
    assert _stored(repo, pid) == "@acme.com first.last"
    repo.update_person(pid, name="Doe Jane")
    assert _stored(repo, pid) == "@acme.com last.first"
    repo.update_person(pid, email="not-an-address")
    assert _stored(repo, pid) == INVALID
    repo.update_person(pid, title="CTO")
    assert _stored(repo, pid) == INVALID


def test_a1_a2_another_programs_change_is_never_read_stale(tmp_path: Path) -> None:
    """A name or address changed by other means empties the facts (the trigger); until the
    next open the lines work them out themselves, then the open stores them."""
    path = tmp_path / "other.db"
    repo = Repository.open(path)
    app = _app(repo)
    for name, email in (("Ann Lee", "ann.lee@acme.com"), ("Bo Chan", "bo.chan@acme.com")):
        repo.add_person(
            Person(application_id=app, name=name, email=email, email_source=EmailSource.CARD)
        )
    cy = repo.add_person(Person(application_id=app, name="Cy Dee")).id or 0
    other = sqlite3.connect(path)
    other.execute("UPDATE people SET email = 'annlee@acme.com' WHERE name = 'Ann Lee'")
    other.execute("UPDATE people SET email = 'bochan@acme.com' WHERE name = 'Bo Chan'")
    other.commit()
    assert [r[0] for r in other.execute("SELECT email_facts FROM people")] == [None, None, ""]
    other.close()
    lines = contact_lines(repo, Scope.EVERYONE).lines
    assert {line.name: line.guess for line in lines}["Cy Dee"] == "cydee@acme.com"
    assert lines == [line_of(contact_row(repo, line.id)) for line in lines]
    repo.close()
    again = Repository.open(path)
    assert _stored(again, 1) == "@acme.com firstlast"
    assert contact_lines(again, Scope.EVERYONE).lines == lines
    assert _stored(again, cy) == ""
    again.close()


def test_a1_a2_foreign_facts_other_rules_and_a_lost_trigger_are_mended_on_open(
    tmp_path: Path,
) -> None:
    """Facts made by other rules (user_version), a hand edit's facts, a trigger dropped by a
    rebuilt table: each open puts them right before anything is read."""
    path = tmp_path / "mend.db"
    repo = Repository.open(path)
    app = _app(repo)
    repo.add_person(Person(application_id=app, name="Ann Lee", email="ann.lee@acme.com"))
    repo.add_person(Person(application_id=app, name="Cy Dee"))
    lines = contact_lines(repo, Scope.EVERYONE).lines
    repo.close()
    for damage in (
        "UPDATE people SET email_facts = '!'; PRAGMA user_version = 0",
        f"DROP TRIGGER {STALE_TRIGGER}; UPDATE people SET email_facts = '!'",
    ):
        conn = sqlite3.connect(path)
        conn.executescript(damage)
        conn.close()
        mended = Repository.open(path)
        assert mended.conn.execute("PRAGMA user_version").fetchone()[0] == FACTS_VERSION
        assert _stored(mended, 1) == "@acme.com first.last"
        assert contact_lines(mended, Scope.EVERYONE).lines == lines
        mended.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE people SET email_facts = '@acme.com flast,nobody' WHERE id = 1")
    conn.commit()
    conn.close()
    hand = Repository.open(path)  # not facts as written: worked out again when read
    assert contact_lines(hand, Scope.EVERYONE).lines == lines
    hand.close()


def test_a1_a2_facts_are_not_exported_and_are_worked_out_on_import(
    repo: Repository, tmp_path: Path
) -> None:
    """The JSON export carries what the user wrote, not what was worked out from it; an
    import stores the facts of the people it brings."""
    app = _app(repo)
    repo.add_person(Person(application_id=app, name="Ann Lee", email="ann.lee@acme.com"))
    repo.add_person(Person(application_id=app, name="Cy Dee"))
    text = export_text(repo)
    assert "email_facts" not in text
    other = Repository.open(tmp_path / "imported.db")
    import_text(other, text)
    assert [_stored(other, pid) for pid in (1, 2)] == ["@acme.com first.last", ""]
    assert contact_lines(other, Scope.EVERYONE).lines == contact_lines(repo, Scope.EVERYONE).lines
    other.close()


def test_a1_a2_a_file_from_before_the_facts_gets_them_when_opened(tmp_path: Path) -> None:
    """Migration 0011 on a file an older version wrote: a copy is made first, every person's
    facts are worked out as the file opens, and the lists read the same as before."""
    path = tmp_path / "old.db"
    old_acme(path, stop_before="0011_email_facts")
    upgraded = Repository.open(path)
    assert upgraded.backups
    assert [_stored(upgraded, pid) for pid in (1, 2, 3)] == ["@acme.com first.last", INVALID, ""]
    lines = contact_lines(upgraded, Scope.EVERYONE).lines
    assert [(line.name, line.guess) for line in lines][2] == ("Cy Dee", "cy.dee@acme.com")
    assert lines == [line_of(contact_row(upgraded, line.id)) for line in lines]
    upgraded.close()
