"""The plan from the shell: `afterword due`, `timeline`, `done`, `export ics`, with a fixed clock.

The end to end of issue #4: capture at T with two interviewers; at T+23 h `due` lists both
thank-yous, at T+25 h they are overdue, after marking one done only the other remains.
"""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from tui.cli import main

T = datetime.fromisoformat("2026-11-24T15:00:00-05:00")
REQUIRED = {
    "id",
    "interview_id",
    "company",
    "kind",
    "person",
    "due",
    "window_start",
    "window_end",
    "rule",
    "state",
    "reason",
}


class Cli:
    """Runs `afterword --db DB ...` at a chosen moment, in New York with US holidays."""

    def __init__(self, tmp_path: Path) -> None:
        self.db = tmp_path / "afterword.db"
        self.config = tmp_path / "no-config.toml"
        self.runner = CliRunner()

    def __call__(self, *args: str, at: datetime = T) -> Result:
        env = {
            "AFTERWORD_NOW": at.isoformat(),
            "AFTERWORD_TZ": "America/New_York",
            "AFTERWORD_COUNTRY": "US",
            "AFTERWORD_CONFIG": str(self.config),
            "AFTERWORD_DB": None,
        }
        return self.runner.invoke(main, ["--db", str(self.db), *args], env=env)

    def json(self, *args: str, at: datetime = T) -> list[dict[str, Any]]:
        result = self(*args, "--json", at=at)
        assert result.exit_code == 0, result.output
        items: list[dict[str, Any]] = json.loads(result.stdout)
        return items


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The CLI on a fresh database."""
    return Cli(tmp_path)


def _capture(cli: Cli) -> int:
    result = cli(
        "new",
        "Acme",
        "--with",
        "Jane Doe <jane@acme.com>, Bob Roe <bob@acme.com>",
        "--decision",
        "2026-12-04",
        "--no-open",
    )
    assert result.exit_code == 0, result.output
    return int(result.stdout.strip())


def _thanks(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {i["person"]: i for i in items if i["kind"] == "thank_you"}


def test_d2_end_to_end_due_overdue_then_done(cli: Cli) -> None:
    interview_id = _capture(cli)
    soon = _thanks(cli.json("due", at=T + timedelta(hours=23)))
    assert set(soon) == {"Jane Doe", "Bob Roe"}
    for item in soon.values():
        assert item["interview_id"] == interview_id and item["rule"] == "D2"
        assert item["group"] == "Today" and item["state"] == "planned"
        assert datetime.fromisoformat(item["due"]) == T + timedelta(hours=24)

    text = cli("due", at=T + timedelta(hours=23)).stdout.splitlines()
    lines = [line for line in text if "Thank-you email" in line]
    assert len(lines) == 2 and not any("overdue" in line for line in lines)

    late = _thanks(cli.json("due", at=T + timedelta(hours=25)))
    assert set(late) == {"Jane Doe", "Bob Roe"}
    assert {i["group"] for i in late.values()} == {"Overdue"}
    text = cli("due", at=T + timedelta(hours=25)).stdout.splitlines()
    assert sum("overdue" in line and "Thank-you email" in line for line in text) == 2

    done = cli("done", str(late["Jane Doe"]["id"]), at=T + timedelta(hours=25))
    assert done.exit_code == 0, done.output
    left = _thanks(cli.json("due", at=T + timedelta(hours=25)))
    assert set(left) == {"Bob Roe"}
    text = cli("due", at=T + timedelta(hours=25)).stdout
    assert "Bob Roe" in text and "Thank-you email: Jane Doe" not in text


def test_due_prints_nothing_and_exits_0_when_nothing_is_due(cli: Cli) -> None:
    result = cli("due")
    assert (result.exit_code, result.output) == (0, "")
    assert cli.json("due") == []


def test_due_window_includes_later_actions(cli: Cli) -> None:
    _capture(cli)
    day = {i["kind"] for i in cli.json("due", at=T + timedelta(hours=1))}
    week = {i["kind"] for i in cli.json("due", "--within", "7d", at=T + timedelta(hours=1))}
    assert "value_add" not in day and "value_add" in week
    assert "status_check" not in week  # Wed 9 Dec, beyond the week


def test_timeline_json_items_and_iso_offsets(cli: Cli) -> None:
    interview_id = _capture(cli)
    items = cli.json("timeline", "--interview", str(interview_id), at=T + timedelta(hours=1))
    assert items and all(set(i) >= REQUIRED for i in items)
    for item in items:
        for key in ("due", "window_start", "window_end"):
            assert datetime.fromisoformat(item[key]).utcoffset() is not None
        assert item["company"] == "Acme"
    assert {i["rule"] for i in items} >= {"D1", "D2", "D4", "D5", "D10", "D14"}
    text = cli("timeline", at=T + timedelta(hours=1)).stdout
    assert text.startswith("Today (") and "\nLater (" in text and "Status check" in text
    assert "more (--all" not in text  # a few actions: every one printed


def test_timeline_prints_a_page_a_group_and_says_how_many_more(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long group prints its first page with an honest count of the rest; --all prints all."""
    _capture(cli)
    monkeypatch.setattr("core.plan_view.TIMELINE_PAGE", 1)
    at = T + timedelta(hours=1)
    whole = cli("timeline", "--all", at=at).stdout
    later = [ln for ln in whole.split("\nLater (")[1].split("\n\n")[0].splitlines()[1:]]
    total = int(whole.split("\nLater (")[1].split(")")[0])
    assert total == len([ln for ln in later if ln.startswith("  #")]) > 1
    paged = cli("timeline", at=at).stdout
    assert f"\nLater ({total}):" in paged
    assert f"  … {total - 1} more (--all prints every one)" in paged
    assert "more (--all" not in whole


