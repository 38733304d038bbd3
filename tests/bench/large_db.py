"""The LARGE benchmark database (issue #8): 10k interviews, 50k people, 100k actions, 10k
debriefs with realistic text, across 2,000 companies, over the 3 years up to the fixed clock
2026-11-22 15:30 America/New_York. Built once and cached by path; rebuilt when the schema (the
migrations this code knows) or this generator changed.

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest):

    /work/venv/bin/python tests/bench/large_db.py                  # build if missing or stale
    /work/venv/bin/python tests/bench/large_db.py --rebuild --path /tmp/x/large.db

Other benchmarks call `ensure_large_db()`. The plans are computed by core's own rules
(core.plan.build_plan) for each interview; rows are in their stored form (the one the JSON
export holds) and written by `Repository.load_tables`, the bulk path of `afterword import json`:
one transaction, executemany per table (never row by row); each table starts empty, so its
search entries are made in one INSERT ... SELECT rather than by a trigger per row. The rate is
printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.migrations import known_names
from core.models import Interview, Person, RoleKind
from core.plan import build_plan
from core.repository import Repository
from core.repository.plan import action_row
from core.schedule import PlanContext, PlanInput
from tests.bench import large_text as lt
from tests.bench.large_plan import settle_plan, trim_actions
from tests.bench.large_rows import (
    NOW,
    ZONE,
    Data,
    debrief_rows,
    interview_row,
    kind_of,
    person_row,
)

GENERATOR = 2  # bump when the data below changes: cached databases are rebuilt
START = NOW - timedelta(days=3 * 365)
DEFAULT_PATH = Path("/tmp/afterword-bench/large.db")
SIZES = {"interviews": 10_000, "people": 50_000, "actions": 100_000, "companies": 2_000}
CTX = PlanContext(zone=ZONE)


def _workday(moment: datetime, rng: random.Random) -> datetime:
    """The same day (or the next weekday) at an office hour, on the minute, local time."""
    day = moment.astimezone(ZONE).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    hour, minute = rng.randint(9, 17), rng.choice((0, 30))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def _schedule(rng: random.Random) -> list[list[datetime]]:
    """Each application's interview times (rounds 5-12 days apart), 10k interviews in all."""
    apps: list[list[datetime]] = []
    total, span = 0, (NOW - START).total_seconds() - 86_400
    while total < SIZES["interviews"]:
        first = _workday(START + timedelta(seconds=rng.uniform(0, span)), rng)
        rounds = [first]
        for _ in range(rng.choices((0, 1, 2, 3), (30, 30, 25, 15))[0]):
            nxt = _workday(rounds[-1] + timedelta(days=rng.randint(5, 12)), rng)
            if nxt < NOW - timedelta(hours=1):
                rounds.append(nxt)
        rounds = [r for r in rounds if r < NOW - timedelta(hours=1)][: SIZES["interviews"] - total]
        if rounds:
            apps.append(rounds)
            total += len(rounds)
    return sorted(apps, key=lambda rounds: rounds[0])


def _new_people_counts(rng: random.Random, n_interviews: int, n_apps: int) -> list[int]:
    """How many new people each interview meets, so that there are 50k people in all."""
    counts = [rng.choice((3, 4, 4, 5, 5, 6)) for _ in range(n_interviews)]
    diff = SIZES["people"] - n_apps - sum(counts)  # each application also has its recruiter
    while diff:
        i = rng.randrange(n_interviews)
        step = 1 if diff > 0 else -1
        if 1 <= counts[i] + step <= 8:
            counts[i] += step
            diff -= step
    return counts


