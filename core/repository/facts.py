"""people.email_facts kept true (#8): each person's A1/A2 facts (core.email_facts) written with
them, worked out again whenever their name or address changed by any means (a trigger empties
them), and the facts of every person worked out again when the rules change."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from core.repository import votes
from core.repository.base import StoreBase

FACTS_VERSION = 1
"""The rules the stored facts were worked out by (core.email_facts: A1's email_valid, A2's
PATTERNS). Change it with them: a file whose facts say another version has them all worked out
again when opened (tests/core/test_email_facts.py fails until it is changed). Kept here, not
beside the rules, so that opening a file imports no rule; stored as the file's user_version
(this file's own state: never exported or imported, as a row of meta would be)."""
STALE_TRIGGER = "people_email_facts_stale"
STALE_SQL = (
    f"CREATE TRIGGER IF NOT EXISTS {STALE_TRIGGER} AFTER UPDATE OF name, email ON people "
    "BEGIN UPDATE people SET email_facts = NULL WHERE id = new.id; END"
)
"""A name or address changed, by this app or any other program: its facts are worked out
again (NULL until then; a read works out what is NULL itself, so nothing shown is stale)."""

DERIVED_COLUMNS = {"people": ("email_facts",)}
"""Columns worked out from the others: not exported, not imported (worked out on import)."""
DERIVED_TABLES = frozenset({votes.TABLE, votes.ELECTED})
"""Tables worked out from the others (the votes): not exported, not imported."""

_BATCH = 2_000


def facts_state(conn: sqlite3.Connection) -> tuple[int, bool, bool, bool]:
    """(the facts' stored version, whether their trigger is in place, whether someone's facts
    are missing, whether the votes' tables and triggers are all in place): one query, read on
    every open, through indexes alone."""
    row = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), "
        "EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' "
        f"AND name = '{STALE_TRIGGER}'), "
        "EXISTS (SELECT 1 FROM people WHERE email_facts IS NULL), "
        f"({votes.INTACT})"
    ).fetchone()
    return row[0], bool(row[1]), bool(row[2]), bool(row[3])


class FactsStore(StoreBase):
    """The stored A1/A2 facts of people's addresses, kept in step with their names and
    addresses."""

    def ensure_email_facts(self) -> int:
        """Work out the facts that are missing (written by other means, or since a trigger was
        lost: then everyone's) or made by other rules (everyone's), and the votes whose
        triggers were lost; return how many facts were written. Nothing is imported, nothing
        written, when all is in order."""
        version, trigger, missing, counted = facts_state(self.conn)
        everyone = version != FACTS_VERSION or not trigger
        if not (everyone or missing or not counted):
            return 0
        with self.write(), self.votes_paused(rebuild=not counted):
            if not trigger:
                self.run(STALE_SQL)
            written = self.fill_email_facts(everyone=everyone)
            self.run(f"PRAGMA user_version = {FACTS_VERSION}")
        return written

    @contextmanager
    def votes_paused(self, rebuild: bool = False) -> Iterator[None]:
        """Run a bulk write to people or applications with the votes' triggers dropped (each
        would run once a row), then put them back and, if anything was written (or `rebuild`:
        part of them was lost), make their tables and work every vote out again, set-based
        (inside the caller's transaction: a failure puts the triggers back with the rest)."""
        for name in votes.TRIGGERS:
            self.run(f"DROP TRIGGER IF EXISTS {name}")
        before = self.conn.total_changes
        yield
        if self.conn.total_changes == before and not rebuild:
            for name in votes.TRIGGERS:
                self.run(votes.trigger_sql(name))
        else:
            votes.install(self.conn)

    def fill_email_facts(self, everyone: bool = False) -> int:
        """Work out the facts of the people who have none (or of everyone), from their name
        and address as the app reads them (cleaned); return how many were written."""
        missing = "" if everyone else "AND email_facts IS NULL"
        written, last = 0, 0
        with self.write():
            while True:  # in batches: 50,000 people are never all in memory at once
                rows = self.rows(
                    f"SELECT id, name, email FROM people WHERE id > ? {missing} "
                    f"ORDER BY id LIMIT {_BATCH}",
                    [last],
                )
                if not rows:
                    return written
                from core.email_facts import facts_of  # only when there is something to do

                self.conn.executemany(
                    "UPDATE people SET email_facts = ? WHERE id = ?",
                    [(facts_of(r["name"], r["email"]), r["id"]) for r in rows],
                )
                written, last = written + len(rows), rows[-1]["id"]

    def write_email_facts(self, person_id: int, name: str, email: str) -> None:
        """Store one person's facts, as just written (inside the write that changed them)."""
        from core.email_facts import facts_of

        self.run(
            "UPDATE people SET email_facts = ? WHERE id = ?", [facts_of(name, email), person_id]
        )
