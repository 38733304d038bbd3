"""Markup-like text in quick add, the interview switcher, search, the practice list, compare,
help, the guidance line and notifications (issue #7, item 8; and 10 for one-line fields).

Each string of STRINGS is typed with real keys into every field (the quick-add line, the
switcher's filter, the search line), with notifications and tooltips on: stored exactly where
it is stored, shown exactly, clicking where it is shown runs nothing. Stored text that looks
like markup (questions, answers, red flags, company, role) is shown exactly in every list,
with search's matched words marked; every notification goes out with markup off.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from core.explain import SECTIONS
from core.repository.base import WriteProblem
from core.services_learning import guidance_for, search
from tests.tui.markup_helpers import (
    AB,
    BOB,
    CLICK,
    FOLDER,
    LINK,
    STRINGS,
    World,
    click_text,
    retype,
    running,
    seed,
    toasts,
)
from tests.tui.pilot_helpers import NOW, MakeApp, RepoOn, paste, rendered, screen_text, type_text
from tui.screens.compare import CompareScreen, ProcessCard
from tui.screens.debrief import DebriefScreen
from tui.screens.help import HelpScreen
from tui.screens.learning_view import MATCH_STYLE
from tui.screens.picker import InterviewPicker
from tui.screens.practice import PracticeScreen
from tui.screens.quick_add import QuickAddScreen
from tui.screens.search import SEARCH_DELAY, SearchScreen
from tui.widgets.guidance_line import GuidanceLine


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The database in a folder named like markup: the export path a notice names echoes it."""
    return tmp_path / FOLDER / "a.db"


@pytest.fixture
def world(db_path: Path) -> World:
    """Acme, and the interview whose every piece of user text looks like markup."""
    return seed(db_path)


def prompts(options: OptionList) -> list[Content]:
    """The content of every option of a list (separators skipped)."""
    found = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
    return [p if isinstance(p, Content) else Content(str(p)) for p in found]


