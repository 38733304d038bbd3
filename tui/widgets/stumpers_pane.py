"""B5: which questions stumped you; ticking one puts it on the practice list (F1)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, SelectionList
from textual.widgets.selection_list import Selection

from tui.saver import refusal_shown
from tui.text import plain
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput
from tui.widgets.text_pane import PromptPane, prompt_header


class StumpersPane(PromptPane):
    """The questions of B1 with a tick for those that stumped you, and a line to add one."""

    def compose(self) -> ComposeResult:
        """Header, the list, the add line."""
        yield from prompt_header(self.prompt)
        yield SelectionList[int](*self._selections(), id="stumpers")
        yield LineInput(placeholder="Add a question that stumped you, then Enter", id="add-stumper")
        yield FieldMessage("space ticks or unticks the highlighted question", id="stumper-msg")

    def _selections(self) -> list[Selection[int]]:
        return [
            Selection(plain(qa.question or "(question not written yet)"), qa.id, qa.stumped)
            for qa in self.session.repo.qa_rows(self.interview_id)
        ]

    def focus_editor(self) -> None:
        """Focus the list (cursor on a question, so space ticks it), or the add line if empty."""
        stumpers = self.query_one(SelectionList)
        if not stumpers.option_count:
            self.query_one(LineInput).focus()
            return
        if stumpers.highlighted is None:
            stumpers.highlighted = 0
        stumpers.focus()

    def reload(self) -> None:
        """Rebuild the list from the database (after B1 changed)."""
        stumpers = self.query_one(SelectionList)
        with stumpers.prevent(SelectionList.SelectedChanged):
            stumpers.clear_options()
            stumpers.add_options(self._selections())

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        qa_id = event.selection.value
        stumped = qa_id in event.selection_list.selected
        with refusal_shown(self.app):
            self.session.repo.update_qa(qa_id, stumped=stumped)

    @on(Input.Submitted, "#add-stumper")
    def _add(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.query_one(FieldMessage).show_error("Type the question first.")
            return
        from core.models import QA

        with refusal_shown(self.app):
            self.session.repo.add_qa(
                QA(interview_id=self.interview_id, question=text, stumped=True)
            )
            event.input.value = ""
            self.reload()
            self.query_one(FieldMessage).show_ok("Added to your stumpers and to B1's questions.")
