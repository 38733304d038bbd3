"""#8: the long lists check the text they read column by column, told which columns hold text
(text_unsafe): it answers as read_checked's check of every value does, for clean rows, rows
with a control character in any column, NULLs, and values of the wrong type (a file written by
other means); `afterword due` prints what the full items print when its rule, due date or
window end hold a control character."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from core.plan_view import due_lines
from core.repository import Repository
from core.repository.contact_sql import CONTACT_TEXT
from core.repository.due_sql import DUE_TEXT
from core.repository.list_reads import text_unsafe
from core.repository.stored import _text_read, unsafe
from core.services import Capture, capture_interview
from core.services_plan import replan
from tests.core.plan_helpers import US, expected_due_lines, ny

T = ny(2026, 11, 24, 15)
CLEAN = (7, "thank_you", "D2", "2026-11-25T10:00:00-05:00", 0, "Acme", "Jane Doe", 1, None)
ODD = ["\x1b[31m", "ok\x07", "\u009b", "é\x00", 12, 3.5, None, b"\x1b", "tab\tand\nline", "ü"]


def _rows() -> list[list[tuple[Any, ...]]]:
    """Sets of due-shaped rows: clean, then each column of one row given each odd value."""
    out = [[CLEAN, (*CLEAN[:8], "2026-11-26T10:00:00-05:00")], []]
    for column, value in itertools.product(range(len(CLEAN)), ODD):
        row = list(CLEAN)
        row[column] = value
        out.append([CLEAN, tuple(row)])
    return out


@pytest.mark.parametrize("rows", _rows())
def test_the_text_check_answers_as_every_value_checked(rows: list[tuple[Any, ...]]) -> None:
    """Whatever value any column holds, the answer is the full check's."""
    assert text_unsafe(rows, *DUE_TEXT) == unsafe(_text_read(rows, None))


def test_columns_past_the_width_are_not_checked() -> None:
    """The known addresses' column of a contacts row is judged apart (a line that is not
    stored facts has its company's pairs read, cleaned: ListStore._pattern_at)."""
    row = (1, "Ann", 0, "staff", "Acme", "", "", "", "", None, 0, 2, 2, "2 @a\x1b.com first")
    assert not text_unsafe([row], *CONTACT_TEXT)
    assert text_unsafe([(*row[:4], "Ac\x1bme", *row[5:])], *CONTACT_TEXT)


EDITS = {
    "a rule holding one": "UPDATE actions SET rule = 'D2\x1b[1m' WHERE kind = 'thank_you'",
    "a due date holding one": (
        "UPDATE actions SET due = due || '\x07' WHERE id = (SELECT min(id) FROM actions)"
    ),
    "a window end holding one": (
        "UPDATE actions SET window_end = window_end || '\x1b' WHERE kind = 'thank_you'"
    ),
    "a person's name holding one": "UPDATE people SET name = 'Jane\x1b[2J Doe'",
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a1_a2_c2_due_lines_of_a_file_written_by_other_means(tmp_path: Path, edit: str) -> None:
    """The lines are the full items' lines, read the careful way when a value needs cleaning
    (a due date that does not parse once cleaned fails both alike)."""
    repo = Repository.open(tmp_path / "due.db")
    for company in ("Acme", "Globex"):
        capture = Capture(company=company, people="Jane Doe <jane@x.com>, Bob Roe")
        replan(repo, capture_interview(repo, capture, T).id or 0, T, US)
    repo.conn.execute(EDITS[edit])
    repo.conn.commit()
    now, within = T + timedelta(hours=49), timedelta(days=9)
    try:
        expected: object = expected_due_lines(repo, now, within)
    except (ValueError, KeyError) as exc:
        expected = type(exc)
    try:
        found: object = due_lines(repo, now, US, within)
    except (ValueError, KeyError) as exc:
        found = type(exc)
    assert found == expected
    if isinstance(found, list):
        assert found and not any("\x1b" in (line.rule + line.person) for line in found)
    repo.close()
