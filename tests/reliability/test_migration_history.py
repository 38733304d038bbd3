"""Issue #7, fault 6: a database made by every earlier schema version opens and keeps every row;
a migration that fails rolls back whole, says so, and the pre-migration copy is there.

The data is real: the demo, built at today's schema, then written into a database stopped
before each later migration (only the tables and columns that version had).
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from core.demo import build_demo
from core.migrations import known_names, migrations
from core.repository import DatabaseProblem, Repository
from tests.core.conftest import NOW

Rows = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def _plain_tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables in creation order: no SQLite/migration bookkeeping, no virtual tables
    nor their shadow tables (a search index is rebuilt by its own migration)."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
    rows = [(name, sql or "") for name, sql in found]
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, sql in rows
        if not name.startswith(("sqlite_", "_sqlite_"))
        and name not in virtual
        and not any(name.startswith(v + "_") for v in virtual)
    ]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    listed = ", ".join(columns)
    return sorted(conn.execute(f"SELECT {listed} FROM {table}").fetchall(), key=repr)


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    """Every row of the demo database, built by today's code, per table."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    repo = Repository.open(path)
    build_demo(repo, NOW)
    repo.close()
    conn = sqlite3.connect(path)
    try:
        return {
            t: (_columns(conn, t), _rows(conn, t, _columns(conn, t))) for t in _plain_tables(conn)
        }
    finally:
        conn.close()


def _old_database(path: Path, stop_before: str, demo: Rows) -> Rows:
    """A database at the schema just before `stop_before`, filled with the demo's rows (only the
    columns that version had); return what it holds."""
    db = Database(path)
    migrations.apply(db, stop_before=stop_before)
    conn = db.conn
    held: Rows = {}
    for table in _plain_tables(conn):
        names = _columns(conn, table)
        all_columns, rows = demo[table]
        keep = [all_columns.index(n) for n in names]
        marks = ", ".join("?" for _ in names)
        conn.executemany(
            f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({marks})",
            [tuple(row[i] for i in keep) for row in rows],
        )
        conn.commit()
        held[table] = (names, _rows(conn, table, names))
    conn.close()
    return held


EARLIER = known_names()[1:]  # stopping before the first one is an empty file: a new database


@pytest.mark.parametrize("stop_before", EARLIER)
def test_a_database_from_an_earlier_version_opens_with_every_row(
    tmp_path: Path, demo_rows: Rows, stop_before: str
) -> None:
    path = tmp_path / "afterword.db"
    before = _old_database(path, stop_before, demo_rows)
    assert before["interviews"][1], "the old database holds interviews"

    repo = Repository.open(path)
    try:
        assert [m.name for m in migrations.applied(repo.db)] == known_names()
        conn = repo.conn
        for table, (names, rows) in before.items():
            assert _rows(conn, table, names) == rows, f"{table} changed"
        for summary in repo.list_interviews():  # and today's code reads them as models
            iid = summary.interview.id or 0
            repo.qa_list(iid), repo.promises(iid), repo.participants(iid), repo.answers(iid)
        [backup] = repo.backups
    finally:
        repo.close()
    assert backup.name == f"afterword.db.before-{stop_before}.bak"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    copy = sqlite3.connect(backup)
    try:
        for table, (names, rows) in before.items():
            assert _rows(copy, table, names) == rows
    finally:
        copy.close()


def test_a_failing_migration_rolls_back_says_so_and_the_copy_is_there(
    tmp_path: Path, demo_rows: Rows, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "afterword.db"
    repo = Repository.open(path)
    build_demo(repo, NOW)
    repo.close()
    conn = sqlite3.connect(path)
    tables = _plain_tables(conn)
    before = {t: _rows(conn, t, _columns(conn, t)) for t in tables}
    conn.close()

    def broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        db.execute("UPDATE interviews SET outcome = 'offer'")
        db.execute("DELETE FROM qa")
        raise RuntimeError("a bug in this upgrade")

    step = type(migrations)._Migration("0999_broken", broken)
    monkeypatch.setattr(migrations, "_migrations", [*migrations._migrations, step])
    newer_schema = tuple(m.name for m in [*migrations._migrations, step])
    monkeypatch.setattr("core.repository.opening.SCHEMA", newer_schema)
    with pytest.raises(DatabaseProblem) as err:
        Repository.open(path)
    backup = path.with_name("afterword.db.before-0999_broken.bak")
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    assert "0999_broken" in message and "a bug in this upgrade" in message
    assert str(backup) in message
    assert "\n" not in message

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert _plain_tables(conn) == tables  # no half_done
        assert {t: _rows(conn, t, _columns(conn, t)) for t in tables} == before
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert "0999_broken" not in applied
    finally:
        conn.close()
    copy = sqlite3.connect(backup)
    try:
        assert {t: _rows(copy, t, _columns(copy, t)) for t in tables} == before
    finally:
        copy.close()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    monkeypatch.undo()  # the bug fixed: the file opens as it was
    repo = Repository.open(path)
    try:
        assert repo.count_interviews() == len(before["interviews"])
    finally:
        repo.close()
