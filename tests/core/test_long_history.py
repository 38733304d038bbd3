"""#8: lists of a long history a page at a time, and the same answers as before: the timeline's
groups paged in the database against group_of over every action, batched action inserts,
trusted row conversion, and the indexes the lists stand on."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.models import (
    Action,
    ActionKind,
    ActionState,
    Application,
    Interview,
    Person,
)
from core.plan_view import GROUP_ORDER, Group, group_of, timeline, timeline_pages
from core.repository import Repository
from core.repository.stored import (
    action_from_row,
    application_from_row,
    interview_from_stored,
    person_from_row,
)
from core.schedule import PlanContext

NY = ZoneInfo("America/New_York")
SANTIAGO = ZoneInfo("America/Santiago")  # its clocks change at midnight


def _seed(repo: Repository, now: datetime, count: int = 400) -> list[Action]:
    """Actions due every few hours from 40 days before `now` to 40 days after, in every
    state, over three interviews; several share a due moment (the id breaks the tie)."""
    rng = random.Random(8)
    app = repo.add_application(Application(company="Acme", created_at=now - timedelta(days=90)))
    interviews = [
        repo.add_interview(Interview(application_id=app.id or 0, round=r, ended_at=now))
        for r in (1, 2, 3)
    ]
    actions = []
    for n in range(count):
        due = now + timedelta(hours=rng.randint(-40 * 24, 40 * 24), minutes=rng.choice((0, 30)))
        state = rng.choice(list(ActionState))
        actions.append(
            Action(
                interview_id=interviews[n % 3].id or 0,
                kind=ActionKind.VALUE_ADD,
                key=f"k{n}",
                rule="D4",
                due=due,
                window_start=due - timedelta(hours=1),
                window_end=due + timedelta(hours=1),
                state=state,
                done_at=due if state is ActionState.DONE else None,
            )
        )
    return repo.add_actions(actions)


def _reference(
    stored: list[Action], now: datetime, ctx: PlanContext, interview_id: int | None = None
) -> dict[Group, list[int]]:
    """What the timeline held before #8: every action placed by group_of, by due date then id."""
    mine = [a for a in stored if interview_id is None or a.interview_id == interview_id]
    ordered = sorted(mine, key=lambda a: (a.due, a.id or 0))
    return {g: [a.id or 0 for a in ordered if group_of(a, now, ctx) is g] for g in GROUP_ORDER}


@pytest.mark.parametrize(
    ("zone", "now"),
    [
        (NY, datetime(2026, 11, 22, 15, 30, tzinfo=NY)),
        (NY, datetime(2026, 10, 31, 23, 59, tzinfo=NY)),  # the night the clocks go back
        (SANTIAGO, datetime(2026, 9, 5, 23, 0, tzinfo=SANTIAGO)),  # midnight does not exist
        (SANTIAGO, datetime(2026, 4, 4, 23, 30, tzinfo=SANTIAGO)),  # 23:00-24:00 twice
    ],
)
def test_the_timeline_read_a_page_at_a_time_holds_what_group_of_says(
    repo: Repository, zone: ZoneInfo, now: datetime
) -> None:
    ctx = PlanContext(zone=zone)
    stored = _seed(repo, now)
    for scope in (None, stored[0].interview_id):
        expected = _reference(stored, now, ctx, scope)
        got = {g: [i.action.id for i in items] for g, items in timeline(repo, now, ctx, scope)}
        assert got == expected
        for group, items in timeline(repo, now, ctx, scope):
            assert all(item.group is group for item in items)


def test_every_page_of_a_group_in_turn_is_the_whole_group(repo: Repository) -> None:
    now = datetime(2026, 11, 22, 15, 30, tzinfo=NY)
    ctx = PlanContext(zone=NY)
    expected = _reference(_seed(repo, now), now, ctx)
    for group in GROUP_ORDER:
        total = len(expected[group])
        seen: list[int] = []
        for offset in range(0, total, 7):
            pages = timeline_pages(repo, now, ctx, limit=7, offsets={group: offset})
            page = next(p for p in pages if p.group is group)
            assert (page.total, page.offset) == (total, offset)
            seen += [i.action.id or 0 for i in page.items]
        assert seen == expected[group]


