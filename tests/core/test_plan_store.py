"""The stored plan: schema, PlanStore, and recomputes that never undo what the user did."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from core.models import Action, ActionKind, ActionState, Interview, Promise
from core.repository import Repository
from core.services import Capture, add_people, capture_interview, set_decision
from core.services_plan import ensure_plans, mark_done, move, replan, set_note, skip, snooze
from tests.core.plan_helpers import US, ny

T = ny(2026, 11, 24, 15)  # Tuesday of Thanksgiving week


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Repository]:
    """A fresh repository."""
    repo = Repository.open(tmp_path / "plan.db")
    yield repo
    repo.close()


@pytest.fixture
def panel(store: Repository) -> Interview:
    """Acme, two interviewers (one without email), decision Fri 4 Dec, planned at T."""
    iv = capture_interview(
        store,
        Capture(company="Acme", people="Jane Doe <jane@acme.com>, Bob Roe", decision="2026-12-04"),
        T,
    )
    assert iv.id is not None
    replan(store, iv.id, T, US)
    return iv


def by_key(repo: Repository, interview_id: int) -> dict[str, Action]:
    """The stored plan of an interview, by key."""
    return {a.key: a for a in repo.actions_of(interview_id)}


def test_schema_has_plan_tables_and_indexes(store: Repository) -> None:
    assert {"actions", "touches"} <= set(store.db.table_names())
    names = {i.name for i in store.db["actions"].indexes}
    assert {"actions_open_by_due", "actions_by_interview"} <= names


def test_database_from_before_the_plan_is_migrated_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    repo = Repository.open(path)
    repo.db["actions"].drop()
    repo.db["touches"].drop()
    repo.db["_sqlite_migrations"].delete_where("name = ?", ["0002_plan"])
    repo.close()
    again = Repository.open(path)
    try:
        assert "actions" in again.db.table_names()
        assert [b.name for b in again.backups] == ["old.db.before-0002_plan.bak"]
    finally:
        again.close()


def test_open_actions_are_ordered_and_filtered_in_utc_across_offsets(
    store: Repository, panel: Interview
) -> None:
    assert panel.id is not None
    base = {"interview_id": panel.id, "kind": ActionKind.PROMISE, "rule": "D9"}
    # 23:30 at -05:00 is 04:30Z next day; 00:10 at +01:00 is 23:10Z the day before.
    late = ny(2026, 12, 20, 23, 30)
    early = datetime(2026, 12, 21, 0, 10, tzinfo=timezone(timedelta(hours=1)))
    store.add_actions(
        [
            Action(**base, key="a", due=late, window_start=late, window_end=late),
            Action(**base, key="b", due=early, window_start=early, window_end=early),
        ]
    )
    keys = [r.action.key for r in store.open_rows() if r.action.key in {"a", "b"}]
    assert keys == ["b", "a"]
    cutoff = ny(2026, 12, 20, 19)  # 00:00Z on the 21st: only "b" is due by then
    due = {r.action.key for r in store.open_rows_due_by(cutoff)}
    assert "b" in due and "a" not in due


def test_replan_is_idempotent(store: Repository, panel: Interview) -> None:
    assert panel.id is not None
    before = store.actions_of(panel.id)
    assert not replan(store, panel.id, T + timedelta(days=1), US).changed
    assert store.actions_of(panel.id) == before


def test_recompute_never_undoes_what_the_user_did(store: Repository, panel: Interview) -> None:
    """Done, skipped, snoozed and moved actions, and notes, survive a person added, the
    decision date changed and an outcome set; untouched planned actions follow the rules."""
    from core.models import Outcome
    from core.services_outcome import set_outcome

    assert panel.id is not None
    iid = panel.id
    now = T + timedelta(days=1)
    plan = by_key(store, iid)
    jane, bob = (p.id for p, _ in store.participants(iid))
    mark_done(store, plan[f"thank_you:{jane}"].id or 0, now, US)
    skip(store, plan[f"linkedin:{jane}"].id or 0)
    snooze(store, plan["value_add"].id or 0, ny(2026, 12, 3, 10), US)
    move(store, plan[f"linkedin:{bob}"].id or 0, ny(2026, 12, 1, 12), US)
    set_note(store, plan[f"thank_you:{bob}"].id or 0, "Mention the robotics team")
    mine = {
        k: a
        for k, a in by_key(store, iid).items()
        if k in {f"thank_you:{jane}", f"linkedin:{jane}", "value_add", f"linkedin:{bob}"}
    }
    assert {a.state for a in mine.values()} == {
        ActionState.DONE,
        ActionState.SKIPPED,
        ActionState.SNOOZED,
        ActionState.PLANNED,
    }

    add_people(store, iid, "Kim Lee <kim@acme.com>")
    replan(store, iid, now, US)
    kim = store.find_person(panel.application_id, "Kim Lee")
    assert kim is not None and f"thank_you:{kim.id}" in by_key(store, iid)

    set_decision(store, iid, "2026-12-11", now, "US")
    replan(store, iid, now, US)
    assert by_key(store, iid)["status_check:1"].due == ny(2026, 12, 16, 10)  # untouched: follows

    set_outcome(store, iid, Outcome.NOT_SELECTED, now, US)
    after = by_key(store, iid)
    for key, action in mine.items():
        assert after[key] == action, key  # every field, the note included
    assert after[f"thank_you:{bob}"].note == "Mention the robotics team"
    assert "status_check:1" not in after and "keep_searching" not in after  # untouched: gone
    assert "feedback_request" in after


def test_a_removed_rule_keeps_an_action_that_has_a_note(
    store: Repository, panel: Interview
) -> None:
    from core.models import Outcome
    from core.services_outcome import set_outcome

    assert panel.id is not None
    status = by_key(store, panel.id)["status_check:1"]
    set_note(store, status.id or 0, "Ask Lena first")
    set_outcome(store, panel.id, Outcome.NOT_SELECTED, T + timedelta(days=3), US)
    kept = by_key(store, panel.id)["status_check:1"]
    assert (kept.note, kept.state) == ("Ask Lena first", ActionState.PLANNED)


def test_d9_marking_a_promise_done_ticks_the_promise(store: Repository, panel: Interview) -> None:
    assert panel.id is not None
    promise = store.add_promise(
        Promise(interview_id=panel.id, text="Send the portfolio", due_at=ny(2026, 11, 27, 17))
    )
    replan(store, panel.id, T, US)
    action = by_key(store, panel.id)[f"promise:{promise.id}"]
    assert action.due == ny(2026, 11, 27, 17)
    done = mark_done(store, action.id or 0, T + timedelta(hours=2), US)
    assert done.state is ActionState.DONE and done.done_at == T + timedelta(hours=2)
    assert store.get_promise(promise.id or 0).done is True


def test_ensure_plans_plans_interviews_captured_without_one(store: Repository) -> None:
    iv = capture_interview(store, Capture(company="Initech", people="Ann Lee"), T)
    assert ensure_plans(store, T, US) == 1
    assert ensure_plans(store, T, US) == 0
    assert {a.rule for a in store.actions_of(iv.id or 0)} >= {"D1", "D2", "D6"}


def test_thank_you_marked_done_logs_a_thanks_touch(store: Repository, panel: Interview) -> None:
    assert panel.id is not None
    jane = store.participants(panel.id)[0][0]
    action = by_key(store, panel.id)[f"thank_you:{jane.id}"]
    mark_done(store, action.id or 0, T + timedelta(hours=3), US)
    (touch,) = store.touches(panel.id)
    assert (touch.kind.value, touch.person_id, touch.at) == (
        "thanks",
        jane.id,
        T + timedelta(hours=3),
    )
    assert store.count_actions(ActionState.DONE) == 1
