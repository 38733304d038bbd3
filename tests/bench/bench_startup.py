"""Start-up to the first screen, headless: Afterword (empty, demo and large db) vs a bare app.

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest):

    /work/venv/bin/python tests/bench/bench_startup.py            # 15 interleaved rounds
    /work/venv/bin/python tests/bench/bench_startup.py -n 25 --warmup 3
    /work/venv/bin/python tests/bench/bench_startup.py --no-large   # skip the 10k-interview db

The large database (10k interviews, 50k people, 100k actions) is tests/bench/large_db.py's,
built on first use and cached in /tmp/afterword-bench/; each run works on a copy.

METHOD (the same as ../shared/tools/first_screen_headless.py, which is reused by path for
the floor when it is there). The parent reads time.monotonic_ns() just before it spawns a
child and passes it in PERF_T0_NS; CLOCK_MONOTONIC is system-wide, so the child reports its
own marks in ms from the spawn. Terminal size 120x40 through COLUMNS/LINES. Marks:
  ready  Textual's `Ready` (first frame composed; headless: rendered to strips, not written)
  data   the first frame that holds the user's data: the debrief (demo db) or the welcome
         panel (empty db), i.e. the database was opened and read after the first paint
  exit   the child was reaped (parent side)
  rss    the child's resident memory (VmRSS) at `ready` and at `data`; the bare app's is
         read by this script's own one-label child (the shared tool does not report it)
Runs are interleaved (bare, empty, demo, large, python -c pass, import textual.app, again) so
machine drift hits every series alike. The floor is the bare one-label app's `ready`; the
ratios are Afterword's medians over it. The machine may be shared: read ratios, not ms.
"""

from __future__ import annotations

import time

_T_SCRIPT = time.monotonic_ns()

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT.parent / "shared" / "tools" / "first_screen_headless.py"
T0 = int(os.environ.get("PERF_T0_NS", "0")) or None


def _rss_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _ms(t_ns: int) -> float | None:
    return None if T0 is None else round((t_ns - T0) / 1e6, 3)


# --------------------------------------------------------------------------- children
def child_afterword(db: str) -> None:
    """Run `afterword --db DB` (the console script's entry) headless; mark Ready and the first
    frame with the data in it."""
    marks: dict[str, float | None] = {"script": _ms(_T_SCRIPT)}
    import textual.app as tapp

    from tui.launch import main

    marks["imports"] = _ms(time.monotonic_ns())
    orig_run, orig_display = tapp.App.run, tapp.App._display

    def run(self, *args, **kw):  # type: ignore[no-untyped-def]
        kw["headless"] = True
        return orig_run(self, *args, **kw)

    def on_ready(self, event=None):  # type: ignore[no-untyped-def]
        marks.setdefault("ready", _ms(time.monotonic_ns()))
        marks.setdefault("rss_ready", _rss_mb())

    def display(self, screen, renderable):  # type: ignore[no-untyped-def]
        orig_display(self, screen, renderable)
        if renderable is None or self._batch_count or "data" in marks:
            return
        for widget in screen.query("DebriefBody, Welcome"):
            try:
                shown = widget.region.area > 0
            except Exception:  # not in this frame's map yet
                shown = False
            if shown:
                marks["data"] = _ms(time.monotonic_ns())
                marks["rss_data"] = _rss_mb()
                self.exit()

    tapp.App.run = run
    tapp.App._on_ready = on_ready
    tapp.App._display = display
    with contextlib.suppress(SystemExit):  # `afterword` exits 1 if the db cannot be used
        main(["--db", db])
    marks["run_returned"] = _ms(time.monotonic_ns())
    print(json.dumps(marks), flush=True)


def child_bare() -> None:
    """The floor when the shared tool is not there: one label, exit at Ready."""
    marks: dict[str, float | None] = {"script": _ms(_T_SCRIPT)}
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Debrief ready")

        def on_ready(self) -> None:
            marks.setdefault("ready", _ms(time.monotonic_ns()))
            marks.setdefault("rss_ready", _rss_mb())
            self.exit()

    Bare().run(headless=True)
    print(json.dumps(marks), flush=True)


# --------------------------------------------------------------------------- parent
def _spawn(argv: list[str], needs: tuple[str, ...] = ()) -> dict[str, float] | None:
    """Run one child; return its marks plus `exit`, or None (explained) if a mark is missing."""
    env = dict(os.environ, COLUMNS="120", LINES="40")
    env.pop("PERF_OUT", None)
    t0 = time.monotonic_ns()
    env["PERF_T0_NS"] = str(t0)
    proc = subprocess.run(
        argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    exit_ms = (time.monotonic_ns() - t0) / 1e6
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-2000:])
        raise SystemExit(f"child failed (rc={proc.returncode}): {argv}")
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    record: dict[str, float] = json.loads(lines[-1]) if lines else {}
    record["exit"] = round(exit_ms, 3)
    missing = [k for k in needs if record.get(k) is None]
    if missing:
        print(f"  (run dropped: no {missing} from {argv[2:]}; stderr: {proc.stderr[-300:]!r})")
        return None
    return record


def _make_dbs(folder: Path) -> tuple[Path, Path]:
    from datetime import UTC, datetime

    from core.demo import build_demo
    from core.repository import Repository

    empty, demo = folder / "empty.db", folder / "demo.db"
    Repository.open(empty).close()
    repo = Repository.open(demo)
    build_demo(repo, datetime(2026, 11, 20, 15, 30, tzinfo=UTC))
    repo.close()
    return empty, demo


