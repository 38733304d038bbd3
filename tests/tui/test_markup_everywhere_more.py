"""Markup-like text in the debrief's checklist fields, the command palette's query, and random
text in a note's body (issue #7, items 8 and 13), with notifications and tooltips on.

Next steps and the decision phrase: each string of STRINGS typed with real keys is stored
exactly and shown exactly (an unreadable decision is quoted exactly); a checklist tick's
tooltip shows; the palette takes each string as a query. A note's body goes database ->
editor -> database unchanged, for random text (hypothesis, a few examples) and markup.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.command import CommandPalette
from textual.widgets import Input, Static
from textual.widgets._tooltip import Tooltip

from core.checklist import CHECKLIST
from core.clock import fixed_clock
from core.dates import DatePhraseError
from core.models import NoteKind
from core.repository import Repository
from core.services import read_decision
from core.services_notes import open_note, save_note
from core.settings import Settings
from core.text import clean_text
from tests.tui.markup_helpers import (
    CLICK,
    STRINGS,
    World,
    click_text,
    retype,
    running,
    seed,
)
from tests.tui.pilot_helpers import NOW, TZ, MakeApp, RepoOn, rendered, screen_text, type_text
from tui.app import build_app
from tui.screens.note_editor import NoteEditor
from tui.session import AppConfig


@pytest.fixture
def world(db_path: Path) -> World:
    """Acme, and the interview whose every piece of user text looks like markup."""
    return seed(db_path)


def decision_reading(phrase: str) -> str:
    """What core says about a decision phrase that is not a date."""
    try:
        read_decision(phrase, NOW)
    except DatePhraseError as exc:
        return str(exc)
    raise AssertionError(f"{phrase!r} read as a date")


async def test_checklist_fields_tooltip_and_palette_take_markup_literally(
    make_app: MakeApp, world: World, repo_on: RepoOn
) -> None:
    app = make_app()
    async with running(app) as (pilot, _sent):
        steps = app.screen.query_one("#next-steps", Input)
        await pilot.click(steps)
        for text in STRINGS:
            await retype(pilot, steps, text)
            app.saver.flush()  # as every way out does (the timer is tested elsewhere)
            assert repo_on().get_interview(world.marked).next_steps == text
            assert text in screen_text(app)
            assert await click_text(pilot, steps, text)

        decision = app.screen.query_one("#decision", Input)
        message = app.screen.query_one("#decision-msg", Static)
        await pilot.click(decision)
        for text in STRINGS:
            await retype(pilot, decision, text)
            app.saver.flush()
            assert repo_on().get_interview(world.marked).decision_phrase == text  # kept
            assert rendered(message) == decision_reading(text)
            assert await click_text(pilot, message, text)

        await pilot.hover("#checklist-ticks", offset=(5, 0))  # tooltips on: A1's explanation
        await pilot.pause(app.TOOLTIP_DELAY + 0.2)
        tip = app.screen.query_one(Tooltip)
        [a1] = [item for item in CHECKLIST if item.id == "A1"]
        assert tip.display and rendered(tip) == f"{a1.label}: {a1.hint}"

        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        query = app.screen.query_one(Input)
        for text in STRINGS:
            await retype(pilot, query, text)
            await pilot.pause(0.1)
            assert text in screen_text(app)
        await pilot.press("escape")


async def _body_round_trip(path: Path, note_id: int) -> tuple[str, str]:
    """Open the note in the editor; return what the editor shows, and what is stored after an
    edit that ends where it began (a key, then backspace)."""
    repo = Repository.open(path)
    view_note = repo.get_note(note_id)
    app = build_app(
        AppConfig(db=path, clock=fixed_clock(NOW)),
        repository=repo,
        settings=Settings(db=path, tz=TZ),
    )
    async with running(app) as (pilot, _sent):
        app.go_to(view_note.interview_id, None, note_id)  # as a search result opens it
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        shown = editor.body
        await pilot.press("pagedown", "pagedown", "end")
        await type_text(pilot, "x")
        await pilot.press("backspace", "escape")
    again = Repository.open(path)
    try:
        return shown, again.get_note(note_id).body
    finally:
        again.close()


@pytest.fixture(scope="module")
def bobs_note(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """One database for every example: Bob's thank-you (each example overwrites its body)."""
    path = tmp_path_factory.mktemp("note-body") / "a.db"
    marked = seed(path).marked
    repo = Repository.open(path)
    (bob, _), _ = repo.participants(marked)
    note_id = open_note(repo, bob.id or 0, NoteKind.THANK_YOU, NOW).note.id or 0
    repo.close()
    return path, note_id


@settings(
    max_examples=2,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=120))
@example("\n".join(STRINGS))
def test_random_note_bodies_round_trip_database_screen_database(
    bobs_note: tuple[Path, int], text: str
) -> None:
    path, note_id = bobs_note
    repo = Repository.open(path)
    save_note(repo, note_id, CLICK, text)
    stored = repo.get_note(note_id).body
    repo.close()
    assert stored == clean_text(text)
    shown, saved_again = asyncio.run(_body_round_trip(path, note_id))
    assert shown == stored
    assert saved_again == stored
