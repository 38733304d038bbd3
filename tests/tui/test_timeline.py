"""The timeline mode, driven by real keys, then checked in the repository (D7, D11, D12, #4)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from core.models import ActionKind, ActionState, TouchKind
from core.plan_view import PlanItem
from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import NOW, SIZE, TZ, MakeApp, RepoOn, rendered, screen_text, type_text
from tui.app import AfterwordApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.debrief import DebriefScreen
from tui.screens.outcome_picker import OutcomePicker
from tui.screens.timeline import TimelineScreen
from tui.screens.touch_form import TouchForm
from tui.screens.when_prompt import WhenPrompt


@dataclass(frozen=True)
class Two:
    """Globex, three weeks ago, no time frame given; Acme an hour ago, decision in 2 weeks."""

    globex: int
    acme: int
    acme_application: int


@pytest.fixture
def two(db_path: Path) -> Two:
    """The app opens on Acme (the interview that ended last); the plans are made at start."""
    repo = Repository.open(db_path)
    globex = capture_interview(
        repo,
        Capture(
            company="Globex",
            ended="2026-11-01 10:00",
            people="Tom Baker <tom@globex.io>",
            decision="none",
        ),
        NOW,
    )
    acme = capture_interview(
        repo,
        Capture(
            company="Acme",
            ended="1 hour ago",
            people="Jane Doe <jane@acme.com>, John Smith",
            decision="in 2 weeks",
        ),
        NOW,
    )
    repo.close()
    return Two(globex.id or 0, acme.id or 0, acme.application_id)


def timeline(app: AfterwordApp) -> TimelineScreen:
    """The timeline screen (asserting it is the one shown)."""
    assert isinstance(app.screen, TimelineScreen)
    return app.screen


def row_keys(app: AfterwordApp) -> list[str]:
    """The table's row keys, top to bottom: 'group:Today', then action ids."""
    grid = timeline(app).query_one(DataTable)
    return [str(key.value) for key in grid.rows]


def highlighted(app: AfterwordApp) -> PlanItem | None:
    """The action under the cursor (None on a group heading)."""
    screen = timeline(app)
    grid = screen.query_one(DataTable)
    key = str(grid.coordinate_to_cell_key(grid.cursor_coordinate).row_key.value)
    return None if key.startswith("group:") else screen.items[int(key)]


async def go_to(
    pilot: Pilot[None], app: AfterwordApp, match: Callable[[PlanItem], bool]
) -> PlanItem:
    """Press up to the top, then down until the highlighted action matches."""
    await pilot.press("home")
    for _ in range(len(row_keys(app))):
        item = highlighted(app)
        if item is not None and match(item):
            return item
        await pilot.press("down")
    raise AssertionError("no such action on the timeline")


def thank_you_for(name: str) -> Callable[[PlanItem], bool]:
    """Match the thank-you email to `name`."""
    return lambda item: item.action.kind is ActionKind.THANK_YOU and item.person == name


def status_check_at(company: str) -> Callable[[PlanItem], bool]:
    """Match an open status check of `company`."""
    return lambda item: (
        item.action.kind is ActionKind.STATUS_CHECK
        and item.company == company
        and item.action.is_open
    )


