"""Helpers of the long lists' reads (#8): what a read found and the next may use while what it
rests on is unchanged (where a page begins: keyset pagination with no key passed by the
screen), and a check of the text read that looks at its text alone."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from core.repository.base import _safe
from core.repository.stored import unsafe

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(text: str) -> str:
    """`text` as SQLite's NOCASE compares it (ASCII letters folded, nothing else)."""
    return text.translate(_ASCII_LOWER)


KEPT = 5_000
"""At most this many page starts are kept (a list paged through end to end leaves 250)."""


_WATCHED = (
    "INSERT ON main.people",
    "DELETE ON main.people",
    "UPDATE OF id, name ON main.people",
)
"""The writes that change what Kept holds: who is listed and in what order. An address, a
best time, a note or a debrief's words do not."""


class Kept:
    """What reads of the long lists found and may use again while the file is unchanged (#8):
    `starts`, the sort key of the row at each offset of everyone's contacts by name (the page
    starting there is sought by it, not found by skipping `offset` rows: 0.3 ms at the
    25,000th person). Forgotten at a change that can touch them: a _WATCHED write through
    this connection (temporary triggers, this connection's alone, count them) or any commit
    by another one (PRAGMA data_version). Nothing is used or kept inside a transaction, whose
    writes could yet be rolled back."""

    def __init__(self) -> None:
        self._state: tuple[int, int] | None = None
        self.starts: dict[int, tuple[Any, ...]] = {}

    def current(self, conn: sqlite3.Connection, writes: int) -> Kept | None:
        """This, valid for the file as it is now (emptied if it changed since it was filled),
        given how many _WATCHED writes this connection made (watch_writes); None inside a
        transaction (nothing to use, nothing to keep)."""
        if conn.in_transaction:
            return None
        state = (writes, conn.execute("PRAGMA data_version").fetchone()[0])
        if state != self._state or len(self.starts) > KEPT:
            self._state, self.starts = state, {}
        return self


def watch_writes(conn: sqlite3.Connection, written: Callable[[], None]) -> None:
    """Call `written` at each _WATCHED write through this connection: TEMP triggers, in no
    file, made once (a schema change: SQLite prepares the connection's statements again)."""
    conn.create_function("afterword_lists_changed", 0, written)
    for n, event in enumerate(_WATCHED):
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS afterword_lists_{n} AFTER {event} "
            "BEGIN SELECT afterword_lists_changed(); END"
        )


def text_unsafe(
    rows: list[tuple[Any, ...]], width: int, text: tuple[int, ...], nullable: tuple[int, ...]
) -> bool:
    """Whether any text of the first `width` columns holds a control character StoreBase.rows
    cleans away, told where text is: `text` columns hold text alone, `nullable` ones text or
    NULL, the others numbers; a value of another type (a file written by other means) has
    every value checked, as read_checked checks them."""
    columns = list(zip(*rows, strict=True))[:width]
    if not columns:
        return False
    join, parts = "\n".join, []
    try:
        for n, column in enumerate(columns):
            if n in text:
                parts.append(join(column))
            elif n in nullable:
                parts.append(join(filter(None, column)))
            else:
                sum(column)
    except TypeError:
        parts = [v for row in rows for v in row[:width] if type(v) is str]
    return unsafe(join(parts))


def cleaned_row(row: tuple[Any, ...], columns: int) -> tuple[Any, ...]:
    """The row with its first `columns` values cleaned as StoreBase.rows cleans them."""
    return (*(_safe(v) for v in row[:columns]), *row[columns:])
