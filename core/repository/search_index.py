"""F3: the search index's triggers and bulk indexing: which rows of which tables are indexed
under which FTS5 rowid, the triggers that keep the index in step, and re-indexing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

    Executes = sqlite3.Connection | Database  # both run SQL through .execute()

# F3: one FTS5 index over what the user wrote; each source row has a fixed index rowid (its
# key times 4 plus the source's number), so a trigger finds its entry without a scan.
# Answers and participants have no integer key (VACUUM renumbers implicit rowids): theirs is
# made from (interview, prompt number) and (interview, person).
_SEARCH_SOURCES: dict[str, tuple[str, str, str, str, str, str]] = {
    # table: (index rowid, title, body, kind, ref, the columns whose change re-indexes it)
    "qa": ("{x}.id * 4", "{x}.question", "{x}.answer", "qa", "{x}.id", "id, question, answer"),
    "answers": (
        "({x}.interview_id * 32 + CAST(substr({x}.prompt_id, 2) AS INTEGER)) * 4 + 1",
        "''",
        "{x}.text",
        "answer",
        "{x}.prompt_id",
        "prompt_id, text",
    ),
    "participants": (
        "({x}.interview_id * 4294967296 + {x}.person_id) * 4 + 2",
        "''",
        "{x}.highlights",
        "highlights",
        "{x}.person_id",
        "person_id, highlights",
    ),
    "notes": ("{x}.id * 4 + 3", "{x}.subject", "{x}.body", "note", "{x}.id", "id, subject, body"),
}
_INTO_SEARCH = "INSERT INTO search (rowid, title, body, kind, interview_id, ref) "


def _index_rows(table: str, x: str, source: str = "") -> str:
    """SELECT the index entries of source rows (`x`: new, or an alias of `source`) with text."""
    key, title, body, kind, ref, _ = (s.replace("{x}", x) for s in _SEARCH_SOURCES[table])
    return (
        f"SELECT {key}, {title}, {body}, '{kind}', {x}.interview_id, {ref} {source}"
        f"WHERE {title} != '' OR {body} != ''"
    )


def _learning_triggers() -> list[tuple[str, str]]:
    """(name, definition) of every trigger that keeps the search index and F1 marks in step."""
    triggers = [
        # F1: a practised mark (kept in meta) goes with the stumper or B4 answer it marks.
        (
            "practice_qa_delete",
            "AFTER DELETE ON qa BEGIN DELETE FROM meta WHERE key = 'practised:qa:' || old.id; END",
        ),
        (
            "practice_b4_delete",
            "AFTER DELETE ON answers WHEN old.prompt_id = 'B4' BEGIN "
            "DELETE FROM meta WHERE key = 'practised:B4:' || old.interview_id; END",
        ),
    ]
    for table, (key, *_rest, columns) in _SEARCH_SOURCES.items():
        old = "DELETE FROM search WHERE rowid = " + key.replace("{x}", "old")
        new = _INTO_SEARCH + _index_rows(table, "new")
        triggers += [
            (f"search_{table}_insert", f"AFTER INSERT ON {table} BEGIN {new}; END"),
            (f"search_{table}_delete", f"AFTER DELETE ON {table} BEGIN {old}; END"),
            (
                f"search_{table}_update",
                f"AFTER UPDATE OF interview_id, {columns} ON {table} BEGIN {old}; {new}; END",
            ),
        ]
    return triggers


def _triggers(db: Executes) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def search_index_intact(db: Executes) -> bool:
    """F3: say whether every trigger keeping the search index (and F1 marks) is in place."""
    return {name for name, _definition in _learning_triggers()} <= _triggers(db)


def ensure_search_index(db: Executes, rebuild: bool = False) -> bool:
    """F3: put back any trigger a table rebuild dropped (sqlite-utils transform() drops them)
    and re-index everything, since writes made meanwhile went unseen; say whether it did."""
    if not rebuild and search_index_intact(db):
        return False
    have = _triggers(db)
    for name, definition in _learning_triggers():
        if name not in have:
            db.execute(f"CREATE TRIGGER {name} {definition}")
    db.execute("DELETE FROM search")
    for table in _SEARCH_SOURCES:
        db.execute(_INTO_SEARCH + _index_rows(table, "t", f"FROM {table} t "))
    return True


def index_table(db: Executes, table: str) -> None:
    """F3: index every row of `table` with text in one statement (rows the index lacks)."""
    db.execute(_INTO_SEARCH + _index_rows(table, "t", f"FROM {table} t "))


@contextmanager
def bulk_insert(db: Executes, table: str) -> Iterator[None]:
    """F3: around a bulk insert into an EMPTY table, inside the caller's transaction: its insert
    trigger is off meanwhile, then every row is indexed in one statement and the trigger put
    back. Row by row, each trigger write flushed FTS5's pending terms: 4x slower. On an error
    the caller rolls back, and with it the dropped trigger."""
    if table not in _SEARCH_SOURCES:
        yield
        return
    name = f"search_{table}_insert"
    definition = dict(_learning_triggers())[name]
    db.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield
    index_table(db, table)
    db.execute(f"CREATE TRIGGER {name} {definition}")
