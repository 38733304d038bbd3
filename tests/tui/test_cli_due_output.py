"""#8: `afterword due` prints, byte for byte, what it printed before its read and its printing
were made quicker: each full due item (core.plan_view.due_items) printed as the command printed
it then (_before_line, a copy of that code: strftime in the user's zone, A1/A2/C2/D7 findings
as '!'), on the demo database and on one whose text is odd (markup, accents, emoji,
right-to-left, control characters, an end stored with a far offset); and tui.cli_plan's quick
date formatting matches strftime's at every hour and day of a year, DST changes included."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from core.demo import build_demo
from core.plan_view import PlanItem, due_items
from core.repository import Repository
from core.schedule import PlanContext
from core.services import Capture, capture_interview
from tui.cli import main
from tui.cli_plan import WHEN, _When

NY = ZoneInfo("America/New_York")
CTX = PlanContext(zone=NY, country="US")
NOW = datetime(2026, 11, 23, 14, 30, tzinfo=NY)
ODD_PEOPLE = "[bold]Zoë[/] Núñez <zoe@x.com>, שרה כהן, Bob 🚀 Roe, Ann\x1b[31m Lee"
ODD_EDITS = (
    "UPDATE people SET name = name || ' \x07bell' WHERE name LIKE 'Bob%'",
    "UPDATE actions SET rule = rule || '\x1b[2J' WHERE kind = 'linkedin'",
    "UPDATE applications SET company = 'Ça \u009b [red]Co[/]' WHERE company LIKE 'Zo%'",
    "UPDATE actions SET window_end = '2026-11-24T01:00:00+14:00' WHERE kind = 'thank_you' "
    "AND id = (SELECT min(id) FROM actions WHERE kind = 'thank_you')",
    "UPDATE people SET email_source = 'guessed' WHERE name LIKE 'Zo%'",
)


def _due(db: Path, tmp_path: Path, at: datetime, within: str) -> str:
    env = {
        "AFTERWORD_NOW": at.isoformat(),
        "AFTERWORD_TZ": "America/New_York",
        "AFTERWORD_COUNTRY": "US",
        "AFTERWORD_CONFIG": str(tmp_path / "no-config.toml"),
        "AFTERWORD_DB": None,
    }
    result = CliRunner().invoke(main, ["--db", str(db), "due", "--within", within], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def _before_line(item: PlanItem, now: datetime) -> str:
    """A line as the command printed it before #8 (tui/cli_plan.py's _line and _text then)."""
    a = item.action
    late = a.is_open and a.due < now
    when = a.due.astimezone(NY).strftime("%a %d %b %H:%M")
    who = f": {item.person}" if item.person else ""
    overdue = "overdue" if late else ""
    text = f"#{a.id or 0:<4} {overdue:<7} {when}  {item.label}{who} ({item.company}) [{a.rule}]"
    return text + ("  !" if item.findings else "")


def _before(db: Path, at: datetime, within: timedelta) -> str:
    """What the command printed before #8: each full item's line."""
    repo = Repository.open(db)
    try:
        items = due_items(repo, at, CTX, within)
    finally:
        repo.close()
    return "".join(_before_line(item, at) + "\n" for item in items)


def _build(db: Path, odd: bool) -> None:
    repo = Repository.open(db)
    build_demo(repo, NOW)
    if odd:
        people = ODD_PEOPLE
        capture_interview(repo, Capture(company="Zoë & Co", people=people), NOW)
        capture_interview(repo, Capture(company="Globex", people="Jane Doe"), NOW)
        for edit in ODD_EDITS:
            repo.conn.execute(edit)
        repo.conn.commit()
    repo.close()


@pytest.mark.parametrize("odd", [False, True], ids=["demo", "odd text"])
def test_a1_a2_c2_d7_due_prints_what_it_printed_before(tmp_path: Path, odd: bool) -> None:
    """Every moment and window: the same bytes as the full items' lines, and lines to compare."""
    db = tmp_path / "due.db"
    _build(db, odd)
    printed = 0
    for hours in (-72, 0, 1, 20, 47, 49, 24 * 9):
        at = NOW + timedelta(hours=hours)
        for within, window in (("0m", 0), ("1d", 1), ("400d", 400)):
            out = _due(db, tmp_path, at, within)
            assert out == _before(db, at, timedelta(days=window))
            printed += out.count("\n")
    assert printed > 100
    if odd:
        out = _due(db, tmp_path, NOW + timedelta(hours=49), "400d")
        assert "  !" in out and "Zoë" in out and "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "UTC"])
def test_due_dates_shown_as_strftime_shows_them(zone: str) -> None:
    """Every hour of 2026 (and odd minutes), from a moment stored at any offset."""
    tz = ZoneInfo(zone)
    when = _When(tz)
    start = datetime(2026, 1, 1, 0, 7, tzinfo=ZoneInfo("UTC"))
    for hours in range(0, 366 * 24, 1):
        moment = start + timedelta(hours=hours, minutes=hours % 53)
        for stored in (moment, moment.astimezone(NY), moment.astimezone(tz)):
            assert when(stored) == stored.astimezone(tz).strftime(WHEN)
