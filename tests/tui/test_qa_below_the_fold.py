"""B1's pairs below the fold are built after the debrief's first frame (#8): that frame holds
every pair that can show, the rest follow at once, in order, and nothing waits on them."""

from __future__ import annotations

import pytest

from core.models import QA
from core.repository import Repository
from tests.tui.pilot_helpers import SIZE, MakeApp, RepoOn, screen_text, type_text
from tui.screens.debrief import DebriefScreen
from tui.widgets.debrief_body import DebriefBody
from tui.widgets.qa_pane import QAItem, pairs_that_fit

PAIRS = 9


@pytest.fixture
def nine_pairs(repo_on: RepoOn, demo: int) -> int:
    """The demo's debrief (complete: it opens on B1) with nine pairs in B1."""
    repo: Repository = repo_on()
    for qa in repo.qa_list(demo):
        assert qa.id is not None
        repo.delete_qa(qa.id)
    for n in range(PAIRS):
        pair = QA(interview_id=demo, question=f"Question {n}", answer=f"A {n}", stumped=n == 4)
        repo.add_qa(pair)  # one stumped: B5 stays answered
    return demo


def _questions(app: object) -> list[str]:
    return [item.qa.question for item in app.screen.query(QAItem)]  # type: ignore[attr-defined]


async def test_the_first_frame_holds_the_pairs_that_show_the_rest_follow(
    make_app: MakeApp, nine_pairs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    first: dict[str, object] = {}
    drawn = DebriefScreen.data_drawn

    def seen(screen: DebriefScreen, widget: object) -> None:
        first.setdefault("questions", _questions(app))
        first.setdefault("text", screen_text(app))
        drawn(screen, widget)  # type: ignore[arg-type]

    monkeypatch.setattr(DebriefScreen, "data_drawn", seen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert pairs_that_fit(SIZE[1]) == 3
        assert first["questions"] == [f"Question {n}" for n in range(3)]
        assert _questions(app) == [f"Question {n}" for n in range(PAIRS)]
        # every pair the screen shows now was in the first frame
        shown_now = [q for q in _questions(app) if q in screen_text(app)]
        assert shown_now and all(q in str(first["text"]) for q in shown_now)


async def test_keys_before_the_frame_find_every_pair_in_order(
    make_app: MakeApp, nine_pairs: int, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the keys come before the frame is drawn (here: it never says so), going into
    B1 builds the rest first, and a pair added goes after all of them."""
    monkeypatch.setattr(DebriefBody, "drawn", lambda body: None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(_questions(app)) == 3
        await pilot.press("enter")  # into B1: the cursor in the first question
        await pilot.pause()
        assert _questions(app) == [f"Question {n}" for n in range(PAIRS)]
        await pilot.press("ctrl+n")
        await type_text(pilot, "Why us?")
        await pilot.pause()
        assert _questions(app)[-1] == "" and len(_questions(app)) == PAIRS + 1
        app.saver.flush()
        stored = [qa.question for qa in repo_on().qa_list(nine_pairs)]
        assert stored == [*(f"Question {n}" for n in range(PAIRS)), "Why us?"]


def test_pairs_that_fit_counts_at_least_one_and_grows_with_the_terminal() -> None:
    assert pairs_that_fit(10) == 1
    assert pairs_that_fit(24) == 2
    assert pairs_that_fit(36) == 3
    assert pairs_that_fit(60) == 7
