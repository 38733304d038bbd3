"""Data figures on the LARGE database (issue #8, benchmark 4): what each screen and command asks
of core, timed on 10k interviews / 50k people / 100k actions / 10k debriefs (large_db.py).

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest):

    /work/venv/bin/python tests/bench/bench_data.py               # 15 interleaved rounds
    /work/venv/bin/python tests/bench/bench_data.py -n 25 --only "timeline|due"
    /work/venv/bin/python tests/bench/bench_data.py --rebuild     # rebuild the cached large db

The large database is built once (large_db.py, cached in /tmp/afterword-bench/) and opened
as the app opens it (Repository.open). Each figure is the median (and p90) of >= 15 runs,
interleaved with its floor (A B A B ...) so machine drift hits both alike:
  - screens' lists, as each screen asks for them (the timeline: 90 actions a group; search:
    the 50 best, 8 queries from a common word to one that matches nothing), and what
    `afterword timeline` prints (500 a group): the floor is the same call on the demo
    database (5 interviews), so the ratio says how much the 10k-interview history costs; the
    budgets are issue #8's (lists and due <= 2 ms, search p50 <= 20 ms, the whole timeline
    <= 100 ms);
  - contacts, switcher and `due` (bench_list_cases.py), the core read timed apart from the
    drawing or printing; the 2 ms budget is the read's. Contacts: the page the screen shows
    (PAGE = 200 people) as the lines its columns need (contact_lines: flag counts and
    guesses included), read again, i.e. with the per-value caches (email checks by domain,
    A2's patterns and guesses) holding that page, as after an edit or a scope switched back;
    then a page seen for the first time with every such cache emptied (its addresses' A1
    answers read from the facts stored with each person, core.email_facts, its ~60
    companies' A2 patterns from the elections their votes keep, core.repository.votes); and
    the full row of the person shown beside the table (contact_row, read at each cursor
    move). Switcher: the 100 newest it shows at once (interview_labels), then every label it
    reads after its first frame (no budget: read in the background). `due --within 1d`: the read
    (due_lines, every due item), the lines printed (due_text, no budget), and both (the
    command's work, less opening the file and planning what has no plan);
  - note checks (a 200-word note against 6 siblings, every check the editor runs per key):
    the floor is one bare rapidfuzz token_set_ratio per sibling; budget < 5 ms;
  - JSON export of the whole large database, as `afterword export json` writes it (streamed
    to a 0600 temp file, fsync, renamed over the last run's file): the floor is a bare read
    of every table (sqlite3) with json.dumps per row, no file; budget < 2 s;
  - bulk import of 100k rows (the large db's actions, stored form, with their parents already
    in) into an empty database through Repository.load_tables: the floor is a bare sqlite3
    executemany into a table with the same columns and no key, index or trigger; budget < 2 s.
The machine may be shared (2 cores): the load average is printed; read medians and ratios
from one run, not ms across runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.repository import Repository
from tests.bench.bench_data_cases import Case, cases
from tests.bench.large_db import DEFAULT_PATH, ensure_large_db


@dataclass
class Series:
    """The timings of one case and of its floor, in seconds."""

    case: Case
    times: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    rows: int = 0


def _time(fn: Callable[[], object]) -> tuple[float, object]:
    began = time.perf_counter()
    result = fn()
    return time.perf_counter() - began, result


def _rows(result: object) -> int:
    if isinstance(result, int):
        return result
    try:
        return len(result)  # type: ignore[arg-type]
    except TypeError:
        return 0


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms" if seconds < 10 else f"{seconds:9.2f} s "


def run(series: list[Series], rounds: int, warmup: int) -> None:
    """Interleave every case with its floor, round after round."""
    for n in range(warmup + rounds):
        for s in series:
            for _ in range(s.case.repeat):
                if s.case.setup is not None:
                    s.case.setup()
                spent, result = _time(s.case.run)
                if s.case.floor is not None:
                    floor_spent, _ = _time(s.case.floor)
                if n >= warmup:
                    s.times.append(spent)
                    s.rows = max(s.rows, s.case.count(result) if s.case.count else _rows(result))
                    if s.case.floor is not None:
                        s.floor.append(floor_spent)
        print(f"  round {n + 1}/{warmup + rounds} done", file=sys.stderr, end="\r")
    print(file=sys.stderr)


def report(series: list[Series]) -> None:
    """Print the table: figure, median, p90, budget, met?, floor, ratio, rows."""
    print(
        f"{'figure':44} {'median':>12} {'p90':>12} {'budget':>10} {'met':>4}"
        f" {'floor':>12} {'ratio':>7}  rows"
    )
    for s in series:
        c = s.case
        value = _p(s.times, 0.5) if c.stat == "p50" else statistics.median(s.times)
        budget, met = "—", "—"  # a figure given for context has no budget of its own
        if c.budget_ms is not None:
            budget = f"{'<=' if c.inclusive else '<'}{c.budget_ms:g} ms"
            if c.budget_ms >= 1000:
                budget = f"{'<=' if c.inclusive else '<'}{c.budget_ms / 1000:g} s"
            ok = value * 1000 <= c.budget_ms if c.inclusive else value * 1000 < c.budget_ms
            met = "yes" if ok else "NO"
        floor = ratio = ""
        if s.floor:
            f = statistics.median(s.floor)
            floor, ratio = _fmt(f), f"{value / f:6.1f}x" if f else ""
        print(
            f"{c.name:44} {_fmt(value)} {_fmt(_p(s.times, 0.9))} {budget:>10}"
            f" {met:>4} {floor:>12} {ratio:>7}  {s.rows:,}"
        )
    print("floors: " + "; ".join(sorted({f"{s.case.floor_label}" for s in series if s.floor})))


def main() -> None:
    """Build or reuse the large database, then time every case against its floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--only", default="", help="case name prefixes, separated by |")
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rounds < 15:
        print(f"NOTE: {args.rounds} rounds: too few for the issue's medians (>= 15); a sketch")
    path = ensure_large_db(args.path, args.rebuild)
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (2 cores)")
    with tempfile.TemporaryDirectory(prefix="afterword-bench-") as folder:
        large = Repository.open(path)
        wanted = [w.strip() for w in args.only.split("|") if w.strip()]
        every = cases(large, Path(folder))
        chosen = [c for c in every if not wanted or c.name.startswith(tuple(wanted))]
        series = [Series(c) for c in chosen]
        run(series, args.rounds, args.warmup)
        large.close()
    print(f"load average after:  {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    report(series)


if __name__ == "__main__":
    main()
