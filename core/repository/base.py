"""The connection every store shares: its write transaction, reads cleaned of controls."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.text import clean_text

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
SYNC_DELAY = 1.0
"""#8: seconds from a commit to the checkpoint that puts it on the disk itself. Commits are in
the WAL at once (a killed process, a closed terminal lose nothing); synchronous=NORMAL leaves
the disk sync to this checkpoint, on a thread of its own, so the app's thread never waits for
one; a power cut or an OS crash could take back at most about this much."""


class DatabaseProblem(Exception):
    """The database file cannot be used; the message names the file and what to do."""


class WriteProblem(DatabaseProblem):
    """A write was refused (busy, disk full, read-only) and rolled back; the message says why."""


_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and _UNSAFE.search(value):
        return clean_text(value)
    return value


class _Syncer:
    """#8: puts commits on the disk itself (a PASSIVE checkpoint: the WAL synced, copied into the
    main file, that synced) on a thread and a connection of their own, SYNC_DELAY after the
    first commit not yet synced. It never blocks a writer; a failed or busy checkpoint (another
    instance checkpointing, a full disk) leaves the commits in the WAL, where SQLite reads them
    and the next checkpoint or the last close copies them."""

    def __init__(self, path: Path) -> None:
        self.path = path.expanduser().absolute()
        self._lock = threading.Lock()
        self._due: threading.Timer | None = None  # the checkpoint asked for and not begun
        self._threads: list[threading.Thread] = []
        self._closed = False
        self.done = 0  # checkpoints run (for tests)

    def committed(self) -> None:
        """A commit happened: have it checkpointed within SYNC_DELAY (one timer per burst)."""
        with self._lock:
            if self._due is not None or self._closed:
                return
            self._threads = [t for t in self._threads if t.is_alive()]
            self._due = threading.Timer(SYNC_DELAY, self._checkpoint)
            self._due.name, self._due.daemon = "afterword-sync", True
            self._threads.append(self._due)
            self._due.start()

    def _checkpoint(self) -> None:
        with self._lock:
            self._due = None  # a commit from now on asks for a checkpoint of its own
            if self._closed:
                return
        try:
            conn = sqlite3.connect(str(self.path), timeout=1.0, check_same_thread=False)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                self.done += 1
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # the commits stay in the WAL: still read, copied by the next checkpoint

    def close(self) -> None:
        """Drop the checkpoint not begun (closing checkpoints), wait for one under way."""
        with self._lock:
            self._closed = True
            if self._due is not None:
                self._due.cancel()
            threads, self._threads = self._threads, []
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join()


class StoreBase:
    """The connection shared by every part of the repository, and its write transaction."""

    def __init__(self, conn: sqlite3.Connection | Database, path: Path | None = None) -> None:
        self.conn = conn if isinstance(conn, sqlite3.Connection) else conn.conn
        self.path = path
        self._depth = 0
        self._database: Database | None = None
        self.refusal: str | None = None  # set when the file was found damaged after opening
        self.syncer = _Syncer(path) if path is not None else None

    @property
    def db(self) -> Database:
        """The connection as sqlite-utils sees it (for migrations; imported on first use)."""
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._database

    @contextmanager
    def write(self) -> Iterator[None]:
        """Run the enclosed writes in one BEGIN IMMEDIATE transaction (nested: one savepoint).

        A write the file refuses (another instance holding it past the busy timeout, a full
        disk, a read-only file) is rolled back whole and raised as a WriteProblem naming the
        file and what to do, never as a bare sqlite3 error."""
        conn = self.conn
        if self.refusal is not None:
            raise WriteProblem(self.refusal)
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
        if self.syncer is not None:
            self.syncer.committed()

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
        cursor = self.conn.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        found = cursor.fetchall()
        # One search over all the text read (#8: value by value cost more than the query)
        if _UNSAFE.search("\n".join([v for row in found for v in row if type(v) is str])):
            return [{name: _safe(v) for name, v in zip(names, row, strict=True)} for row in found]
        return [dict(zip(names, row, strict=True)) for row in found]

    def run(self, sql: str, params: list[Any] | dict[str, Any] | None = None) -> int:
        """Run one write statement inside the current transaction; return lastrowid."""
        cursor = self.conn.execute(sql, params or [])
        return int(cursor.lastrowid or 0)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed and synced by SQLite on the last
        close), after any checkpoint under way."""
        if self.syncer is not None:
            self.syncer.close()
        self.conn.close()