async def test_t_shows_the_groups_and_a_toggles_all_or_this_interview(
    make_app: MakeApp, two: Two
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        text = screen_text(app)
        for heading in ("Overdue (6)", "Today (1)", "This week (6)", "Later (1)"):
            assert heading in text
        assert "Follow-up plan  ·  all interviews" in text
        everything = row_keys(app)
        assert len(everything) == 4 + 14  # four headings, fourteen actions
        first = highlighted(app)
        assert first is not None and first.company == "Globex"  # the cursor on the first action

        await pilot.press("a")
        only_acme = row_keys(app)
        assert len(only_acme) == 3 + 8  # no Overdue: Globex's six are gone
        assert set(only_acme) < set(everything)
        assert {item.company for item in timeline(app).items.values()} == {"Acme"}
        assert "Follow-up plan  ·  Acme  round 1  ·  a: all interviews" in screen_text(app)
        assert "Overdue" not in screen_text(app)

        await pilot.press("a")
        assert row_keys(app) == everything


async def test_x_done_u_undo_k_skip_s_snooze_with_a_phrase(
    make_app: MakeApp, two: Two, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        item = await go_to(pilot, app, thank_you_for("Jane Doe"))
        action_id = item.action.id or 0
        due = item.action.due

        await pilot.press("x")
        assert repo_on().get_action(action_id).state is ActionState.DONE
        thanks = [t for t in repo_on().touches(two.acme) if t.kind is TouchKind.THANKS]
        assert [t.at for t in thanks] == [NOW]  # marking a thank-you done logs its touch
        assert highlighted(app).action.id == action_id  # type: ignore[union-attr]
        assert "Done (1)" in screen_text(app)

        await pilot.press("u")
        assert repo_on().get_action(action_id).state is ActionState.PLANNED
        assert "Done (" not in screen_text(app)

        await pilot.press("k")
        assert repo_on().get_action(action_id).state is ActionState.SKIPPED
        await pilot.press("u")
        assert repo_on().get_action(action_id).state is ActionState.PLANNED

        await pilot.press("s")
        assert isinstance(app.screen, WhenPrompt)
        await pilot.press("ctrl+u")
        await type_text(pilot, "tomorrow 9am")
        await pilot.press("enter")
        assert isinstance(app.screen, TimelineScreen)
        snoozed = repo_on().get_action(action_id)
        assert snoozed.state is ActionState.SNOOZED
        assert snoozed.due == datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo(TZ))
        assert snoozed.due != due
        assert "Mon 23 Nov 09:00" in screen_text(app)


async def test_l_logs_a_status_touch_and_a_second_one_trips_the_guard_d7(
    make_app: MakeApp, two: Two, repo_on: RepoOn
) -> None:
    """D7/E2: the second status check right after the first asks first; n keeps it unlogged,
    y logs it with the override recorded."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await go_to(pilot, app, status_check_at("Globex"))  # 3 weeks on, no time frame: fine
        await pilot.press("l")
        assert isinstance(app.screen, TouchForm)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TimelineScreen)  # no question asked
        [first] = repo_on().touches(two.globex)
        assert (first.kind, first.guard_overridden) == (TouchKind.STATUS, False)

        await pilot.press("l")
        assert isinstance(app.screen, TouchForm)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        question = rendered(app.screen.query_one("#confirm-question", Static))
        assert "D7" in question and "unanswered" in question
        await pilot.press("n")
        assert isinstance(app.screen, TouchForm)  # back to the form, nothing logged
        assert len(repo_on().touches(two.globex)) == 1

        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert isinstance(app.screen, TimelineScreen)
        first_again, second = repo_on().touches(two.globex)
        assert first_again.id == first.id
        assert (second.kind, second.guard_overridden) == (TouchKind.STATUS, True)
        assert "D7" in second.guard_reason


async def test_o_outcome_not_selected_asks_feedback_d11_invited_back_adds_a_round_d12(
    make_app: MakeApp, two: Two, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("t")
        await go_to(pilot, app, lambda item: item.company == "Globex")
        await pilot.press("o")
        assert isinstance(app.screen, OutcomePicker)
        assert "Outcome of Globex?" in screen_text(app)
        await pilot.press("down", "enter")  # Not selected
        assert isinstance(app.screen, TimelineScreen)
        assert repo_on().get_interview(two.globex).outcome.value == "not_selected"
        kinds = [a.kind for a in repo_on().actions_of(two.globex) if a.is_open]
        assert ActionKind.FEEDBACK_REQUEST in kinds
        assert any(item.label == "Ask for feedback" for item in timeline(app).items.values())

        assert repo_on().interview_ids_of(two.acme_application) == [two.acme]
        await go_to(pilot, app, lambda item: item.company == "Acme")
        await pilot.press("o", "enter")  # Invited back
        assert isinstance(app.screen, TimelineScreen)
        rounds = repo_on().interview_ids_of(two.acme_application)
        assert len(rounds) == 2 and rounds[0] == two.acme
        assert repo_on().get_interview(rounds[1]).round == 2
        kinds = [a.kind for a in repo_on().actions_of(rounds[1])]
        assert ActionKind.PREPARE_ROUND in kinds
        assert "Round 2 added" in screen_text(app)


async def test_enter_opens_the_debrief_of_the_actions_interview(
    make_app: MakeApp, two: Two
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert app.session is not None and app.session.interview_id == two.acme
        await go_to(pilot, app, lambda item: item.company == "Globex")
        await pilot.press("enter")
        assert isinstance(app.screen, DebriefScreen)
        assert app.current_mode == "debrief"
        assert app.session.interview_id == two.globex
        assert rendered(app.screen.query_one("#topbar", Static)).startswith("Globex")
