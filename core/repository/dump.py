"""Whole tables for export, import and backup: read in key order, upserted in bulk by key."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from core.repository.base import BUSY_TIMEOUT_MS
from core.repository.dump_json import JsonDumpStore
from core.repository.facts import DERIVED_COLUMNS, DERIVED_TABLES, FactsStore

# When the file and the database both hold a row the file wins, except high-water marks,
# which only go up (the ids of deleted people are never given again: vCard UIDs stay true).
_MERGE = {
    ("meta", "value"): "CASE WHEN meta.key LIKE '%high_water' THEN CAST(MAX(CAST(meta.value "
    "AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT) ELSE excluded.value END",
}


_VOTED, _BULK = ("people", "applications"), 500
"""More rows than this loaded into these tables: the votes are worked out once, after."""


def _one(column: str) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    return lambda row: (row[column],)


def _q(name: str) -> str:
    """Quote an identifier for SQL."""
    return '"' + name.replace('"', '""') + '"'


class TableShape(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """What the schema says of a table: columns in order, primary key, other unique sets."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    unique: tuple[tuple[str, ...], ...] = ()


class LoadCounts(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """What an upsert did: rows inserted or changed, and rows that were already the same."""

    written: int
    unchanged: int


class ReferenceProblem(Exception):
    """A loaded row refers to a parent row that is neither loaded nor in the database."""

    def __init__(
        self, table: str, key: dict[str, Any], column: str, parent: str, value: Any
    ) -> None:
        super().__init__(f"{table} {key}: {column} = {value!r} has no {parent} row")
        self.table, self.key, self.column, self.parent, self.value = (
            table,
            key,
            column,
            parent,
            value,
        )


class DumpStore(JsonDumpStore, FactsStore):
    """Every table of the user's data as rows (or JSON text): for the JSON export and import."""

    def dump_tables(self) -> list[str]:
        """Return the tables holding the user's data (not SQLite's, the migrations', FTS's)."""
        rows = self.rows("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        virtual = [r["name"] for r in rows if (r["sql"] or "").upper().startswith("CREATE VIRTUAL")]
        return [
            r["name"]
            for r in rows
            if not r["name"].startswith(("sqlite_", "_sqlite_"))
            and r["name"] not in virtual
            and r["name"] not in DERIVED_TABLES
            and not any(r["name"].startswith(f"{v}_") for v in virtual)
        ]

    def table_shape(self, table: str) -> TableShape:
        """Return the columns, key and unique column sets of one of the dump tables."""
        if table not in self.dump_tables():
            raise KeyError(f"no table {table!r} to dump")
        info = self.rows(f"PRAGMA table_info({_q(table)})")
        key = tuple(r["name"] for r in sorted(info, key=lambda r: r["pk"]) if r["pk"])
        if not key:
            raise ValueError(f"table {table} has no primary key: its rows cannot be merged")
        unique = []
        for index in self.rows(f"PRAGMA index_list({_q(table)})"):
            if index["unique"] and index["origin"] != "pk" and not index["partial"]:
                cols = self.rows(f"PRAGMA index_info({_q(index['name'])})")
                unique.append(tuple(c["name"] for c in sorted(cols, key=lambda c: c["seqno"])))
        derived = DERIVED_COLUMNS.get(table, ())  # worked out again on import, never carried
        columns = tuple(r["name"] for r in info if r["name"] not in derived)
        return TableShape(table, columns, key, tuple(unique))

    def table_rows(self, table: str, columns: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Return every row of a dump table (`columns` of it, in that order, or all of them),
        ordered by its primary key."""
        shape = self.table_shape(table)
        unknown = set(columns) - set(shape.columns)
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)[0]!r}")
        columns = ", ".join(_q(c) for c in columns or shape.columns)
        order = ", ".join(_q(c) for c in shape.key)
        return self.rows(f"SELECT {columns} FROM {_q(table)} ORDER BY {order}")

    def holds_data(self, tables: Sequence[str]) -> bool:
        """Say whether any of these tables has a row."""
        known = set(self.dump_tables())
        return any(
            self.rows(f"SELECT EXISTS (SELECT 1 FROM {_q(t)}) AS found")[0]["found"]
            for t in tables
            if t in known
        )

    def load_tables(self, tables: Sequence[tuple[str, list[dict[str, Any]]]]) -> LoadCounts:
        """Upsert rows by primary key, in bulk, in one BEGIN IMMEDIATE transaction: a row equal
        to the stored one is left alone; references are checked at the end (ReferenceProblem,
        nothing written). A table that is empty gets plain batched INSERTs (its search entries
        made in one statement): rows must then not repeat a key (IntegrityError)."""
        conn = self.conn
        written = total = 0
        bulk = sum(len(rows) for table, rows in tables if table in _VOTED) > _BULK
        with self.write(), self.votes_paused() if bulk else nullcontext():
            conn.execute("PRAGMA defer_foreign_keys = ON")
            loaded = []
            for table, rows in tables:
                if not rows:
                    continue
                written += self._load(self.table_shape(table), rows)
                total += len(rows)
                loaded.append(table)
            for table in loaded:  # only they can hold a broken reference (deletes cascade)
                broken = conn.execute(f"PRAGMA foreign_key_check({_q(table)})").fetchone()
                if broken is not None:
                    raise self._reference_problem(*broken)
            if "people" in loaded:
                self.fill_email_facts()  # the rows loaded or changed have none yet
        return LoadCounts(written=written, unchanged=total - written)

    def _load(self, shape: TableShape, rows: list[dict[str, Any]]) -> int:
        """Write one table's rows (inside load_tables' transaction); return how many changed."""
        from core.repository.search_index import bulk_insert

        conn, table = self.conn, _q(shape.name)
        values = itemgetter(*shape.columns) if len(shape.columns) > 1 else _one(shape.columns[0])
        if not conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            names = ", ".join(_q(c) for c in shape.columns)
            marks = ", ".join("?" for _ in shape.columns)
            with bulk_insert(self.conn, shape.name):
                conn.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})", map(values, rows)
                )
            return len(rows)
        for unique in shape.unique:
            # The same stable key under another id (deleted and made again): file wins.
            conn.executemany(
                f"DELETE FROM {table} WHERE ({', '.join(map(_q, unique))}) = "
                f"({', '.join('?' for _ in unique)}) AND ({', '.join(map(_q, shape.key))})"
                f" IS NOT ({', '.join('?' for _ in shape.key)})",
                ([*(r[c] for c in unique), *(r[k] for k in shape.key)] for r in rows),
            )
        cursor = conn.executemany(_upsert(shape), map(values, rows))
        return max(cursor.rowcount, 0)

    def _reference_problem(self, table: str, rowid: int, parent: str, fkid: int) -> Exception:
        links = [r for r in self.rows(f"PRAGMA foreign_key_list({_q(table)})") if r["id"] == fkid]
        column = links[0]["from"]
        shape = self.table_shape(table)
        wanted = ", ".join(_q(c) for c in (*shape.key, column))
        row = self.rows(f"SELECT {wanted} FROM {_q(table)} WHERE rowid = ?", [rowid])[0]
        key = {k: row[k] for k in shape.key}
        return ReferenceProblem(table, key, column, parent, row[column])


def _upsert(shape: TableShape) -> str:
    """INSERT ... ON CONFLICT (key) DO UPDATE, only where a value differs."""
    table = _q(shape.name)
    columns = ", ".join(_q(c) for c in shape.columns)
    marks = ", ".join("?" for _ in shape.columns)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
    sql += f"ON CONFLICT ({', '.join(_q(c) for c in shape.key)}) DO "
    rest = [c for c in shape.columns if c not in shape.key]
    if not rest:
        return sql + "NOTHING"
    new = [_MERGE.get((shape.name, c), f"excluded.{_q(c)}") for c in rest]
    assignments = ", ".join(f"{_q(c)} = {v}" for c, v in zip(rest, new, strict=True))
    current = ", ".join(f"{table}.{_q(c)}" for c in rest)
    return sql + f"UPDATE SET {assignments} WHERE ({current}) IS NOT ({', '.join(new)})"


def copy_database(source: Path, target: Path) -> None:
    """Write a consistent snapshot of the database at `source` into `target` (which must not
    exist, or be empty) with VACUUM INTO on a connection of its own: safe while another
    connection, or another running Afterword, writes."""
    uri = source.expanduser().absolute().as_uri() + "?mode=rw"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("VACUUM INTO ?", [str(target)])
    finally:
        conn.close()
