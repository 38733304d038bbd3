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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.migrations import known_names
from core.models import Interview, Person, Promise, RoleKind
from core.plan import build_plan
from core.repository import Repository
from core.repository.plan import action_row
from core.schedule import PlanContext, PlanInput
from tests.bench import large_text as lt
from tests.bench.large_plan import settle_plan, trim_actions

GENERATOR = 2  # bump when the data below changes: cached databases are rebuilt
ZONE = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 15, 30, tzinfo=ZONE)
START = NOW - timedelta(days=3 * 365)
DEFAULT_PATH = Path("/tmp/afterword-bench/large.db")
SIZES = {"interviews": 10_000, "people": 50_000, "actions": 100_000, "companies": 2_000}
CTX = PlanContext(zone=ZONE)


@dataclass
class Data:
    """Every table's rows in stored form, parents first (the JSON export's order)."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """Append a row (its id, if the table has one, is the next one) and return it."""
        rows = self.tables.setdefault(table, [])
        if table not in {"participants", "answers"}:
            row = {"id": len(rows) + 1, **row}
        rows.append(row)
        return row


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


def _person(data: Data, w: lt.Writer, app: dict[str, Any], kind: RoleKind) -> Person:
    rng = w.rng
    first, last = rng.choice(lt.FIRST), rng.choice(lt.LAST)
    domain = app["company"].lower().replace(" ", "-") + ".com"
    pick = rng.random()
    email, source = "", ""
    if pick < 0.6:
        email, source = f"{first}.{last}@{domain}".lower(), rng.choice(("card", "confirmed"))
    elif pick < 0.7:
        email, source = f"{first[0]}{last}@{domain}".lower(), "guessed"
    row = data.add(
        "people",
        {
            "application_id": app["id"],
            "name": f"{first} {last}",
            "spelling_confirmed": rng.random() < 0.5,
            "role_kind": kind.value,
            "title": "Technical Recruiter" if kind is RoleKind.RECRUITER else rng.choice(lt.TITLES),
            "email": email,
            "email_source": source,
            "phone": f"+1617555{rng.randint(1000, 9999)}" if rng.random() < 0.2 else "",
            "mailing_address": f"{app['company']}\n{rng.randint(1, 999)} Main St\nBoston, MA"
            if rng.random() < 0.05
            else "",
            "best_time": rng.choice(("", "", "mornings", "after 2pm")),
            "preferred_mode": rng.choice(("", "", "email", "phone")),
            "linkedin": f"https://www.linkedin.com/in/{first}-{last}".lower()
            if rng.random() < 0.2
            else "",
            "personal": w.fill(rng.choice(lt.HIGHLIGHT), first) if rng.random() < 0.15 else "",
        },
    )
    return Person.model_construct(**row)


def _debrief(data: Data, w: lt.Writer, interview: dict[str, Any]) -> list[Promise]:
    """B1/B5 Q&A with stumpers, B3-B9 answers (B3 a few hundred words), B10 promises."""
    rng, iid = w.rng, interview["id"]
    for prompt_id, (bank, words) in lt.ANSWER_BANKS.items():
        text = w.text(bank, rng.randint(words // 2, words * 3 // 2))
        data.add("answers", {"interview_id": iid, "prompt_id": prompt_id, "text": text})
    for position in range(1, rng.randint(4, 8) + 1):
        data.add(
            "qa",
            {
                "interview_id": iid,
                "position": position,
                "question": w.fill(rng.choice(lt.QUESTIONS)),
                "answer": w.text(lt.ANSWERS, rng.randint(20, 70)),
                "stumped": rng.random() < 0.15,
            },
        )
    promises = []
    ended = datetime.fromisoformat(interview["ended_at"])
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        due = ended + timedelta(days=rng.randint(1, 5))
        row = data.add(
            "promises",
            {
                "interview_id": iid,
                "text": w.fill("Send {name} the write-up on {concept} and {tech}"),
                "due_phrase": "in a few days",
                "due_at": due.isoformat(),
                "done": due < NOW - timedelta(days=2) and rng.random() < 0.9,
            },
        )
        promises.append(Promise.model_construct(**{**row, "due_at": due}))
    return promises


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
            met[a] = [_person(data, w, app_rows[a], RoleKind.RECRUITER)]
        app = app_rows[a]
        last = k == len(apps[a]) - 1
        interview = _interview(data, rng, app, k + 1, when, last)
        panel = [_person(data, w, app, _kind(rng)) for _ in range(next(new_people))]
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
        promises = _debrief(data, w, interview)
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


def _kind(rng: random.Random) -> RoleKind:
    kinds = (RoleKind.INTERVIEWER, RoleKind.FUTURE_MANAGER, RoleKind.STAFF, RoleKind.OTHER)
    return rng.choices(kinds, (70, 12, 10, 8))[0]


def _interview(
    data: Data, rng: random.Random, app: dict[str, Any], rnd: int, when: datetime, last: bool
) -> dict[str, Any]:
    recent = when > NOW - timedelta(days=21)
    outcome = "invited_back" if not last else "pending"
    if last and not recent:
        outcome = rng.choices(("not_selected", "offer", "pending"), (70, 10, 20))[0]
        app["status"] = {"not_selected": "rejected", "offer": "declined"}.get(outcome, "open")
    decided = rng.random() < 0.6
    decision = (when + timedelta(days=rng.randint(5, 14))).date() if decided else None
    return data.add(
        "interviews",
        {
            "application_id": app["id"],
            "round": rnd,
            "ended_at": when.isoformat(),
            "format": rng.choice(("in_person", "video", "video", "phone")),
            "decision_date": decision.isoformat() if decision else None,
            "decision_phrase": "in about two weeks" if decided else "",
            "no_timeframe_given": not decided and rng.random() < 0.5,
            "next_steps": "Reference checks, then a call with the VP." if rnd > 1 else "",
            "large_employer": rng.random() < 0.3,
            "outcome": outcome,
            "checklist": ",".join(sorted(rng.sample(["A1", "A2", "A3", "A4", "A6"], 3))),
        },
    )


def _stamp() -> dict[str, Any]:
    """What the cached database was built from: a change to any of it means a rebuild."""
    import hashlib

    import core.migrations

    schema = hashlib.sha256(Path(core.migrations.__file__).read_bytes()).hexdigest()[:16]
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


def main() -> None:
    """Build (or check) the cached large database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    print(ensure_large_db(args.path, args.rebuild))


if __name__ == "__main__":
    main()
