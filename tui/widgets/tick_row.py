"""A row of ticks drawn by one widget: the closing checklist ticked in seconds on the way out.

Six Textual Checkboxes cost six widgets to style and lay out before the debrief can show (and
six Tab stops). Here: one stop; 1-9 tick the item of that number at once, left/right move,
space or enter ticks the one under the cursor, a click ticks the one clicked, hovering one
tells what it asks.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Tick:
    """One item of the row: its id, the words shown, what it asks, and whether it is ticked."""

    __slots__ = ("id", "label", "ticked", "tooltip")  # a plain class: a dataclass cost ~1 ms

    def __init__(self, id: str, label: str, tooltip: str, ticked: bool = False) -> None:
        self.id, self.label, self.tooltip, self.ticked = id, label, tooltip, ticked


class TickRow(Widget, can_focus=True):
    """Ticks side by side; posts `TickRow.Toggled` each time one is ticked or unticked."""

    BINDINGS = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
        Binding("space,enter", "toggle", "Tick (or 1-9)"),
    ]
    DEFAULT_CSS = """
    TickRow { height: 1; width: 1fr; }
    """
    GAP = 2
    BY_NUMBER = True  # a digit ticks the item of that number
    cursor = reactive(0)

    class Toggled(Message):
        """A tick changed: the row, the item's id, whether it is ticked now."""

        def __init__(self, row: TickRow, item_id: str, ticked: bool) -> None:
            super().__init__()
            self.row, self.item_id, self.ticked = row, item_id, ticked

        @property
        def control(self) -> TickRow:
            """The row the tick is in."""
            return self.row

    def __init__(
        self, ticks: list[Tick], id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.ticks = ticks
        self._spans: list[tuple[int, int]] = []

    def is_ticked(self, item_id: str) -> bool:
        """Whether the item with this id is ticked."""
        return next(t.ticked for t in self.ticks if t.id == item_id)

    def render(self) -> Content:
        """Each tick as a box and its words; the one under the cursor marked while focused."""
        parts: list[Content] = []
        spans: list[tuple[int, int]] = []
        x = 0
        for index, tick in enumerate(self.ticks):
            mark = "bold $text-success" if tick.ticked else "$panel-darken-2"
            box = Content.assemble(("▐", "$panel"), ("X", f"{mark} on $panel"), ("▌", "$panel"))
            words = Content(f" {tick.label} ")
            if self.has_focus and index == self.cursor:
                words = words.stylize("$block-cursor-foreground on $block-cursor-background")
            part = box + words
            spans.append((x, x + part.cell_length))
            parts.append(part)
            x += part.cell_length + self.GAP
        self._spans = spans
        return Content(" " * self.GAP).join(parts)

    def _index_at(self, x: int) -> int | None:
        return next((i for i, (start, end) in enumerate(self._spans) if start <= x < end), None)

    def toggle(self, index: int) -> None:
        """Tick or untick the item at `index`, and say so."""
        tick = self.ticks[index]
        tick.ticked = not tick.ticked
        self.cursor = index
        self.refresh()
        self.post_message(self.Toggled(self, tick.id, tick.ticked))

    def toggle_quietly(self, item_id: str) -> None:
        """Tick or untick an item without saying so (to show what the file holds)."""
        tick = next(t for t in self.ticks if t.id == item_id)
        tick.ticked = not tick.ticked
        self.refresh()

    def action_move(self, step: int) -> None:
        """Move the cursor, wrapping at the ends."""
        self.cursor = (self.cursor + step) % len(self.ticks)

    def action_toggle(self) -> None:
        """Tick the item under the cursor."""
        self.toggle(self.cursor)

    def on_key(self, event: events.Key) -> None:
        """A digit ticks the item of that number at once (1 is the first)."""
        if self.BY_NUMBER and event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.ticks):
                event.stop()
                event.prevent_default()
                self.toggle(index)

    def on_click(self, event: events.Click) -> None:
        """A click ticks the item clicked."""
        index = self._index_at(event.x)
        if index is not None:
            self.toggle(index)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Hovering an item shows what it asks."""
        index = self._index_at(event.x)
        self.tooltip = self.ticks[index].tooltip if index is not None else None

    def on_focus(self) -> None:
        """The cursor shows only while the row has focus."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the cursor."""
        self.refresh()


class TickBox(TickRow):
    """One tick on its own, drawn as a checkbox by one light widget: space, enter or a click
    ticks it; digits do nothing (a Textual Checkbox cost the debrief ~10 ms a pair to build)."""

    BINDINGS = [Binding("space,enter", "toggle", "Tick", show=False)]
    BY_NUMBER = False

    def __init__(
        self, label: str, ticked: bool = False, tooltip: str = "", *, classes: str | None = None
    ) -> None:
        super().__init__([Tick("box", label, tooltip, ticked)], classes=classes)

    @property
    def value(self) -> bool:
        """Whether it is ticked."""
        return self.ticks[0].ticked
