"""Learning across interviews by real keys (search F3, practice list F1, compare F2), then
checked in the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from core.models import Note, NoteKind
from tests.tui.learning_helpers import (
    MARKUP,
    Three,
    body,
    current_prompt,
    make_three,
    search_for,
)
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    MakeApp,
    RepoOn,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.screens.compare import CompareScreen, ProcessCard
from tui.screens.debrief import DebriefScreen
from tui.screens.learning_view import MATCH_STYLE
from tui.screens.note_editor import NoteEditor
from tui.screens.practice import PracticeScreen
from tui.screens.search import SEARCH_DELAY, SearchScreen


@pytest.fixture
def three(db_path: Path) -> Three:
    """Globex, Initech and Acme (see make_three); the app opens on Acme, the latest."""
    return make_three(db_path)


async def test_f3_slash_finds_an_old_question_by_one_word_and_enter_goes_there(
    make_app: MakeApp, three: Three
) -> None:
    """F3: / opens the search; one word finds the Globex question, its markup shown literally
    and the word marked; Enter opens Globex's debrief on B1."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert body(app).interview_id == three.acme
        screen = await search_for(pilot, "conflict")
        assert [h.interview_id for h in screen.hits] == [three.globex]
        text = screen_text(app)
        assert "[bold]x[/] and [@click=app.quit] conflicts" in text
        assert "Question  Globex · round 1 · 02 Nov 2026" in text
        prompt = screen.query_one("#search-results", OptionList).get_option_at_index(0).prompt
        styled = [prompt.plain[s.start : s.end] for s in prompt.spans if s.style == MATCH_STYLE]
        assert styled == ["conflicts"]

        await pilot.press("enter")
        await pilot.pause()
        assert body(app).interview_id == three.globex
        assert app.session is not None and app.session.interview_id == three.globex
        assert current_prompt(app) == "B1"


async def test_f3_results_rank_every_kind_and_lead_to_their_prompt(
    make_app: MakeApp, three: Three
) -> None:
    """F3: 'salary' is in a B4 answer and in highlights; down then Enter opens the second."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(pilot, "salary")
        found = {(h.interview_id, h.prompt_id) for h in screen.hits}
        assert found == {(three.initech, "B4"), (three.acme, "B2")}
        second = screen.hits[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert (body(app).interview_id, current_prompt(app)) == (
            second.interview_id,
            second.prompt_id,
        )


async def test_f3_what_is_typed_in_the_debrief_is_found_at_once(
    make_app: MakeApp, three: Three, repo_on: RepoOn
) -> None:
    """F3: an answer typed in the debrief is searchable as soon as it is saved (the index
    follows every save); escape closes the search without going anywhere."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "rehearse")
        await pilot.press("enter")  # Initech's B4
        await pilot.pause()
        await pilot.press("ctrl+up")  # B3, the cursor in its editor
        await pilot.pause()
        where = (body(app).interview_id, current_prompt(app))
        assert where == (three.initech, "B3")
        await type_text(pilot, "Zeppelin anecdote landed well")
        await wait_for_save(pilot)
        await pilot.press("escape")
        screen = await search_for(pilot, "zeppelin")
        assert [(h.interview_id, h.prompt_id) for h in screen.hits] == [where]
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)
        assert (body(app).interview_id, current_prompt(app)) == where
    repo = repo_on()
    assert [h.kind for h in repo.search_rows('"zeppelin"')] == ["answer"]


