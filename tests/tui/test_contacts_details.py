"""Contacts: the details beside the table, edited in place and saved as typed (A1, A2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.models import Person
from tests.tui.contacts_world import Acme, field, make_acme, table
from tests.tui.pilot_helpers import (
    SIZE,
    MakeApp,
    RepoOn,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.widgets.field_message import FieldMessage


@pytest.fixture
def acme(db_path: Path) -> Acme:
    """The app opens on Acme's round 2 (the interview that ended last)."""
    return make_acme(db_path)


async def test_edits_are_saved_as_typed_bad_email_kept_with_message_flushed_on_quit(
    make_app: MakeApp, acme: Acme, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()

    def ann() -> Person:
        return repo_on().participants(acme.round2)[0][0]

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "e")
        assert app.focused is field(app, "name")
        await pilot.press("tab", "tab")  # past the spelling checkbox, to the title
        assert app.focused is field(app, "title")
        await type_text(pilot, "Staff Engineer")
        await wait_for_save(pilot)
        assert ann().title == "Staff Engineer"

        await pilot.press("tab")
        assert app.focused is field(app, "email")
        await type_text(pilot, "ann at acme")
        await wait_for_save(pilot)
        assert ann().email == "ann at acme"  # kept as typed ...
        message = app.screen.query_one("#msg-email", FieldMessage)
        assert message.display and message.has_class("-error")  # ... with the reason beside it
        assert "Not a valid email address" in str(message.render())
        assert "Not a valid email address" in screen_text(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "ann.lee@acme.com")
        await wait_for_save(pilot)
        assert ann().email == "ann.lee@acme.com"
        assert not message.display

        monkeypatch.setattr("tui.saver.SAVE_DELAY", 60.0)  # only the flush on quit can save it
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "end")
        assert app.focused is field(app, "name")
        await type_text(pilot, "e")  # Ann Lee -> Ann Leee: a typo, as typed
        assert app.saver.pending == 1
        assert ann().name == "Ann Lee"
        await pilot.press("ctrl+q")
    assert ann().name == "Ann Leee"


async def test_a_saved_field_updates_the_flags_and_the_needs_column(
    make_app: MakeApp, acme: Acme, repo_on: RepoOn
) -> None:
    """A1: typing Ann's missing email clears the email flag beside her and one of her "Needs"
    in the table, as soon as it is saved (they used to keep the values read with the list)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        flags = app.screen.query_one("#person-flags")

        def needs() -> str:
            return str(table(app).get_row_at(table(app).cursor_row)[-1])

        before_flags, before_needs = str(flags.render()), needs()
        assert "email" in before_flags.lower()
        await pilot.press("e", "tab", "tab", "tab")
        assert app.focused is field(app, "email")
        await type_text(pilot, "ann.lee@acme.com")
        await wait_for_save(pilot)
        assert repo_on().participants(acme.round2)[0][0].email == "ann.lee@acme.com"
        assert str(flags.render()) != before_flags
        assert needs() != before_needs


async def test_a2_a_known_address_edited_changes_the_guesses_shown_at_its_company(
    make_app: MakeApp, acme: Acme, repo_on: RepoOn
) -> None:
    """A2: Jane's address is Acme's only known one; retyped in another pattern, the guesses
    for John and Ann in the table follow it as soon as it is saved, with no reload."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "s")  # this process: Ann, Jane, John

        def emails() -> dict[str, str]:
            grid = table(app)
            return {
                str(grid.get_row_at(i)[0]).removesuffix(" ✓"): str(grid.get_row_at(i)[3])
                for i in range(grid.row_count)
            }

        assert emails() == {
            "Ann Lee": "? ann.lee@acme.com",
            "Jane Doe": "jane.doe@acme.com",
            "John Smith": "? john.smith@acme.com",
        }
        while str(table(app).get_row_at(table(app).cursor_row)[0]) != "Jane Doe":
            await pilot.press("down")
        await pilot.press("e", "tab", "tab", "tab")
        assert app.focused is field(app, "email")
        await pilot.press("ctrl+u")
        await type_text(pilot, "jdoe@acme.com")
        await wait_for_save(pilot)
        assert repo_on().get_person(acme.jane).email == "jdoe@acme.com"
        assert emails() == {
            "Ann Lee": "? alee@acme.com",
            "Jane Doe": "jdoe@acme.com",
            "John Smith": "? jsmith@acme.com",
        }