def test_timeline_on_an_empty_database_says_how_to_start(cli: Cli) -> None:
    result = cli("timeline")
    assert result.exit_code == 0 and "afterword new" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("due", "--within", "soon"), 1, "afterword: --within 'soon'"),
        (("timeline", "--interview", "42"), 1, "afterword: --interview: no interview 42"),
        (("done", "999"), 1, "afterword: no follow-up #999"),
        (("due", "--bogus"), 2, "No such option"),
        (("timeline", "--interview", "x"), 2, "is not a valid integer"),
    ],
)
def test_bad_arguments(cli: Cli, args: tuple[str, ...], code: int, message: str) -> None:
    result = cli(*args)
    assert result.exit_code == code
    assert message in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_bad_fixed_clock_is_one_line_exit_1(cli: Cli) -> None:
    env = {"AFTERWORD_NOW": "tuesday", "AFTERWORD_CONFIG": str(cli.config)}
    result = CliRunner().invoke(main, ["--db", str(cli.db), "due"], env=env)
    assert result.exit_code == 1 and "AFTERWORD_NOW" in result.stderr


def test_export_ics_file_0600_parses_back(cli: Cli, tmp_path: Path) -> None:
    _capture(cli)
    target = tmp_path / "plan.ics"
    result = cli("export", "ics", "-o", str(target), at=T + timedelta(hours=1))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    calendar = Calendar.from_ical(target.read_bytes())
    todos = list(calendar.walk("VTODO"))
    assert len(todos) == len(cli.json("due", "--within", "52w"))
    assert f"Wrote {len(todos)} to-dos" in result.stderr
    assert all(t.walk("VALARM") and "DUE" in t for t in todos)
    stdout = cli("export", "ics", "-o", "-", at=T + timedelta(hours=1)).stdout
    again = Calendar.from_ical(stdout)
    assert [str(t["UID"]) for t in again.walk("VTODO")] == [str(t["UID"]) for t in todos]


def test_export_ics_to_an_unwritable_place_is_one_line(cli: Cli, tmp_path: Path) -> None:
    _capture(cli)
    result = cli("export", "ics", "-o", str(tmp_path / "missing" / "plan.ics"))
    assert result.exit_code == 1 and result.stderr.startswith("afterword: cannot write")
