"""Fields of the debrief's first frame are not restyled for a class Textual adds right after
creating or mounting them (#8: each restyle of a field cost about a millisecond)."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.app import App
from textual.widget import Widget

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


async def test_only_the_compact_look_restyles_a_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """A LineInput starts valid (it has no validators): mounting adds no -valid class, so a
    plain one is never restyled, a compact one once (Textual's compact reactive). The stumped
    tick (a TickBox, not a Checkbox) is never restyled."""
    counted = await _restyles(monkeypatch)
    assert counted["plain"] == 0
    assert counted["compact"] == 1
    assert counted["stumped"] == 0
