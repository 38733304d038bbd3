"""#8: everyone's contacts by name, a page sought by the key a page read before left (keyset
pagination, no offset skipped) while the file is unchanged: the same lines (A1, A2, A5, C3, C8
counts, guesses) as the offset read and contacts_page, with names tied in any case across
every page edge; any change to the file (through this connection or another), a transaction
under way or a page whose text needed cleaning leaves nothing stale behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.contacts_list import contact_lines, line_of
from core.models import Person
from core.repository import Repository
from core.repository.list_reads import KEPT, Kept, watch_writes
from core.services_people import Scope, contacts_page
from tests.core.tied_people import add_tied_people

NAMES = ["Ann Lee", "ann lee", "ANN LEE", "Bo Chan", "bo chan", "Cy Dee", "Émile Roy"]


def _tied(repo: Repository, people: int = 42) -> None:
    """People of seven names, most tied with others under NOCASE (tests.core.tied_people)."""
    add_tied_people(repo, NAMES, people, some_confirmed=True)


def _offset_read(path: Path, offset: int, limit: int) -> object:
    """The page as read by skipping `offset` rows: a repository with no page kept."""
    fresh = Repository.open(path)
    try:
        return contact_lines(fresh, Scope.EVERYONE, offset=offset, limit=limit).lines
    finally:
        fresh.close()


def _skips(repo: Repository) -> list[str]:
    """Start recording the queries contact_lines runs to skip to a page's first person by
    OFFSET; the list fills as they run."""
    found: list[str] = []

    def seen(sql: str) -> None:
        if sql.startswith("SELECT p.name, p.id FROM people p ORDER BY") and "OFFSET" in sql:
            found.append(sql)

    repo.conn.set_trace_callback(seen)
    return found


@pytest.mark.parametrize("limit", [1, 3, 7, 42])
def test_a2_pages_sought_by_key_are_the_offset_reads(tmp_path: Path, limit: int) -> None:
    """Paging on from the first page, every page after it is sought by the key the one before
    left (no OFFSET run) and holds the offset read's lines and contacts_page's; read again,
    the same; past the end, none."""
    path = tmp_path / "tied.db"
    repo = Repository.open(path)
    _tied(repo)
    contact_lines(repo, Scope.EVERYONE, limit=limit)
    skips = _skips(repo)
    for offset in range(limit, 42, limit):
        lines = contact_lines(repo, Scope.EVERYONE, offset=offset, limit=limit).lines
        assert lines == _offset_read(path, offset, limit)
        page = contacts_page(repo, Scope.EVERYONE, None, offset=offset, limit=limit)
        assert lines == [line_of(row) for row in page.view.rows]
        assert contact_lines(repo, Scope.EVERYONE, offset=offset, limit=limit).lines == lines
    assert skips == []
    assert any(line.guess for line in contact_lines(repo, Scope.EVERYONE, limit=42).lines)
    assert contact_lines(repo, Scope.EVERYONE, offset=42, limit=limit).lines == []
    repo.close()


def test_a2_any_change_to_the_file_forgets_the_keys(tmp_path: Path) -> None:
    """A rename through the repository, one committed by another connection, a person added
    and one deleted: each moves people across the pages' edges, and every page read after it
    is the offset read of the file as it now is."""
    path = tmp_path / "tied.db"
    repo = Repository.open(path)
    _tied(repo)
    pages = range(0, 42, 5)

    def same() -> None:
        for offset in pages:
            lines = contact_lines(repo, Scope.EVERYONE, offset=offset, limit=5).lines
            assert lines == _offset_read(path, offset, 5)

    same()
    first = contact_lines(repo, Scope.EVERYONE, limit=1).lines[0]
    repo.update_person(first.id, name="Zed Last")
    same()
    other = sqlite3.connect(path)
    with other:
        other.execute("UPDATE people SET name = 'Aaron First' WHERE name = 'Cy Dee'")
    other.close()
    same()
    apps = repo.conn.execute("SELECT min(id) FROM applications").fetchone()[0]
    repo.add_person(Person(application_id=apps, name="Bo Chan", email="bo@acme.com"))
    same()
    repo.delete_person(first.id)
    same()
    repo.close()


def test_a2_guesses_follow_known_addresses_changed_by_any_write(tmp_path: Path) -> None:
    """Once a company's known addresses change (another pattern, written by a statement of
    any program's), the guesses shown are the new pattern's, as a fresh read's."""
    path = tmp_path / "tied.db"
    repo = Repository.open(path)
    _tied(repo)
    before = contact_lines(repo, Scope.EVERYONE, limit=42).lines
    assert contact_lines(repo, Scope.EVERYONE, limit=42).lines == before  # read again, kept
    globex = repo.conn.execute("SELECT id FROM applications WHERE company = 'Globex'").fetchone()
    with repo.write():
        repo.conn.execute(
            "UPDATE people SET email = lower(replace(name, ' ', '_')) || '@globex.com' "
            "WHERE email != '' AND application_id = ?",
            globex,
        )
    after = contact_lines(repo, Scope.EVERYONE, limit=42).lines
    assert after == _offset_read(path, 0, 42)
    changed = [line for line in after if line.guess.endswith("@globex.com")]
    assert changed and all(line.guess not in {b.guess for b in before} for line in changed)
    repo.close()


