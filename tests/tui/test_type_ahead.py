"""Keys typed ahead (a burst, as a paste of keystrokes or a slow moment delivers them) land in
the field the Tabs among them lead to, in order."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.tui.pilot_helpers import SIZE, MakeApp


def _burst(app: object, keys: list[str]) -> None:
    """Hand every key to the app at once, as the terminal driver does with one read."""
    driver = app._driver  # type: ignore[attr-defined]
    assert driver is not None
    for key in keys:
        character = key if len(key) == 1 else None
        event = events.Key(key, character)
        event.set_sender(app)  # type: ignore[arg-type]
        driver.send_message(event)


async def test_keys_after_a_tab_in_one_burst_go_to_the_next_field(make_app: MakeApp) -> None:
    """'Globex', Tab, 'Staff', Tab, 'now' in one burst: three fields, not one."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        _burst(app, [*"Globex", "tab", *"Staff", "tab", *"1 hour ago"])  # Ended: typed over
        for _ in range(40):
            await pilot.pause(0.05)
            if app.screen.query_one("#new-ended", Input).value == "1 hour ago":
                break
        names = ("company", "role", "ended")
        values = [app.screen.query_one(f"#new-{n}", Input).value for n in names]
        assert values == ["Globex", "Staff", "1 hour ago"]


async def test_shift_tab_in_a_burst_goes_back_in_order(make_app: MakeApp) -> None:
    """Tab then shift+tab in one burst: the keys after them are back in the first field, added
    to what it holds (no field selects the user's words on the way in: they would be replaced)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        _burst(app, [*"Glo", "tab", *"Sta", "shift+tab", *"bex"])
        for _ in range(40):
            await pilot.pause(0.05)
            if app.screen.query_one("#new-company", Input).value == "Globex":
                break
        assert app.screen.query_one("#new-company", Input).value == "Globex"
        assert app.screen.query_one("#new-role", Input).value == "Sta"
