"""Start-up in a real terminal (tmux, a 120x36 pane): Afterword vs a bare Textual app and peers.

Issue #8, benchmarks 1 (in a real terminal) and 6 (peers). Not collected by pytest.

HOW TO RUN (from the checkout; needs tmux >= 3.2 and the shared tools in ../shared/tools):

    # once, the peers, each in its OWN venv under /work/peers (the project's venv stays
    # untouched; they cannot share one: they pin Textual 6.1.0, 8.2.8, 0.58.x and 0.43.x):
    for p in posting harlequin toolong frogmouth; do
        python3 -m venv /work/peers/$p && /work/peers/$p/bin/pip install $p
    done
    # posting 2.11.1 segfaults at start with tree-sitter 0.26 (its JSON grammar): pin it
    /work/peers/posting/bin/pip install 'tree-sitter<0.26'

    /work/venv/bin/python tests/bench/bench_tmux.py                 # 15 interleaved rounds
    /work/venv/bin/python tests/bench/bench_tmux.py -n 20 --peer-n 10 --json /tmp/runs.jsonl
    /work/venv/bin/python tests/bench/bench_tmux.py --no-peers      # Afterword and floor only
    /work/venv/bin/python tests/bench/bench_tmux.py --screens /tmp/screens   # save what was seen

    # the raw per-run records (--json) can be pooled again later:
    python3 ../shared/tools/pool_results.py /tmp/runs.jsonl --keys nonblank expect

METHOD. Each run is one call of ../shared/tools/tmux_first_paint.py (by path, -n 1, no
warm-up, --json/--label): a private tmux server, a 120x36 session whose command is the app
(exec'd by tmux, no shell), capture-pane every 10 ms from t0 = just before new-session. Per
run it records `nonblank` (first capture with any text: the app's first frame) and `expect`
(first capture holding every --expect string: the content). Rounds are interleaved (floor,
empty, demo, large, peers, floor, ...) so machine drift hits every series alike; `--warmup`
whole rounds come first and are dropped. Every app gets the same environment: a private HOME
(so peers read no user config and write none into yours), TERM=tmux-256color,
COLORTERM=truecolor. Figures are upper bounds (the poll interval, ~5 ms on average).

SERIES
  floor     a bare one-label Textual app (shared first_screen_headless.py --app bare
            --terminal --stay, in the project's venv): its text on screen = the FLOOR
  method    `sh -c 'echo READY; exec sleep 60'`: the cost of tmux + polling alone
  empty     `afterword --db EMPTY`: first screen = the frame (top bar, footer keys);
            data = the welcome panel ("Just left an interview?")
  demo      `afterword --db DEMO` (core.demo.build_demo): data = the debrief (company in the
            top bar and a prompt's answer; the bar is filled before the body)
  large     `afterword --db LARGE` (tests/bench/large_db.py's database, copied; skipped if
            it is not built, unless --build-large); data = company + a line of the
            first prompt's answers. Budget: <= 1.1x the empty db's first screen, and its
            data <= 1.1x the demo db's (the same screen)
  peers     posting, harlequin, toolong, frogmouth from /work/peers/NAME (--peers): their
            content on screen (a collection's request, a table of the catalog, a log line,
            a markdown heading)

BUDGETS (issue #8): first interactive screen <= 1.4x the floor; the user's data on screen
<= 2.0x the floor and >= 1.5x faster than the fastest peer's content; large db <= 1.1x the
empty db. The machine may be shared: read ratios taken in one run, not ms across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT.parent / "shared" / "tools"
PAINT = TOOLS / "tmux_first_paint.py"
HEADLESS = TOOLS / "first_screen_headless.py"
SIZE = "120x36"

sys.path.insert(0, str(ROOT))


@dataclass
class Series:
    """One command timed from launch to its text on screen."""

    label: str
    argv: list[str]
    expect: list[str]
    peer: bool = False
    extra: list[str] = field(default_factory=list)  # more tmux_first_paint.py options


# --------------------------------------------------------------------------- fixtures
def _make_dbs(folder: Path) -> tuple[Path, Path]:
    """An empty database and the demo one, each with today's rolling backup already made (so
    no run copies the database after its data is shown and is killed half-way)."""
    from datetime import UTC

    from core.demo import build_demo
    from core.repository import Repository

    empty, demo = folder / "empty.db", folder / "demo.db"
    Repository.open(empty).close()
    repo = Repository.open(demo)
    build_demo(repo, datetime(2026, 11, 20, 15, 30, tzinfo=UTC))
    repo.close()
    return empty, demo


def _pre_backup(db: Path) -> None:
    """Make today's rolling backup now (the app makes it once a day, after the first screen)."""
    from core.backup import rolling_backup

    rolling_backup(db, datetime.now().astimezone())