async def test_quick_add_keeps_each_line_as_typed_and_notices_stay_literal(
    make_app: MakeApp, world: World, repo_on: RepoOn, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with running(app) as (pilot, sent):
        await pilot.press("c")
        for text in STRINGS:
            await pilot.press("a")
            assert isinstance(app.screen, QuickAddScreen)
            line = app.screen.query_one("#quick-line", Input)
            await retype(pilot, line, text)
            message = app.screen.query_one("#quick-msg", Static)
            assert rendered(message) == text  # '[@click=…]x[/]' too: no address in it, a name
            assert await click_text(pilot, message, text)
            if text == BOB:  # he was met here: offered for reuse, his name as written
                offers = app.screen.query_one("#quick-offers", OptionList)
                assert [p.plain for p in prompts(offers)] == [
                    f"Reuse {BOB} ({CLICK}, met here already)"
                ]
                assert await click_text(pilot, line, text)
            await pilot.press("enter")  # a new person (Enter on the line)
            assert not isinstance(app.screen, QuickAddScreen)
        people = [p for p, _ in repo_on().participants(world.marked)]
        names = [p.name for p in people]
        for text in STRINGS:
            assert text in names
        assert [p.email for p in people if p.name == CLICK] == [""]
        assert names.count(BOB) == 2 and names.count(AB) == 2
        for text in (BOB, AB, "[TODO]", "[$accent]x"):
            assert text in screen_text(app)  # the contacts list

        await pilot.press("a")  # 10: a multi-line paste is joined, with a notice
        await paste(pilot, "Ann Lee\nann@acme.com")
        assert app.screen.query_one("#quick-line", Input).value == "Ann Lee ann@acme.com"
        assert "Pasted 2 lines as one line." in toasts(app)

        def refused(*args: object, **kwargs: object) -> None:
            raise WriteProblem(f"{FOLDER}: [bold]disk full[/] {CLICK}")

        monkeypatch.setattr("core.services_quick_add.quick_add", refused)
        await pilot.press("enter")  # the refusal is shown as written, not parsed, no crash
        refusal = f"Could not save: {FOLDER}: [bold]disk full[/] {CLICK}"
        assert sent[-1].message == refusal
        assert refusal in toasts(app)
        await pilot.press("escape", "x")  # export: the notice names the markup-like folder
        target = Path(repo_on().path or "").with_name("contacts.vcf")
        assert FOLDER in str(target) and target.exists()
        assert sent[-1].message.endswith(f" contact(s) written to {target}")
        await pilot.pause()
        assert sent[-1].message in toasts(app)


async def test_switcher_filter_and_search_show_markup_exactly(
    make_app: MakeApp, world: World
) -> None:
    app = make_app()
    async with running(app) as (pilot, _sent):
        await pilot.press("i")
        assert isinstance(app.screen, InterviewPicker)
        labels = {p.plain for p in prompts(app.screen.query_one(OptionList))}
        marked_label = next(label for label in labels if label.startswith(CLICK))
        assert marked_label.startswith(f"{CLICK} · {LINK} · round 1 · ")
        field = app.screen.query_one("#picker-search", Input)
        for text in STRINGS:
            await retype(pilot, field, text)
            shown = {p.plain for p in prompts(app.screen.query_one(OptionList))}
            assert shown <= labels  # what matches, exactly as stored
        await retype(pilot, field, "click")
        options = app.screen.query_one(OptionList)
        assert [p.plain for p in prompts(options)] == [marked_label]
        assert await click_text(pilot, options, CLICK)  # selects it: opens its debrief
        assert isinstance(app.screen, DebriefScreen)

        await pilot.press("escape", "slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        field = app.screen.query_one("#search-input", Input)
        results = app.screen.query_one("#search-results", OptionList)
        for text in STRINGS:
            await retype(pilot, field, text)
            await pilot.pause(SEARCH_DELAY + 0.05)
            hits = search(app.session.repo, text)  # type: ignore[union-attr]
            words = re.findall(r"\w+", text.casefold())
            found = prompts(results)
            if not hits:
                assert [p.plain for p in found] == [f"Nothing matches {text!r}."]
                assert await click_text(pilot, results, text)  # a disabled line: nothing
                await pilot.click(field)
                continue
            assert len(found) == len(hits)
            for hit, content in zip(hits, found, strict=True):
                title = "".join(part for part, _ in hit.title)
                body = " ".join("".join(part for part, _ in hit.body).split("\n"))
                assert content.plain.startswith(f"{hit.source}  {hit.where}")
                assert f"\n{title}" in content.plain and body in content.plain
                matched = [
                    content.plain[span.start : span.end].casefold()
                    for span in content.spans
                    if str(span.style) == MATCH_STYLE
                ]
                assert matched  # the words found are marked, in the text as stored
                assert all(any(m.startswith(w) for w in words) for m in matched)
        questions = [p.plain.split("\n")[1] for p in prompts(results)]
        assert CLICK in questions  # the stored question, exactly
        assert await click_text(pilot, results, CLICK)  # goes to where it was written
        assert isinstance(app.screen, DebriefScreen)

        await pilot.press("escape", "i")  # to Acme, three days on: D14's line is shown
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.interview_id == world.acme
        current = guidance_for(app.session.repo, world.acme, NOW)
        assert current is not None and current.rule == "D14"
        guidance = app.screen.query_one(GuidanceLine)
        assert rendered(guidance) == f"{current.text}  (D14)  ·  ctrl+g dismiss"
        assert current.text in screen_text(app)


async def test_practice_list_compare_and_help_show_stored_text_exactly(
    make_app: MakeApp, world: World
) -> None:
    app = make_app()
    async with running(app) as (pilot, _sent):
        await pilot.press("p")
        assert isinstance(app.screen, PracticeScreen)
        items = [p.plain for p in prompts(app.screen.query_one("#practice-list", OptionList))]
        where = f"{CLICK} · {LINK} · round 1 · "
        for text in STRINGS:
            stumper = f"○ Stumped me  {where}"
            assert any(
                i.startswith(stumper) and i.split("\n")[1:] == [text, f"You said: I said {text}"]
                for i in items
            ), text
        [differently] = [i for i in items if "Do differently" in i]
        assert differently.split("\n")[1:] == list(STRINGS)
        assert await click_text(pilot, app.screen.query_one(OptionList), CLICK)
        assert isinstance(app.screen, DebriefScreen)  # opened where it was written

        await pilot.press("escape", "v")
        assert isinstance(app.screen, CompareScreen)
        [card] = [c for c in app.screen.query(ProcessCard) if c.view.interview_id == world.marked]
        lines = rendered(card).split("\n")
        assert lines[:2] == [CLICK, LINK]
        notes = "R1 " + "\n".join(STRINGS)  # B7 and B8, as written
        assert rendered(card).count(notes) == 2
        assert await click_text(pilot, card, CLICK)
        assert isinstance(app.screen, CompareScreen)  # a click only focuses the card
        await pilot.press("escape", "f1")

        assert isinstance(app.screen, HelpScreen)
        rules = [rendered(s) for s in app.screen.query(".help-rule").results(Static)]
        expected = [f"{r.rule:<11}{r.what}\n{' ' * 11}{r.why}" for _, rs in SECTIONS for r in rs]
        assert rules == expected
        await pilot.press("escape")
