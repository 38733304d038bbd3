"""Long lists on screen (issue #8: no table or list renders more than about 500 rows): from the
key to the list drawn, in the app (Pilot, headless, 120x36), on a long history against the demo.

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest):

    /work/venv/bin/python tests/bench/bench_lists.py                     # 50k people, 100k actions
    /work/venv/bin/python tests/bench/bench_lists.py --people 1500 --actions 3000 --interviews 500

The long database is generated (tests/tui/long_lists_seed.py: people, actions, interviews through
the repository) in a temporary folder; the floor is the same keys on the demo database (core.demo,
5 interviews). Rounds are interleaved (long, demo, long, demo ...) so machine drift hits both.
Figures, medians over the rounds: contacts of everyone (s from "this process"), a page down past
the end (the next 500), the timeline of all interviews (t), a reload of it (back from contacts),
the switcher (i) with every interview read. Each line also gives the rows the table holds.
The machine may be shared: read medians and ratios from one run, not ms across runs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from textual.widgets import DataTable, OptionList

from core.clock import fixed_clock
from core.demo import build_demo
from core.repository import Repository
from core.settings import Settings
from tests.tui.long_lists_seed import seed_long_lists
from tests.tui.pilot_helpers import NOW, TZ
from tui.app import AfterwordApp, build_app
from tui.session import AppConfig

STEPS = (
    "contacts, everyone",
    "contacts, next page",
    "timeline, all",
    "timeline, reload",
    "switcher",
)


def _app(db: Path) -> AfterwordApp:
    return build_app(
        AppConfig(db=db, clock=fixed_clock(NOW)),
        repository=Repository.open(db),
        settings=Settings(db=db, tz=TZ),
    )


async def _round(db: Path) -> dict[str, tuple[float, int]]:
    """One pass over the steps on a fresh app: seconds from the key to the screen idle, rows."""
    found: dict[str, tuple[float, int]] = {}
    app = _app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()

        async def timed(name: str, *keys: str) -> None:
            began = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            seconds = time.perf_counter() - began
            tables, options = app.screen.query(DataTable), app.screen.query(OptionList)
            count = tables.first().row_count if tables else 0
            found[name] = (seconds, count or (options.first().option_count if options else 0))

        await pilot.press("c", "s")  # this interview, then this process
        await timed("contacts, everyone", "s")
        await pilot.press("ctrl+end")
        await timed("contacts, next page", "down")
        await timed("timeline, all", "t")
        await pilot.press("c")
        await timed("timeline, reload", "t")
        await timed("switcher", "i")
    return found


def main() -> None:
    """Generate, then time each step, interleaved with the demo; print medians and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        long_db, demo_db = Path(folder) / "long.db", Path(folder) / "demo.db"
        began = time.perf_counter()
        repo = Repository.open(long_db)
        seed_long_lists(
            repo, NOW, people=args.people, actions=args.actions, interviews=args.interviews
        )
        repo.close()
        repo = Repository.open(demo_db)
        build_demo(repo, NOW)
        repo.close()
        print(
            f"{args.people:,} people, {args.actions:,} actions, {args.interviews:,} interviews:"
            f" generated in {time.perf_counter() - began:.1f} s"
        )
        runs: dict[str, dict[str, list[float]]] = {"long": {}, "demo": {}}
        rows: dict[str, dict[str, int]] = {"long": {}, "demo": {}}
        for _ in range(args.rounds):
            for label, db in (("long", long_db), ("demo", demo_db)):
                for step, (seconds, count) in asyncio.run(_round(db)).items():
                    runs[label].setdefault(step, []).append(seconds)
                    rows[label][step] = count
        print(f"{'step':24} {'long':>9} {'rows':>5} {'demo':>9} {'rows':>5} {'ratio':>6}")
        for step in STEPS:
            long_ms = statistics.median(runs["long"][step]) * 1000
            demo_ms = statistics.median(runs["demo"][step]) * 1000
            print(
                f"{step:24} {long_ms:7.0f}ms {rows['long'][step]:5} {demo_ms:7.0f}ms "
                f"{rows['demo'][step]:5} {long_ms / demo_ms:5.1f}x"
            )


if __name__ == "__main__":
    main()
