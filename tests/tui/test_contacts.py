"""The contacts mode, driven by real keys, then checked in the repository (A1, A2, issue #3)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.widgets import OptionList, Select

from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.contacts_world import Acme, field, make_acme, names, table
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    MakeApp,
    RepoOn,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.screens.confirm import ConfirmScreen
from tui.screens.contacts import ContactsScreen
from tui.screens.quick_add import QuickAddScreen

JANE_LINE = "Jane Doe, VP Engineering, jane@acme.com, +1 415 555 0100"
CLICK = "[@click=app.quit]x[/]"


@pytest.fixture
def acme(db_path: Path) -> Acme:
    """The app opens on Acme's round 2 (the interview that ended last)."""
    return make_acme(db_path)


@pytest.fixture
def nobody_yet(db_path: Path) -> int:
    """One interview at Acme where nobody's name was written down."""
    repo = Repository.open(db_path)
    interview = capture_interview(repo, Capture(company="Acme", ended="1 hour ago"), NOW)
    repo.close()
    return interview.id or 0


async def test_c_shows_the_people_of_the_interview_and_s_switches_scope(
    make_app: MakeApp, acme: Acme
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert names(app) == ["Ann Lee"]
        text = screen_text(app)
        assert "Contacts  ·  Acme  ·  this interview" in text
        assert "John Smith" not in text
        assert field(app, "name").value == "Ann Lee"  # the detail panel shows the selected one
        await pilot.press("s")
        assert names(app) == ["Ann Lee", "Jane Doe", "John Smith"]
        assert "Contacts  ·  Acme  ·  this process" in screen_text(app)
        await pilot.press("s")
        assert names(app) == ["Ann Lee", "Jane Doe", "John Smith", "Tom Baker"]
        assert "Contacts  ·  everyone" in screen_text(app)
        await pilot.press("s")
        assert names(app) == ["Ann Lee"]


async def test_quick_add_stores_every_field_and_markup_shows_literally(
    make_app: MakeApp, nobody_yet: int, repo_on: RepoOn
) -> None:
    """A1: one line, every field (phone as E.164); then a name and a title that look like
    markup are stored and shown as typed, and run nothing."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("c")
        assert table(app).row_count == 0
        assert "Nobody here yet" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, QuickAddScreen)
        await type_text(pilot, JANE_LINE)
        await pilot.press("enter")
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Jane Doe"]
        assert field(app, "phone").value == "+1 415-555-0100"  # shown international

        [(jane, _link)] = repo_on().participants(nobody_yet)
        assert (jane.name, jane.title, jane.email, jane.phone) == (
            "Jane Doe",
            "VP Engineering",
            "jane@acme.com",
            "+14155550100",
        )
        assert jane.email_source.value == "card"

        await pilot.press("a")
        await type_text(pilot, "[Bob] said")
        await pilot.press("enter")
        assert field(app, "name").value == "[Bob] said"  # the new person is selected
        await pilot.press("e", "tab", "tab")
        assert app.focused is field(app, "title")
        await type_text(pilot, CLICK)
        await wait_for_save(pilot)
        bob = next(p for p, _ in repo_on().participants(nobody_yet) if p.id != jane.id)
        assert (bob.name, bob.title) == ("[Bob] said", CLICK)
        assert names(app) == ["[Bob] said", "Jane Doe"]
        text = screen_text(app)
        assert "[Bob] said  ·  Acme" in text  # the detail panel's heading
        assert CLICK in text
        assert app.is_running and app.return_code is None


async def test_quick_add_of_a_known_name_offers_the_reuse_and_enter_reuses(
    make_app: MakeApp, acme: Acme, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "a")
        await type_text(pilot, "jane doe")
        offers = app.screen.query_one("#quick-offers", OptionList)
        assert offers.display and offers.option_count == 1
        assert "Reuse Jane Doe (Acme, same process)" in screen_text(app)
        await pilot.press("down")
        assert app.focused is offers
        await pilot.press("enter")
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Ann Lee", "Jane Doe"]

    repo = repo_on()
    janes = [p for p in repo.people_of_application(acme.application_id) if p.name == "Jane Doe"]
    assert [p.id for p in janes] == [acme.jane]  # one record ...
    assert repo.interviews_met([acme.jane]) == {acme.jane: [acme.round1, acme.round2]}  # ... twice
    assert janes[0].email == "jane.doe@acme.com"


async def test_g_accepts_the_guessed_email_and_x_exports_vcards_0600(
    make_app: MakeApp, acme: Acme, repo_on: RepoOn, db_path: Path
) -> None:
    """A2: Ann's address guessed from Jane's (first.last), stored marked 'guessed'."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        assert "Guessed email: ann.lee@acme.com" in screen_text(app)
        assert "No email: a thank-you email needs one" in screen_text(app)
        assert repo_on().participants(acme.round2)[0][0].email == ""
        await pilot.press("g")
        [(ann, _link)] = repo_on().participants(acme.round2)
        assert (ann.email, ann.email_source.value) == ("ann.lee@acme.com", "guessed")
        assert "? ann.lee@acme.com" in screen_text(app)  # shown as a guess in the table
        assert field(app, "email").value == "ann.lee@acme.com"  # and in the detail panel
        assert app.screen.query_one("#f-email_source", Select).value == "guessed"
        assert "No email" not in screen_text(app)

        target = db_path.with_name("contacts.vcf")
        assert not target.exists()
        await pilot.press("s", "s", "x")  # everyone, then export
        await pilot.pause()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 4
    for name in ("Ann Lee", "Jane Doe", "John Smith", "Tom Baker"):
        assert f"FN:{name}" in text
    assert "ann.lee@acme.com" in text


async def test_delete_asks_n_keeps_y_removes_the_person_and_their_highlights(
    make_app: MakeApp, acme: Acme, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "s", "down")  # this process; Jane is second by name
        assert field(app, "name").value == "Jane Doe"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete Jane Doe and everything about them" in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Ann Lee", "Jane Doe", "John Smith"]
        assert repo_on().get_person(acme.jane).name == "Jane Doe"

        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(app.screen, ContactsScreen)
        assert names(app) == ["Ann Lee", "John Smith"]

    repo = repo_on()
    left = [p.name for p in repo.people_of_application(acme.application_id)]
    assert sorted(left) == ["Ann Lee", "John Smith"]
    assert [p.name for p, _ in repo.participants(acme.round1)] == ["John Smith"]
    rows = repo.table_rows("participants")
    assert [r for r in rows if r["person_id"] == acme.jane] == []
    assert not any("Nantucket" in str(r.get("highlights")) for r in rows)