def _large_db(folder: Path, build: bool) -> tuple[Path | None, str]:
    """A private copy of the large benchmark database, or None and why not."""
    try:
        from tests.bench import large_db
    except ImportError as exc:
        return None, f"tests/bench/large_db.py not importable ({exc})"
    src = large_db.DEFAULT_PATH
    note = ""
    if build:
        src = large_db.ensure_large_db()
    elif not src.exists():
        return None, f"{src} not built (run tests/bench/large_db.py or pass --build-large)"
    else:
        stamp = src.with_name(src.name + ".stamp")
        fresh = stamp.exists() and json.loads(stamp.read_text()) == large_db._stamp()
        if not fresh:
            note = f" (its stamp is stale: built by an older large_db.py or schema; {src})"
    copy = folder / "large.db"
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as source, sqlite3.connect(copy) as dst:
        source.backup(dst)
    return copy, f"large db: a copy of {src}{note}"


def _fixtures(folder: Path, db: Path) -> dict[str, Path]:
    """Content for the peers: a posting collection, a log file, a markdown file."""
    coll = folder / "collection"
    coll.mkdir()
    (coll / "list-interviews.posting.yaml").write_text(
        "name: List interviews\nmethod: GET\nurl: https://example.com/api/interviews\n"
    )
    log = folder / "app.log"
    with log.open("w") as fh:
        for i in range(5000):
            fh.write(
                f"2026-11-22T15:{i // 60 % 60:02d}:{i % 60:02d} INFO request id={i} "
                f"path=/api/interviews/{i % 97} status=200 ms={i % 37}\n"
            )
    md = folder / "notes.md"
    md.write_text(
        "# Peer check heading\n\nA short markdown file for frogmouth.\n\n"
        + "\n".join(f"- item {i}" for i in range(20))
        + "\n"
    )
    return {"collection": coll, "log": log, "md": md, "db": db}


def _series(a: argparse.Namespace, dbs: dict[str, Path], fx: dict[str, Path]) -> list[Series]:
    """Every series of this run, in the order of a round."""
    py = sys.executable
    afterword = str(Path(py).with_name("afterword"))
    out = [
        Series(
            "floor: bare Textual app",
            [py, str(HEADLESS), "--app", "bare", "--terminal", "--stay"],
            ["Debrief ready"],
            # --stay writes its marks to PERF_OUT instead of the screen, and keeps the text up
            extra=["--perf-out", str(fx["db"].parent / "bare-marks.jsonl")],
        ),
        Series("method: sh echo", ["sh", "-c", "echo READY; exec sleep 60"], ["READY"]),
        Series("afterword empty db", [afterword, "--db", str(dbs["empty"])], a.expect_empty),
        Series("afterword demo db", [afterword, "--db", str(dbs["demo"])], a.expect_demo),
    ]
    if "large" in dbs:
        out.append(Series("afterword large db", [afterword, "--db", str(dbs["large"])], []))
    if a.no_peers:
        return out
    peers = {  # package: (console script, its arguments, its content on screen)
        "posting": ("posting", ["--collection", str(fx["collection"])], ["List interviews"]),
        "harlequin": ("harlequin", ["-a", "sqlite", str(fx["db"])], ["main db"]),
        "toolong": ("tl", [str(fx["log"])], ["request id=4999 "]),  # opens tailing the end
        "frogmouth": ("frogmouth", [str(fx["md"])], ["Peer check heading"]),
    }
    for package, (script, args, expect) in peers.items():
        exe = Path(a.peers) / package / "bin" / script
        if exe.exists():
            out.append(Series(f"peer: {package}", [str(exe), *args], expect, peer=True))
        else:
            print(f"  (peer {package} skipped: {exe} not installed)")
    return out


