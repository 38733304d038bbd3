"""Long lists a page at a time (#8): contacts and the timeline over 1,500 people and 3,000
actions, driven by real keys; no table holds more than 500 rows, the lines say how many are left
(true counts), the keys that show more work, the cursor keeps its record, and a key pressed on a
later page acts on the record shown (checked in the repository)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from core.models import ActionState
from core.plan_view import Group, timeline_pages
from core.repository import Repository
from core.services_plan import plan_context
from core.settings import Settings
from tests.tui.long_lists_seed import Seeded, person_name, seed_long_lists
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    TZ,
    MakeApp,
    RepoOn,
    rendered,
    screen_text,
    type_text,
)
from tui.app import AfterwordApp
from tui.screens.contacts import ContactsScreen
from tui.screens.timeline import TimelineScreen
from tui.screens.timeline_pages import GROUP_PAGE
from tui.screens.when_prompt import WhenPrompt
from tui.widgets.paged_table import PAGE

LIMIT = 500  # issue #8: no table or list renders more than about 500 rows at once


@pytest.fixture
def seeded(db_path: Path) -> Seeded:
    """1,500 people over 500 interviews, 3,000 actions (most in Later and Done)."""
    repo = Repository.open(db_path)
    began = time.perf_counter()
    made = seed_long_lists(repo, NOW, people=1500, actions=3000, interviews=500)
    assert time.perf_counter() - began < 5
    repo.close()
    return made


def table(app: AfterwordApp) -> DataTable[object]:
    """The table of the mode shown."""
    return app.screen.query_one(DataTable)


def cursor_key(app: AfterwordApp) -> str:
    """The key of the row under the cursor."""
    grid = table(app)
    return str(grid.coordinate_to_cell_key(grid.cursor_coordinate).row_key.value)


def name_at_cursor(app: AfterwordApp) -> str:
    """The name of the person under the contacts cursor."""
    screen = app.screen
    assert isinstance(screen, ContactsScreen)
    return screen.rows[int(cursor_key(app))].name


def pages(app: AfterwordApp) -> str:
    """The contacts line saying which page is shown and what is left."""
    return rendered(app.screen.query_one("#contacts-pages", Static))


async def press_many(pilot: Pilot[None], key: str, times: int) -> None:
    """Press `key` `times` times, as a held key delivers them, then wait for the screen."""
    for _ in range(times):
        event = events.Key(key, None)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
    await pilot._wait_for_screen()
    await pilot.pause()


async def everyone(pilot: Pilot[None]) -> None:
    """Contacts, scope everyone (this interview, this process, everyone)."""
    await pilot.press("c", "s", "s")
    assert "Contacts  ·  everyone" in screen_text(pilot.app)


async def test_contacts_show_a_page_of_people_and_the_keys_page_through_all_1500(
    make_app: MakeApp, seeded: Seeded, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await everyone(pilot)
        assert table(app).row_count == PAGE <= LIMIT
        assert f"1–{PAGE} of 1,500 people" in pages(app)
        assert f"{1500 - PAGE:,} more" in pages(app) and f"{1500 - PAGE:,} more" in screen_text(app)
        assert name_at_cursor(app) == person_name(0)  # another scope: its first page, first row

        await pilot.press("ctrl+end", "down")  # past the last row: the next page, its first row
        assert table(app).row_count == PAGE
        assert name_at_cursor(app) == person_name(PAGE)
        assert f"{PAGE + 1}–{2 * PAGE} of 1,500 people" in pages(app)
        assert f"{1500 - 2 * PAGE:,} more" in pages(app) and f"{PAGE} before" in pages(app)
        await pilot.press("up")  # back past the first row: the previous page, its last row
        assert name_at_cursor(app) == person_name(PAGE - 1)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert name_at_cursor(app) == person_name(2 * PAGE)
        await press_many(pilot, "right_square_bracket", 1500 // PAGE)  # on to the last page
        last = 1500 - 1500 % PAGE if 1500 % PAGE else 1500 - PAGE
        assert name_at_cursor(app) == person_name(last)
        assert f"{last + 1:,}–1,500 of 1,500 people" in pages(app) and "more" not in pages(app)

        await pilot.press("down", "down", "delete")  # the third person of the last page
        assert person_name(last + 2) in screen_text(app)  # the question names them
        await pilot.press("y")
        names = {p.name for p, _a in repo_on().people_with_application()}
        assert person_name(last + 2) not in names
        assert {person_name(last + 1), person_name(last + 3), person_name(0)} <= names
        assert f"{last + 1:,}–1,499 of 1,499 people" in pages(app)  # still on that page
        assert name_at_cursor(app) == person_name(last + 3)  # the next one took its place


async def test_contacts_keep_the_cursor_on_its_person_across_reloads(
    make_app: MakeApp, seeded: Seeded, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await everyone(pilot)
        await pilot.press("pagedown")  # a screenful down, not yet a new page
        assert name_at_cursor(app) != person_name(0)
        assert pages(app).startswith(f"1–{PAGE} of")
        await pilot.press("ctrl+end", "pagedown")  # from the last row: the next page
        assert pages(app).startswith(f"{PAGE + 1}–{2 * PAGE} of")
        await pilot.press("pageup")  # from the first row: the previous one
        assert pages(app).startswith(f"1–{PAGE} of")
        assert name_at_cursor(app) == person_name(PAGE - 1)
        await pilot.press("right_square_bracket")
        await press_many(pilot, "down", 5)
        assert name_at_cursor(app) == person_name(PAGE + 5)
        await pilot.press("t", "c")  # back on contacts: read again, same page, same person
        assert name_at_cursor(app) == person_name(PAGE + 5)
        assert f"{PAGE + 1}–{2 * PAGE} of 1,500 people" in pages(app)
        assert table(app).row_count <= LIMIT

        await pilot.press("o")  # another sort: on the page that holds the same person
        assert "sorted by company" in screen_text(app)
        assert name_at_cursor(app) == person_name(PAGE + 5)
        index = repo_on().contact_index(int(cursor_key(app)), order="company")
        assert index is not None and index != PAGE + 5  # the person moved in the list
        assert pages(app).startswith(f"{index - index % PAGE + 1:,}–")
        await pilot.press("o", "o")  # by role, then by what is missing: not over 1,500 people
        assert "sorted by name" in screen_text(app)
        told = [n.message for n in app._notifications]
        assert any("works on one page of people" in message for message in told)


def true_groups(repo: Repository) -> dict[Group, list[int]]:
    """The plan's whole groups as core makes them at the tests' clock: action ids by group."""
    ctx = plan_context(Settings(tz=TZ), TZ)
    pages = timeline_pages(repo, NOW, ctx, limit=100_000)
    assert all(len(page.items) == page.total for page in pages)
    return {page.group: [i.action.id or 0 for i in page.items] for page in pages}


async def test_timeline_groups_show_90_at_a_time_under_true_counts(
    make_app: MakeApp, seeded: Seeded, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        groups = true_groups(repo_on())
        later, done = groups[Group.LATER], groups[Group.DONE]
        assert len(later) > GROUP_PAGE and len(done) > GROUP_PAGE
        assert table(app).row_count <= LIMIT
        keys = [str(k.value) for k in table(app).rows]
        for group in (Group.OVERDUE, Group.THIS_WEEK):  # short groups: whole
            assert {str(i) for i in groups[group]} <= set(keys)
        text = screen_text(app)
        assert f"Later ({len(later):,})" in text  # the heading counts the whole group
        # Later opens on its first page, Done on its most recent one
        assert keys[keys.index("group:Later") + 1 : keys.index("more:Later")] == [
            str(i) for i in later[:GROUP_PAGE]
        ]
        assert keys[keys.index("less:Done") + 1 :] == [str(i) for i in done[-GROUP_PAGE:]]
        grid = table(app)
        assert f"{len(later) - GROUP_PAGE:,} more" in str(grid.get_row("more:Later")[1])
        assert f"{len(done) - GROUP_PAGE:,} earlier" in str(grid.get_row("less:Done")[1])

        for _ in range(30):  # down to the first action of Later
            if cursor_key(app) == str(later[0]):
                break
            await pilot.press("down")
        await pilot.press("right_square_bracket")  # Later's next page
        assert cursor_key(app) == str(later[GROUP_PAGE])
        assert table(app).row_count <= LIMIT
        assert "less:Later" in [str(k.value) for k in table(app).rows]
        await pilot.press("x")  # done: on the action shown, on the second page
        repo = repo_on()
        assert repo.get_action(later[GROUP_PAGE]).state is ActionState.DONE
        assert repo.get_action(later[GROUP_PAGE + 1]).state is ActionState.PLANNED
        assert cursor_key(app) == str(later[GROUP_PAGE])  # followed into Done
        assert f"Done ({len(done) + 1:,})" in str(table(app).get_row("group:Done")[1])

        await pilot.press("u")  # undone: back in Later, still under the cursor
        assert repo_on().get_action(later[GROUP_PAGE]).state is ActionState.PLANNED
        assert cursor_key(app) == str(later[GROUP_PAGE])


async def test_timeline_enter_on_the_earlier_line_shows_the_page_before(
    make_app: MakeApp, seeded: Seeded, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        done = true_groups(repo_on())[Group.DONE]
        await pilot.press("ctrl+end")  # the last row: the most recent done action
        assert cursor_key(app) == str(done[-1])
        await press_many(pilot, "up", GROUP_PAGE)  # up its page, onto the 'earlier' line
        assert cursor_key(app) == "less:Done"
        detail = rendered(app.screen.query_one("#timeline-detail", Static))
        assert f"{len(done) - GROUP_PAGE:,} more in Done" in detail
        await pilot.press("enter")
        shown = done[-2 * GROUP_PAGE : -GROUP_PAGE]
        keys = [str(k.value) for k in table(app).rows]
        assert keys[keys.index("less:Done") + 1 : keys.index("more:Done")] == [
            str(i) for i in shown
        ]
        assert cursor_key(app) == str(shown[-1])  # next to where the cursor was
        await pilot.press("k")  # skip: acts on that action
        assert repo_on().get_action(shown[-1]).state is ActionState.SKIPPED


async def test_timeline_cursor_follows_an_action_snoozed_onto_another_page(
    make_app: MakeApp, seeded: Seeded, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        later = true_groups(repo_on())[Group.LATER]
        for _ in range(30):  # down to the first action of Later
            if cursor_key(app) == str(later[0]):
                break
            await pilot.press("down")
        await pilot.press("s")
        assert isinstance(app.screen, WhenPrompt)
        await pilot.press("ctrl+u")
        await type_text(pilot, "2027-06-01 9am")
        await pilot.press("enter")
        assert isinstance(app.screen, TimelineScreen)
        snoozed = repo_on().get_action(later[0])
        assert (snoozed.state, snoozed.due.date()) == (ActionState.SNOOZED, date(2027, 6, 1))
        now_later = true_groups(repo_on())[Group.LATER]
        place = now_later.index(later[0])
        assert place >= GROUP_PAGE  # on another page of Later ...
        assert cursor_key(app) == str(later[0])  # ... and the cursor went there with it
        window = app.screen.windows[Group.LATER]  # type: ignore[attr-defined]
        assert window.offset <= place < window.end
        assert table(app).row_count <= LIMIT
