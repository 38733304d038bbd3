"""F3 search on a database of 1,000 interviews (about 10,000 index entries), as the search view
runs it on each key: the words typed to ranked hits with the matches marked (bm25, snippet).

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest):

    /work/venv/bin/python tests/bench/bench_search.py                 # 1000 interviews
    /work/venv/bin/python tests/bench/bench_search.py --interviews 10000 --rounds 50

The database is generated in a temporary folder (tests/core/learning_helpers.py) and deleted.
Queries, interleaved round by round: a word in every interview ("conflict"), a rarer one, two
words, a half-typed prefix ("kub") and one that matches nothing. Also timed: one save of a
debrief answer (the per-keystroke write, now with its trigger re-indexing the answer) against
the floor of the same upsert on a table without triggers.
The machine may be shared: read medians and ratios from one run, not ms across runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.repository import Repository
from core.services_learning import search
from tests.core.learning_helpers import add_interviews

QUERIES = ("conflict", "canary budget", "kub", "salary range", "zzzz nothing")


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50 {statistics.median(ordered) * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms"


def main() -> None:
    """Generate, then time each query and the answer save; print medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        repo = Repository.open(Path(folder) / "bench.db")
        began = time.perf_counter()
        start = datetime.fromisoformat("2023-01-02T10:00:00-05:00")
        add_interviews(repo, args.interviews, start)
        print(
            f"{args.interviews} interviews, {repo.search_entries()} index entries, "
            f"generated in {time.perf_counter() - began:.1f} s"
        )
        times: dict[str, list[float]] = {q: [] for q in QUERIES}
        hits: dict[str, int] = {}
        for _ in range(args.rounds):
            for query in QUERIES:
                t = time.perf_counter()
                hits[query] = len(search(repo, query))
                times[query].append(time.perf_counter() - t)
        for query in QUERIES:
            print(f"  {query!r:16} {hits[query]:3} hits  {_ms(times[query])}")
        print(f"  all queries            {_ms([t for ts in times.values() for t in ts])}")
        saves = []
        for n in range(args.rounds):
            t = time.perf_counter()
            repo.save_answer(1, "B3", f"Went well: the design part, take {n}. " * 5)
            saves.append(time.perf_counter() - t)
        print(f"  save one answer (indexed)   {_ms(saves)}")
        repo.db["answers"].transform()  # the floor: the same table, its triggers dropped
        floor = []
        for n in range(args.rounds):
            t = time.perf_counter()
            repo.save_answer(1, "B3", f"Went well: the design part, take {n}. " * 5)
            floor.append(time.perf_counter() - t)
        print(f"  save one answer (floor)     {_ms(floor)}")
        repo.close()


if __name__ == "__main__":
    main()
