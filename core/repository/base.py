"""The connection every store shares: its write transaction, reads cleaned of controls."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.text import clean_text

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000


class DatabaseProblem(Exception):
    """The database file cannot be used; the message names the file and what to do."""


class WriteProblem(DatabaseProblem):
    """A write was refused (busy, disk full, read-only) and rolled back; the message says why."""


_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and _UNSAFE.search(value):
        return clean_text(value)
    return value


class StoreBase:
    """The connection shared by every part of the repository, and its write transaction."""

    def __init__(self, conn: sqlite3.Connection | Database, path: Path | None = None) -> None:
        self.conn = conn if isinstance(conn, sqlite3.Connection) else conn.conn
        self.path = path
        self._depth = 0
        self._database: Database | None = None
        self.refusal: str | None = None  # set when the file was found damaged after opening

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
        """Close the connection (the WAL is checkpointed by SQLite on the last close)."""
        self.conn.close()
