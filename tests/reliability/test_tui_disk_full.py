"""Issue #7, fault 5 in the app: the disk fills up while the user types.

SQLite itself answers 'database or disk is full' (max_page_count pinned to the file's size on
the app's own connection). The app says so in a message naming the file, keeps running, never
overwrites what was saved, and saves the text as soon as there is space again, even if the
user types nothing more and just quits.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from core.repository import Repository
from core.services import Capture, capture_interview
from tests.reliability.test_file_faults import fill_the_disk, free_the_disk
from tests.tui.pilot_helpers import NOW, SIZE, MakeApp, RepoOn, screen_text, type_text
from tests.tui.pilot_helpers import wait_for_save as wait_past_the_save_delay
from tui.app import AfterwordApp
from tui.screens.new_interview import NewInterviewScreen


@pytest.fixture
def interview_id(db_path: Path) -> int:
    """One interview, no debrief yet."""
    repo = Repository.open(db_path)
    iid = capture_interview(repo, Capture(company="Acme", people="Jane Doe"), NOW).id or 0
    repo.close()
    return iid


def errors_shown(app: AfterwordApp) -> list[str]:
    """The error notifications on screen now."""
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def test_disk_full_while_typing_says_so_keeps_the_old_text_and_saves_later(
    make_app: MakeApp,
    interview_id: int,
    repo_on: RepoOn,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("tui.saver.RETRY_DELAY", 0.5)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("home", "down", "down", "enter")  # B3
        await type_text(pilot, "saved before")
        await wait_past_the_save_delay(pilot)
        assert repo_on().answers(interview_id) == {"B3": "saved before"}

        assert app.session is not None
        fill_the_disk(app.session.repo)
        more = " and then a long paragraph" * 400
        area = app.screen.query_one("#answer-B3", TextArea)
        area.insert(more)
        await wait_past_the_save_delay(pilot)
        [error] = errors_shown(app)
        assert error.startswith(f"Could not save: {db_path}: the disk is full")
        assert "free some space" in error
        assert "Could not save:" in screen_text(app)  # the toast is on screen
        assert app.is_running and app.return_code is None
        assert repo_on().answers(interview_id) == {"B3": "saved before"}  # not overwritten

        await pilot.pause(0.6)  # retried, still full: no second message
        assert len(errors_shown(app)) == 1
        assert app.saver.pending == 1

        free_the_disk(app.session.repo)  # space again: the retry saves it, no key pressed
        await pilot.pause(0.6)
        assert repo_on().answers(interview_id) == {"B3": "saved before" + more}
        assert app.saver.pending == 0

        fill_the_disk(app.session.repo)  # full again; this time the user just quits
        area.insert(more)
        await wait_past_the_save_delay(pilot)
        assert len(errors_shown(app)) == 2
        free_the_disk(app.session.repo)
        await pilot.press("ctrl+q")
    assert repo_on().answers(interview_id) == {"B3": "saved before" + more * 2}


class FullDisk:
    """A connection whose writes fail as SQLite's do when the disk is full (reads still work)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


async def test_direct_writes_on_a_full_disk_are_messages_not_crashes(
    make_app: MakeApp, interview_id: int, repo_on: RepoOn, db_path: Path
) -> None:
    """Adding a question, a promise, an interview: each says the disk is full, nothing is
    written, and every part of the app still answers keys once there is space again."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert app.session is not None
        repo = app.session.repo
        real = repo.conn
        repo.conn = FullDisk(real)  # type: ignore[assignment]
        try:
            await pilot.press("home", "enter")  # B1: Enter adds the first question
            assert len(errors_shown(app)) == 1
            await pilot.press("end", "enter")  # B10: Enter adds the first promise
            assert len(errors_shown(app)) == 2
            await pilot.press("n")
            await type_text(pilot, "Globex")
            await pilot.press("enter")
            assert isinstance(app.screen, NewInterviewScreen)  # the form stays, as typed
            assert app.screen.query_one("#new-company", Input).value == "Globex"
            errors = errors_shown(app)
            assert len(errors) == 3
            for error in errors:
                assert error.startswith(f"Could not save: {db_path}: the disk is full"), error
            assert app.is_running and app.return_code is None
        finally:
            repo.conn = real
        await pilot.press("enter")  # space again: the same keys now work
        assert not isinstance(app.screen, NewInterviewScreen)
        await pilot.press("home", "enter")
        await type_text(pilot, "why us?")
        await pilot.press("ctrl+q")
    again = repo_on()
    assert [s.company for s in again.list_interviews()] == ["Globex", "Acme"]
    [globex] = [s.interview.id for s in again.list_interviews() if s.company == "Globex"]
    assert [qa.question for qa in again.qa_list(globex or 0)] == ["why us?"]
    assert again.qa_list(interview_id) == []
    assert again.promises(interview_id) == []
