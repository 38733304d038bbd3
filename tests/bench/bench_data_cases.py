"""The cases bench_data.py times: each the call a screen or command makes, its floor, budget."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.demo import build_demo
from core.repository import Repository
from core.schedule import PlanContext
from tests.bench.large_db import NOW, ZONE

CTX = PlanContext(zone=ZONE)
SEARCHES = (
    "kafka",  # a word in many answers
    "rate limiter",  # two words, a question asked often
    "conflict teammate",
    "back-pres",  # half typed
    "priya",  # a name in highlights and notes
    "salary expectations",
    "postmortems runbooks",
    "zzzz nothing",  # matches nothing
)
NOTE_WORDS = 200
SCREEN_GROUP_PAGE = 90  # tui/screens/timeline_pages.py GROUP_PAGE: what the timeline asks for


@dataclass
class Case:
    """One figure: the call (`run`), its floor, its budget in ms and how to count its rows."""

    name: str
    run: Callable[[], object]
    budget_ms: float | None  # None: shown for context, no budget of its own
    floor: Callable[[], object] | None = None
    floor_label: str = ""
    inclusive: bool = True  # budget "<=" (else "<")
    stat: str = "median"
    repeat: int = 1
    count: Callable[[Any], int] | None = None
    setup: Callable[[], object] | None = None  # run before each timed call, not timed


def _demo(folder: Path) -> Repository:
    repo = Repository.open(folder / "demo.db")
    build_demo(repo, NOW)
    return repo


def _grouped(groups: Any) -> int:
    return sum(len(items) for _group, items in groups)


def _screen_cases(large: Repository, demo: Repository) -> list[Case]:
    from core.plan_view import timeline, timeline_pages
    from tests.bench.bench_list_cases import contact_cases, due_cases, switcher_cases

    def latest(repo: Repository) -> int:
        summary = repo.latest_interview()
        assert summary is not None and summary.interview.id is not None
        return summary.interview.id

    demo_label = "floor of lists: the same call on the demo db"

    def screen(repo: Repository) -> Callable[[], object]:
        return lambda: timeline_pages(repo, NOW, CTX, limit=SCREEN_GROUP_PAGE)

    out = [
        Case(
            f"timeline, all ({SCREEN_GROUP_PAGE} a group, the screen)",
            screen(large),
            100,
            screen(demo),
            demo_label,
            count=lambda pages: sum(len(p.items) for p in pages),
        ),
        Case(
            "timeline, all (500 a group, the CLI)",
            lambda: timeline(large, NOW, CTX),
            100,
            lambda: timeline(demo, NOW, CTX),
            demo_label,
            count=_grouped,
        ),
        Case(
            "timeline, one interview",
            lambda: timeline(large, NOW, CTX, latest(large)),
            2,
            lambda: timeline(demo, NOW, CTX, latest(demo)),
            demo_label,
            repeat=5,
            count=_grouped,
        ),
        Case(
            "timeline reload: interviews without a plan",
            large.interviews_without_plan,
            2,
            demo.interviews_without_plan,
            demo_label,
            repeat=5,
        ),
    ]
    out += due_cases(large, demo) + contact_cases(large, demo) + switcher_cases(large, demo)
    return out


def _search_case(large: Repository, demo: Repository) -> Case:
    from core.services_learning import search

    turn = {"large": 0, "demo": 0}

    def next_query(repo: Repository, key: str) -> Callable[[], object]:
        def go() -> object:
            query = SEARCHES[turn[key] % len(SEARCHES)]
            turn[key] += 1
            return search(repo, query)

        return go

    return Case(
        "search p50 (8 queries, each with its limit)",
        next_query(large, "large"),
        20,
        next_query(demo, "demo"),
        "floor of lists: the same call on the demo db",
        stat="p50",
        repeat=len(SEARCHES),
    )


def _note_case(large: Repository) -> Case:
    from rapidfuzz.fuzz import token_set_ratio
    from rapidfuzz.utils import default_process

    from core.note_checks import Sibling
    from core.services_notes import note_view

    note_id = next(
        note.id
        for summary in large.list_interviews(limit=2000)
        if len(large.participants(summary.interview.id or 0)) >= 7
        for note in large.notes_of_interview(summary.interview.id or 0)
    )
    assert note_id is not None
    view = note_view(large, note_id)
    siblings = view.check_input.siblings[:6]
    while len(siblings) < 6:
        siblings += (Sibling(f"Sibling {len(siblings)}", view.note.body),)
    check = view.check_input.__class__(**{**view.check_input.__dict__, "siblings": siblings})
    words = view.note.body.split()
    body = " ".join((words * (NOTE_WORDS // len(words) + 1))[:NOTE_WORDS])
    mine = str(default_process(body))
    processed = [s.processed for s in siblings]
    from core.note_checks import check_note

    return Case(
        "note checks (200 words vs 6 siblings)",
        lambda: check_note(view.note.subject, body, check),
        5,
        lambda: [token_set_ratio(mine, p) for p in processed],
        "floor of note checks: one bare token_set_ratio per sibling",
        inclusive=False,
        repeat=10,
    )


def _export_case(large: Repository, folder: Path) -> Case:
    """`afterword export json`: the whole large db streamed to a file (0600, fsync, rename
    over the previous run's file, as a user's next export replaces the last)."""
    from core.export_json import SECTION_NAMES, export_json

    path, target = large.path, folder / "export.json"

    def bare() -> int:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        total = 0
        for table in SECTION_NAMES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            total += sum(len(json.dumps(dict(zip(names, r, strict=True)))) for r in cursor)
        conn.close()
        return total

    return Case(
        "export json: the large db to a file",
        lambda: export_json(large, target),
        2000,
        bare,
        "floor of export: bare sqlite3 read + json.dumps per row",
        inclusive=False,
    )


def _import_case(large: Repository, folder: Path) -> Case:
    """100k action rows into an empty database holding only their parents (a fresh copy each
    run, made before the timer starts)."""
    actions = large.table_rows("actions")
    parents = folder / "parents.db"
    repo = Repository.open(parents)
    repo.load_tables([(t, large.table_rows(t)) for t in ("applications", "interviews", "people")])
    repo.close()
    state: dict[str, Any] = {}

    def fresh() -> None:
        target = folder / "import.db"
        for side in ("", "-wal", "-shm"):
            Path(f"{target}{side}").unlink(missing_ok=True)
        shutil.copyfile(parents, target)
        state["repo"] = Repository.open(target)

    def load() -> int:
        repo = state.pop("repo")
        counts = repo.load_tables([("actions", actions)])
        repo.close()
        return int(counts.written)

    columns = list(actions[0])
    rows = [[r[c] for c in columns] for r in actions]

    def bare() -> int:
        target = folder / "bare.db"
        target.unlink(missing_ok=True)
        conn = sqlite3.connect(target)
        conn.execute(f"CREATE TABLE t ({', '.join(columns)})")
        conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' for _ in columns)})", rows)
        conn.commit()
        conn.close()
        return len(rows)

    return Case(
        "bulk import of 100k rows (load_tables)",
        load,
        2000,
        bare,
        "floor of import: bare executemany into a plain table",
        inclusive=False,
        setup=fresh,
    )


def cases(large: Repository, folder: Path) -> list[Case]:
    """Every case, on the large database and its floors (a demo database in `folder`)."""
    demo = _demo(folder)
    return [
        *_screen_cases(large, demo),
        _search_case(large, demo),
        _note_case(large),
        _export_case(large, folder),
        _import_case(large, folder),
    ]
