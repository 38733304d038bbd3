"""Helpers for driving the app through real keys and reading back what the screen shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import OptionList

from core.repository import Repository
from tui.app import AfterwordApp
from tui.saver import SAVE_DELAY

TZ = "America/New_York"
NOW = datetime(2026, 11, 22, 15, 30, tzinfo=ZoneInfo(TZ))  # a Sunday afternoon
SIZE = (120, 36)

MakeApp = Callable[..., AfterwordApp]
RepoOn = Callable[[], Repository]


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` one key event per character, as a terminal delivers a fast typist's keys.

    Each character becomes the Key event Textual's terminal driver makes for it (named by
    `_character_to_key`, carrying the character; a newline is Enter), posted to the app in
    order; then we wait until every widget has handled them. `pilot.press` would pause
    about 50 ms per key, and it cannot type emoji (its key events lose the character).
    Keep focus-moving keys (tab, Enter in a one-line field) for `pilot.press`.
    """
    app = pilot.app
    for ch in text:
        event = events.Key("enter", "\r") if ch == "\n" else events.Key(_character_to_key(ch), ch)
        event.set_sender(app)
        app.post_message(event)
    await pilot._wait_for_screen()  # the app has forwarded every key to the focused widget
    await pilot.pause()  # ... which has handled them, and what they triggered


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


def prompt_list(app: AfterwordApp) -> OptionList:
    """The B1-B10 list on the left."""
    return app.screen.query_one("#prompt-list", OptionList)


def highlighted(app: AfterwordApp) -> str:
    """The ID of the prompt the list is on."""
    options = prompt_list(app)
    assert options.highlighted is not None
    return options.get_option_at_index(options.highlighted).id or ""
