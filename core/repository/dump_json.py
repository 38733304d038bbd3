"""Whole tables as JSON text made by SQLite (json_object, in C): the fast path of the export.

Rows leave SQLite as UTF-8 bytes, a chunk of thousands at a time, never as Python objects
(#8: reading 420k rows into dicts and encoding them one by one took 5.9 s; SQLite writes the
same text in well under a second). A chunk whose text holds a character the read path cleans
(see `_may_differ`) is read again the usual way, so a file written by other means still never
carries an escape sequence out. Text goes out as stored: the app only ever stores UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple

from core.repository.base import StoreBase

CHUNK_ROWS = 5000  # about 2 MB of text: large writes, small peaks of memory

# Escapes SQLite writes for the controls base.rows() would clean (\u00XX, \b, \f, \r), and
# DEL and the C1 controls, which JSON leaves raw (U+0080-U+009F are C2 80-9F in UTF-8).
# A user's own backslash before b, f, r or u also matches: a false alarm costs a slow chunk.
_ESCAPED_CONTROL = re.compile(rb"\\[bfru]")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")


class JsonKind(Enum):
    """How a column becomes a JSON value."""

    VALUE = "value"  # as stored: text, number or null
    FLAG = "flag"  # 0/1 stored, true/false in JSON
    LIST = "list"  # comma-joined text stored, a list of its non-empty items in JSON


class JsonColumn(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """One column of a record, in the record's order."""

    name: str
    kind: JsonKind = JsonKind.VALUE


@dataclass(frozen=True)
class JsonChunk:
    """Consecutive rows of a table, in key order: `text` as SQLite wrote them (records joined
    by the separator asked for), or, where that text may differ from what the usual read
    gives, `rows` read the usual way (text cleaned) for the caller to encode."""

    count: int
    text: bytes = b""
    rows: list[dict[str, Any]] | None = field(default=None)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _value(column: JsonColumn) -> str:
    """The SQL for one column's JSON value (json_object embeds a JSON-typed value as is)."""
    name = _q(column.name)
    if column.kind is JsonKind.FLAG:  # json('true') is a constant: made once, not per row
        return f"CASE WHEN {name} THEN json('true') ELSE json('false') END"
    if column.kind is JsonKind.LIST:
        # "a,b" -> ["a","b"]: commas cut the quoted text (an escape never holds a comma)
        items = f"json_each('[' || replace(json_quote({name}), ',', '\",\"') || ']')"
        return f"(SELECT json_group_array(value) FROM {items} WHERE value <> '')"
    return name


def _may_differ(text: bytes) -> bool:
    """Say whether SQLite's text may hold a character base.rows() would have cleaned."""
    return (
        b"\x7f" in text
        or (b"\xc2" in text and _C1.search(text) is not None)
        or _ESCAPED_CONTROL.search(text) is not None
    )


class JsonDumpStore(StoreBase):
    """Every row of a table as JSON text, for the export."""

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Hold one read transaction over the enclosed reads: every table is read as it was
        at the same moment, whatever another connection writes meanwhile."""
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")  # only read: nothing to keep or undo

    def json_chunks(
        self,
        table: str,
        key: Sequence[str],
        columns: Sequence[JsonColumn],
        separator: bytes,
        chunk_rows: int = CHUNK_ROWS,
    ) -> Iterator[JsonChunk]:
        """Yield every row of `table` as a compact JSON object (`columns`, in that order),
        ordered by `key`, `chunk_rows` rows a chunk, all read in one snapshot. Rows were
        validated when written: values are exported as stored, only made JSON (flags, lists).
        """
        pairs = ", ".join(f"{_literal(c.name)}, {_value(c)}" for c in columns)
        order = ", ".join(_q(k) for k in key)
        window = f"FROM {_q(table)} ORDER BY {order} LIMIT ? OFFSET ?"
        # One string a chunk, joined by SQLite: a window with a LIMIT is not flattened, its
        # rows reach group_concat in ORDER BY order (every byte is compared in the tests)
        joined = "SELECT count(*), CAST(group_concat(j, ?) AS BLOB) FROM "
        joined += f"(SELECT json_object({pairs}) AS j {window})"
        plain = f"SELECT {', '.join(_q(c.name) for c in columns)} {window}"
        offset, count = 0, chunk_rows
        with self.snapshot():
            while count == chunk_rows:
                count, text = self.conn.execute(joined, [separator, chunk_rows, offset]).fetchone()
                if not count:
                    break
                if _may_differ(text):
                    yield JsonChunk(count, rows=self.rows(plain, [count, offset]))
                else:
                    yield JsonChunk(count, text=text)
                offset += count
