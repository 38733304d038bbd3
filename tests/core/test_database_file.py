"""The database file: private modes, PRAGMAs, migrations, backups, and refusing bad files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.migrations import known_names, migrations
from core.repository import DatabaseProblem, Repository
from core.repository.opening import _backup_before_migration
from core.services import Capture, capture_interview
from tests.core.conftest import NOW


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


def _fill(path: Path, n: int = 40) -> None:
    """Make a real Afterword database with some interviews and people."""
    repo = Repository.open(path)
    for i in range(n):
        capture_interview(
            repo,
            Capture(company=f"Company {i}", people="Jane Doe <jane@acme.com>, John Smith"),
            NOW,
        )
    repo.close()


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
    _fill(db_path, n=2)
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
    _fill(db_path, n=3)
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
    _fill(path, n=1)
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
def _text_file(path: Path) -> str:
    path.write_text("my notes, not a database\n" * 50)
    return "not SQLite"


def _zero_bytes(path: Path) -> str:
    path.touch()
    return "empty file"


def _foreign_sqlite(path: Path) -> str:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('bread')")
    conn.commit()
    conn.close()
    return "not an Afterword one"


def _newer_schema(path: Path) -> str:
    _fill(path, n=1)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('afterword', '9999_from_the_future', '2027-01-01')"
    )
    conn.commit()
    conn.close()
    return "newer Afterword"


def _corrupt_page(path: Path) -> str:
    _fill(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    middle = (root - 1) * page_size + page_size // 2
    data[middle : middle + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    # Precondition, checked on a copy: SQLite itself finds the damage.
    probe = path.with_name("probe-copy.db")
    shutil.copyfile(path, probe)
    try:
        conn = sqlite3.connect(probe)
        try:
            assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass
    probe.unlink()
    return "damaged"


def _truncated(path: Path) -> str:
    _fill(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return "damaged"


@pytest.mark.parametrize(
    "make",
    [_text_file, _zero_bytes, _foreign_sqlite, _newer_schema, _corrupt_page, _truncated],
    ids=["text", "zero-bytes", "foreign-sqlite", "newer-schema", "corrupt-page", "truncated"],
)
def test_bad_file_is_refused_and_left_byte_identical(
    tmp_path: Path, make: Callable[[Path], str]
) -> None:
    """Foreign, corrupt or newer files: one clear message naming the file; not a byte changed."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "afterword.db"
    words = make(path)
    before = path.read_bytes()
    listing = sorted(p.name for p in folder.iterdir())
    with pytest.raises(DatabaseProblem) as err:
        Repository.open(path)
    message = str(err.value)
    assert str(path) in message
    assert words in message
    assert "\n" not in message.split(". ", 1)[1]
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == listing


def test_directory_at_the_path_is_refused(tmp_path: Path) -> None:
    """A folder where the database should be: a clear message, nothing created inside."""
    path = tmp_path / "afterword.db"
    path.mkdir()
    with pytest.raises(DatabaseProblem, match="is a directory") as err:
        Repository.open(path)
    assert str(path) in str(err.value)
    assert list(path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    """An unwritable folder (where the journal must go) is refused with a clear message."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseProblem, match="not writable") as err:
            Repository.open(folder / "afterword.db")
        assert str(folder) in str(err.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal when the OS says the folder is not writable (runs as root too)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(DatabaseProblem, match="not writable") as err:
        Repository.open(folder / "afterword.db")
    assert str(folder / "afterword.db") in str(err.value)
    assert list(folder.iterdir()) == []


def test_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    """A parent path that is a file: the folder cannot be made; the message says so."""
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(DatabaseProblem, match="cannot be created"):
        Repository.open(blocker / "sub" / "afterword.db")
    assert blocker.read_text() == "x"


def test_the_check_after_the_first_screen_reads_any_path(tmp_path: Path) -> None:
    """integrity_problem (a big file's check, run after the first screen) opens its own
    read-only connection by URI: a folder named with ?, # and % is read, not misparsed."""
    from core.repository.opening import integrity_problem

    path = tmp_path / "a?b #c%20" / "afterword.db"
    path.parent.mkdir()
    Repository.open(path).close()
    assert integrity_problem(path) is None
    _corrupt_page(path)
    problem = integrity_problem(path)
    assert problem is not None and problem.startswith(f"{path}: is damaged")