# --------------------------------------------------------------------------- runs
def _run_once(s: Series, json_out: Path, home: Path, screen: Path | None) -> bool:
    """Time one launch of `s` (one tmux_first_paint.py call); False (explained) if it failed."""
    cmd = [sys.executable, str(PAINT), "-n", "1", "--warmup", "0", "--size", SIZE]
    for e in s.expect:
        cmd += ["--expect", e]
    for env in (f"HOME={home}", "COLORTERM=truecolor"):
        cmd += ["--env", env]
    cmd += ["--timeout", "30", "--json", str(json_out), "--label", s.label, *s.extra]
    if screen is not None:
        cmd += ["--screen", str(screen)]
    proc = subprocess.run([*cmd, "--", *s.argv], capture_output=True, text=True, cwd=home)
    if proc.returncode != 0:
        print(f"  ({s.label}: run failed: {(proc.stderr or proc.stdout)[-600:]!r})")
        return False
    return True


def _screens(series: list[Series], folder: Path, home: Path, scratch: Path) -> None:
    """One run each, saving the screen seen when the expected text was there."""
    folder.mkdir(parents=True, exist_ok=True)
    for s in series:
        name = "".join(c if c.isalnum() else "_" for c in s.label) + ".txt"
        _run_once(s, scratch, home, folder / name)
        print(f"  screen of {s.label}: {folder / name}")


def _load(path: Path) -> dict[str, list[dict[str, float]]]:
    """The per-run records of `path`, grouped by label."""
    groups: dict[str, list[dict[str, float]]] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                rec = json.loads(line)
                groups.setdefault(rec.pop("label"), []).append(rec)
    return groups


# --------------------------------------------------------------------------- report
def _med(recs: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in recs if isinstance(r.get(key), int | float)]
    return statistics.median(values) if values else None


def _report(series: list[Series], runs: dict[str, list[dict[str, float]]]) -> None:
    """Print every series' figures, the floor and the ratios, and the budgets' verdicts."""
    floor = _med(runs.get(series[0].label, []), "expect")
    if floor is None:
        raise SystemExit("no run of the floor succeeded")
    peers = [m for s in series if s.peer if (m := _med(runs.get(s.label, []), "expect"))]
    fastest_peer = min(peers) if peers else None
    empty_first = _med(runs.get("afterword empty db", []), "nonblank")
    demo_data = _med(runs.get("afterword demo db", []), "expect")
    print(f"  {'series':<40}{'n':>3}{'min':>7}{'median':>7}{'max':>7}{'ratio':>7}  budget")

    def row(label: str, values: list[float], budget: str = "", ok: bool | None = None) -> None:
        med = statistics.median(values)
        verdict = "" if ok is None else ("  MET" if ok else "  MISSED")
        print(
            f"  {label:<40}{len(values):>3}{min(values):>7.0f}{med:>7.0f}{max(values):>7.0f}"
            f"{med / floor:>6.2f}x  {budget}{verdict}"
        )

    for s in series:
        recs = runs.get(s.label, [])
        if not recs:
            print(f"  {s.label:<40}  no successful run")
            continue
        first, data = [r["nonblank"] for r in recs], [r["expect"] for r in recs]
        med1, med2 = statistics.median(first), statistics.median(data)
        if not s.label.startswith("afterword"):
            if s.peer:
                row(f"{s.label}: first frame", first)
            row(f"{s.label}: content" if s.peer else s.label, data, "FLOOR" * (s is series[0]))
            continue
        budget1, ok1 = "<= 1.40x", med1 <= 1.4 * floor
        budget2, ok2 = "<= 2.00x", med2 <= 2.0 * floor
        if s.label == "afterword large db" and empty_first and demo_data:
            budget1 += f"; <= 1.1x empty db: {med1 / empty_first:.2f}x"
            ok1 = ok1 and med1 <= 1.1 * empty_first
            budget2 += f"; <= 1.1x demo db: {med2 / demo_data:.2f}x"
            ok2 = ok2 and med2 <= 1.1 * demo_data
        elif fastest_peer:
            budget2 += f"; fastest peer >= 1.5x: {fastest_peer / med2:.2f}x"
            ok2 = ok2 and fastest_peer / med2 >= 1.5
        row(f"{s.label}: first screen", first, budget1, ok1)
        row(f"{s.label}: data shown", data, budget2, ok2)


