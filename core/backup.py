"""Backups: a consistent copy on demand, and a rolling daily copy beside the database."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from core.repository.dump import copy_database

BACKUP_FOLDER = "backups"
KEEP_DAILY = 7
STALE_TEMP = timedelta(days=1)


class BackupProblem(Exception):
    """A backup could not be written; the message says which file and why."""


def backup_name(db_path: Path, now: datetime) -> str:
    """The default name of an on-demand backup: 'afterword-backup-20261124-150000.db'."""
    return f"{db_path.stem}-backup-{now:%Y%m%d-%H%M%S}.db"


def backup_database(db_path: Path, target: Path) -> Path:
    """Write a consistent copy of the database to `target`, atomically (temp + rename) and
    0600; safe while Afterword, or anything else, writes to it."""
    db_path, target = db_path.expanduser().absolute(), target.expanduser().absolute()
    if not db_path.is_file():
        raise BackupProblem(f"{db_path}: no database there, nothing to back up")
    if target.exists() and target.samefile(db_path):
        raise BackupProblem(f"{target}: is the database itself; choose another file")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise BackupProblem(f"{target}: cannot write ({exc.strerror or exc})") from exc
    temp = Path(name)
    try:
        os.close(fd)  # mkstemp made it empty and 0600: VACUUM INTO fills an empty file
        copy_database(db_path, temp)
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as exc:
        temp.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise BackupProblem(f"{target}: cannot write the backup ({reason or exc})") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (best effort: not every platform can fsync a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_folder(db_path: Path) -> Path:
    """Return the rolling backups' folder beside the database, made (0700) if missing."""
    folder = db_path.expanduser().absolute().parent / BACKUP_FOLDER
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)  # ours alone, whatever the umask or an older mode
    return folder


def daily_backups(folder: Path, stem: str) -> list[Path]:
    """Return the rolling backups of the database named `stem` in `folder`, newest first."""
    pattern = re.compile(re.escape(stem) + r"-\d{4}-\d{2}-\d{2}\.db")
    found = [p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def rolling_backup(db_path: Path, now: datetime, keep: int = KEEP_DAILY) -> Path | None:
    """Keep one backup a day (the first time the app opens the database that day) in
    backups/ beside it, the newest `keep` of them; return the copy made, None if today's
    exists already. Leftovers of an interrupted copy are removed after a day."""
    folder = backup_folder(db_path)
    stem = db_path.stem
    today = folder / f"{stem}-{now:%Y-%m-%d}.db"
    made = None
    if not today.exists():
        made = backup_database(db_path, today)
    for old in daily_backups(folder, stem)[keep:]:
        old.unlink(missing_ok=True)
    for temp in folder.glob(f".{stem}-*.tmp"):
        with contextlib.suppress(OSError):
            if now.timestamp() - temp.stat().st_mtime > STALE_TEMP.total_seconds():
                temp.unlink()
    return made


def rolling_backup_problem(db_path: Path, now: datetime) -> str | None:
    """Take the rolling backup; return what went wrong in one line, or None (the app warns
    and carries on: a failed backup must never keep the user from their notes)."""
    try:
        rolling_backup(db_path, now)
    except (BackupProblem, OSError) as exc:
        return f"Daily backup failed: {exc}"
    return None