def _row(name: str, values: list[float], floor: float | None) -> str:
    med = statistics.median(values)
    ratio = f"{med / floor:6.2f}x" if floor else "       "
    return (
        f"  {name:<34}{min(values):>8.1f}{med:>9.1f}{max(values):>8.1f}  {ratio}"
        f"   [{' '.join(f'{v:.0f}' for v in values)}]"
    )


def _series(py: str, me: str, dbs: dict[str, Path]) -> dict[str, tuple[list[str], tuple[str, ...]]]:
    bare = [py, str(TOOL), "--app", "bare"] if TOOL.exists() else [py, me, "child-bare"]
    series: dict[str, tuple[list[str], tuple[str, ...]]] = {
        "bare": (bare, ("ready",)),
        "bare-rss": ([py, me, "child-bare"], ("ready", "rss_ready")),
    }
    for name, db in dbs.items():
        series[name] = ([py, me, "child-afterword", str(db)], ("ready", "data", "imports"))
    series["pass"] = ([py, "-c", "pass"], ())
    series["textual"] = ([py, "-c", "import textual.app"], ())
    return series


def _report(records: dict[str, list[dict[str, float]]], labels: dict[str, str]) -> None:
    floor = statistics.median(r["ready"] for r in records["bare"])
    print(f"  {'series':<38}{'min':>8}{'median':>9}{'max':>8}  ratio   [runs]")
    print(_row("bare Textual app: Ready (FLOOR)", [r["ready"] for r in records["bare"]], floor))
    for name, label in labels.items():
        recs = records[name]
        print(_row(f"Afterword {label}: Ready", [r["ready"] for r in recs], floor))
        print(_row(f"Afterword {label}: data shown", [r["data"] for r in recs], floor))
        print(_row(f"Afterword {label}: imports done", [r["imports"] for r in recs], None))
    print(_row("bare Textual app: exit", [r["exit"] for r in records["bare"]], None))
    print(_row("python -c pass: exit", [r["exit"] for r in records["pass"]], None))
    textual = [r["exit"] for r in records["textual"]]
    print(_row("python -c 'import textual.app': exit", textual, None))
    print("  RSS (MB), at the first frame and when the data is shown:")
    rss_floor = statistics.median(r["rss_ready"] for r in records["bare-rss"])
    print(
        _row(
            "bare Textual app: Ready (FLOOR)",
            [r["rss_ready"] for r in records["bare-rss"]],
            rss_floor,
        )
    )
    for name, label in labels.items():
        recs = records[name]
        print(_row(f"Afterword {label}: Ready", [r["rss_ready"] for r in recs], rss_floor))
        print(_row(f"Afterword {label}: data shown", [r["rss_data"] for r in recs], rss_floor))
    if "large" in records and "empty" in records:
        large = statistics.median(r["data"] for r in records["large"])
        empty = statistics.median(r["data"] for r in records["empty"])
        print(f"  large db / empty db, data shown: {large / empty:.2f}x (budget <= 1.1x)")
    print(
        "  budgets: Ready <= 1.4x; data shown <= 2.0x; RSS at the first screen <= 1.6x (issue #8)"
    )


def fresh_bytecode() -> None:
    """Compile the app's modules, as a user's second start finds them: `pip install -e` writes
    no bytecode and Python writes it on the first run, unless PYTHONDONTWRITEBYTECODE is set
    (as on this machine), when every run would compile each changed module from source."""
    import compileall

    for package in ("core", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def bench(argv: list[str]) -> None:
    """Interleave the series, then print each figure, the floor and the ratios."""
    ap = argparse.ArgumentParser(prog="bench_startup.py")
    ap.add_argument("-n", type=int, default=15, help="timed rounds (default 15)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--no-large", action="store_true", help="skip the large database")
    a = ap.parse_args(argv)
    fresh_bytecode()
    py, me = sys.executable, str(Path(__file__).resolve())
    labels = {"empty": "empty db", "demo": "demo db"}
    with tempfile.TemporaryDirectory(prefix="afterword-bench-") as tmp:
        empty, demo = _make_dbs(Path(tmp))
        dbs = {"empty": empty, "demo": demo}
        if not a.no_large:
            sys.path.insert(0, str(ROOT))
            from tests.bench.large_db import large_db_copy

            dbs["large"] = large_db_copy(Path(tmp) / "large.db")  # the app writes: not the cache
            labels["large"] = "large db (10k interviews)"
        series = _series(py, me, dbs)
        records: dict[str, list[dict[str, float]]] = {k: [] for k in series}
        for i in range(a.warmup + a.n):
            for name, (cmd, needs) in series.items():
                record = _spawn(cmd, needs)
                if i >= a.warmup and record is not None:
                    records[name].append(record)
    source = "shared tool" if TOOL.exists() else "built-in"
    print(
        f"Start-up, headless, 120x40, n={a.n} interleaved rounds (+{a.warmup} warm-up), "
        f"ms from spawn; floor = bare one-label app's Ready ({source}); load {os.getloadavg()}"
    )
    _report(records, labels)


if __name__ == "__main__":
    if sys.argv[1:2] == ["child-afterword"]:
        child_afterword(sys.argv[2])
    elif sys.argv[1:2] == ["child-bare"]:
        child_bare()
    else:
        bench(sys.argv[1:])