def test_by_default_done_shows_its_most_recent_page_and_the_others_their_first(
    repo: Repository,
) -> None:
    now = datetime(2026, 11, 22, 15, 30, tzinfo=NY)
    ctx = PlanContext(zone=NY)
    expected = _reference(_seed(repo, now), now, ctx)
    pages = {p.group: p for p in timeline_pages(repo, now, ctx, limit=5)}
    assert [i.action.id for i in pages[Group.DONE].items] == expected[Group.DONE][-5:]
    assert pages[Group.DONE].offset == len(expected[Group.DONE]) - 5
    for group in (Group.OVERDUE, Group.LATER):
        assert [i.action.id for i in pages[group].items] == expected[group][:5]
        assert pages[group].total == len(expected[group])


def test_add_actions_writes_in_one_batch_with_the_ids_sqlite_would_give(
    repo: Repository,
) -> None:
    now = datetime(2026, 11, 22, 15, 30, tzinfo=NY)
    first = _seed(repo, now, count=5)
    assert [a.id for a in first] == [1, 2, 3, 4, 5]
    repo.delete_actions([5])
    again = repo.add_actions(
        [a.model_copy(update={"id": None, "key": f"again{n}"}) for n, a in enumerate(first)]
    )
    assert [a.id for a in again] == [5, 6, 7, 8, 9]  # one more than the largest, as SQLite
    for action in again:
        assert repo.get_action(action.id or 0) == action
    assert repo.add_actions([]) == []


def test_a_stored_row_becomes_the_same_model_as_validating_it(repo: Repository) -> None:
    now = datetime(2026, 11, 22, 15, 30, tzinfo=NY)
    _seed(repo, now, count=20)
    app = repo.get_application(1)
    person = repo.add_person(
        Person(application_id=1, name="Zoë Ähnlich", email="z@acme.com", phone="+16175550100")
    )
    repo.update_interview(1, checklist=["A1", "A3"], decision_date=now.date())
    for row in repo.rows("SELECT * FROM actions"):
        data = {k: v for k, v in row.items() if k != "due_utc"}
        assert action_from_row(row) == Action.model_validate(data)
    [row] = repo.rows("SELECT * FROM people")  # the facts worked out from it (#8) too
    assert person_from_row(row) == person
    assert person == Person.model_validate({k: v for k, v in row.items() if k != "email_facts"})
    [row] = repo.rows("SELECT * FROM applications")
    assert application_from_row(row) == app
    assert interview_from_stored(repo.rows("SELECT * FROM interviews WHERE id = 1")[0]) == (
        repo.get_interview(1)
    )


def _plan(db: Repository, sql: str, params: list[object]) -> str:
    conn: sqlite3.Connection = db.conn
    return " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_the_lists_of_a_long_history_are_read_through_an_index(repo: Repository) -> None:
    """No list sorts the whole table: each page is read in index order (migration 0006)."""
    done = _plan(
        repo,
        "SELECT x.id FROM actions x WHERE x.state NOT IN ('planned', 'snoozed') "
        "ORDER BY x.due_utc DESC, x.id DESC LIMIT 500",
        [],
    )
    assert "actions_closed_by_due" in done and "TEMP B-TREE" not in done
    names = _plan(repo, "SELECT p.id FROM people p ORDER BY p.name COLLATE NOCASE, p.id", [])
    assert "people_by_name" in names and "TEMP B-TREE" not in names
    roles = _plan(
        repo, "SELECT p.id FROM people p ORDER BY p.role_kind, p.name COLLATE NOCASE, p.id", []
    )
    assert "people_by_role" in roles and "TEMP B-TREE" not in roles
