"""The keys of the moment on the bottom line: one widget that draws them as text.

Textual's Footer builds a widget per key and builds them all again whenever focus moves (11
keys here: 10-25 ms per move, two rebuilds before the first frame). This bar redraws one line
instead; a click on a key presses it, hovering shows what it does.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget


class KeySpot(NamedTuple):
    """Where one key sits on the bar, and what a click on it does."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class KeyBar(Widget, can_focus=False):
    """The focused screen's bindings that ask to be shown, with the palette key on the right."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spots: list[KeySpot] = []

    def on_mount(self) -> None:
        """Redraw whenever the keys on offer change (focus moved, a screen came or went)."""
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _shown(self) -> tuple[list[tuple[Binding, bool, str]], tuple[Binding, bool, str] | None]:
        """The bindings to show, one per action in the screen's order, and the palette's."""
        active = self.screen.active_bindings
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, tooltip or binding.description)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled, tooltip or binding.description)
        return list(by_action.values()), palette

    def render(self) -> Content:
        """Each key bold in the key colour, then what it does; the palette key at the far right."""
        keys, palette = self._shown()
        parts: list[Content] = []
        spots: list[KeySpot] = []
        x = 0
        for binding, enabled, tooltip in keys:
            part = self._key_text(binding, enabled)
            spots.append(KeySpot(x, x + part.cell_length, binding.key, enabled, tooltip))
            parts.append(part)
            x += part.cell_length
        text = Content("").join(parts)
        if palette is not None:
            binding, enabled, tooltip = palette
            edge = Content("▏").stylize("$foreground 20%")
            right = edge + self._key_text(binding, enabled, lead="", trail="")
            width = self.size.width
            text = text.truncate(max(0, width - right.cell_length), ellipsis=True)
            gap = max(0, width - text.cell_length - right.cell_length)
            start = text.cell_length + gap + 1
            spots = [spot for spot in spots if spot.end <= text.cell_length]
            spots.append(
                KeySpot(start, start + right.cell_length - 1, binding.key, enabled, tooltip)
            )
            text = text + Content(" " * gap) + right
        self._spots = spots
        return text

    def _key_text(
        self, binding: Binding, enabled: bool, lead: str = " ", trail: str = " "
    ) -> Content:
        key = Content(f"{lead}{self.app.get_key_display(binding)} ").stylize(
            "bold $footer-key-foreground on $footer-key-background"
        )
        description = Content(f"{binding.description}{trail}").stylize(
            "$footer-description-foreground on $footer-description-background"
        )
        part = key + description
        return part if enabled else part.stylize("dim")

    def _spot_at(self, x: int) -> KeySpot | None:
        return next((spot for spot in self._spots if spot.start <= x < spot.end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it (a bell if it cannot be used here)."""
        spot = self._spot_at(event.x)
        if spot is None:
            return
        if spot.enabled:
            self.app.simulate_key(spot.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Hovering a key tells what it does."""
        spot = self._spot_at(event.x)
        self.tooltip = spot.tooltip if spot is not None else None
