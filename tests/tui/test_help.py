"""F1 opens the page that explains the plan's rules in plain words; Esc closes it."""

from __future__ import annotations

from tests.tui.pilot_helpers import screen_text
from tui.screens.help import HelpScreen

SIZE = (120, 36)


async def test_f1_explains_the_rules_with_their_reasons(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "How Afterword follows up" in text
        assert "D2, C2" in text and "within 24 hours" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
