"""Fields of the debrief's first frame are not restyled for a class Textual adds right after
creating or mounting them (#8: each restyle of a field cost about a millisecond)."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.app import App
from textual.widget import Widget
from textual.widgets import Checkbox

from tui.widgets.line_input import LineInput


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
            "stumped": Checkbox("Stumped", True, id="stumped", classes="-on", compact=True),
        }
        await app.mount(*widgets.values())
        await pilot.pause()
        assert widgets["compact"].has_class("mine", "-valid", "-textual-compact")
        assert widgets["plain"].has_class("-valid") and not widgets["plain"].has_class("-invalid")
        assert widgets["stumped"].has_class("-on")
    return counted


async def test_only_the_compact_look_restyles_a_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """A LineInput starts valid (it has no validators): mounting adds no -valid class, so a
    plain one is never restyled, a compact one once (Textual's compact reactive). A ticked
    checkbox given -on at creation is restyled once, for its compact look, not twice."""
    counted = await _restyles(monkeypatch)
    assert counted["plain"] == 0
    assert counted["compact"] == 1
    assert counted["stumped"] == 1
