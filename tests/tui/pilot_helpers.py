"""Helpers for driving the app through real keys and reading back what the screen shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot

from core.repository import Repository
from tui.app import AfterwordApp
from tui.saver import SAVE_DELAY

TZ = "America/New_York"
NOW = datetime(2026, 11, 22, 15, 30, tzinfo=ZoneInfo(TZ))  # a Sunday afternoon
SIZE = (120, 36)

MakeApp = Callable[..., AfterwordApp]
RepoOn = Callable[[], Repository]

KEY_NAMES = {"\n": "enter", "\t": "tab"}


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` one key press per character, as a user would.

    ASCII goes through `pilot.press`. Pilot cannot name emoji and most other non-ASCII
    characters (the key event loses its character), so those are sent the way the terminal
    driver sends them: a Key event named by `_character_to_key`, carrying the character.
    """
    batch: list[str] = []
    for ch in text:
        if ch.isascii():
            batch.append(KEY_NAMES.get(ch, ch))
            continue
        await pilot.press(*batch)
        batch = []
        await _driver_key(pilot, ch)
    await pilot.press(*batch)


async def _driver_key(pilot: Pilot[None], ch: str) -> None:
    app = pilot.app
    assert app._driver is not None
    event = events.Key(_character_to_key(ch), ch)
    event.set_sender(app)
    app._driver.send_message(event)
    await pilot.pause()


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste `text` the way the terminal driver delivers a bracketed paste."""
    app = pilot.app
    assert app._driver is not None
    event = events.Paste(text)
    event.set_sender(app)
    app._driver.send_message(event)
    await pilot.pause()


async def wait_for_save(pilot: Pilot[None]) -> None:
    """Wait past the save-as-you-type delay (nothing flushes the saver for us)."""
    await pilot.pause(SAVE_DELAY + 0.1)


def screen_text(app: App[None]) -> str:
    """The characters on the current screen, one line per terminal row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def rendered(widget: object) -> str:
    """The plain text a Static-like widget shows."""
    return str(widget.render())  # type: ignore[attr-defined]
