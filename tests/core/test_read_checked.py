"""#8: the lists' reads (read_tuples, read_checked) find a control character wherever a text
value holds one, whatever else its column holds (text alone, NULLs, numbers, blobs, numbers
and text mixed as a hand-edited file may store them), and clean it as rows() does; with
`columns`, only the first columns are checked and cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.repository import Repository
from core.repository.stored import read_checked, read_tuples

CLEAN = [("a", None, 1, b"\x1b[31m", 2, "x"), ("b", "c", 2, b"\x00", "3", "y")]
"""Text; text and NULLs; numbers; blobs (never text: left as they are); numbers and text."""


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    """A database with one table of mixed columns."""
    repo = Repository.open(tmp_path / "r.db")
    repo.conn.execute("CREATE TABLE mixed (a, b, c, d, e, f)")
    repo.conn.executemany("INSERT INTO mixed VALUES (?, ?, ?, ?, ?, ?)", CLEAN)
    return repo


def _rows(repo: Repository, columns: int | None = None) -> tuple[list[tuple[object, ...]], bool]:
    return read_checked(repo, "SELECT * FROM mixed ORDER BY rowid", columns=columns)


def test_clean_rows_are_read_as_they_are(repo: Repository) -> None:
    """Nothing to clean: the rows as stored, and no cleaning reported."""
    assert _rows(repo) == (CLEAN, False)
    assert read_tuples(repo, "SELECT * FROM mixed ORDER BY rowid") == CLEAN


@pytest.mark.parametrize("column", ["a", "b", "c", "d", "e", "f"])
@pytest.mark.parametrize("row", [1, 2])
def test_a_control_anywhere_in_text_is_found_and_cleaned(
    repo: Repository, column: str, row: int
) -> None:
    """An escape sequence in any text value, in any kind of column, is cleaned away."""
    repo.conn.execute(f"UPDATE mixed SET {column} = 'Z\x1b[31mZ' WHERE rowid = ?", [row])
    rows, cleaned = _rows(repo)
    assert cleaned
    assert rows[row - 1][" abcdef".index(column) - 1] == "ZZ"
    assert [v for r in rows for v in r if isinstance(v, str) and "\x1b" in v] == []
    assert column == "d" or rows[0][3] == b"\x1b[31m"  # a blob is not text


def test_columns_limits_what_is_checked(repo: Repository) -> None:
    """Controls past the first `columns` columns are left for the caller."""
    repo.conn.execute("UPDATE mixed SET f = 'Z\x07' WHERE rowid = 1")
    assert _rows(repo, columns=5) == ([("a", None, 1, b"\x1b[31m", 2, "Z\x07"), CLEAN[1]], False)
    repo.conn.execute("UPDATE mixed SET a = 'Z\x07' WHERE rowid = 2")
    rows, cleaned = _rows(repo, columns=5)
    assert cleaned and rows[1][0] == "Z" and rows[0][5] == "Z\x07"
