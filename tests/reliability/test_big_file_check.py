"""Issue #7 fault 5 with issue #8's large files: a file too big to read whole before the first
screen is read whole right after it; a damaged one is then written no more, and the user told.

Up to tui.app.CHECK_AT_OPEN bytes every page is read before anything else (the rest of the
suite). Here the limit is 0, so the check runs after the data is shown, as for a large file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.notifications import Notify

import tui.app
from core.clock import fixed_clock
from core.demo import build_demo
from core.repository import Repository
from core.repository.base import WriteProblem
from tests.tui.pilot_helpers import NOW, SIZE
from tui.app import build_app
from tui.session import AppConfig


def _damage_the_search_index(path: Path) -> None:
    """Overwrite half a page the first screen does not read (the search index's data)."""
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'search_data'")
    page = root.fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * size + 8 : page * size] = b"\xff" * (size - 8)
    path.write_bytes(bytes(data))


def _demo(path: Path) -> None:
    repo = Repository.open(path)
    build_demo(repo, NOW)
    repo.close()


async def _open_and_settle(path: Path) -> tuple[tui.app.AfterwordApp, list[str]]:
    app = build_app(AppConfig(db=path, clock=fixed_clock(NOW)))
    said: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, Notify):
            said.append(str(message.notification.message))

    async with app.run_test(size=SIZE, notifications=True, message_hook=hook) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            if list(path.parent.glob("backups/*.db")) or said:  # the check is done
                break
        assert app.session is not None
        if app.session.repo.refusal is not None:
            with pytest.raises(WriteProblem):
                app.session.repo.save_answer(1, "B3", "typed after the check")
    return app, said


async def test_a_damaged_big_file_is_found_after_the_first_screen_and_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The debrief shows (its pages are sound), then the check finds the damage: one message
    names the file and what to do, every later write is refused, the file is left as it was."""
    monkeypatch.setattr(tui.app, "CHECK_AT_OPEN", 0)
    path = tmp_path / "afterword.db"
    _demo(path)
    _damage_the_search_index(path)
    before = path.read_bytes()
    app, said = await _open_and_settle(path)
    assert app.session is not None and app.session.repo.pages_checked is False
    problems = [m for m in said if "is damaged" in m]
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: is damaged") and "restore a backup" in problems[0]
    assert app.session.repo.refusal == problems[0]
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("backups/*.db"))  # no damaged copy among the good ones


async def test_a_sound_big_file_is_checked_after_the_first_screen_and_stays_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No message, no refusal: the check after the first screen found every page sound."""
    monkeypatch.setattr(tui.app, "CHECK_AT_OPEN", 0)
    path = tmp_path / "afterword.db"
    _demo(path)
    app, said = await _open_and_settle(path)
    assert app.session is not None and app.session.repo.pages_checked is False
    assert app.session.repo.refusal is None
    assert not [m for m in said if "damaged" in m]
