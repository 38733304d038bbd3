"""The note editor, driven by real keys: opened from the timeline and from contacts, edited,
checked as typed (C1 appears and disappears), exported, marked sent; and its snapshot."""

from __future__ import annotations

import email
import stat
from collections.abc import Callable
from email import policy
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from core.demo import build_demo
from core.models import ActionKind, ActionState, NoteKind, TouchKind
from core.repository import Repository
from core.services_notes import open_note, save_note
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    MakeApp,
    RepoOn,
    paste,
    rendered,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.app import AfterwordApp
from tui.screens.contacts import ContactsScreen
from tui.screens.note_editor import CHECK_DELAY, NoteEditor
from tui.screens.timeline import TimelineScreen
from tui.widgets.note_area import NoteArea

SnapCompare = Callable[..., bool]
HYPE = "I am absolutely thrilled about the role!!"


def _seed(db_path: Path, near_copy: bool = False) -> str:
    """The demo; Priya's thank-you is written (and Marcus's, a near copy, if asked)."""
    repo = Repository.open(db_path)
    build_demo(repo, NOW)
    latest = repo.latest_interview()
    assert latest is not None
    (priya, _), (marcus, _), _ = repo.participants(latest.interview.id or 0)
    body = open_note(repo, priya.id or 0, NoteKind.THANK_YOU, NOW).note.body
    if near_copy:
        view = open_note(repo, marcus.id or 0, NoteKind.THANK_YOU, NOW)
        copy = body.replace("Priya", "Marcus").replace("I remain very interested", HYPE)
        save_note(repo, view.note.id or 0, view.note.subject, copy)
    repo.close()
    return body


@pytest.fixture
def priya_body(db_path: Path) -> str:
    """The demo with Priya's thank-you already drafted; returns its body."""
    return _seed(db_path)


async def to_end(pilot: Pilot[None]) -> None:
    """Put the cursor at the end of the body (TextArea binds no ctrl+end)."""
    await pilot.press("pagedown", "pagedown", "end")


def editor(app: AfterwordApp) -> NoteEditor:
    """The note editor (asserting it is the screen shown)."""
    assert isinstance(app.screen, NoteEditor)
    return app.screen


def codes(app: AfterwordApp) -> list[str]:
    """The codes of the findings the editor shows now."""
    return [f.code for f in editor(app).findings]


async def open_thank_you(pilot: Pilot[None], app: AfterwordApp, person: str) -> int:
    """On the timeline, move to `person`'s thank-you and press Enter; return the action id."""
    await pilot.press("t")
    screen = app.screen
    assert isinstance(screen, TimelineScreen)
    table = screen.query_one(DataTable)
    await pilot.press("home")
    for _ in range(table.row_count):
        key = screen.current_key() or ""
        item = screen.items.get(int(key)) if key.isdigit() else None
        if item and item.action.kind is ActionKind.THANK_YOU and item.person == person:
            await pilot.press("enter")
            await pilot.pause()
            return item.action.id or 0
        await pilot.press("down")
    raise AssertionError(f"no thank-you to {person} on the timeline")


async def test_enter_on_a_thank_you_opens_that_persons_draft(
    make_app: MakeApp, priya_body: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_thank_you(pilot, app, "Marcus Chen")
        screen = editor(app)
        assert screen.view.person.name == "Marcus Chen"
        assert screen.body.startswith("Dear Marcus,")
        assert "humane on-call" in screen.body  # C5: his highlights, not Priya's
        assert "ingest service" not in screen.body
        assert app.focused is screen.query_one(NoteArea)
        assert "Thank-you email to Marcus Chen" in screen_text(app)
        assert "A1" in codes(app)  # no email address for Marcus yet
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)


