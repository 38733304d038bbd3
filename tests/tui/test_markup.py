"""User text is shown as text: markup-like input, emoji, escapes and a 10 KB paste.

Every case runs with notifications and tooltips on, is saved exactly (or cleaned of escape
sequences), shown exactly, never crashes the app and never runs an action.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Input, SelectionList, Static, TextArea

from core.models import QA
from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import (
    NOW,
    SIZE,
    MakeApp,
    RepoOn,
    paste,
    rendered,
    screen_text,
    type_text,
    wait_for_save,
)
from tui.app import AfterwordApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.picker import InterviewPicker
from tui.widgets.promises_pane import PromiseItem

CLICK = "[@click=app.quit]x[/]"
CLOSE = "[/]"
TODO = "[TODO] ask Bob"
EMOJI = "👍🏽 great 🎉"
PERSON = f"Bob {CLICK}"  # with a space: a name, not an email address
ANSWER = f"{CLICK}\n{CLOSE}\n{TODO}\n{EMOJI}"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def still_running(app: AfterwordApp) -> bool:
    """The app is up, with no exit requested (no action from the text ran)."""
    return app.is_running and app.return_code is None


async def test_markup_typed_in_the_new_interview_modal_is_kept_and_shown_exactly(
    app: AfterwordApp, repo_on: RepoOn
) -> None:
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("n")
        await type_text(pilot, "[bold]Acme[/]")
        await pilot.press("tab")
        await type_text(pilot, CLOSE)
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "[Bob] said, Ann <ann@acme.com>")
        await pilot.press("enter")
        await pilot.pause()

        [summary] = repo_on().list_interviews()
        assert (summary.company, summary.role) == ("[bold]Acme[/]", CLOSE)
        names = [p.name for p, _ in repo_on().participants(summary.interview.id or 0)]
        assert names == ["[Bob] said", "Ann"]

        topbar = app.screen.query_one("#topbar", Static)
        assert rendered(topbar).startswith("[bold]Acme[/]  ·  [/]  ·  round 1")
        await pilot.press("down")  # B2: one heading per person
        headings = [rendered(h) for h in app.screen.query(".person-heading")]
        assert [h.split("  ·  ")[0] for h in headings] == ["[Bob] said", "Ann"]
        assert "[Bob] said" in screen_text(app)

        await pilot.press("i")
        assert isinstance(app.screen, InterviewPicker)
        assert "[bold]Acme[/] · [/] · round 1" in screen_text(app)
        await pilot.press("escape")
        assert still_running(app)


@pytest.fixture
def marked(db_path: Path) -> int:
    """An interview whose company, person and B1 questions all look like markup."""
    repo = Repository.open(db_path)
    interview = capture_interview(
        repo, Capture(company=CLICK, role=TODO, people=f"{PERSON}, {EMOJI}"), NOW
    )
    iid = interview.id or 0
    for question in (CLICK, CLOSE, TODO, EMOJI):
        repo.add_qa(QA(interview_id=iid, question=question, answer=question, stumped=True))
    repo.close()
    return iid


async def test_markup_answers_are_saved_and_shown_exactly_and_never_run(
    make_app: MakeApp, marked: int, repo_on: RepoOn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert screen_text(app).splitlines()[0].startswith(f" {CLICK}  ·  {TODO}  ·  round 1")
        await pilot.click("#topbar", offset=(1, 0))  # where a parsed @click's "x" would be
        assert still_running(app)

        # B2 (the first prompt not answered yet): literal headings; a click runs nothing.
        await pilot.press("enter")
        headings = list(app.screen.query(".person-heading"))
        assert [rendered(h).split("  ·  ")[0] for h in headings] == [PERSON, EMOJI]
        assert PERSON in screen_text(app)
        await pilot.click(headings[0], offset=(4, 0))  # "Bob x": the x
        assert still_running(app)

        # B3: typed, saved exactly, shown line by line.
        await pilot.press("ctrl+down")
        await type_text(pilot, ANSWER)
        await wait_for_save(pilot)
        assert repo_on().answers(marked) == {"B3": ANSWER}
        assert app.screen.query_one("#answer-B3", TextArea).text == ANSWER
        shown = screen_text(app)
        for part in ANSWER.splitlines():
            assert part in shown

        # B5: the questions as typed, ticked; a click on one toggles it and runs nothing.
        await pilot.press("ctrl+down", "ctrl+down")
        stumpers = app.screen.query_one("#stumpers", SelectionList)
        prompts = [str(stumpers.get_option_at_index(i).prompt) for i in range(4)]
        assert prompts == [CLICK, CLOSE, TODO, EMOJI]
        for question in (CLICK, CLOSE, TODO, EMOJI):
            assert question in screen_text(app)
        await pilot.click(stumpers, offset=(6, 0))
        assert still_running(app)

        # B1: a question typed into the one-line editor; ctrl+r quotes it in the dialog.
        await pilot.press("escape", "home", "enter", "ctrl+n")
        await type_text(pilot, CLOSE)
        await wait_for_save(pilot)
        assert [qa.question for qa in repo_on().qa_list(marked)][-1] == CLOSE
        first = app.screen.query(".qa-question").first(Input)
        assert first.value == CLICK
        first.focus()
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.query_one("#confirm-question", Static)
        assert rendered(question) == f"Remove {CLICK!r} and its answer?"
        await pilot.click(question, offset=(10, 0))
        assert still_running(app)
        await pilot.press("n")
        assert len(repo_on().qa_list(marked)) == 5

        # B10: a promise and a due phrase that look like markup; the error quotes it exactly.
        await pilot.press("ctrl+up")
        await type_text(pilot, TODO)
        await pilot.press("tab")
        await type_text(pilot, CLOSE)
        await pilot.press("enter")
        [promise] = repo_on().promises(marked)
        assert (promise.text, promise.due_phrase, promise.due_at) == (TODO, CLOSE, None)
        reading = app.screen.query_one(PromiseItem).query_one(".promise-reading", Static)
        assert rendered(reading).startswith("Can't read '[/]' as a date.")
        assert still_running(app)
        await pilot.press("ctrl+q")

    again = make_app()
    async with again.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        await pilot.press("home", "down", "down")  # panes are built when first shown: go to B3
        assert again.screen.query_one("#answer-B3", TextArea).text == ANSWER
        assert screen_text(again).splitlines()[0].startswith(f" {CLICK}  ·  {TODO}")
        assert still_running(again)


def big_text() -> str:
    """About 10 KB of multi-line text full of markup look-alikes and emoji."""
    lines = [f"{i:03} {CLICK} {CLOSE} {TODO} {EMOJI} [b]not bold[/b] \\[esc]" for i in range(150)]
    text = "\n".join(lines)
    assert len(text.encode()) > 10_000
    return text


async def test_a_10_kb_paste_is_saved_and_shown_exactly(
    make_app: MakeApp, marked: int, repo_on: RepoOn
) -> None:
    text = big_text()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("home", "down", "down", "enter")
        await paste(pilot, text)
        await wait_for_save(pilot)
        assert repo_on().answers(marked) == {"B3": text}
        area = app.screen.query_one("#answer-B3", TextArea)
        assert area.text == text
        assert area.document.get_line(0) == text.splitlines()[0]
        assert f"149 {CLICK} {CLOSE} {TODO}" in screen_text(app)  # the cursor's line

        # Into a one-line field, the lines are joined (not cut) and a notice says so.
        await pilot.press("ctrl+up", "ctrl+up", "ctrl+n")
        await paste(pilot, text)
        await wait_for_save(pilot)
        joined = " ".join(text.splitlines())
        assert repo_on().qa_list(marked)[-1].question == joined
        assert "Pasted 150 lines as one line." in screen_text(app)

        # A 10 KB single line goes in once, exactly.
        await pilot.press("ctrl+n")
        await paste(pilot, joined)
        await wait_for_save(pilot)
        assert repo_on().qa_list(marked)[-1].question == joined
        assert still_running(app)


async def test_pasted_escape_sequences_never_reach_the_screen_or_the_database(
    make_app: MakeApp, marked: int, repo_on: RepoOn
) -> None:
    hostile = "a\x1b[2Jb\x1b]0;pwned\x07c\x00d\x9b31me\r\nf"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("home", "down", "down", "enter")
        await paste(pilot, hostile)
        await wait_for_save(pilot)
        assert repo_on().answers(marked) == {"B3": "abcde\nf"}
        shown = screen_text(app)
        assert not CONTROL.search(shown.replace("\n", ""))
        assert "pwned" not in shown and "[2J" not in shown
        assert still_running(app)
