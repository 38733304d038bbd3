"""The database file refused when it cannot be used (#7): bad files left byte-identical, folders
that cannot hold it, the whole-file check; each with one clear message."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from core.repository import DatabaseProblem, Repository
from tests.core.conftest import fill_database


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
    fill_database(path, n=1)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('afterword', '9999_from_the_future', '2027-01-01')"
    )
    conn.commit()
    conn.close()
    return "newer Afterword"


def _corrupt_page(path: Path) -> str:
    fill_database(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size  # the page's header and cell pointers: never free space
    data[start : start + 64] = b"\xff" * 64
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
    fill_database(path)
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