async def test_f3_palette_entry_and_empty_results(make_app: MakeApp, three: Three) -> None:
    """F3: 'Search past answers' in the palette opens it; a word found nowhere says so."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "search past")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "xylophone")
        await pilot.pause(SEARCH_DELAY + 0.1)
        assert "Nothing matches 'xylophone'." in screen_text(app)
        await pilot.press("enter")  # nothing to open: stays
        assert isinstance(app.screen, SearchScreen)


async def test_f1_p_lists_stumpers_and_do_differently_x_marks_practised(
    make_app: MakeApp, three: Three, repo_on: RepoOn
) -> None:
    """F1: p shows the stumper and the B4 answer, newest first, with where they came from; x
    marks the highlighted one practised (stored), x again undoes it; Enter opens its prompt."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert [(i.interview_id, i.prompt_id) for i in screen.items] == [
            (three.initech, "B4"),
            (three.globex, "B5"),
        ]
        text = screen_text(app)
        assert "Practice list  ·  2 to practise  ·  2 in all" in text
        assert "Do differently  Initech · round 1 · 09 Nov 2026" in text
        assert MARKUP in text  # literal, brackets and all

        await pilot.press("down", "x")
        assert repo_on().marks("practised:") == {"qa:1": NOW.isoformat()}  # the only question
        assert "1 to practise" in screen_text(app)
        assert "✓ practised  Stumped me" in screen_text(app)
        await pilot.press("x")
        assert repo_on().marks("practised:") == {}

        await pilot.press("up", "x", "enter")
        await pilot.pause()
        assert (body(app).interview_id, current_prompt(app)) == (three.initech, "B4")
    assert list(repo_on().marks("practised:")) == [f"B4:{three.initech}"]


async def test_f1_a_question_ticked_stumped_in_the_debrief_joins_the_list(
    make_app: MakeApp, three: Three
) -> None:
    """F1: B1's 'Stumped me' box, ticked by keys, puts the question on the practice list at
    once; one learning view at a time: / from the list replaces it."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PracticeScreen) and len(app.screen.items) == 2
        await pilot.press("escape", "enter")  # B1 of Acme (the first unanswered prompt)
        await pilot.pause()
        assert current_prompt(app) == "B1"
        await type_text(pilot, "Why robots?")  # the new pair's question (the pane adds one)
        await pilot.press("tab", "tab", "space")  # past the answer, onto 'Stumped me'
        await pilot.pause()
        await pilot.press("escape", "p")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert screen.items[0].text == "Why robots?"  # the newest interview first
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)


async def test_f2_v_shows_open_processes_side_by_side_and_enter_opens_one(
    make_app: MakeApp, three: Three, repo_on: RepoOn
) -> None:
    """F2: v shows a card per open process (newest first) with red flags as written and the
    plan's earliest open action; right moves between cards; Enter opens that debrief."""
    repo = repo_on()
    repo.save_answer(three.globex, "B7", "[bold]Reorg[/] rumours")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert [v.interview_id for v in screen.views] == [three.acme, three.initech, three.globex]
        text = screen_text(app)
        assert "Compare processes  ·  3 open processes" in text
        assert "R1 [bold]Reorg[/] rumours" in text
        for view in screen.views:
            open_actions = [a for a in repo.actions_of(view.interview_id) if a.is_open]
            assert view.next_due == min(a.due for a in open_actions)  # the plan, made on open
        assert isinstance(app.focused, ProcessCard) and app.focused.view.company == "Acme"
        await pilot.press("right", "right")
        assert isinstance(app.focused, ProcessCard) and app.focused.view.company == "Globex"
        await pilot.press("enter")
        await pilot.pause()
        assert body(app).interview_id == three.globex


async def test_f3_a_note_found_opens_in_the_note_editor(
    make_app: MakeApp, three: Three, repo_on: RepoOn
) -> None:
    """F3: notes are searched too; Enter on one opens it in the note editor."""
    repo = repo_on()
    jane = repo.participants(three.acme)[0][0]
    note = repo.add_note(
        Note(interview_id=three.acme, person_id=jane.id or 0, kind=NoteKind.THANK_YOU)
    )
    repo.save_note_text(note.id or 0, "Thank you", "I enjoyed our talk about origami robots.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(pilot, "origami")
        assert [(h.kind, h.source) for h in screen.hits] == [("note", "Note to Jane Doe")]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.view.note.id == note.id
