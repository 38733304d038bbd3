"""Fields of the debrief's first frame are not restyled for a class Textual adds right after
creating or mounting them (#8: each restyle of a field cost about a millisecond)."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input

from tui.widgets.line_input import LineInput
from tui.widgets.tick_row import TickBox


async def _restyles(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Mount three fields in a running app; count update_styles() calls per field id."""
    counted: Counter[str] = Counter()
    app: App[None] = App()
    async with app.run_test() as pilot:
        original = app.update_styles

        def counting(node: Widget, animate: bool = True) -> None:
            counted[node.id or "?"] += 1
            original(node, animate=animate)

        monkeypatch.setattr(app, "update_styles", counting)
        widgets = {
            "compact": LineInput("kept", id="compact", compact=True, classes="mine"),
            "plain": LineInput("", id="plain"),
            "stumped": TickBox("Stumped", True, classes="qa-stumped"),
        }
        await app.mount(*widgets.values())
        await pilot.pause()
        assert widgets["compact"].has_class("mine", "-valid", "-textual-compact")
        assert widgets["plain"].has_class("-valid") and not widgets["plain"].has_class("-invalid")
        assert widgets["stumped"].value
    return counted


async def test_no_field_is_restyled_after_it_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """A LineInput starts valid (it has no validators) and, asked for it, compact: mounting
    adds neither class, so no field is restyled (each was once, for its compact look). The
    stumped tick (a TickBox, not a Checkbox) is never restyled."""
    counted = await _restyles(monkeypatch)
    assert counted["plain"] == 0
    assert counted["compact"] == 0
    assert counted["stumped"] == 0


async def test_a_compact_line_input_looks_as_textuals_compact_input() -> None:
    """The compact look given at creation is Textual's own (no border, one line high), and
    it can still be turned off and on again."""
    app: App[None] = App()
    async with app.run_test() as pilot:
        ours, textuals = LineInput("a", compact=True), Input("a", compact=True)
        await app.mount(ours, textuals)
        await pilot.pause()
        assert ours.compact and ours.has_class("-textual-compact")
        assert (ours.outer_size.height, ours.styles.border) == (1, textuals.styles.border)
        assert ours.outer_size == textuals.outer_size
        ours.compact = False
        await pilot.pause()
        assert not ours.has_class("-textual-compact") and ours.outer_size.height == 3
        ours.compact = True
        await pilot.pause()
        assert ours.outer_size.height == 1
