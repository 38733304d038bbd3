"""The database file: private modes, PRAGMAs, migrations, backups (refusals: their own file)."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.migrations import known_names, migrations
from core.repository import Repository
from core.repository.opening import _backup_before_migration
from core.services import Capture, capture_interview
from tests.core.conftest import NOW, fill_database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test and restore it afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_umask(value: int) -> None:
        os.umask(value)

    yield set_umask
    os.umask(saved)


@pytest.mark.parametrize("mask", [0o022, 0o000])
def test_new_database_is_private(tmp_path: Path, umask: Callable[[int], None], mask: int) -> None:
    """Data folder 0700, database, -wal and -shm 0600, whatever the umask."""
    umask(mask)
    path = tmp_path / "home" / "data" / "afterword.db"
    repo = Repository.open(path)
    try:
        capture_interview(repo, Capture(company="Acme"), NOW)
        assert _mode(path) == 0o600
        for folder in (path.parent, path.parent.parent):
            assert _mode(folder) == 0o700, folder
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            assert side.exists()
            assert _mode(side) == 0o600, side
    finally:
        repo.close()
    assert _mode(path) == 0o600


def test_pragmas(repo: Repository) -> None:
    """WAL, foreign keys, secure_delete on, synchronous NORMAL (#8: synced off the UI thread), a
    busy timeout."""
    conn = repo.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrations_from_nothing(db_path: Path) -> None:
    """A new file gets every migration, in order, and needs no backup."""
    repo = Repository.open(db_path)
    try:
        assert repo.backups == []
        assert [m.name for m in migrations.applied(repo.db)] == known_names()
        assert migrations.pending(repo.db) == []
        tables = set(repo.db.table_names())
        assert {"applications", "interviews", "people", "participants"} <= tables
        assert {"answers", "qa", "promises"} <= tables
    finally:
        repo.close()


def test_reopening_an_up_to_date_database_keeps_data_and_makes_no_backup(db_path: Path) -> None:
    """Opening again migrates nothing and copies nothing."""
    fill_database(db_path, n=2)
    repo = Repository.open(db_path)
    try:
        assert repo.backups == []
        assert repo.count_interviews() == 2
    finally:
        repo.close()
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["afterword.db"]


def test_backup_is_taken_before_a_pending_migration(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, umask: Callable[[int], None]
) -> None:
    """A private VACUUM INTO copy of the old file is made before a new migration runs."""
    fill_database(db_path, n=3)
    names_before = known_names()
    umask(0o000)

    def add_extra(db: object) -> None:
        db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")  # type: ignore[attr-defined]

    newer = [*migrations._migrations, type(migrations)._Migration("0999_test_extra", add_extra)]
    monkeypatch.setattr(migrations, "_migrations", newer)
    newer_schema = tuple(m.name for m in newer)  # the code knows one more
    monkeypatch.setattr("core.repository.opening.SCHEMA", newer_schema)
    repo = Repository.open(db_path)
    try:
        assert "extra" in repo.db.table_names()
        [backup] = repo.backups
    finally:
        repo.close()
    assert backup == db_path.with_name("afterword.db.before-0999_test_extra.bak")
    assert _mode(backup) == 0o600
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT COUNT(*) FROM interviews").fetchone()[0] == 3
        names = {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
        assert "extra" not in names
        applied = [r[0] for r in copy.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied == names_before
    finally:
        copy.close()


def test_backup_helper_replaces_an_old_copy(tmp_path: Path, umask: Callable[[int], None]) -> None:
    """_backup_before_migration overwrites a stale copy with a fresh, private one."""
    umask(0o000)
    path = tmp_path / "afterword.db"
    fill_database(path, n=1)
    stale = path.with_name("afterword.db.before-0002_x.bak")
    stale.write_text("stale")
    stale.chmod(0o644)
    conn = sqlite3.connect(path)
    try:
        made = _backup_before_migration(conn, path, "0002_x")
    finally:
        conn.close()
    assert made == stale
    assert _mode(made) == 0o600
    assert made.read_bytes().startswith(b"SQLite format 3\x00")


# Each maker writes a bad file at `path` and returns the words the refusal must contain.
