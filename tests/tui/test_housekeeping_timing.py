"""The after-start housekeeping (the day's backup, the collector back on) waits for the user's
data to be drawn, and does not wait for ever when it is drawn on a screen not shown."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import tui.app
from core.clock import fixed_clock
from tests.tui.pilot_helpers import NOW, SIZE
from tui.app import build_app
from tui.screens.contacts import ContactsScreen
from tui.session import AppConfig


async def test_housekeeping_runs_even_when_the_user_went_to_contacts_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`c` pressed before the debrief is drawn: the debrief is built off screen, never shown;
    the backup is made and the collector turned back on all the same, by the latest time."""
    monkeypatch.setattr(tui.app, "HOUSEKEEPING_AT_THE_LATEST", 0.3)
    monkeypatch.setattr(tui.app, "HOUSEKEEPING_DELAY", 0.1)
    shown: list[str] = []
    monkeypatch.setattr(tui.app.AfterwordApp, "on_data_shown", _recording(shown))
    db = tmp_path / "a.db"
    gc.disable()
    try:
        app = build_app(AppConfig(db=db, clock=fixed_clock(NOW)))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c")
            assert isinstance(app.screen, ContactsScreen)
            for _ in range(100):
                await pilot.pause(0.05)
                if list((tmp_path / "backups").glob("a-*.db")):
                    break
            collecting = gc.isenabled()
    finally:
        gc.enable()
    assert collecting
    assert [p.name for p in (tmp_path / "backups").glob("a-*.db")] == [f"a-{NOW:%Y-%m-%d}.db"]
    assert shown  # told once the debrief (or the timer) said the data was there


def _recording(shown: list[str]):  # type: ignore[no-untyped-def]
    original = tui.app.AfterwordApp.on_data_shown

    def on_data_shown(self, message):  # type: ignore[no-untyped-def]
        shown.append(type(message).__name__)
        original(self, message)

    return on_data_shown
