"""The stylesheet is parsed from scratch only when the theme's variables change: a new mode's
styles still apply, a theme change still restyles everything, and back again."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import Static

from tests.tui.pilot_helpers import SIZE
from tui.app import AfterwordApp
from tui.stylesheet import ReusingStylesheet


@pytest.fixture
def full_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every from-scratch parse of the stylesheet, as it happens."""
    seen: list[str] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        seen.append("reparse")
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    return seen


async def test_a_new_mode_is_styled_without_parsing_everything_again(
    debrief: AfterwordApp, full_parses: list[str]
) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(debrief.stylesheet, ReusingStylesheet)
        await pilot.press("c")
        await pilot.pause()
        title = debrief.screen.query_one("#contacts-title", Static)
        panel = debrief.get_css_variables()["panel"]
        assert title.styles.background.hex.lower() == panel.lower()  # contacts.tcss applies
        assert full_parses == []


async def test_a_theme_change_restyles_and_back(
    debrief: AfterwordApp, full_parses: list[str]
) -> None:
    async with debrief.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = debrief.screen.query_one("#topbar", Static)
        dark = bar.styles.background
        debrief.theme = "textual-light"
        await pilot.pause()
        light = bar.styles.background
        assert light != dark
        assert full_parses == ["reparse"]  # the variables changed: parsed from scratch
        debrief.theme = "textual-dark"
        await pilot.pause()
        assert bar.styles.background == dark
        assert full_parses == ["reparse", "reparse"]
