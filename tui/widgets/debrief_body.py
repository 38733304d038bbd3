"""The debrief of one interview: checklist on top, prompts on the left, the editor on the right."""

from __future__ import annotations

import gc
import importlib
import sys

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList
from textual.widgets.option_list import Option

from core.debrief import answered_prompts, debrief_due
from core.prompts import PROMPTS, PROMPTS_BY_ID, Prompt, PromptKind
from tui.session import Session
from tui.text import line
from tui.widgets.checklist_bar import ChecklistBar
from tui.widgets.guidance_line import DISMISS_KEY, GUIDANCE_MODULE, GuidanceLine


def topbar_text(session: Session, interview_id: int) -> Content:
    """Company, role, round, and how fresh the memory still is (D1)."""
    from core.dates import elapsed_label

    head, now = session.repo.debrief_head(interview_id), session.now()
    ended = head.ended_at.astimezone(now.tzinfo)
    due = debrief_due(ended)
    parts: list[str | tuple[str, str]] = [(head.company, "bold")]
    if head.role:
        parts.append("  ·  " + head.role)
    when = f"{ended:%H:%M}" if ended.date() == now.date() else f"{ended:%a %d %b %H:%M}"
    parts.append(f"  ·  round {head.round}  ·  ended {when}")
    parts.append(("  ·  " + elapsed_label(ended, now) + " ago", "bold $accent"))
    if now <= due:
        parts.append(f"  ·  debrief due {due:%H:%M} (D1)")
    return line(*parts)


def _option_text(prompt: Prompt, done: bool) -> Content:
    mark = ("✓ ", "bold $success") if done else ("· ", "dim")
    return line(mark, (prompt.id.ljust(4), "bold"), prompt.title)


# Each kind of pane is imported when first shown: the first frame needs only the start prompt's.
PANE_MODULES = {
    PromptKind.QA_LIST: ("tui.widgets.qa_pane", "QAPane"),
    PromptKind.STUMPERS: ("tui.widgets.stumpers_pane", "StumpersPane"),
    PromptKind.PER_PERSON: ("tui.widgets.people_pane", "PeoplePane"),
    PromptKind.PROMISES: ("tui.widgets.promises_pane", "PromisesPane"),
}


def _pane(
    prompt: Prompt,
    session: Session,
    interview_id: int,
    answers: dict[str, str],
    first_frame: bool = False,
) -> Widget:
    pane_id = f"pane-{prompt.id}"
    if prompt.kind in PANE_MODULES:
        module, name = PANE_MODULES[prompt.kind]
        pane_class = getattr(importlib.import_module(module), name)
        return pane_class(prompt, session, interview_id, first_frame=first_frame, id=pane_id)
    from tui.widgets.text_pane import TextPane

    text = answers.get(prompt.id, "")
    return TextPane(prompt, session, interview_id, text, first_frame=first_frame, id=pane_id)


