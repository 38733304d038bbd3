"""Opening the database safely: refusing foreign, corrupt or newer files, private file modes."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from core.migrations import MIGRATION_SET, known_names, migrations
from core.text import clean_text

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 64 * 1024
"""#8: the page cache (SQLite's default is 2 MB): the lists of a long history read their pages
from memory, not from the file again at each reload; it grows only as pages are read."""


class DatabaseProblem(Exception):
    """The database file cannot be used; the message names the file and what to do."""


class WriteProblem(DatabaseProblem):
    """A write was refused (busy, disk full, read-only) and rolled back; the message says why."""


def _problem(path: Path, what: str, todo: str) -> DatabaseProblem:
    return DatabaseProblem(f"{path}: {what}. {todo}")


def _make_private_folders(folder: Path) -> None:
    """Create `folder` and its missing parents, each 0700 whatever the umask."""
    for missing in reversed([f for f in (folder, *folder.parents) if not f.exists()]):
        try:
            missing.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by someone else meanwhile: not ours to chmod
        os.chmod(missing, 0o700)


def _check_path(path: Path) -> bool:
    """Check the path before SQLite touches it; return whether the file already exists."""
    if path.is_dir():
        raise _problem(
            path,
            "is a directory, not a database file",
            f"Point --db at a file, e.g. {path / 'afterword.db'}.",
        )
    parent = path.parent
    if not parent.exists():
        try:
            _make_private_folders(parent)
        except OSError as exc:
            raise _problem(
                path,
                f"its folder cannot be created ({exc.strerror})",
                "Choose another path with --db.",
            ) from exc
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _problem(
            path,
            f"the folder {parent} is not writable (Afterword keeps its journal "
            "beside the database)",
            "Make the folder writable or choose another --db.",
        )
    if not path.exists():
        return False
    if not os.access(path, os.R_OK | os.W_OK):
        raise _problem(
            path,
            "is not readable and writable by you",
            "Fix its permissions (chmod 600) or choose another --db.",
        )
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header:
        raise _problem(
            path,
            "is an empty file, not an Afterword database",
            "Delete it if you made it by mistake, or choose another --db.",
        )
    if header != SQLITE_HEADER:
        raise _problem(
            path,
            "is not an Afterword database (not SQLite at all)",
            "It was left untouched; choose another file with --db.",
        )
    return True


def _create_private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _check_schema(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Refuse corrupt, foreign and newer databases; return the migrations already applied."""
    try:
        checked = conn.execute("PRAGMA quick_check").fetchall()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            ]
    except sqlite3.DatabaseError as exc:
        raise _problem(
            path,
            f"is damaged ({exc})",
            "It was left untouched; restore a backup "
            "(afterword backup makes one) or choose another --db.",
        ) from exc
    if [r[0] for r in checked] != ["ok"]:
        raise _problem(
            path,
            f"is damaged (integrity check: {checked[0][0]})",
            "It was left untouched; restore a backup or choose another --db.",
        )
    user_tables = {t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))}
    if user_tables and not applied:
        raise _problem(
            path,
            "is a SQLite database, but not an Afterword one",
            "It was left untouched; choose another file with --db.",
        )
    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        raise _problem(
            path,
            f"was written by a newer Afterword (schema {unknown[-1]})",
            "Upgrade Afterword (pip install -U afterword) to open it.",
        )
    return applied


def _backup_before_migration(conn: sqlite3.Connection, path: Path, next_name: str) -> Path:
    target = path.with_name(f"{path.name}.before-{next_name}.bak")
    if target.exists():
        target.unlink()
    _create_private(target)
    conn.execute("VACUUM INTO ?", [str(target)])
    return target


def _migrate(db: Database, path: Path, backups: list[Path]) -> None:
    """Apply the pending migrations, each in its own transaction; one that fails is rolled
    back and reported as a DatabaseProblem naming it and the copy taken before."""
    try:
        migrations.apply(db)
    except Exception as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        failed = next((m.name for m in migrations.pending(db)), "?")
        copy = f"a copy from before is at {backups[0]}" if backups else "it was new"
        raise _problem(
            path,
            f"the upgrade to schema {failed} failed ({exc}) and was undone",
            f"The file is as it was ({copy}); please report this bug.",
        ) from exc