def generate(seed: int = 8) -> Data:
    """Every row of the large database, deterministic for a seed."""
    rng = random.Random(seed)
    w = lt.Writer(rng)
    data = Data()
    data.tables["applications"] = []
    apps = _schedule(rng)
    companies = rng.sample([f"{p} {s}" for p in lt.PREFIX for s in lt.SUFFIX], SIZES["companies"])
    order = sorted(((when, a, k) for a, rounds in enumerate(apps) for k, when in enumerate(rounds)))
    new_people = iter(_new_people_counts(rng, len(order), len(apps)))
    app_rows: dict[int, dict[str, Any]] = {}
    met: dict[int, list[Person]] = {}
    for when, a, k in order:
        if a not in app_rows:
            app_rows[a] = data.add(
                "applications",
                {
                    "company": companies[a % len(companies)],
                    "role": rng.choice(lt.ROLES),
                    "status": "open",
                    "created_at": (when - timedelta(days=rng.randint(7, 30))).isoformat(),
                },
            )
            met[a] = [person_row(data, w, app_rows[a], RoleKind.RECRUITER)]
        app = app_rows[a]
        last = k == len(apps[a]) - 1
        interview = interview_row(data, rng, app, k + 1, when, last)
        panel = [person_row(data, w, app, kind_of(rng)) for _ in range(next(new_people))]
        if k == 0 or rng.random() < 0.5:
            panel.insert(0, met[a][0] if k == 0 else rng.choice(met[a]))
        met[a] += [p for p in panel if p not in met[a]]
        for position, person in enumerate(panel, 1):
            highlights = w.text(lt.HIGHLIGHT, rng.randint(10, 40), person.name.split()[0])
            data.add(
                "participants",
                {
                    "interview_id": interview["id"],
                    "person_id": person.id,
                    "position": position,
                    "highlights": highlights,
                },
            )
        promises = debrief_rows(data, w, interview)
        plan = build_plan(
            PlanInput(
                interview=Interview.model_validate(
                    {**interview, "checklist": interview["checklist"].split(",")}
                ),
                people=tuple(panel),
                promises=tuple(promises),
                application_status=app["status"],
                latest_round=last,
            ),
            CTX,
            _learned(rng, interview, when),
        )
        settle_plan(data, w, [action_row(a) for a in plan], panel, NOW)
    trim_actions(data, SIZES["actions"], rng)
    order = ("applications", "interviews", "people", "participants", "answers", "qa")
    order += ("promises", "actions", "touches", "notes")
    data.tables = {t: data.tables[t] for t in order}
    return data


def _learned(rng: random.Random, interview: dict[str, Any], when: datetime) -> datetime:
    """When the plan was last computed: as the outcome became known (its actions are planned
    from then), or now for an interview still waiting."""
    if interview["outcome"] == "pending":
        return NOW
    return min(when + timedelta(days=rng.randint(4, 15)), NOW - timedelta(hours=2))


def _stamp() -> dict[str, Any]:
    """What the cached database was built from: a change to any of it means a rebuild."""
    import hashlib

    import core.migrations
    import core.migrations_lists
    import core.repository.facts
    import core.repository.votes

    modules = (core.migrations, core.migrations_lists, core.repository.facts, core.repository.votes)
    files = [str(module.__file__) for module in modules]  # the schema, its triggers and SQL
    schema = hashlib.sha256(b"".join(Path(f).read_bytes() for f in files)).hexdigest()[:16]
    return {"generator": GENERATOR, "migrations": known_names(), "schema": schema, "sizes": SIZES}


def build(path: Path, seed: int = 8) -> dict[str, float]:
    """Generate the rows, then write them into a new database at `path` in one bulk load."""
    began = time.perf_counter()
    data = generate(seed)
    generated = time.perf_counter() - began
    tmp = path.with_name(path.name + ".building")
    for stale in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    repo = Repository.open(tmp)
    rows = sum(len(r) for r in data.tables.values())
    began = time.perf_counter()
    repo.load_tables(list(data.tables.items()))
    loaded = time.perf_counter() - began
    repo.close()
    os.replace(tmp, path)
    path.with_name(path.name + ".stamp").write_text(json.dumps(_stamp()))
    counts = {t: len(r) for t, r in data.tables.items()}
    print(f"large db: {path} ({path.stat().st_size / 1e6:.0f} MB) {counts}")
    print(f"  generated in {generated:.1f} s; loaded {rows:,} rows in {loaded:.1f} s")
    print(f"  = {rows / loaded:,.0f} rows/s (batched: executemany per table, one transaction,")
    print("    each table's search entries in one statement)")
    return {"rows": rows, "seconds": loaded}


def ensure_large_db(path: Path = DEFAULT_PATH, rebuild: bool = False) -> Path:
    """Return the path of an up-to-date large database, building it if missing or stale."""
    stamp = path.with_name(path.name + ".stamp")
    fresh = path.exists() and stamp.exists() and json.loads(stamp.read_text()) == _stamp()
    if rebuild or not fresh:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        build(path)
    return path


def large_db_copy(target: Path, path: Path = DEFAULT_PATH) -> Path:
    """Copy the cached large database (built if needed) to `target` and return it: a benchmark
    that opens it with the app, which writes (plans, backups), keeps the cache as built."""
    import sqlite3

    source = ensure_large_db(path)
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        conn.execute("VACUUM INTO ?", [str(target)])
    finally:
        conn.close()
    return target


def main() -> None:
    """Build (or check) the cached large database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    print(ensure_large_db(args.path, args.rebuild))


if __name__ == "__main__":
    main()
