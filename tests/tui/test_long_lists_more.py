"""Long lists a page at a time (#8), the switcher and the learning views: the picker searches
every one of 600 interviews and lists 100 matches then counts the rest; search shows its 50 best
and offers more; the practice list shows 100 of its 120 items with honest totals. Also the
window arithmetic the pages share."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import OptionList, Static

from core.repository import Repository
from core.services_learning import practice_list
from tests.core.learning_helpers import add_interviews
from tests.tui.learning_helpers import search_for
from tests.tui.long_lists_seed import seed_long_lists
from tests.tui.pilot_helpers import NOW, SIZE, MakeApp, RepoOn, rendered, screen_text, type_text
from tui.screens.debrief import DebriefScreen
from tui.screens.picker import SHOWN, InterviewPicker, rank
from tui.screens.practice import PAGE as PRACTICE_PAGE
from tui.screens.practice import PracticeScreen
from tui.widgets.paged_table import Window, pages_line


def options_text(options: OptionList) -> list[str]:
    """The text of every option, top to bottom."""
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_the_switcher_searches_all_600_interviews_and_lists_100(
    make_app: MakeApp, db_path: Path
) -> None:
    repo = Repository.open(db_path)
    seed_long_lists(repo, NOW, people=600, actions=600, interviews=600)
    oldest = repo.list_interviews(limit=600)[-1]
    repo.close()
    assert oldest.company == "Company 0000"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, InterviewPicker)
        options = app.screen.query_one("#picker-list", OptionList)
        assert options.option_count == SHOWN + 1
        assert options_text(options)[-1] == "… and 500 more: type to narrow"
        assert "Company 0599" in options_text(options)[0]  # newest first
        await pilot.press("up")  # wraps round the matches, not onto the 'more' line
        assert options.highlighted == SHOWN - 1

        await type_text(pilot, "company 0000")  # the oldest: past the newest 500
        assert "Company 0000 · Engineer" in options_text(options)[0]
        assert options.option_count <= SHOWN + 1
        await pilot.press("enter")
        assert isinstance(app.screen, DebriefScreen)
        assert app.session.interview_id == oldest.interview.id
        assert "Company 0000" in screen_text(app).splitlines()[0]


def test_rank_puts_the_typed_text_first_then_all_words_then_letters_in_order() -> None:
    labels = [
        "globex · backend · round 1",
        "acme · engineer · round 2 · 12 aug 2026",
        "gl-bx labs",
        "acme · sre · round 1 · 01 aug 2025",
    ]
    assert rank("", labels) == [0, 1, 2, 3]
    assert rank("acme · sre", labels) == [3]
    assert rank("aug acme", labels) == [1, 3]  # both words, newest first
    assert rank("glbx", labels) == [2, 0]  # letters in order, closest together first
    assert rank("zz", labels) == []


async def test_search_shows_the_50_best_and_enter_on_the_last_line_adds_50(
    make_app: MakeApp, db_path: Path
) -> None:
    repo = Repository.open(db_path)
    add_interviews(repo, 60, datetime.fromisoformat("2026-01-05T10:00:00-05:00"))
    repo.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(pilot, "conflict")
        results = screen.query_one("#search-results", OptionList)
        assert len(screen.hits) == 50
        assert results.border_subtitle == "50 best shown"
        last = options_text(results)[-1]
        assert last == "The 50 best are shown; more may match. Enter here: 50 more"
        await pilot.press("up")  # from the first result round to the last line
        assert results.highlighted == 50
        await pilot.press("enter")
        assert len(screen.hits) == 60  # all of them: no 'more' line now
        assert results.highlighted == 50  # the first of the new ones
        assert results.border_subtitle == "60 found"
        assert "more may match" not in " ".join(options_text(results))
        wanted = screen.hits[50].interview_id
        await pilot.press("enter")
        assert isinstance(app.screen, DebriefScreen)
        assert app.session.interview_id == wanted


async def test_practice_lists_100_of_120_items_and_the_keys_page_on(
    make_app: MakeApp, db_path: Path, repo_on: RepoOn
) -> None:
    repo = Repository.open(db_path)
    add_interviews(repo, 60, datetime.fromisoformat("2026-01-05T10:00:00-05:00"))
    items = practice_list(repo, 1000)
    repo.close()
    assert len(items) == 120
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        options = screen.query_one("#practice-list", OptionList)
        assert options.option_count == PRACTICE_PAGE + 1 <= 500
        title = rendered(screen.query_one("#practice-title", Static))
        assert "120 to practise  ·  120 in all" in title  # the whole list, counted
        assert options_text(options)[-1] == "▼ 20 older: Enter here or ] shows the next 20"

        await pilot.press("right_square_bracket")
        assert options.option_count == 20 + 1
        assert options_text(options)[0] == "▲ 100 newer: Enter here or [ shows them"
        assert options.highlighted == 1  # the first of the older ones
        await pilot.press("x")  # practised: the 101st item, on the second page
        marked = [i for i in practice_list(repo_on(), 1000) if i.practised_at is not None]
        assert [(i.kind, i.ref) for i in marked] == [(items[100].kind, items[100].ref)]
        assert options.highlighted == 1  # still on it
        assert "119 to practise" in rendered(screen.query_one("#practice-title", Static))

        await pilot.press("up", "enter")  # Enter on the 'newer' line: back to the first page
        assert options.option_count == PRACTICE_PAGE + 1
        assert options.highlighted == PRACTICE_PAGE - 1  # next to where the cursor was


def test_a_window_pages_from_the_start_or_holds_to_the_end() -> None:
    window = Window(500)
    window.resize(1234)
    assert (window.offset, window.end, window.before, window.after) == (0, 500, 0, 734)
    assert window.step(1) and window.step(1) and not window.step(1)
    assert (window.offset, window.end, window.after) == (1000, 1234, 0)
    window.resize(900)  # shrank under the page shown: the last page
    assert (window.offset, window.end) == (500, 900)
    window.show(12)
    assert window.offset == 0
    text = str(pages_line(window, "people"))
    assert text == "1–500 of 900 people  ·  400 more: ↓ at the end, PgDn or ]"
    assert str(pages_line(Window(500, total=20))) == ""  # all of it shown: no line

    tail = Window(90, tail=True)
    tail.resize(200)
    assert (tail.offset, tail.end) == (110, 200)  # opens on the last ones
    tail.resize(201)  # one more done: still the end
    assert (tail.offset, tail.end) == (111, 201)
    assert tail.step(-1) and (tail.offset, tail.end) == (21, 111)
    tail.resize(202)  # not at the end any more: stays put
    assert (tail.offset, tail.end) == (21, 111)
