"""Write screenshots/*.svg from the real app on a demo database, with a fixed clock.

Run: python -m tui.screenshots [OUTPUT_DIR]   (default: screenshots/)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.pilot import Pilot

from core.clock import fixed_clock
from core.demo import build_demo
from core.repository import Repository
from core.settings import Settings
from tui.app import build_app
from tui.session import AppConfig

NOW = datetime(2026, 11, 22, 15, 30, tzinfo=ZoneInfo("America/New_York"))
SIZE = (120, 36)
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def _nothing(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def _new_interview(pilot: Pilot[None]) -> None:
    await pilot.press("n")
    await pilot.pause()
    for text in ("Acme Robotics", "tab", "Staff Platform Engineer", "tab", "45 min ago"):
        await (pilot.press("tab") if text == "tab" else pilot.press(*text))
    await pilot.press("tab", "tab", *"Priya Raman <priya@acme-robotics.com>, Marcus Chen")
    await pilot.press("tab", *"in 2 weeks")
    await pilot.pause(0.3)


def _prompt(steps_down: int) -> Steps:
    async def go(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*(["down"] * steps_down), "enter")
        await pilot.pause(0.3)

    return go


def _mode(key: str, *more: str) -> Steps:
    async def go(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(key, *more)
        await pilot.pause(0.5)

    return go


async def _guard(pilot: Pilot[None]) -> None:
    """Log a status check, then another one right away: the guard (D7) speaks."""
    for keys in (("t",), ("down", "l"), ("ctrl+s",), ("l",), ("ctrl+s",)):
        await pilot.press(*keys)
        await pilot.pause(0.5)


SHOTS: tuple[tuple[str, bool, Steps], ...] = (
    ("welcome", False, _nothing),
    ("new-interview", False, _new_interview),
    ("debrief", True, _prompt(2)),
    ("debrief-questions", True, _prompt(0)),
    ("debrief-highlights", True, _prompt(1)),
    ("debrief-promises", True, _prompt(9)),
    ("contacts", True, _mode("c", "down")),
    ("timeline", True, _mode("t")),
    ("log-touch", True, _mode("t", "down", "l")),
    ("timeline-guard", True, _guard),
    ("note-editor", True, _mode("c", "down", "w")),
    ("search", True, _mode("slash", *"rate limiter")),
    ("practice", True, _mode("p")),
    ("compare", True, _mode("v")),
    ("help", True, _mode("f1")),
    ("switch-interview", True, _mode("i", *"init")),
    ("quick-add", True, _mode("c", "a", *"Dana Whitfield, VP Engineering, +1 617 555 0199")),
    ("snooze", True, _mode("t", "down", "s")),
    ("outcome", True, _mode("t", "down", "o")),
    ("keys", True, _mode("question_mark")),
)


async def shoot(name: str, demo: bool, steps: Steps, out: Path, work: Path) -> Path:
    """Run the app on a fresh database, play `steps`, save `name`.svg in `out`."""
    db = work / f"{name}.db"
    repo = Repository.open(db)
    if demo:
        build_demo(repo, NOW)
    latest = repo.latest_interview()
    app = build_app(
        AppConfig(
            db=db, clock=fixed_clock(NOW), interview_id=latest.interview.id if latest else None
        ),
        repository=repo,
        settings=Settings(db=db, tz="America/New_York"),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await steps(pilot)
        await app.workers.wait_for_complete()  # what runs after the first frame (guidance)
        await pilot.pause()
        path = Path(app.save_screenshot(f"{name}.svg", str(out)))
    return path


async def main(out: Path) -> None:
    """Write every screenshot."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, demo, steps in SHOTS:
            print(await shoot(name, demo, steps, out, Path(work)))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
