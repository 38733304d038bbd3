"""#8: a save never waits for the disk on the app's thread, and no word is lost for it.

Commits go to the WAL with synchronous=NORMAL (no fsync per commit: a killed process loses
nothing, the OS has the bytes); a checkpoint on a thread and connection of its own puts them on
the disk itself (WAL synced, copied, main file synced) SYNC_DELAY after the first unsynced one.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from core.repository import Repository, base
from core.services import Capture, capture_interview

DELAY = 0.05  # seconds: SYNC_DELAY in these tests


@pytest.fixture
def fast_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checkpoints DELAY after a commit instead of a second."""
    monkeypatch.setattr(base, "SYNC_DELAY", DELAY)


@pytest.fixture
def opened(db_path: Path, now: datetime) -> Iterator[tuple[Repository, int]]:
    """A repository holding one interview; closed after the test."""
    repo = Repository.open(db_path)
    iid = capture_interview(repo, Capture(company="Acme", people="Jane Doe"), now).id or 0
    yield repo, iid
    repo.close()


def _wait(condition: object, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if callable(condition) and condition():
            return True
        time.sleep(0.01)
    return False


def _unsynced_frames(path: Path) -> int:
    """Frames in the WAL not yet copied into the main file (asked on a connection of its own)."""
    conn = sqlite3.connect(path)
    try:
        _busy, log, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    return int(log - copied)


def test_commits_are_not_synced_by_the_writer_but_by_a_thread_of_their_own(
    fast_sync: None, opened: tuple[Repository, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """#8: synchronous NORMAL on the app's connection; the checkpoint runs on another thread."""
    repo, iid = opened
    assert repo.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: no fsync
    assert _wait(lambda: repo.syncer is not None and repo.syncer.done > 0)  # the fixture's
    ran_on: list[str] = []
    checkpoint = base._Syncer._checkpoint

    def recorded(self: base._Syncer) -> None:
        ran_on.append(threading.current_thread().name)
        checkpoint(self)

    monkeypatch.setattr(base._Syncer, "_checkpoint", recorded)
    assert repo.syncer is not None
    before = repo.syncer.done
    repo.save_answer(iid, "B3", "Rapport with Jane")
    assert _wait(lambda: repo.syncer is not None and repo.syncer.done > before)
    assert ran_on == ["afterword-sync"]
    assert threading.current_thread().name not in ran_on


def test_a_burst_of_saves_is_checkpointed_once_not_per_save(
    monkeypatch: pytest.MonkeyPatch, opened: tuple[Repository, int]
) -> None:
    """#8: one checkpoint per burst of typing (a timer per burst, not a thread per key)."""
    monkeypatch.setattr(base, "SYNC_DELAY", 0.5)
    repo, iid = opened
    assert repo.syncer is not None
    before = repo.syncer.done
    for i in range(30):
        repo.save_answer(iid, "B3", "word " * i)
    assert _wait(lambda: repo.syncer is not None and repo.syncer.done > before)
    time.sleep(0.2)
    assert repo.syncer.done == before + 1
    assert _unsynced_frames(repo.path or Path()) == 0  # the whole burst is on the disk


def test_later_saves_win_while_checkpoints_run_between_them(
    monkeypatch: pytest.MonkeyPatch, db_path: Path, now: datetime
) -> None:
    """#8: checkpoints running alongside the saves never put an older text back."""
    monkeypatch.setattr(base, "SYNC_DELAY", 0.0)  # a checkpoint after nearly every save
    repo = Repository.open(db_path)
    iid = capture_interview(repo, Capture(company="Acme"), now).id or 0
    typed = ""
    for ch in "Rapport with Jane, and the queue design landed. " * 4:
        typed += ch
        repo.save_answer(iid, "B3", typed)
        assert repo.answers(iid)["B3"] == typed
    assert repo.syncer is not None and repo.syncer.done > 0
    repo.close()
    again = Repository.open(db_path)
    try:
        assert again.answers(iid)["B3"] == typed
    finally:
        again.close()


def test_a_failing_checkpoint_raises_nothing_and_loses_nothing(
    fast_sync: None, opened: tuple[Repository, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """#8: an error on the checkpoint's path (disk I/O, full disk) never reaches the writer:
    the commits stay in the WAL, are read back, and the last close copies them."""
    repo, iid = opened
    tried: list[str] = []
    real_connect = sqlite3.connect

    def failing(*args: object, **kwargs: object) -> sqlite3.Connection:
        if threading.current_thread().name == "afterword-sync":
            tried.append("checkpoint")
            raise sqlite3.OperationalError("disk I/O error")
        return real_connect(*args, **kwargs)  # type: ignore[arg-type]

    escaped: list[object] = []
    monkeypatch.setattr(threading, "excepthook", escaped.append)  # a traceback from a thread
    monkeypatch.setattr(base.sqlite3, "connect", failing)
    repo.save_answer(iid, "B3", "kept in the WAL")
    assert _wait(lambda: bool(tried))
    time.sleep(0.05)
    assert escaped == []
    repo.save_answer(iid, "B4", "the next save works")
    assert repo.answers(iid) == {"B3": "kept in the WAL", "B4": "the next save works"}
    monkeypatch.setattr(base.sqlite3, "connect", real_connect)
    path = repo.path or Path()
    repo.close()
    assert not path.with_name(path.name + "-wal").exists()  # copied and removed at close
    again = Repository.open(path)
    try:
        assert again.answers(iid) == {"B3": "kept in the WAL", "B4": "the next save works"}
    finally:
        again.close()


def test_close_drops_the_pending_checkpoint_and_leaves_no_thread(
    monkeypatch: pytest.MonkeyPatch, db_path: Path, now: datetime
) -> None:
    """#8: closing does not wait SYNC_DELAY (the last close syncs by itself), and no sync
    thread outlives the repository."""
    monkeypatch.setattr(base, "SYNC_DELAY", 30.0)
    repo = Repository.open(db_path)
    iid = capture_interview(repo, Capture(company="Acme"), now).id or 0
    repo.save_answer(iid, "B3", "typed just before quitting")
    assert any(t.name == "afterword-sync" for t in threading.enumerate())
    started = time.monotonic()
    repo.close()
    assert time.monotonic() - started < 1.0
    assert not any(t.name == "afterword-sync" for t in threading.enumerate())
    again = Repository.open(db_path)
    try:
        assert again.answers(iid)["B3"] == "typed just before quitting"
    finally:
        again.close()


KILLED = """
import sys, time
from core.repository import Repository
repo = Repository.open(sys.argv[1])
repo.save_answer(int(sys.argv[2]), "B3", "acknowledged, then killed")
print("saved", flush=True)
time.sleep(60)
"""


def test_a_save_survives_sigkill_before_any_checkpoint(db_path: Path, now: datetime) -> None:
    """#8: with synchronous=NORMAL a commit is in the WAL the moment it returns: a process
    killed right after (long before its checkpoint) loses nothing."""
    repo = Repository.open(db_path)
    iid = capture_interview(repo, Capture(company="Acme"), now).id or 0
    repo.close()
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(db_path), str(iid)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"saved"
        child.send_signal(signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
    finally:
        child.kill()
    assert db_path.with_name(db_path.name + "-wal").exists()  # the process never closed it
    again = Repository.open(db_path)
    try:
        assert again.answers(iid)["B3"] == "acknowledged, then killed"
    finally:
        again.close()
