"""One answer save, and keystroke-to-frame in the debrief editor with saving on vs off.

HOW TO RUN (from the checkout, in the project's venv; not collected by pytest):

    /work/venv/bin/python tests/bench/bench_save.py                    # defaults below
    /work/venv/bin/python tests/bench/bench_save.py --saves 1000 --chars 150 --rounds 3
    /work/venv/bin/python tests/bench/bench_save.py --prefill 5000     # a long answer

1. Save: `Repository.save_answer` (BEGIN IMMEDIATE, one upsert, WAL, synchronous=FULL) on
   a temporary file, the answer growing by one character per save like typing, median over
   --saves. Floor, interleaved A B A B: the same upsert by bare sqlite3 in autocommit (WAL,
   synchronous=FULL), i.e. what the disk costs anyway.
2. Keystroke -> frame (method of ../shared/tools/keystroke_latency.py): the app in
   App.run_test at 120x36 with a fixed clock, on the B3 "What went well" editor. Each key is
   posted through the driver and timed to the end of the first frame that shows it (the
   frame is also encoded to escape sequences, as a terminal run would). The next key follows
   --gap-ms after that frame. "saving on" is the app as shipped (save-as-you-type, flush on a
   timer that also refreshes the answered marks); "saving off" is the same app with the
   saver's schedule() made a no-op: the floor. Rounds interleave on, off, on, off.
The machine may be shared: read ratios and medians from one run, not ms across runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from core.clock import fixed_clock
from core.repository import Repository
from core.services import Capture, capture_interview

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
TEXT = (
    "Met the hiring manager and two engineers; the system design went well, they asked "
    "about sqlite indexes and queue retries. Follow up by Friday with the repo link. "
)


def stats(values: list[float]) -> str:
    """min / median / p90 / max of a series, in ms."""
    v = sorted(values)
    p90 = v[min(len(v) - 1, round(0.9 * (len(v) - 1)))]
    return (
        f"min {v[0]:7.3f}  median {statistics.median(v):7.3f}  p90 {p90:7.3f}  "
        f"max {v[-1]:7.3f} ms  (n={len(v)})"
    )


def _seed(db: Path) -> int:
    repo = Repository.open(db)
    interview = capture_interview(repo, Capture(company="Acme", people="Jane Doe"), NOW)
    repo.close()
    assert interview.id is not None
    return interview.id


# --------------------------------------------------------------------------- 1. one save
def bench_saves(folder: Path, n: int) -> None:
    """Time Repository.save_answer against a bare sqlite3 upsert, interleaved."""
    db = folder / "save.db"
    interview_id = _seed(db)
    repo = Repository.open(db)
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    text = (TEXT * (n // len(TEXT) + 2))[: n + 1]
    app_ms: list[float] = []
    raw_ms: list[float] = []
    for i in range(n):
        t = time.perf_counter()
        repo.save_answer(interview_id, "B3", text[: i + 1])
        app_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        raw.execute(
            "INSERT INTO answers (interview_id, prompt_id, text) VALUES (?, ?, ?) "
            "ON CONFLICT (interview_id, prompt_id) DO UPDATE SET text = excluded.text",
            [interview_id, "B4", text[: i + 1]],
        )
        raw_ms.append((time.perf_counter() - t) * 1000)
    assert repo.answers(interview_id)["B3"] == text[:n]
    raw.close()
    repo.close()
    floor = statistics.median(raw_ms)
    print(f"1. One answer save, n={n} interleaved, answer growing to {n} chars")
    print(f"   Repository.save_answer      {stats(app_ms)}")
    print(f"   floor: sqlite3 upsert       {stats(raw_ms)}")
    print(f"   ratio (medians)             {statistics.median(app_ms) / floor:.2f}x")


# --------------------------------------------------------------------------- 2. key -> frame
async def _keys_to_frames(
    db: Path, interview_id: int, saving: bool, chars: int, gap_ms: float, prefill: int
) -> tuple[list[float], list[float], int]:
    """Type `chars` keys into B3's editor; return key->frame ms, CPU ms per key, saves run."""
    from textual import events
    from textual.widgets import TextArea

    from core.settings import Settings
    from tui.app import build_app
    from tui.session import AppConfig

    repo = Repository.open(db)
    if prefill:
        repo.save_answer(interview_id, "B3", (TEXT * (prefill // len(TEXT) + 1))[:prefill])
    app = build_app(
        AppConfig(db=db, clock=fixed_clock(NOW), interview_id=interview_id),
        repository=repo,
        settings=Settings(db=db, tz="UTC"),
    )
    frame = asyncio.Event()
    saves = 0
    original_display = app._display

    def display(screen, renderable):  # type: ignore[no-untyped-def]
        original_display(screen, renderable)
        if renderable is not None and not app._batch_count:
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)  # what a terminal run would encode
            frame.set()

    app._display = display  # type: ignore[method-assign]
    text = (TEXT * (chars // len(TEXT) + 1))[:chars]
    latencies: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        while app.session is None:
            await pilot.pause(0.01)
        if not saving:
            app.saver.schedule = lambda key, write: None  # type: ignore[method-assign]
        else:
            original_repo_save = repo.save_answer

            def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
                nonlocal saves
                saves += 1
                return original_repo_save(*args, **kwargs)

            repo.save_answer = counted  # type: ignore[method-assign]
        await pilot.press("down", "down", "enter")  # B1 -> B3, cursor into its editor
        await pilot.pause(0.2)
        area = app.screen.query_one("#answer-B3", TextArea)
        assert app.focused is area, f"focus is on {app.focused!r}"
        area.move_cursor(area.document.end)
        await pilot.pause(0.1)
        driver = app._driver
        assert driver is not None
        for ch in text:
            before = len(area.text)
            await asyncio.sleep(gap_ms / 1000)
            event = events.Key(_key_name(ch), ch)
            event.set_sender(app)
            frame.clear()
            t, c = time.perf_counter(), time.process_time()
            driver.send_message(event)
            while True:
                await asyncio.wait_for(frame.wait(), 5)
                frame.clear()
                if len(area.text) > before:
                    break
            latencies.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        await pilot.pause(0.4)  # let the last save run (on) before the app closes
    return latencies, cpu, saves


def _key_name(ch: str) -> str:
    from textual.keys import _character_to_key

    return "space" if ch == " " else (ch if ch.isalnum() else _character_to_key(ch))


async def bench_keys(folder: Path, chars: int, rounds: int, gap_ms: float, prefill: int) -> None:
    """Interleave rounds with saving on and off; print both and the ratio."""
    db = folder / "keys.db"
    interview_id = _seed(db)
    on: list[float] = []
    off: list[float] = []
    on_cpu: list[float] = []
    off_cpu: list[float] = []
    saves = 0
    for _ in range(rounds):
        for saving, lat, cpu in ((True, on, on_cpu), (False, off, off_cpu)):
            got, used, ran = await _keys_to_frames(db, interview_id, saving, chars, gap_ms, prefill)
            lat.extend(got)
            cpu.extend(used)
            saves += ran
    print(
        f"2. Keystroke -> frame, debrief B3 editor, 120x36, {chars} keys x {rounds} rounds "
        f"each way, gap {gap_ms:g} ms, answer prefilled with {prefill} chars"
    )
    print(f"   saving on   frame  {stats(on)}   ({saves} saves ran)")
    print(f"   saving off  frame  {stats(off)}   (floor)")
    print(f"   ratio (medians)    {statistics.median(on) / statistics.median(off):.2f}x")
    print(f"   saving on   cpu    {stats(on_cpu)}")
    print(f"   saving off  cpu    {stats(off_cpu)}")


def main() -> None:
    """Run both benchmarks."""
    ap = argparse.ArgumentParser(prog="bench_save.py")
    ap.add_argument("--saves", type=int, default=1000, help="saves timed (default 1000)")
    ap.add_argument("--chars", type=int, default=150, help="keys per round (default 150)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds each way (default 3)")
    ap.add_argument("--gap-ms", type=float, default=30.0, help="pause before each key")
    ap.add_argument("--prefill", type=int, default=0, help="chars already in the answer")
    a = ap.parse_args()
    print(f"python {sys.version.split()[0]}, load average {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="afterword-bench-") as tmp:
        bench_saves(Path(tmp), a.saves)
        asyncio.run(bench_keys(Path(tmp), a.chars, a.rounds, a.gap_ms, a.prefill))


if __name__ == "__main__":
    main()
