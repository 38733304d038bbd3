"""The Pilot half of bench_keys.py: the apps, the typed text, and the key -> frame loop.

Run through bench_keys.py (see its HOW TO RUN). The app is built as the tests build it
(build_app on a demo database, fixed clock) and run headless at 120x36; every frame is
timestamped in App._display and encoded to terminal escapes, as a tty run would. The heap is
frozen out of the collector before typing, as the real start-up freezes its own: otherwise full
collections over the benchmark's own objects (earlier rounds) showed as 7-19 ms callbacks.
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import os
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from bench_keys_tmux import SIZE

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT.parent / "shared" / "tools"

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


def tool(name: str) -> ModuleType | None:
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
    found = tool("keystroke_latency")
    base = found.TEXT if found else " ".join(SENTENCES) + " "
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


class CallbackClock:
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
    from bare_editor import BareEditor

    from core.clock import fixed_clock
    from core.repository import Repository
    from core.settings import Settings
    from tui.app import build_app
    from tui.session import AppConfig

    if "bare" in name:
        return BareEditor(b3, freeze=False)  # B3's editor alone, same size (Pilot: no freeze)
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
        editor = app.screen.query_one("#answer-B3" if saver is not None else "#bare", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        area[0] = editor
        await pilot.pause(0.3)
        gc.freeze()  # as the real start-up does once the data is shown (AfterwordApp)
        out.loads.append(os.getloadavg()[0])
        with CallbackClock(out.calls):
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
        gc.unfreeze()
        assert editor.text == b3 + text
