"""What a save while typing redraws (issue #8, keystroke budget): the answered marks and the
guidance line follow every save, but only what changed is redrawn; an unchanged mark or line is
left alone, so a save never re-renders the prompt list nor lays out the screen."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.tui.learning_helpers import guidance
from tests.tui.pilot_helpers import (
    SIZE,
    MakeApp,
    RepoOn,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.widgets.debrief_body import DebriefBody
from tui.widgets.guidance_line import GuidanceLine


def count_calls(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[object]:
    """Record each call of cls.name (still made) in the returned list."""
    calls: list[object] = []
    original = getattr(cls, name)

    def spy(self: object, *args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, spy)
    return calls


async def test_saves_that_change_no_mark_redraw_nothing(
    make_app: MakeApp, demo: int, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # B3, answered already
        assert guidance(app) == "E1"
        replaced = count_calls(monkeypatch, OptionList, "replace_option_prompt_at_index")
        updated = count_calls(monkeypatch, GuidanceLine, "update")
        for word in (" More", " and more."):
            await type_text(pilot, word)
            await wait_for_save(pilot)
        assert repo_on().answers(demo)["B3"].startswith(" More and more.")  # both saves ran
        assert replaced == []
        assert updated == []
        assert guidance(app) == "E1"
        text = screen_text(app)
        assert "10/10 answered" in text
        assert "✓ B3" in text


async def test_marks_still_follow_each_save_both_ways(
    make_app: MakeApp, demo: int, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repo_on()
    repo.save_answer(demo, "B4", "")  # B4 unanswered: the debrief is not complete, no E1
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "· B4" in screen_text(app)
        assert "9/10 answered" in screen_text(app)
        assert guidance(app) is None
        replaced = count_calls(monkeypatch, OptionList, "replace_option_prompt_at_index")
        await pilot.press("enter")  # B4, the first unanswered prompt, the list is on it
        await type_text(pilot, "Shorter stories")
        await wait_for_save(pilot)
        assert "✓ B4" in screen_text(app)
        assert "10/10 answered" in screen_text(app)
        assert guidance(app) == "E1"  # the debrief just became complete
        assert [args[0] for args in replaced] == [3]  # B4's row only
        await pilot.press("shift+home", "backspace")  # the answer emptied again
        await wait_for_save(pilot)
        assert repo.answers(demo)["B4"] == ""
        assert "· B4" in screen_text(app)
        assert "9/10 answered" in screen_text(app)
        assert guidance(app) is None
        assert [args[0] for args in replaced] == [3, 3]


async def test_typing_messages_stop_at_the_pane(
    make_app: MakeApp, demo: int, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key's Changed and SelectionChanged are handled by the pane and go no further (they
    bubbled through six widgets and the app per key); the answer is still saved."""
    heard: list[str] = []
    for name in ("on_text_area_changed", "on_text_area_selection_changed"):
        monkeypatch.setattr(
            DebriefBody, name, lambda self, event, name=name: heard.append(name), raising=False
        )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # B3
        await type_text(pilot, "Typed ")
        await wait_for_save(pilot)
        assert repo_on().answers(demo)["B3"].startswith("Typed The system design")
        assert heard == []
