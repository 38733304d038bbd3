"""Opening the database safely: refusing foreign, corrupt or newer files, private file modes.

Schema upgrades need sqlite-utils; opening a file that is up to date does not, so the start-up
path reads the applied migrations with plain SQL and imports sqlite-utils only to migrate.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from core.repository import base
from core.repository.base import DatabaseProblem
from core.schema import MIGRATION_SET, SCHEMA

SQLITE_HEADER = b"SQLite format 3\x00"
CACHE_KIB = 64 * 1024
"""#8: the page cache (SQLite's default is 2 MB): the lists of a long history read their pages
from memory, not from the file again at each reload; it grows only as pages are read."""


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


def _applied(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Refuse foreign and newer databases; return the migrations already applied. Reading the
    schema also refuses a file whose header or schema pages are damaged."""
    try:
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
        raise _damaged(path, str(exc)) from exc
    user_tables = {t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))}
    if user_tables and not applied:
        raise _problem(
            path,
            "is a SQLite database, but not an Afterword one",
            "It was left untouched; choose another file with --db.",
        )
    unknown = [name for name in applied if name not in SCHEMA]
    if unknown:
        raise _problem(
            path,
            f"was written by a newer Afterword (schema {unknown[-1]})",
            "Upgrade Afterword (pip install -U afterword) to open it.",
        )
    return applied


def _damaged(path: Path, finding: str) -> DatabaseProblem:
    return _problem(
        path,
        f"is damaged ({finding})",
        "It was left untouched; restore a backup (afterword backup makes one, and backups/ "
        "beside it holds a copy a day) or choose another --db.",
    )


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Read every page (PRAGMA quick_check): a damaged file is refused before any write."""
    try:
        checked = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc)) from exc
    if checked != ["ok"]:
        raise _damaged(path, f"integrity check: {checked[0]}")


def integrity_problem(path: Path) -> str | None:
    """Check the whole file on a connection of its own (readers never block the app's writes);
    return the problem, or None when every page is sound."""
    path = path.expanduser().absolute()
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        return str(_damaged(path, str(exc)))
    try:
        _check_integrity(conn, path)
    except DatabaseProblem as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def _backup_before_migration(conn: sqlite3.Connection, path: Path, next_name: str) -> Path:
    target = path.with_name(f"{path.name}.before-{next_name}.bak")
    if target.exists():
        target.unlink()
    _create_private(target)
    conn.execute("VACUUM INTO ?", [str(target)])
    return target


def _migrate(conn: sqlite3.Connection, path: Path, applied: list[str]) -> list[Path]:
    """Apply the pending migrations, each in its own transaction, after a copy of the file;
    one that fails is rolled back and reported as a DatabaseProblem naming it and the copy.
    Return the copies made."""
    from sqlite_utils import Database

    from core.migrations import migrations

    db = Database(conn, recursive_triggers=False, execute_plugins=False)
    pending = migrations.pending(db)
    backups = [_backup_before_migration(conn, path, pending[0].name)] if pending and applied else []
    try:
        migrations.apply(db)
    except Exception as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        failed = next((m.name for m in migrations.pending(db)), "?")
        copy = f"a copy from before is at {backups[0]}" if backups else "it was new"
        raise _problem(
            path,
            f"the upgrade to schema {failed} failed ({exc}) and was undone",
            f"The file is as it was ({copy}); please report this bug.",
        ) from exc
    return backups


def connect(
    path: Path, check_pages_up_to: int | None = None
) -> tuple[sqlite3.Connection, list[Path], bool]:
    """Open (or create) the database at `path`, migrated; return the connection, any backups
    made, and whether every page was checked. Pages are checked when the file holds at most
    `check_pages_up_to` bytes (None: always); a larger file is left to integrity_problem()."""
    path = path.expanduser().absolute()
    existed = _check_path(path)
    if not existed:
        _create_private(path)
    timeout_ms = base.BUSY_TIMEOUT_MS
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=timeout_ms / 1000
        )
    except sqlite3.Error as exc:
        raise _problem(path, f"cannot be opened ({exc})", "Choose another --db.") from exc
    checked = check_pages_up_to is None or path.stat().st_size <= check_pages_up_to
    try:
        conn.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        if checked:
            _check_integrity(conn, path)
        applied = _applied(conn, path)
        for pragma in (
            "journal_mode = WAL",
            "synchronous = NORMAL",  # #8: in WAL, no fsync per commit; see base.SYNC_DELAY
            "foreign_keys = ON",
            "secure_delete = ON",
            f"cache_size = -{CACHE_KIB}",
        ):
            conn.execute(f"PRAGMA {pragma}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # no WAL on this disk:
            conn.execute("PRAGMA synchronous = FULL")  # a rollback journal needs every sync
        backups = [] if applied == list(SCHEMA) else _migrate(conn, path, applied)
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
    return conn, backups, checked