class DebriefBody(Vertical):
    """Prompts B1-B10 with a mark on answered ones; ctrl+up/down move between prompts."""

    BINDINGS = [
        Binding("ctrl+down", "move(1)", "Next prompt"),
        Binding("ctrl+up", "move(-1)", "Previous prompt"),
        Binding("escape", "focus_prompts", "Prompts", show=False),
        Binding(DISMISS_KEY, "dismiss_tip", "Dismiss tip", show=False),
    ]

    def __init__(self, session: Session, interview_id: int, prompt_id: str | None = None) -> None:
        super().__init__(classes="debrief")
        self.session = session
        self.interview_id = interview_id
        self.start_prompt = prompt_id  # where a search or the practice list leads
        self._marked = dict.fromkeys((p.id for p in PROMPTS), False)  # as composed
        self._start_index = 0

    def compose(self) -> ComposeResult:
        """Checklist, prompt list with its marks, and the editor on the start prompt (the other
        panes are built when first shown), all in the first frame that holds the data."""
        answers = self.session.repo.answers(self.interview_id)
        done = self._answered(answers)
        self._marked = {p.id: p.id in done for p in PROMPTS}
        start = next((p for p in PROMPTS if p.id not in done), PROMPTS[0])
        start = PROMPTS_BY_ID.get(self.start_prompt or "", start)
        self._start_index = PROMPTS.index(start)
        iid = self.interview_id
        yield ChecklistBar(self.session, self.session.repo.debrief_head(iid))
        with Horizontal(id="debrief-main"):
            prompts = OptionList(
                *[Option(_option_text(p, p.id in done), id=p.id) for p in PROMPTS],
                id="prompt-list",
            )
            prompts.border_title = "Debrief"
            prompts.border_subtitle = f"{len(done)}/{len(PROMPTS)} answered"
            yield prompts
            with ContentSwitcher(id="editor", initial=f"pane-{start.id}"):
                yield _pane(start, self.session, iid, answers, first_frame=True)
        yield GuidanceLine(self.session, iid)  # D14, E1, E3

    def _answered(self, answers: dict[str, str]) -> set[str]:
        repo, iid = self.session.repo, self.interview_id
        return answered_prompts(
            answers, repo.qa_rows(iid), repo.met_rows(iid), repo.promise_rows(iid)
        )

    def on_mount(self) -> None:
        """The cursor on the start prompt; marks follow every save from now on."""
        self.session.saver.after_flush.append(self.refresh_marks)
        prompts = self.query_one("#prompt-list", OptionList)
        prompts.highlighted = self._start_index
        prompts.focus()

    class GuidanceReady(Message):
        """What decides the line of guidance is imported: decide it."""

    def drawn(self) -> None:
        """Once the debrief is on screen (DebriefScreen.data_drawn): build what the start pane
        kept below the fold, and decide the line of guidance (deciding before the first frame
        held the user's data back ~90 ms, #8)."""
        pane = self.query_one("#editor", ContentSwitcher).visible_content
        complete = getattr(pane, "complete", None)
        if complete is not None:
            complete()
        if GUIDANCE_MODULE in sys.modules:
            self.query_one(GuidanceLine).refresh_line()
        else:  # its first import (pydantic, the models: ~90 ms) would hold the first keys up
            self.run_worker(self._import_guidance, thread=True, exit_on_error=False)

    def _import_guidance(self) -> None:
        importlib.import_module(GUIDANCE_MODULE)
        self.post_message(self.GuidanceReady())

    def on_debrief_body_guidance_ready(self, _message: GuidanceReady) -> None:
        """Decide the line of guidance (the modules it needs were imported off the UI thread)."""
        self.query_one(GuidanceLine).refresh_line()

    def on_unmount(self) -> None:
        """Stop listening to saves."""
        if self.refresh_marks in self.session.saver.after_flush:
            self.session.saver.after_flush.remove(self.refresh_marks)

    def refresh_marks(self) -> set[str]:
        """Recompute which prompts are answered; redraw only the marks that changed (this runs
        after every save while typing, and replacing an option re-renders the whole list)."""
        done = self._answered(self.session.repo.answers(self.interview_id))
        prompts = self.query_one("#prompt-list", OptionList)
        for index, prompt in enumerate(PROMPTS):
            mark = prompt.id in done
            if self._marked[prompt.id] != mark:
                prompts.replace_option_prompt_at_index(index, _option_text(prompt, mark))
                self._marked[prompt.id] = mark
        subtitle = f"{len(done)}/{len(PROMPTS)} answered"
        if prompts.border_subtitle != subtitle:
            prompts.border_subtitle = subtitle
        return done

    @on(OptionList.OptionHighlighted, "#prompt-list")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        await self.show_prompt(event.option.id or PROMPTS[0].id)

    @on(OptionList.OptionSelected, "#prompt-list")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self.show_prompt(event.option.id or PROMPTS[0].id, focus=True)

    async def show_prompt(self, prompt_id: str, focus: bool = False) -> None:
        """Switch the editor to a prompt (saving what is pending first)."""
        self.session.saver.flush()
        switcher = self.query_one("#editor", ContentSwitcher)
        built = switcher.query_children(f"#pane-{prompt_id}")
        if built:
            pane = built.first()
            if switcher.current != pane.id:
                reload = getattr(pane, "reload", None)
                if reload is not None:
                    reload()
        else:
            answers = self.session.repo.answers(self.interview_id)
            pane = _pane(PROMPTS_BY_ID[prompt_id], self.session, self.interview_id, answers)
            await switcher.mount(pane)
            # The pane lives as long as the debrief: keep it out of the collector's full passes,
            # which otherwise walk every widget while the user types (65-120 ms pauses seen).
            gc.freeze()
        switcher.current = pane.id
        if focus:
            pane.call_after_refresh(pane.focus_editor)  # type: ignore[attr-defined]

    async def action_move(self, step: int) -> None:
        """Go to the next or previous prompt, keeping the cursor in the editor."""
        prompts = self.query_one("#prompt-list", OptionList)
        index = ((prompts.highlighted or 0) + step) % len(PROMPTS)
        prompts.highlighted = index
        await self.show_prompt(PROMPTS[index].id, focus=True)

    def action_dismiss_tip(self) -> None:
        """D14, E1, E3: dismiss the line of guidance for good."""
        self.query_one(GuidanceLine).dismiss_current()

    def action_focus_prompts(self) -> None:
        """Back to the prompt list."""
        self.query_one("#prompt-list", OptionList).focus()
