"""Gentle guidance under the debrief (D14, E1, E3) by real keys, then checked in the
repository: one line at a time, after the debrief, dismissed for good with ctrl+g."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.models import QA
from tests.tui.learning_helpers import Three, body, current_prompt, guidance, make_three
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    MakeApp,
    RepoOn,
    screen_text,
    type_text,
    wait_for_save,
)


@pytest.fixture
def three(db_path: Path) -> Three:
    """Globex, Initech and Acme (see make_three); the app opens on Acme, the latest."""
    return make_three(db_path)


async def test_e1_e3_d14_one_line_after_the_debrief_dismissed_for_good(
    make_app: MakeApp, three: Three, repo_on: RepoOn
) -> None:
    """E1: no guidance while the debrief is written; once its last answer is typed, E1 shows;
    ctrl+g dismisses it (stored), then E3, then D14 (the outcome is pending); after a restart
    nothing comes back."""
    repo = repo_on()
    repo.add_qa(QA(interview_id=three.acme, question="Why robots?"))
    for prompt in ("B3", "B4", "B6"):
        repo.save_answer(three.acme, prompt, "Written")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert guidance(app) is None
        assert "replay" not in screen_text(app)
        # The cursor is on B5, the first unanswered prompt (Jane's highlights are in).
        await pilot.press("down", "down", "down", "enter")
        assert current_prompt(app) == "B8"
        await type_text(pilot, "Kind team")
        await wait_for_save(pilot)
        assert guidance(app) == "E1"
        assert "no need to replay the interview in your head" in screen_text(app)
        await pilot.press("ctrl+g")
        assert repo.marks("guidance:") == {"E1": NOW.isoformat()}
        assert guidance(app) == "E3"
        await pilot.press("ctrl+g")
        assert guidance(app) == "D14"
        assert "keep applying elsewhere" in screen_text(app)
        await pilot.press("ctrl+g")
        assert guidance(app) is None
    assert set(repo.marks("guidance:")) == {"E1", "E3", "D14"}
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert guidance(again) is None


async def test_d14_on_an_old_interview_still_waiting(make_app: MakeApp, three: Three) -> None:
    """D14: three weeks after Globex, no outcome yet: keep applying, even with the debrief
    unfinished; E1 stays away (the debrief is not complete)."""
    app = make_app(interview_id=three.globex)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert body(app).interview_id == three.globex
        assert guidance(app) == "D14"


async def test_the_first_line_is_decided_after_an_import_off_the_ui_thread(
    make_app: MakeApp, demo: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At start-up what decides the line is not imported yet (pydantic, the models: ~90 ms):
    it is imported in a thread once the debrief is drawn, then the line is decided (E1 on
    the demo's complete debrief); the UI thread never waited on that import."""
    import threading

    from tui.widgets import debrief_body
    from tui.widgets.guidance_line import GUIDANCE_MODULE

    monkeypatch.delitem(sys.modules, GUIDANCE_MODULE)
    threads: list[str] = []
    real_import = debrief_body.importlib.import_module

    def importing(name: str) -> object:
        if name == GUIDANCE_MODULE:
            threads.append(threading.current_thread().name)
        return real_import(name)

    monkeypatch.setattr(debrief_body.importlib, "import_module", importing)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert guidance(app) == "E1"
        assert "no need to replay the interview in your head" in screen_text(app)
    assert GUIDANCE_MODULE in sys.modules
    assert len(threads) == 1 and threads[0] != threading.main_thread().name
