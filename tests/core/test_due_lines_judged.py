"""#8: `afterword due` judges its warnings in SQL, from the values as stored, and reads its
lines from one index (0008); a file written by other means (control characters where cleaning
could change the answer: an address or a flag made only of them, a source that cleans to
'guessed', a company or a kind holding one) prints what the full items print (A1, A2, C2, the
rules' flags, D7's guard), judged once the values are cleaned; a clean file never is."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

import core.repository.lists as lists
from core.plan_view import due_lines
from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_plan import replan
from tests.core.plan_helpers import US, expected_due_lines, ny

T = ny(2026, 11, 24, 15)
FIRST_THANKS = "(SELECT min(id) FROM actions WHERE kind = 'thank_you')"
EDITS = {
    "clean": (),
    "a flag that keeps its words": (
        f"UPDATE actions SET flag = 'C3\x1b[1m' WHERE id = {FIRST_THANKS}",
    ),
    "an address of controls (A1)": (
        "UPDATE people SET email = '\x1b[31m' WHERE name = 'Jane Doe'",
    ),
    "a source cleaned to guessed (A2)": (
        "UPDATE people SET email_source = 'gues\x01sed' WHERE name = 'Jane Doe'",
    ),
    "a flag of controls": (f"UPDATE actions SET flag = '\x07\x1b[0m' WHERE id = {FIRST_THANKS}",),
    "a company holding one": (
        "UPDATE applications SET company = 'Ac\x1bme' WHERE company = 'Acme'",
    ),
    "a kind holding one (D7)": (
        "UPDATE actions SET kind = 'status_check\x01', user_changed = 1, due = ?, due_utc = ? "
        "WHERE key = 'status_check:1' AND interview_id = 1",
    ),
}
JUDGED_IN_SQL = {"clean", "a flag that keeps its words"}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a1_a2_c2_d7_due_lines_judged_in_sql_or_once_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    """Each file prints what the full items print; only a value SQL cannot judge as stored
    sends the lines the careful way."""
    repo = Repository.open(tmp_path / "due.db")
    for company in ("Acme", "Globex"):
        capture = Capture(company=company, people="Jane Doe <jane@x.com>, Bob Roe")
        replan(repo, capture_interview(repo, capture, T).id or 0, T, US)
    moved = (ny(2026, 11, 30, 10).isoformat(), ny(2026, 11, 30, 15).isoformat())
    for sql in EDITS[edit]:
        repo.conn.execute(sql, moved if "?" in sql else ())
    careful: list[tuple[object, ...]] = []
    judged = lists.judged_line
    monkeypatch.setattr(lists, "judged_line", lambda row: careful.append(row) or judged(row))
    for hours in (1, 49, 24 * 7):
        now = T + timedelta(hours=hours)
        expected = expected_due_lines(repo, now, timedelta(days=9))
        assert expected, "nothing due: the comparison would be empty"
        assert due_lines(repo, now, US, timedelta(days=9)) == expected
    assert (not careful) == (edit in JUDGED_IN_SQL)
    repo.close()


def test_due_lines_are_read_from_the_index_alone(tmp_path: Path) -> None:
    """The open actions' columns come from actions_due_lines, never from their rows."""
    repo = Repository.open(tmp_path / "plan.db")
    sql = f"SELECT {lists.DUE_COLUMNS} {lists.DUE_FROM}"
    plan = " ".join(
        str(row[3])
        for row in repo.conn.execute(
            "EXPLAIN QUERY PLAN " + sql, {"now": "", "moment": "", "limit": 9}
        )
    )
    assert "COVERING INDEX actions_due_lines" in plan
    repo.close()
