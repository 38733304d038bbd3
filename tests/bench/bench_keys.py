"""Keystroke to screen in the debrief editor (B3): save-as-you-type on vs off, Pilot and tmux.

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest):

    /work/venv/bin/python tests/bench/bench_keys.py                  # 4 rounds x 60 keys
    /work/venv/bin/python tests/bench/bench_keys.py --rounds 6 --chars 50 --no-tmux

METHOD (the one of ../shared/tools/keystroke_latency.py and tmux_keystroke_latency.py; the
typed sentence, the tmux client and its quoting are imported from those files by path).
  pilot  The app is built as the tests build it (build_app on a demo database, fixed clock),
         run headless at 120x36; Down Down Enter put the cursor in B3's answer, then at its end.
         App._display is wrapped: every frame is timestamped and encoded to terminal escapes,
         as a tty run would. Each key is posted through the driver --gap-ms after the frame
         that showed the last one; its latency runs to the end of the first frame in which the
         editor's cursor has moved. Series: saving ON (as shipped); saving OFF (Saver.schedule
         a no-op: nothing written, no marks refreshed): the floor; the same two with 5,000
         characters of paragraphs already in the answer; and, for context, a bare one-editor
         Textual app with the same text (what Textual itself costs). Each round runs every
         series once (the order alternates) on a fresh copy of the database, so machine drift
         hits them alike. While typing, every asyncio callback is timed (wall and CPU): the
         longest is the most the UI thread did in one go; each save (flush + listeners) too.
  tmux   bench_keys_tmux.py: the real `afterword --db DB` in a 120x36 tmux pane, moved into B3
         with real keys once its start-up work is done, saving on. Floor: `cat` (the kernel
         echoes). What was typed must be in the database afterwards, or the run is rejected.
Budgets (issue #8), saving on: median <= 10 ms, p90 <= 16.7 ms; 5,000 chars: median <= 16 ms;
nothing on the UI thread over 16 ms per key. The machine may be shared: the load is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT.parent / "shared" / "tools"
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "bench")]
from bench_keys_tmux import SIZE, saved_b3, tmux_round  # noqa: E402

NOW = datetime(2026, 11, 22, 20, 30, tzinfo=UTC)
TZ = "America/New_York"
SERIES = ("on", "off", "big on", "big off", "bare", "big bare")
SENTENCES = (
    "Priya opened with the migration off the nightly batch jobs and asked how I would stage it.",
    "I drew the queue-based ingest with back-pressure and a dead-letter topic for poison rows.",
    "Marcus pushed on on-call: who gets paged when a consumer lags, and how runbooks are kept.",
    "Lena asked about hiring: two seniors in Q1, and a staff role if the reorg settles.",
    "I stumbled on the capacity estimate; next time start from requests per second, not users.",
    "They use Postgres with logical replication, Kafka, and a home-grown scheduler they dislike.",
    "Good rapport overall; the last ten minutes ran over and nobody seemed to mind.",
    "Follow up with the write-up on idempotent consumers that I promised Priya by Thursday.",
)


def _tool(name: str) -> ModuleType | None:
    """Import one of the shared measuring tools by path (None when it is not there)."""
    path = TOOLS / f"{name}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"_tool_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def typed_text(n: int) -> str:
    """The n characters typed: the tools' debrief sentence, repeated."""
    tool = _tool("keystroke_latency")
    base = tool.TEXT if tool else " ".join(SENTENCES) + " "
    return (base * (n // len(base) + 1))[:n]


def paragraphs(n: int) -> str:
    """n characters of debrief prose: paragraphs of three sentences, a blank line between."""
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < n + 2:
        i = 3 * len(out)
        out.append(" ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)))
    return "\n\n".join(out)[:n]


def make_db(path: Path, now: datetime, prefill: int) -> str:
    """The demo database; B3 of the latest interview holds `prefill` characters if asked.
    Return B3's text."""
    from core.demo import build_demo
    from core.repository import Repository

    repo = Repository.open(path)
    build_demo(repo, now)
    latest = repo.latest_interview()
    assert latest is not None and latest.interview.id is not None
    if prefill:
        repo.save_answer(latest.interview.id, "B3", paragraphs(prefill))
    text = repo.answers(latest.interview.id)["B3"]
    repo.close()
    return text


def pct(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank, as the tools compute p90)."""
    v = sorted(values)
    return v[min(len(v) - 1, round(q * (len(v) - 1)))]


class Series:
    """One figure's samples over all rounds, with the load when each round ran."""

    def __init__(self) -> None:
        self.lat: list[float] = []
        self.loads: list[float] = []
        self.calls: list[tuple[float, float]] = []  # (wall, cpu) ms of every UI callback
        self.saves: list[float] = []  # ms of each flush that wrote, listeners included

    @property
    def median(self) -> float:
        """The median latency."""
        return statistics.median(self.lat)


class _CallbackClock:
    """Times every asyncio callback (a task step, a timer) while installed."""

    def __init__(self, samples: list[tuple[float, float]]) -> None:
        self.samples, self._orig = samples, asyncio.events.Handle._run

    def __enter__(self) -> None:
        orig, samples = self._orig, self.samples

        def run(handle: asyncio.Handle) -> None:
            t, c = time.perf_counter(), time.thread_time()
            orig(handle)
            samples.append(((time.perf_counter() - t) * 1e3, (time.thread_time() - c) * 1e3))

        asyncio.events.Handle._run = run  # type: ignore[method-assign]

    def __exit__(self, *exc: object) -> None:
        asyncio.events.Handle._run = self._orig  # type: ignore[method-assign]


def _build(name: str, db: Path, b3: str) -> Any:
    """The app of one series: Afterword on `db` (saving off if asked), or the bare editor."""
    from textual.app import App, ComposeResult

    from core.clock import fixed_clock
    from core.repository import Repository
    from core.settings import Settings
    from tui.app import build_app
    from tui.session import AppConfig
    from tui.widgets.safe_text_area import SafeTextArea

    if "bare" in name:

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield SafeTextArea(b3, id="answer-B3")

        return Bare()
    app = build_app(
        AppConfig(db=db, clock=fixed_clock(NOW)),
        repository=Repository.open(db),
        settings=Settings(db=db, tz=TZ),
    )
    if "off" in name:
        app.saver.schedule = lambda key, write: None
    return app


async def pilot_round(name: str, db: Path, b3: str, text: str, gap: float, out: Series) -> None:
    """Type `text` at the end of B3 in a fresh app; add each key -> frame latency to `out`."""
    from textual import events
    from textual.keys import _character_to_key
    from textual.widgets import TextArea

    app = _build(name, db, b3)
    frame, shown, area = asyncio.Event(), [None], [None]
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None and not app._batch_count:
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)  # what a tty run would encode
            shown[0] = area[0].cursor_location if area[0] is not None else None
            frame.set()

    app._display = timed_display
    saver = getattr(app, "saver", None)
    if saver is not None:
        flush = saver.flush

        def timed_flush() -> None:
            wrote, t = saver.pending, time.perf_counter()
            flush()
            if wrote:
                out.saves.append((time.perf_counter() - t) * 1e3)

        saver.flush = timed_flush
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if saver is not None:
            await pilot.press("down", "down", "enter")  # B1 -> B3, the cursor in its answer
        editor = app.screen.query_one("#answer-B3", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        area[0] = editor
        await pilot.pause(0.3)
        out.loads.append(os.getloadavg()[0])
        with _CallbackClock(out.calls):
            for ch in text:
                await asyncio.sleep(gap / 1000)
                before = editor.cursor_location
                key = events.Key("space" if ch == " " else _character_to_key(ch), ch)
                key.set_sender(app)
                frame.clear()
                t = time.perf_counter()
                app._driver.send_message(key)
                while True:
                    await asyncio.wait_for(frame.wait(), 2)
                    frame.clear()
                    if shown[0] != before:
                        break
                out.lat.append((time.perf_counter() - t) * 1e3)
        await pilot.pause(0.4)
        assert editor.text == b3 + text


def report(a: argparse.Namespace, pil: dict[str, Series], tmx: dict[str, Series]) -> None:
    """Print each figure with its floor, ratio, budget, whether it is met, and the load."""
    print(
        f"Key -> screen in the debrief editor (B3): {a.rounds} interleaved rounds x {a.chars} "
        f"keys, gap {a.gap_ms:g} ms, {SIZE[0]}x{SIZE[1]}, {os.cpu_count()} cores, ms"
    )
    print(f"  {'figure':<32}{'median':>7}{'p90':>7}{'max':>7}{'floor':>7}{'ratio':>7}  budget")
    big = f"{a.prefill} chars"
    rows = [
        ("pilot: bare editor (context)", pil["bare"], None, None),
        ("pilot: saving OFF (floor)", pil["off"], None, None),
        ("pilot: saving ON", pil["on"], pil["off"], (10.0, 16.7)),
        (f"pilot: {big}, bare editor", pil["big bare"], None, None),
        (f"pilot: {big}, OFF (floor)", pil["big off"], None, None),
        (f"pilot: {big}, ON", pil["big on"], pil["big off"], (16.0, None)),
    ]
    if tmx["cat"].lat:
        rows += [
            ("tmux: cat (floor)", tmx["cat"], None, None),
            ("tmux: afterword, saving ON", tmx["on"], tmx["cat"], (10.0, 16.7)),
            (f"tmux: afterword, {big}, ON", tmx["big on"], tmx["cat"], (16.0, None)),
        ]
    for label, s, floor, budget in rows:
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


def main(argv: list[str]) -> None:
    """Run the interleaved rounds, then print the figures."""
    ap = argparse.ArgumentParser(prog="bench_keys.py")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--chars", type=int, default=60, help="keys per series per round")
    ap.add_argument("--gap-ms", type=float, default=30)
    ap.add_argument("--prefill", type=int, default=5000)
    ap.add_argument("--no-tmux", action="store_true")
    a = ap.parse_args(argv)
    text = typed_text(a.chars)
    pil = {k: Series() for k in SERIES}
    tmx = {k: Series() for k in ("on", "cat", "big on")}
    tool = None if a.no_tmux else _tool("tmux_keystroke_latency")
    exe = str(Path(sys.executable).with_name("afterword"))
    with tempfile.TemporaryDirectory(prefix="afterword-keys-") as tmp:
        folder = Path(tmp)
        b3 = {"": make_db(folder / "demo.db", NOW, 0)}
        b3["big"] = make_db(folder / "big.db", NOW, a.prefill)
        make_db(folder / "live.db", datetime.now(UTC), 0)
        make_db(folder / "livebig.db", datetime.now(UTC), a.prefill)
        env = [f"AFTERWORD_CONFIG={folder / 'none.toml'}", "COLORTERM=truecolor"]
        for r in range(a.rounds):
            for name in SERIES if r % 2 == 0 else SERIES[::-1]:
                big = "big" if "big" in name else ""
                db = folder / f"r{r}-{name.replace(' ', '')}.db"
                shutil.copy(folder / f"{big or 'demo'}.db", db)
                asyncio.run(pilot_round(name, db, b3[big], text, a.gap_ms, pil[name]))
            for name in (("on", "cat", "big on") if r % 2 == 0 else ("big on", "cat", "on"))[
                : 3 if tool else 0
            ]:
                db = folder / f"r{r}-tmux-{name.replace(' ', '')}.db"
                shutil.copy(folder / ("livebig.db" if "big" in name else "live.db"), db)
                cmd = ["cat"] if name == "cat" else [exe, "--db", str(db)]
                ok = tmux_round(tool, cmd, env, text, a.gap_ms, tmx[name])
                if name != "cat" and (not ok or not saved_b3(db).endswith(text)):
                    raise SystemExit(f"tmux round {r} {name}: the typed text was not saved")
    report(a, pil, tmx)


if __name__ == "__main__":
    main(sys.argv[1:])