def test_a2_an_address_changed_keeps_the_keys_and_the_guesses_follow(tmp_path: Path) -> None:
    """A change to someone's address (or to a company) leaves who is listed and their order as
    they were: the pages are still sought by their keys, and their guesses are those of the
    votes as they now are, as a fresh read's."""
    path = tmp_path / "tied.db"
    repo = Repository.open(path)
    _tied(repo)
    before = [contact_lines(repo, Scope.EVERYONE, offset=o, limit=7).lines for o in (0, 7, 14)]
    skips = _skips(repo)
    known = repo.conn.execute(
        "SELECT p.id, p.name FROM people p JOIN applications a ON a.id = p.application_id "
        "WHERE a.company = 'Globex' AND p.email != '' ORDER BY p.id"
    ).fetchall()
    for pid, name in known:
        repo.update_person(pid, email=name.lower().replace(" ", "_") + "@globex.com")
    after = [contact_lines(repo, Scope.EVERYONE, offset=o, limit=7).lines for o in (0, 7, 14)]
    assert skips == []
    assert after == [_offset_read(path, o, 7) for o in (0, 7, 14)]
    guesses = {line.guess for page in after for line in page if "@globex" in line.guess}
    assert guesses and guesses.isdisjoint({line.guess for page in before for line in page})
    repo.close()


def test_a2_no_key_is_used_or_kept_inside_a_transaction(tmp_path: Path) -> None:
    """Pages read inside a write transaction skip by OFFSET (its writes could be rolled back)
    and keep nothing; rolled back, the pages read after it are the file's."""
    path = tmp_path / "tied.db"
    repo = Repository.open(path)
    _tied(repo)
    before = [contact_lines(repo, Scope.EVERYONE, offset=o, limit=6).lines for o in (6, 0, 12)]
    skips = _skips(repo)
    with pytest.raises(RuntimeError), repo.write():
        repo.conn.execute("UPDATE people SET name = 'A' || name")
        inside = contact_lines(repo, Scope.EVERYONE, offset=6, limit=6).lines
        assert len(skips) == 1 and inside == contact_lines(repo, Scope.EVERYONE, limit=12).lines[6:]
        raise RuntimeError("rolled back")
    after = [contact_lines(repo, Scope.EVERYONE, offset=o, limit=6).lines for o in (6, 0, 12)]
    assert after == before
    repo.close()


