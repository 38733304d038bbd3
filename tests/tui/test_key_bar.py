"""The key bar: the keys of the moment as one line of text, kept current as focus moves; a
click on a key presses it; it is one widget however many keys it shows."""

from __future__ import annotations

from textual.widgets import TextArea

from core.demo import build_demo
from core.repository import Repository
from tests.tui.pilot_helpers import NOW, SIZE, MakeApp, screen_text
from tui.app import AfterwordApp
from tui.screens.contacts import ContactsScreen
from tui.widgets.key_bar import KeyBar


def _bar(app: AfterwordApp) -> str:
    """The bottom line of the screen."""
    return screen_text(app).splitlines()[-1]


def _demo_app(make_app: MakeApp, db_path: object) -> AfterwordApp:
    repo = Repository.open(db_path)  # type: ignore[arg-type]
    build_demo(repo, NOW)
    repo.close()
    return make_app()


async def test_the_bar_follows_focus(make_app: MakeApp, db_path: object) -> None:
    app = _demo_app(make_app, db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = _bar(app)
        assert "Next prompt" in bar and "New interview" in bar and "Contacts" in bar
        assert bar.rstrip().endswith("^p palette")
        await pilot.press("down", "down", "enter")  # into B3's editor
        assert isinstance(app.focused, TextArea)
        await pilot.pause()
        bar = _bar(app)
        assert "New interview" not in bar  # typing 'n' in the editor types an n
        assert "Next prompt" in bar
        await pilot.press("escape")
        await pilot.pause()
        assert "New interview" in _bar(app)


async def test_a_click_on_a_key_presses_it(make_app: MakeApp, db_path: object) -> None:
    app = _demo_app(make_app, db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = _bar(app)
        column = bar.index(" c Contacts") + 1  # on the key itself
        assert await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)


async def test_a_click_on_the_palette_key_opens_the_palette(
    make_app: MakeApp, db_path: object
) -> None:
    app = _demo_app(make_app, db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        column = _bar(app).rindex("^p")
        assert await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


async def test_a_click_between_keys_does_nothing(make_app: MakeApp, db_path: object) -> None:
    app = _demo_app(make_app, db_path)
    async with app.run_test(size=(200, 36)) as pilot:  # wide: room to spare before ^p
        await pilot.pause()
        screen = app.screen
        bar = _bar(app)
        gap = bar.index("▏") - 2  # the blank run before the palette key
        assert bar[gap] == " "
        await pilot.click(KeyBar, offset=(gap, 0))
        await pilot.pause()
        assert app.screen is screen


async def test_one_widget_however_many_keys(make_app: MakeApp, db_path: object) -> None:
    app = _demo_app(make_app, db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert not bar.children
        shown = _bar(app)
        assert all(key in shown for key in ("Next prompt", "Switch", "Debrief", "Timeline"))
