"""Keystroke to screen in the debrief editor (B3): Afterword against its floors, Pilot and tmux.

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest; ~6 minutes):

    /work/venv/bin/python tests/bench/bench_keys.py                  # 6 rounds x 60 keys
    /work/venv/bin/python tests/bench/bench_keys.py --rounds 4 --chars 50 --no-tmux
    # A/B of a change in tmux only: this checkout against another copy of it (B), interleaved
    /work/venv/bin/python tests/bench/bench_keys.py --no-pilot --rounds 15 --versus /tmp/b/main

METHOD (the one of ../shared/tools/keystroke_latency.py and tmux_keystroke_latency.py; the
typed sentence, the tmux client and its quoting are imported from those files by path).
  pilot  bench_keys_pilot.py: the app is built as the tests build it (build_app on a demo
         database, fixed clock), run headless at 120x36; Down Down Enter put the cursor in B3's
         answer, then at its end. App._display is wrapped: every frame is timestamped and
         encoded to terminal escapes, as a tty run would. Each key is posted through the driver
         --gap-ms after the frame that showed the last one; its latency runs to the end of the
         first frame in which the editor's cursor has moved. Series: saving ON (as shipped);
         saving OFF (Saver.schedule a no-op: nothing written, no marks refreshed); the same two
         with 5,000 characters already in the answer (paragraphs of three sentences with a
         blank line between, as a debrief is typed: not one long line); and bare_editor.py, a
         bare Textual app with one TextArea configured and sized as B3's (86x22) holding the
         same text: what Textual itself costs for that editor. While typing, every
         asyncio callback is timed (wall and CPU): the longest is the most the UI thread did
         in one go; each save (flush + listeners) too.
  tmux   bench_keys_tmux.py: the real `afterword --db DB` of this checkout in a 120x36 tmux
         pane, moved into B3 with real keys once its start-up work is done, saving on; the
         floor is the same bare_editor.py (one TextArea as B3's, the same text) in the same
         pane, typed the same keys; `cat` (the kernel echoes) is the method's own
         cost. What was typed must be in the database (or on the bare editor's screen)
         afterwards, or the run is rejected. --versus DIR adds Afterword run from the code of
         another checkout (PYTHONPATH=DIR), both sizes, in the same rounds: an A/B of a change.
Each round runs every series once (the order alternates: A B A B ...) on a fresh copy of the
database, so machine drift hits them alike. Budgets (issue #8), saving on: median <= 10 ms,
p90 <= 16.7 ms; 5,000 chars: median <= 16 ms; nothing on the UI thread over 16 ms per key.
The machine may be shared: the load is printed with each figure.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parent)]
from bench_keys_pilot import (  # noqa: E402
    NOW,
    SERIES,
    Series,
    make_db,
    pct,
    pilot_round,
    tool,
    typed_text,
)
from bench_keys_tmux import ROOT, SIZE, command, saved_b3, tmux_round  # noqa: E402

TMUX = ("on", "bare", "big on", "big bare", "cat")
VERSUS = ("on B", "big on B")  # --versus: Afterword from the other checkout
Row = tuple[str, Series, Series | None, tuple[float, float | None] | None]


def _rows(a: argparse.Namespace, pil: dict[str, Series], tmx: dict[str, Series]) -> list[Row]:
    big = f"{a.prefill} chars"
    rows: list[Row] = [
        ("pilot: bare editor (context)", pil["bare"], None, None),
        ("pilot: saving OFF (floor)", pil["off"], None, None),
        ("pilot: saving ON", pil["on"], pil["off"], (10.0, 16.7)),
        (f"pilot: {big}, bare editor", pil["big bare"], None, None),
        (f"pilot: {big}, OFF (floor)", pil["big off"], None, None),
        (f"pilot: {big}, ON", pil["big on"], pil["big off"], (16.0, None)),
    ]
    if tmx["cat"].lat:
        rows += [
            ("tmux: cat (the method)", tmx["cat"], None, None),
            ("tmux: bare editor (floor)", tmx["bare"], None, None),
            ("tmux: afterword, saving ON", tmx["on"], tmx["bare"], (10.0, 16.7)),
            (f"tmux: {big}, bare (floor)", tmx["big bare"], None, None),
            (f"tmux: {big}, afterword ON", tmx["big on"], tmx["big bare"], (16.0, None)),
        ]
    if tmx["on B"].lat:
        rows += [
            ("tmux: B (--versus), saving ON", tmx["on B"], tmx["bare"], (10.0, 16.7)),
            (f"tmux: {big}, B (--versus) ON", tmx["big on B"], tmx["big bare"], (16.0, None)),
            ("tmux: B against A", tmx["on B"], tmx["on"], None),
            (f"tmux: {big}, B against A", tmx["big on B"], tmx["big on"], None),
        ]
    return rows


def report(a: argparse.Namespace, pil: dict[str, Series], tmx: dict[str, Series]) -> None:
    """Print each figure with its floor, ratio, budget, whether it is met, and the load."""
    print(
        f"Key -> screen in the debrief editor (B3): {a.rounds} interleaved rounds x {a.chars} "
        f"keys, gap {a.gap_ms:g} ms, {SIZE[0]}x{SIZE[1]}, {os.cpu_count()} cores, ms"
    )
    print(f"  {'figure':<32}{'median':>7}{'p90':>7}{'max':>7}{'floor':>7}{'ratio':>7}  budget")
    for label, s, floor, budget in _rows(a, pil, tmx):
        if not s.lat:
            continue
        p90 = pct(s.lat, 0.9)
        cells = f"{s.median:7.2f}{p90:7.2f}{max(s.lat):7.1f}"
        cells += f"{floor.median:7.2f}{s.median / floor.median:6.2f}x" if floor else " " * 14
        verdict = ""
        if budget:
            med, p = budget
            met = s.median <= med and (p is None or p90 <= p)
            verdict = f"median<={med:g}" + (f", p90<={p:g}" if p else "")
            verdict = f"{verdict:<22}{'MET' if met else 'MISSED'}"
        load = f"load {min(s.loads):.1f}-{max(s.loads):.1f}, n={len(s.lat)}"
        print(f"  {label:<32}{cells}  {verdict:<29}{load}")
    if not pil["on"].lat:
        return
    print("UI thread while typing (pilot), budget: nothing over 16 ms per key")
    for name in ("on", "off", "big on", "big off"):
        s = pil[name]
        walls, cpus = [w for w, _c in s.calls], [c for _w, c in s.calls]
        saves = "no saves"
        if s.saves:
            saves = f"saves: n={len(s.saves)}, median {statistics.median(s.saves):.1f}, "
            saves += f"p90 {pct(s.saves, 0.9):.1f}, max {max(s.saves):.1f} ms"
        print(
            f"  {name:<8} longest callback {max(walls):5.1f} ms wall, {max(cpus):5.1f} ms CPU; "
            f"over 16 ms CPU: {sum(c > 16 for c in cpus)} of {len(cpus)}; {saves}"
        )


def _tmux_rounds(
    a: argparse.Namespace, r: int, folder: Path, text: str, tmx: dict[str, Series]
) -> None:
    """One round of every tmux series (the order alternates with the round)."""
    found = tool("tmux_keystroke_latency")
    if found is None or a.no_tmux:
        return
    exe = str(Path(sys.executable).with_name("afterword"))
    env = [f"AFTERWORD_CONFIG={folder / 'none.toml'}", "COLORTERM=truecolor"]
    names = TMUX + VERSUS if a.versus else TMUX
    for name in names if r % 2 == 0 else names[::-1]:
        big = "big" in name
        db = folder / f"r{r}-tmux-{name.replace(' ', '')}.db"
        shutil.copy(folder / ("livebig.db" if big else "live.db"), db)
        kind = "afterword" if " on" in f" {name}" else name.split()[-1]
        argv = command(kind, exe, db, folder / ("big.txt" if big else "small.txt"))
        root = a.versus if name.endswith(" B") else ROOT
        ok = tmux_round(found, argv, env, text, a.gap_ms, tmx[name], kind, root)
        if not ok or (kind == "afterword" and not saved_b3(db).endswith(text)):
            raise SystemExit(f"tmux round {r} {name}: the typed text was not kept")


def main(argv: list[str]) -> None:
    """Run the interleaved rounds, then print the figures."""
    ap = argparse.ArgumentParser(prog="bench_keys.py")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--chars", type=int, default=60, help="keys per series per round")
    ap.add_argument("--gap-ms", type=float, default=30)
    ap.add_argument("--prefill", type=int, default=5000)
    ap.add_argument("--no-tmux", action="store_true")
    ap.add_argument("--no-pilot", action="store_true", help="the tmux figures only")
    ap.add_argument("--versus", type=Path, help="another checkout whose Afterword runs as B")
    a = ap.parse_args(argv)
    text = typed_text(a.chars)
    pil = {k: Series() for k in SERIES}
    tmx = {k: Series() for k in TMUX + VERSUS}
    with tempfile.TemporaryDirectory(prefix="afterword-keys-") as tmp:
        folder = Path(tmp)
        b3 = {"": make_db(folder / "demo.db", NOW, 0)}
        b3["big"] = make_db(folder / "big.db", NOW, a.prefill)
        (folder / "small.txt").write_text(make_db(folder / "live.db", datetime.now(UTC), 0))
        (folder / "big.txt").write_text(
            make_db(folder / "livebig.db", datetime.now(UTC), a.prefill)
        )
        for r in range(a.rounds):
            for name in () if a.no_pilot else SERIES if r % 2 == 0 else SERIES[::-1]:
                big = "big" if "big" in name else ""
                db = folder / f"r{r}-{name.replace(' ', '')}.db"
                shutil.copy(folder / f"{big or 'demo'}.db", db)
                asyncio.run(pilot_round(name, db, b3[big], text, a.gap_ms, pil[name]))
            _tmux_rounds(a, r, folder, text, tmx)
    report(a, pil, tmx)


if __name__ == "__main__":
    main(sys.argv[1:])
