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

from tests.bench.tmux_setup import (  # noqa: E402
    large_db_copy_for_run,
    large_expect,
    make_dbs,
    peer_fixtures,
    pre_backup,
)


@dataclass
class Series:
    """One command timed from launch to its text on screen."""

    label: str
    argv: list[str]
    expect: list[str]
    peer: bool = False
    extra: list[str] = field(default_factory=list)  # more tmux_first_paint.py options


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
        dbs["empty"], dbs["demo"] = make_dbs(folder)
        note = "large db: skipped (--no-large)"
        if not a.no_large:
            large, note = large_db_copy_for_run(folder, a.build_large)
            if large is not None:
                dbs["large"] = large
        for db in dbs.values():
            pre_backup(db)
        fx = peer_fixtures(folder, dbs["demo"])
        series = _series(a, dbs, fx)
        for s in series:
            if s.label == "afterword large db":
                s.expect = a.expect_large or large_expect(dbs["large"])
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


def _fmt(load: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    main()
