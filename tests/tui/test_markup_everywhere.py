"""Markup-like text in the timeline's modals and the note editor (issue #7, item 8; 10 and 13).

Each string of STRINGS is typed with real keys into every field (snooze phrase, touch note and
when, note subject and body), with notifications and tooltips on; it is stored exactly, shown
exactly, clicking where it is shown runs nothing, and every notification is sent with markup
off. The screens' own lines that quote user text (titles, recipient, status, file paths) too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from core.dates import DatePhraseError, parse_when
from core.export_eml import eml_filename, mailto_link
from core.models import ActionKind, ActionState, NoteKind
from core.plan_view import PlanItem
from core.repository import Repository
from core.services_notes import open_note, save_note
from tests.tui.markup_helpers import (
    AB,
    BOB,
    CLICK,
    FOLDER,
    LINK,
    STRINGS,
    World,
    click_text,
    retype,
    running,
    seed,
    toasts,
)
from tests.tui.pilot_helpers import (
    NOW,
    MakeApp,
    RepoOn,
    paste,
    rendered,
    screen_text,
    type_text,
)
from tui.app import AfterwordApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_editor import CHECK_DELAY, NoteEditor
from tui.screens.outcome_picker import OutcomePicker
from tui.screens.timeline import TimelineScreen
from tui.screens.touch_form import TouchForm
from tui.screens.when_prompt import WhenPrompt
from tui.widgets.note_area import NoteArea


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The database in a folder named like markup: the paths the editor shows echo it."""
    return tmp_path / FOLDER / "a.db"


@pytest.fixture
def world(db_path: Path) -> World:
    """Acme, and the interview whose every piece of user text looks like markup."""
    return seed(db_path)


TWIN_SENTENCES = [f"We spoke about {text} for a long while." for text in STRINGS]
TWIN = " ".join(TWIN_SENTENCES)


def thank_you_for(name: str) -> Callable[[PlanItem], bool]:
    """Match the open thank-you email to `name`."""
    return lambda item: item.action.kind is ActionKind.THANK_YOU and item.person == name


async def go_to(pilot: Pilot[None], app: AfterwordApp, match: Callable[[PlanItem], bool]) -> int:
    """On the timeline, move the cursor down to the first action matching; return its id."""
    await pilot.press("t", "home")
    screen = app.screen
    assert isinstance(screen, TimelineScreen)
    for _ in range(screen.query_one(DataTable).row_count):
        key = screen.current_key() or ""
        item = screen.items.get(int(key)) if key.isdigit() else None
        if item is not None and match(item):
            return item.action.id or 0
        await pilot.press("down")
    raise AssertionError("no such action on the timeline")


def date_reading(phrase: str, prefer: str) -> str:
    """What core says about a phrase that is not a date (the message the modal must show)."""
    try:
        parse_when(phrase, NOW, prefer=prefer)  # type: ignore[arg-type]
    except DatePhraseError as exc:
        return str(exc)
    raise AssertionError(f"{phrase!r} read as a date")


async def test_timeline_lines_and_the_snooze_phrase_are_literal(
    make_app: MakeApp, world: World, repo_on: RepoOn
) -> None:
    app = make_app()
    async with running(app) as (pilot, _sent):
        action_id = await go_to(pilot, app, thank_you_for(BOB))
        assert BOB in screen_text(app) and CLICK[:15] in screen_text(app)  # the table, cut
        detail = rendered(app.screen.query_one("#timeline-detail", Static))
        assert detail.startswith(f"Thank-you email for {BOB} · {CLICK} · ")
        assert await click_text(pilot, app.screen.query_one("#timeline-detail"), f"{BOB} · {CLICK}")

        await pilot.press("s")
        assert isinstance(app.screen, WhenPrompt)
        phrase = app.screen.query_one("#when-phrase", Input)
        message = app.screen.query_one("#when-msg", Static)
        for text in STRINGS:
            await retype(pilot, phrase, text)
            assert rendered(message) == date_reading(text, "future")
            assert text in screen_text(app)
            assert await click_text(pilot, message, text)
            await pilot.press("enter")  # not a date: the modal stays, nothing is snoozed
            assert isinstance(app.screen, WhenPrompt)
        assert repo_on().get_action(action_id).state is ActionState.PLANNED

        await pilot.press("end", "ctrl+u")  # 10: two lines pasted are one phrase, with a notice
        await paste(pilot, "monday\n9am\n")
        assert phrase.value == "monday 9am"
        assert "Pasted 2 lines as one line." in toasts(app)
        await pilot.press("enter")
        assert isinstance(app.screen, TimelineScreen)
        snoozed = repo_on().get_action(action_id)
        assert (snoozed.state, f"{snoozed.due:%a %H:%M}") == (ActionState.SNOOZED, "Mon 09:00")