def main(argv: list[str] | None = None) -> None:
    """Interleave the series' runs, then print the table."""
    ap = argparse.ArgumentParser(prog="bench_tmux.py", description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=15, help="timed rounds (default 15)")
    ap.add_argument("--peer-n", type=int, help="timed runs of each peer (default: -n)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    ap.add_argument("--peers", default="/work/peers", help="folder of one venv per peer")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--build-large", action="store_true", help="build the large db if needed")
    ap.add_argument("--no-large", action="store_true")
    ap.add_argument("--json", type=Path, help="keep the per-run records here (appended)")
    ap.add_argument("--screens", type=Path, help="save each series' screen here, then time")
    ap.add_argument("--expect-empty", action="append", default=None)
    ap.add_argument("--expect-demo", action="append", default=None)
    ap.add_argument("--expect-large", action="append", default=None)
    a = ap.parse_args(argv)
    a.expect_empty = a.expect_empty or ["Just left an interview?"]
    a.expect_demo = a.expect_demo or ["Acme Robotics", "Design a rate limiter"]
    peer_n = a.n if a.peer_n is None else a.peer_n
    from tests.bench.bench_startup import fresh_bytecode

    fresh_bytecode()
    if not PAINT.exists() or not HEADLESS.exists() or not shutil.which("tmux"):
        raise SystemExit(f"needs tmux and {PAINT} and {HEADLESS}")
    with tempfile.TemporaryDirectory(prefix="afterword-tmux-") as tmp:
        folder = Path(tmp)
        home = folder / "home"
        home.mkdir()
        dbs: dict[str, Path] = {}
        dbs["empty"], dbs["demo"] = _make_dbs(folder)
        note = "large db: skipped (--no-large)"
        if not a.no_large:
            large, note = _large_db(folder, a.build_large)
            if large is not None:
                dbs["large"] = large
        for db in dbs.values():
            _pre_backup(db)
        fx = _fixtures(folder, dbs["demo"])
        series = _series(a, dbs, fx)
        for s in series:
            if s.label == "afterword large db":
                s.expect = a.expect_large or _large_expect(dbs["large"])
        if a.screens:
            _screens(series, a.screens, home, folder / "scratch.jsonl")
        runs_file = folder / "runs.jsonl"
        load_before = os.getloadavg()
        for i in range(a.warmup + max(a.n, peer_n)):
            out = runs_file if i >= a.warmup else folder / "warmup.jsonl"
            timed = i - a.warmup
            for s in series:
                limit = peer_n if s.peer else a.n
                if timed < limit:
                    _run_once(s, out, home, None)
        load_after = os.getloadavg()
        runs = _load(runs_file)
        if a.json:
            with a.json.open("a") as fh:
                fh.write(runs_file.read_text())
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    print(
        f"Start-up in a real terminal: tmux {SIZE}, ms from launch (new-session) to text on "
        f"screen; {a.n} interleaved rounds (peers {peer_n}) after {a.warmup} warm-up; {when}"
    )
    print(f"  load average before {_fmt(load_before)}, after {_fmt(load_after)}; {note}")
    print("  floor = the bare one-label Textual app's text on screen; ratio = median / floor")
    _report(series, runs)


def _large_expect(db: Path) -> list[str]:
    """The company of the debrief `afterword --db LARGE` opens on (the latest interview; in
    the top bar) and a line of its first prompt's answers (in the body, drawn after the bar)."""
    from core.repository import Repository

    repo = Repository.open(db)
    try:
        latest = repo.latest_interview()
    finally:
        repo.close()
    return [latest.company, "Stumped me (goes to the practice list)"] if latest else []


def _fmt(load: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    main()