def connect(path: Path) -> tuple[Database, list[Path]]:
    """Open (or create) the database at `path`, migrated; return it and any backups made."""
    path = path.expanduser().absolute()
    existed = _check_path(path)
    if not existed:
        _create_private(path)
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as exc:
        raise _problem(path, f"cannot be opened ({exc})", "Choose another --db.") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        applied = _check_schema(conn, path)
        for pragma in (
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            "secure_delete = ON",
            f"cache_size = -{CACHE_KIB}",
        ):
            conn.execute(f"PRAGMA {pragma}")
        db = Database(conn, recursive_triggers=False, execute_plugins=False)
        backups: list[Path] = []
        pending = migrations.pending(db)
        if pending and applied:
            backups.append(_backup_before_migration(conn, path, pending[0].name))
        _migrate(db, path, backups)
    except DatabaseProblem:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise _problem(
            path,
            f"cannot be used ({exc})",
            "Check the disk and permissions, or choose another --db.",
        ) from exc
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, 0o600)
    return db, backups


_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and _UNSAFE.search(value):
        return clean_text(value)
    return value


class StoreBase:
    """The connection shared by every part of the repository, and its write transaction."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self._depth = 0

    @contextmanager
    def write(self) -> Iterator[None]:
        """Run the enclosed writes in one BEGIN IMMEDIATE transaction (nested: one savepoint).

        A write the file refuses (another instance holding it past the busy timeout, a full
        disk, a read-only file) is rolled back whole and raised as a WriteProblem naming the
        file and what to do, never as a bare sqlite3 error."""
        conn = self.db.conn
        if self._depth:
            self._depth += 1
            conn.execute("SAVEPOINT nested")
            try:
                yield
            except BaseException:
                if conn.in_transaction:  # SQLite may have rolled everything back already
                    conn.execute("ROLLBACK TO nested")
                    conn.execute("RELEASE nested")
                raise
            finally:
                self._depth -= 1
            conn.execute("RELEASE nested")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_problem(exc) from exc
        self._depth = 1
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise self._write_problem(exc) from exc
            raise
        finally:
            self._depth = 0

    def _write_problem(self, exc: sqlite3.OperationalError) -> WriteProblem:
        path = Path(self.path).absolute() if self.path else Path("the database")
        reason = str(exc)
        if "locked" in reason or "busy" in reason:
            what = (
                f"is held by another program (another Afterword?) that kept writing for "
                f"over {BUSY_TIMEOUT_MS / 1000:g} s"
            )
            todo = "Nothing was saved from this change; close the other one and try again."
        elif "full" in reason:
            what = f"the disk is full ({reason})"
            todo = "Nothing was saved from this change; free some space and try again."
        elif "readonly" in reason or "read-only" in reason:
            what = f"cannot be written ({reason})"
            todo = "Make the file and its folder writable (chmod 600), then try again."
        else:
            what = f"could not be written ({reason})"
            todo = "Nothing was saved from this change; check the disk, then try again."
        return WriteProblem(f"{path}: {what}. {todo}")

    def rows(
        self, sql: str, params: list[Any] | dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Run a read query and return its rows as dictionaries, text cleaned of controls.

        Text is cleaned on the way in too; cleaning again here means a file written by other
        means (an old version, a hand edit) can never send an escape sequence to the terminal.
        """
        cursor = self.db.conn.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        found = cursor.fetchall()
        # One search over all the text read (#8: value by value cost more than the query)
        if _UNSAFE.search("\n".join([v for row in found for v in row if type(v) is str])):
            return [{name: _safe(v) for name, v in zip(names, row, strict=True)} for row in found]
        return [dict(zip(names, row, strict=True)) for row in found]

    def run(self, sql: str, params: list[Any] | dict[str, Any] | None = None) -> int:
        """Run one write statement inside the current transaction; return lastrowid."""
        cursor = self.db.conn.execute(sql, params or [])
        return int(cursor.lastrowid or 0)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite on the last close)."""
        self.db.conn.close()