def test_a2_a_page_whose_names_were_cleaned_leaves_no_key(tmp_path: Path) -> None:
    """A name stored with a control character shows cleaned; the key to seek by would be the
    cleaned name, not the stored one, so that page leaves none and the next is found by
    OFFSET, as contacts_page has it."""
    path = tmp_path / "dirty.db"
    repo = Repository.open(path)
    _tied(repo)
    repo.conn.execute("UPDATE people SET name = 'Bo\x1b[31m Chan' WHERE name = 'bo chan'")
    repo.conn.commit()
    ids = {row[0] for row in repo.conn.execute("SELECT id FROM people WHERE name LIKE 'Bo_[31m%'")}
    dirty = set()
    for offset in range(0, 42, 7):
        lines = contact_lines(repo, Scope.EVERYONE, offset=offset, limit=7).lines
        page = contacts_page(repo, Scope.EVERYONE, None, offset=offset, limit=7)
        assert lines == [line_of(row) for row in page.view.rows]
        assert lines == _offset_read(path, offset, 7)
        assert not any("\x1b" in line.name for line in lines)
        if ids & {line.id for line in lines}:
            dirty.add(offset)
    kept = repo._kept_now()
    assert dirty and kept is not None
    starts = kept.starts
    stored = "SELECT count(*) FROM people WHERE name = ?"
    assert starts and all(repo.conn.execute(stored, [n]).fetchone()[0] for n, _ in starts.values())
    for offset in range(0, 42, 7):  # again, sought by the keys kept
        lines = contact_lines(repo, Scope.EVERYONE, offset=offset, limit=7).lines
        assert lines == _offset_read(path, offset, 7)
    repo.close()


def test_what_is_kept_is_bounded_and_belongs_to_one_state(tmp_path: Path) -> None:
    """Past KEPT page starts the store starts again; a write that can move the list empties it
    (through this connection or another), one that cannot (an address, a best time, a
    company, any other table) keeps it; nothing is given inside a transaction."""
    repo = Repository.open(tmp_path / "k.db")
    _tied(repo, people=3)
    conn, writes = repo.conn, [0]
    watch_writes(conn, lambda: writes.__setitem__(0, writes[0] + 1))
    store = Kept()
    kept = store.current(conn, writes[0])
    assert kept is not None and kept.starts == {}
    kept.starts.update({n: ("a", n) for n in range(KEPT + 1)})
    kept = store.current(conn, writes[0])
    assert kept is not None and kept.starts == {}

    def filled() -> Kept:
        kept = store.current(conn, writes[0])
        assert kept is not None
        kept.starts[5] = ("b", 1)
        return kept

    for unwatched in (
        "UPDATE people SET best_time = 'mornings', title = 'CTO'",
        "INSERT INTO meta (key, value) VALUES ('x', 'y')",
        "UPDATE applications SET role = 'Engineer'",
        "UPDATE people SET email = 'x@y.com' WHERE id = (SELECT min(id) FROM people)",
        "UPDATE people SET email_source = 'card'",
        "UPDATE applications SET company = 'Initech'",
    ):
        filled()
        conn.execute(unwatched)
        kept = store.current(conn, writes[0])
        assert kept is not None and kept.starts == {5: ("b", 1)}, unwatched
    for watched in (
        "UPDATE people SET name = 'A' || name",
        "INSERT INTO people (application_id, name) SELECT application_id, 'New' FROM people "
        "LIMIT 1",
        "DELETE FROM people WHERE name = 'New'",
    ):
        filled()
        conn.execute(watched)
        kept = store.current(conn, writes[0])
        assert kept is not None and kept.starts == {}, watched
    filled()
    other = sqlite3.connect(tmp_path / "k.db")
    other.execute("UPDATE people SET best_time = 'evenings'")  # another program: any commit
    other.commit()
    other.close()
    kept = store.current(conn, writes[0])
    assert kept is not None and kept.starts == {}
    filled()
    conn.execute("BEGIN")
    conn.execute("UPDATE people SET best_time = 'noon'")
    assert store.current(conn, writes[0]) is None  # inside the transaction
    conn.execute("COMMIT")
    kept = store.current(conn, writes[0])
    assert kept is not None and kept.starts == {5: ("b", 1)}
    repo.close()
