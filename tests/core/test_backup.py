"""Backups: consistent while another connection writes, private, atomic, rotated daily."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.backup import (
    BackupProblem,
    backup_database,
    backup_name,
    daily_backups,
    rolling_backup,
    rolling_backup_problem,
)
from core.demo import build_demo
from core.export_json import export_text
from core.models import QA
from core.repository import Repository


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def private_umask() -> Iterator[None]:
    """A permissive umask (0), so only Afterword's own modes make files private."""
    saved = os.umask(0)
    yield
    os.umask(saved)


@pytest.fixture
def demo(repo: Repository, now: datetime) -> Repository:
    """The demo database, open."""
    build_demo(repo, now)
    return repo


def test_backup_is_a_private_faithful_copy(
    demo: Repository, db_path: Path, tmp_path: Path, private_umask: None
) -> None:
    """The copy opens as an Afterword database holding exactly the same data, mode 0600."""
    target = backup_database(db_path, tmp_path / "copy.db")
    assert _mode(target) == 0o600
    copy = Repository.open(target)
    assert export_text(copy) == export_text(demo)
    copy.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "data"]


def test_backup_skips_an_uncommitted_transaction(demo: Repository, db_path: Path) -> None:
    """While another connection is half-way through a write, the backup neither waits nor
    copies the half-written rows."""
    interview_id = demo.list_interviews()[0].interview.id or 0
    before = _count(db_path, "qa")
    writer = Repository.open(db_path)
    with writer.write():
        writer.add_qa(QA(interview_id=interview_id, question="uncommitted?"))
        copied = backup_database(db_path, db_path.with_name("mid-write.db"))
    writer.close()
    assert _count(copied, "qa") == before
    assert _count(db_path, "qa") == before + 1


def test_backup_is_consistent_while_another_connection_writes(
    demo: Repository, db_path: Path
) -> None:
    """A writer adds Q&A two at a time in transactions; every backup taken meanwhile holds
    whole transactions only (an even number of new rows) and passes the integrity check."""
    interview_id = demo.list_interviews()[0].interview.id or 0
    start = _count(db_path, "qa")
    stop = threading.Event()
    writer = Repository.open(db_path)

    def write() -> None:
        n = 0
        while not stop.is_set():
            with writer.write():
                for _ in range(2):
                    n += 1
                    writer.add_qa(QA(interview_id=interview_id, question=f"pair {n}" * 40))

    thread = threading.Thread(target=write)
    thread.start()
    try:
        counts = [
            _count(backup_database(db_path, db_path.with_name(f"b{i}.db")), "qa") - start
            for i in range(8)
        ]
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert all(c % 2 == 0 for c in counts), counts
    assert counts == sorted(counts)
    assert counts[-1] > 0


def test_existing_target_is_replaced_atomically(demo: Repository, db_path: Path) -> None:
    """A failed copy leaves the previous file as it was and no temporary file behind."""
    target = db_path.with_name("copy.db")
    target.write_bytes(b"previous")
    not_a_db = db_path.with_name("notes.txt")
    not_a_db.write_text("hello, not SQLite")
    with pytest.raises(BackupProblem, match="cannot write the backup"):
        backup_database(not_a_db, target)
    assert target.read_bytes() == b"previous"
    assert not [p for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]
    backup_database(db_path, target)
    assert _count(target, "interviews") == demo.count_interviews()


def test_refusals(demo: Repository, db_path: Path, tmp_path: Path) -> None:
    """No database, the database itself as target, an unwritable folder: a clear problem."""
    with pytest.raises(BackupProblem, match="no database there"):
        backup_database(tmp_path / "none.db", tmp_path / "x.db")
    with pytest.raises(BackupProblem, match="is the database itself"):
        backup_database(db_path, db_path.parent / ".." / "data" / db_path.name)
    with pytest.raises(BackupProblem, match="cannot write"):
        backup_database(db_path, tmp_path / "missing-folder" / "x.db")


def test_default_name_has_a_timestamp(db_path: Path, now: datetime) -> None:
    """afterword-backup-YYYYMMDD-HHMMSS.db, from the database's own name."""
    assert backup_name(db_path, now) == "afterword-backup-20261123-143000.db"


def test_rolling_backup_once_a_day_last_seven(
    demo: Repository, db_path: Path, now: datetime, private_umask: None
) -> None:
    """One copy a day in backups/ (0700, files 0600); a second opening the same day makes
    none; after ten days the newest seven are kept; other files are never touched."""
    folder = db_path.parent / "backups"
    folder.mkdir(mode=0o755)
    unrelated = [folder / "notes.txt", folder / "other-2026-11-01.db"]
    for path in unrelated:
        path.write_text("keep me")
    made = [rolling_backup(db_path, now + timedelta(days=d)) for d in range(10)]
    assert all(m is not None for m in made)
    assert rolling_backup(db_path, now + timedelta(days=9, hours=5)) is None
    assert _mode(folder) == 0o700
    kept = daily_backups(folder, "afterword")
    assert [p.name for p in kept] == [
        f"afterword-{(now + timedelta(days=d)).date().isoformat()}.db" for d in range(9, 2, -1)
    ]
    assert all(_mode(p) == 0o600 for p in kept)
    assert all(p.read_text() == "keep me" for p in unrelated)
    assert _count(kept[0], "interviews") == demo.count_interviews()


def test_stale_temporary_copies_are_cleared(db_path: Path, repo: Repository, now: datetime) -> None:
    """A copy interrupted more than a day ago is removed; one made an hour ago is not."""
    folder = db_path.parent / "backups"
    folder.mkdir()
    old, fresh = folder / ".afterword-x.db.abc.tmp", folder / ".afterword-y.db.def.tmp"
    for path, age in ((old, timedelta(days=2)), (fresh, timedelta(hours=1))):
        path.write_bytes(b"partial")
        moment = (now - age).timestamp()
        os.utime(path, (moment, moment))
    rolling_backup(db_path, now)
    assert (old.exists(), fresh.exists()) == (False, True)


def test_rolling_backup_problem_is_one_line(tmp_path: Path, now: datetime) -> None:
    """A failed daily backup is reported as a line for the app to show, never raised."""
    problem = rolling_backup_problem(tmp_path / "gone.db", now)
    assert problem is not None and problem.startswith("Daily backup failed: ")
    assert "\n" not in problem
