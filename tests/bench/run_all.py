"""Every benchmark of the README's Performance table, one after the other (issue #8).

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest; ~15 minutes on
2 cores, the large database built first if it is not cached yet):

    /work/venv/bin/python tests/bench/run_all.py            # all of them
    /work/venv/bin/python tests/bench/run_all.py startup keys   # some of them

Each benchmark prints its own figures, floors, ratios and budgets; run them on a quiet machine
(the load average is printed with each) and read ratios, not milliseconds across runs. The
peers of bench_tmux.py need their own venvs (its header says how); without them it measures
Afterword and the floor only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = {
    "startup": ["bench_startup.py"],  # headless start-up, RSS, large vs empty
    "tmux": ["bench_tmux.py"],  # the same in a real terminal, and the peers
    "keys": ["bench_keys.py"],  # keystroke to frame, saving on vs off
    "data": ["bench_data.py"],  # lists, due, search, note checks, export, import at scale
}


def main(names: list[str]) -> int:
    """Run the chosen benchmarks (all by default); return the first failing exit code."""
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(f"unknown: {unknown}; choose from {list(BENCHES)}", file=sys.stderr)
        return 2
    for name in names or list(BENCHES):
        script, *args = BENCHES[name]
        print(f"\n===== {name}: {script} {' '.join(args)}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *args], check=False)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
