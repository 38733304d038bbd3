"""#8: `afterword due` read as lines prints what the full items printed (A1, A2, C2 findings, the
rules' flags, D7's guard), and the switcher's labels read as tuples are the summaries' labels;
on the demo database, a seeded long one and a plan with every finding."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.demo import build_demo
from core.models import Interview
from core.plan_view import DueLine, due_items, due_lines
from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_plan import replan
from tests.core.conftest import NOW
from tests.core.plan_helpers import US, ny
from tests.tui.long_lists_seed import seed_long_lists
from tui.cli_plan import _due_line, _line, due_text
from tui.screens.picker import _label

T = ny(2026, 11, 24, 15)


def _capture(repo: Repository, company: str) -> Interview:
    iv = capture_interview(
        repo,
        Capture(company=company, people="Jane Doe <jane@x.com>, Bob Roe", decision="2026-12-04"),
        T,
    )
    replan(repo, iv.id or 0, T, US)
    return iv


def _findings_plan(repo: Repository) -> None:
    """Thank-yous without an address, with a guessed one, late; a status check the user moved
    into the guard's window (D7, no flag of its own); a rule's flag."""
    iv = _capture(repo, "Acme")
    _capture(repo, "Globex")
    jane = repo.participants(iv.id or 0)[0][0]
    repo.update_person(jane.id or 0, email_source="guessed")
    status = next(a for a in repo.actions_of(iv.id or 0) if a.key == "status_check:1")
    repo.update_action(status.id or 0, due=ny(2026, 11, 30, 10), user_changed=True)


@pytest.fixture(params=["demo", "seeded", "findings"])
def planned(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Repository, list[datetime]]:
    """A repository of each kind and the moments to ask `due` at."""
    repo = Repository.open(tmp_path / "due.db")
    request.addfinalizer(repo.close)
    if request.param == "demo":
        build_demo(repo, NOW)
        return repo, [NOW - timedelta(days=3), NOW, NOW + timedelta(days=9)]
    if request.param == "seeded":
        seed_long_lists(repo, NOW, people=120, actions=400, interviews=30)
        return repo, [NOW, NOW + timedelta(days=40)]
    _findings_plan(repo)
    return repo, [T + timedelta(hours=h) for h in (1, 23, 47, 49, 24 * 7)]


@pytest.mark.parametrize("within", [timedelta(0), timedelta(days=1), timedelta(days=400)])
def test_a1_a2_c2_d7_due_lines_print_what_due_items_printed(
    planned: tuple[Repository, list[datetime]], within: timedelta
) -> None:
    """The same actions in the same order; each line printed alike, its '!' set exactly when
    the item has findings (A1, A2, C2, flags, D7)."""
    repo, moments = planned
    for now in moments:
        items = due_items(repo, now, US, within)
        lines = due_lines(repo, now, US, within)
        assert [line.id for line in lines] == [item.action.id for item in items]
        for line, item in zip(lines, items, strict=True):
            a = item.action
            assert line == DueLine(
                a.id or 0,
                a.due,
                item.label,
                item.person,
                item.company,
                a.rule,
                a.due < now,
                bool(item.findings),
            )
            assert _due_line(line, US.zone) == _line(item, now, US.zone)
        assert due_text(lines, US.zone) == "\n".join(_line(i, now, US.zone) for i in items)


def test_the_findings_plan_has_every_kind_of_warning(tmp_path: Path) -> None:
    """The comparison above is not vacuous: A1, A2, C2 and D7 lines are there, warned."""
    repo = Repository.open(tmp_path / "f.db")
    _findings_plan(repo)
    seen: set[str] = set()
    for hours in (1, 49, 24 * 7):
        now = T + timedelta(hours=hours)
        for item in due_items(repo, now, US, timedelta(days=9)):
            seen |= {f.split("(")[-1].rstrip(")") for f in item.findings if "(" in f}
            seen |= {"D7" for f in item.findings if f.startswith("D7")}
        assert any(line.warned for line in due_lines(repo, now, US, timedelta(days=9)))
    assert {"A1", "A2", "C2", "D7"} <= seen
    repo.close()


@pytest.mark.parametrize("limit", [1, 3, 100, 10_000])
def test_switcher_labels_are_the_summaries_labels(tmp_path: Path, limit: int) -> None:
    """interview_labels gives list_interviews's interviews, newest first, labelled alike."""
    repo = Repository.open(tmp_path / "s.db")
    build_demo(repo, NOW)
    seed_long_lists(repo, NOW, people=30, actions=10, interviews=120)
    rows = repo.interview_labels(limit)
    summaries = repo.list_interviews(limit)
    assert [row[0] for row in rows] == [s.interview.id for s in summaries]
    for row, s in zip(rows, summaries, strict=True):
        role = f" · {s.role}" if s.role else ""
        old = f"{s.company}{role} · round {s.interview.round} · {s.interview.ended_at:%d %b %Y}"
        assert _label(*row[1:]) == old
    repo.close()