async def test_c1_finding_appears_when_pasting_her_note_and_goes_on_undo(
    make_app: MakeApp, priya_body: str, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_thank_you(pilot, app, "Marcus Chen")
        assert "C1" not in codes(app)
        draft = editor(app).body
        await to_end(pilot)
        await paste(pilot, priya_body)
        await pilot.pause(CHECK_DELAY + 0.2)
        assert "C1" in codes(app)
        text = screen_text(app)
        assert "Reads like your note to Priya Raman" in text
        assert "Your note to Priya Raman" in text  # the shared sentences, side by side
        assert editor(app).query_one("#note-compare").display
        await wait_for_save(pilot)
        stored = repo_on().notes_of_interview(editor(app).view.note.interview_id)
        assert any(n.body.endswith(priya_body) for n in stored)  # saved as typed

        await pilot.press("ctrl+z")
        await pilot.pause(CHECK_DELAY + 0.2)
        assert editor(app).body == draft
        assert "C1" not in codes(app)
        assert not editor(app).query_one("#note-compare").display


async def test_c6_hyperbole_is_flagged_as_typed(make_app: MakeApp, priya_body: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_thank_you(pilot, app, "Priya Raman")
        assert "C6" not in codes(app)
        await to_end(pilot)
        await type_text(pilot, "This is my dream job!!")
        await pilot.pause(CHECK_DELAY + 0.2)
        assert codes(app).count("C6") == 2
        panel = rendered(editor(app).query_one("#note-findings-text", Static))
        assert "dream job" in panel and "!!" in panel


async def test_mark_sent_logs_the_touch_and_completes_the_action(
    make_app: MakeApp, priya_body: str, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        action_id = await open_thank_you(pilot, app, "Priya Raman")
        await to_end(pilot)
        await type_text(pilot, "\nP.S. The robotics team sounds fun.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert "logged and done" in screen_text(app)
    repo = repo_on()
    action = repo.get_action(action_id)
    assert action.state is ActionState.DONE
    note = repo.note_of_action(action_id)
    assert note is not None and note.sent_at == NOW
    assert note.body.endswith("P.S. The robotics team sounds fun.")
    assert [t.kind for t in repo.touches(action.interview_id)] == [TouchKind.THANKS]


async def test_ctrl_e_saves_a_private_eml_and_ctrl_l_copies_the_mailto_link(
    make_app: MakeApp, priya_body: str, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_thank_you(pilot, app, "Priya Raman")
        await pilot.press("ctrl+e")
        target = db_path.with_name("note-priya-raman-thank_you.eml")
        assert str(target) in rendered(editor(app).query_one("#note-status", Static))
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
        assert message["To"] == "Priya Raman <priya.raman@acme-robotics.com>"
        assert message["X-Unsent"] == "1"
        await pilot.press("ctrl+l")
        assert app.clipboard.startswith("mailto:priya.raman@acme-robotics.com?subject=")
        assert "%0D%0A" in app.clipboard and " " not in app.clipboard
        assert "Copied: mailto:" in rendered(editor(app).query_one("#note-status", Static))
        await pilot.press("ctrl+y")
        assert app.clipboard == priya_body


async def test_w_in_contacts_opens_the_persons_thank_you(
    make_app: MakeApp, priya_body: str, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("w")  # the first person by name: Lena Ortiz
        screen = editor(app)
        assert screen.view.person.name == "Lena Ortiz"
        assert screen.view.note.kind is NoteKind.THANK_YOU
        await type_text(pilot, "[bold]not markup[/] ")
        await pilot.press("escape")  # flushes the pending save
        assert isinstance(app.screen, ContactsScreen)
    notes = repo_on().notes_for(
        screen.view.note.interview_id, screen.view.person.id or 0, NoteKind.THANK_YOU
    )
    assert notes[0].body.startswith("[bold]not markup[/] Dear Lena,")


def test_snapshot_of_the_editor_with_findings(
    snap_compare: SnapCompare, make_app: MakeApp, db_path: Path
) -> None:
    """Marcus's note nearly copies Priya's (C1, side by side) and oversells (C6); no email (A1)."""
    _seed(db_path, near_copy=True)

    async def open_marcus(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, AfterwordApp)
        await open_thank_you(pilot, app, "Marcus Chen")
        editor(app).query_one(NoteArea).cursor_blink = False
        assert {"C1", "C6", "A1"} <= set(codes(app))

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_marcus)


async def test_d7_guard_asks_before_a_status_check_is_marked_sent(
    make_app: MakeApp, db_path: Path, repo_on: RepoOn
) -> None:
    """D7/E2: a status check two days after the last one: n keeps it unsent, y sends it."""
    from datetime import timedelta

    from core.models import Touch
    from core.services_plan import log_touch, plan_context
    from core.settings import Settings
    from tests.tui.pilot_helpers import TZ
    from tui.screens.confirm import ConfirmScreen

    _seed(db_path)
    repo = Repository.open(db_path)
    latest = repo.latest_interview()
    assert latest is not None
    earlier = Touch(
        interview_id=latest.interview.id or 0, at=NOW - timedelta(days=2), kind=TouchKind.STATUS
    )
    log_touch(repo, earlier, NOW, plan_context(Settings(tz=TZ)), override=True)
    repo.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "home")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        for _ in range(screen.query_one(DataTable).row_count):
            key = screen.current_key() or ""
            item = screen.items.get(int(key)) if key.isdigit() else None
            status = item is not None and item.action.kind is ActionKind.STATUS_CHECK
            if status and item and item.company == "Acme Robotics" and item.action.is_open:
                break
            await pilot.press("down")
        assert item is not None and item.company == "Acme Robotics"
        await pilot.press("enter")
        assert editor(app).view.note.kind is NoteKind.STATUS_CHECK
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Hold on (D7, E2)" in screen_text(app)
        await pilot.press("n")
        assert editor(app).view.note.id is not None
        note_id = editor(app).view.note.id or 0
        assert repo_on().get_note(note_id).sent_at is None
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
    repo = repo_on()
    assert repo.get_note(note_id).sent_at == NOW
    assert repo.touches(item.action.interview_id)[-1].guard_overridden