async def test_touch_notes_are_stored_exactly_and_a_bad_when_is_quoted_exactly(
    make_app: MakeApp, world: World, repo_on: RepoOn
) -> None:
    app = make_app()
    async with running(app) as (pilot, _sent):
        await go_to(pilot, app, thank_you_for(BOB))
        await pilot.press("l")
        form = app.screen
        assert isinstance(form, TouchForm)
        assert form.query_one("#touch-person", Select).value != 0  # with Bob, named as written
        assert BOB in screen_text(app)

        when = form.query_one("#touch-when", Input)
        message = form.query_one("#touch-msg", Static)
        await pilot.click(when)
        for text in STRINGS:
            await retype(pilot, when, text)
            await pilot.press("enter")  # not a date: quoted exactly, nothing logged
            assert rendered(message) == date_reading(text, "past")
            assert await click_text(pilot, message, text)
        await retype(pilot, when, "now")

        note = form.query_one("#touch-note", Input)
        await pilot.click(note)
        for text in STRINGS:
            await retype(pilot, note, text)
            assert text in screen_text(app)
            assert await click_text(pilot, note, text)
        await retype(pilot, note, " ".join(STRINGS) + " ")
        await paste(pilot, f"{BOB}\n{AB}")  # 10: a multi-line paste is joined, not cut
        typed = " ".join(STRINGS) + f" {BOB} {AB}"
        assert note.value == typed
        await pilot.press("enter")
        if isinstance(app.screen, ConfirmScreen):  # the guard may ask (D7): go ahead
            await pilot.press("y")
        assert isinstance(app.screen, TimelineScreen)
        assert [t.note for t in repo_on().touches(world.marked)] == [typed]


async def test_the_outcome_picker_quotes_the_company_exactly(
    make_app: MakeApp, world: World, repo_on: RepoOn
) -> None:
    app = make_app()
    async with running(app) as (pilot, sent):
        await go_to(pilot, app, thank_you_for(BOB))
        await pilot.press("o")
        assert isinstance(app.screen, OutcomePicker)
        title = app.screen.query(Static).first()
        assert rendered(title) == f"Outcome of {CLICK}?"
        assert f"Outcome of {CLICK}?" in screen_text(app)
        assert await click_text(pilot, title, CLICK)
        await pilot.press("home", "enter")  # invited back: a new round (D12)
        assert isinstance(app.screen, TimelineScreen)
        assert [n.message for n in sent][-1] == "Round 2 added, with a prep action (D12)."
        rounds = [s.interview.round for s in repo_on().list_interviews() if s.company == CLICK]
        assert sorted(rounds) == [1, 2]


async def test_every_field_of_the_note_editor_keeps_markup_literal(
    make_app: MakeApp, world: World, repo_on: RepoOn, db_path: Path
) -> None:
    repo = Repository.open(db_path)  # her note, which his will come to read like (C1)
    (_, _), (ann, _) = repo.participants(world.marked)
    twin = open_note(repo, ann.id or 0, NoteKind.THANK_YOU, NOW).note.id or 0
    save_note(repo, twin, "Thanks", TWIN)
    repo.close()
    app = make_app()
    async with running(app) as (pilot, sent):
        action_id = await go_to(pilot, app, thank_you_for(BOB))
        await pilot.press("enter")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        note_id = editor.view.note.id or 0
        title = rendered(editor.query_one("#note-title", Static))
        assert title == f"Thank-you email to {BOB}  ·  {CLICK}  ·  {LINK}"
        assert rendered(editor.query_one("#note-to", Static)) == f"To: {BOB} <bob@acme.com> (card)"
        assert rendered(editor.query_one("#note-status", Static)) == f"Writing to {BOB}."
        assert await click_text(pilot, editor.query_one("#note-title"), f"{BOB}  ·  {CLICK}")

        body = editor.query_one(NoteArea)
        start = body.text
        subject = editor.query_one("#note-subject", Input)
        await pilot.click(subject)
        for text in STRINGS:
            await retype(pilot, subject, text)
            app.saver.flush()  # as every way out does (the timer is tested elsewhere)
            assert repo_on().get_note(note_id).subject == text
            assert text in screen_text(app)
            assert await click_text(pilot, subject, text)
        await pilot.press("end")
        await paste(pilot, "Thank you\nfor today")  # 10: joined, with a notice
        assert subject.value == f"{CLICK}Thank you for today"

        await pilot.press("tab", "pagedown", "pagedown", "end")  # the body, at its end
        assert app.focused is body
        for text in STRINGS:
            await type_text(pilot, "\n" + text)
            app.saver.flush()
            assert repo_on().get_note(note_id).body == body.text
            assert await click_text(pilot, body, text)
            await pilot.press("pagedown", "pagedown", "end")
        assert body.text == start + "".join("\n" + text for text in STRINGS)
        await paste(pilot, "\n" + TWIN)  # C1: now it reads like his note to a[b] c
        await pilot.pause(CHECK_DELAY + 0.2)
        assert "C1" in [finding.code for finding in editor.findings]
        cells = [rendered(cell) for cell in editor.query(".compare-cell").results(Static)]
        assert cells[:2] == ["This note", f"Your note to {AB}   (+6 more)"]  # 3 pairs shown
        assert len(cells) == 8 and all(cell in TWIN_SENTENCES for cell in cells[2:])

        await pilot.press("ctrl+e")  # the .eml path echoes the markup-like folder
        target = db_path.parent / eml_filename(BOB, NoteKind.THANK_YOU.value)
        status = editor.query_one("#note-status", Static)
        assert rendered(status) == f"Saved {target} (0600): open it in your mail client as a draft."
        assert target.exists()
        await pilot.press("ctrl+l")
        link = mailto_link("bob@acme.com", subject.value, body.text)
        assert rendered(status) == f"Copied: {link}"

        await pilot.press("ctrl+s")  # mark sent: the notice names him as written
        assert not isinstance(app.screen, NoteEditor)
        assert sent[-1].message == f"Sent: thank-you email to {BOB}; logged and done."
        await pilot.pause()
        assert sent[-1].message in toasts(app)
        assert repo_on().get_action(action_id).state is ActionState.DONE
