"""B1 (and B5): the question/answer pairs of an interview, each saved as typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static, TextArea

from core.records import QARow
from tui.saver import refusal_shown
from tui.session import Session
from tui.text import plain
from tui.widgets.line_input import LineInput
from tui.widgets.list_items import append_item, focused_item, remove_after_confirm
from tui.widgets.safe_text_area import SafeTextArea
from tui.widgets.text_pane import PromptPane, prompt_header
from tui.widgets.tick_row import TickBox

if TYPE_CHECKING:
    from core.models import QA


# Rows of the debrief around the pairs (top bar, checklist, borders, B1's header and keys,
# guidance, key bar; counted low, so no pair that shows is left out), and the rows of a pair.
CHROME_ROWS = 15
PAIR_ROWS = 7


class QAItem(Vertical):
    """One pair: the question, the answer given, and whether it stumped you."""

    def __init__(self, qa: QARow, session: Session) -> None:
        super().__init__(classes="qa-item")
        self.qa = qa
        self.session = session

    def compose(self) -> ComposeResult:
        """Question line, answer box, stumped toggle."""
        yield LineInput(
            self.qa.question,
            placeholder="The question they asked",
            classes="qa-question",
            compact=True,
        )
        yield SafeTextArea(self.qa.answer, classes="qa-answer")
        yield TickBox(
            "Stumped me (goes to the practice list)",
            self.qa.stumped,
            "A question you could not answer well: practise it before the next round (B5, F1)",
            classes="qa-stumped",
        )

    @on(Input.Changed, ".qa-question")
    def _question(self, event: Input.Changed) -> None:
        self._save("question", lambda: event.input.value)

    @on(TextArea.Changed, ".qa-answer")
    def _answer(self, event: TextArea.Changed) -> None:
        self._save("answer", lambda: event.text_area.text)

    @on(TickBox.Toggled, ".qa-stumped")
    def _stumped(self, event: TickBox.Toggled) -> None:
        event.stop()
        self._save("stumped", lambda: event.ticked)
        self.session.saver.flush()

    def _save(self, field: str, reader: Callable[[], object]) -> None:
        repo, qa_id = self.session.repo, self.qa.id
        self.session.saver.schedule(
            ("qa", qa_id, field), lambda: repo.update_qa(qa_id, **{field: reader()})
        )


class QAPane(PromptPane):
    """The list of pairs; ctrl+n adds one, ctrl+r removes the focused one (after asking)."""

    BINDINGS = [
        Binding("ctrl+n", "add", "Add question"),
        Binding("ctrl+r", "remove", "Remove question"),
    ]

    _below: tuple[QARow, ...] = ()  # pairs kept off the first frame, built once it is drawn

    def compose(self) -> ComposeResult:
        """Header, the pairs (in the debrief's first frame, those that can show), and how to
        add one."""
        yield from prompt_header(self.prompt)
        rows = self.session.repo.qa_rows(self.interview_id)
        shown = rows[: pairs_that_fit(self.app.size.height)] if self.first_frame else rows
        self._below = tuple(rows[len(shown) :])
        with VerticalScroll(classes="qa-items"):
            for qa in shown:
                yield QAItem(qa, self.session)
        yield Static(
            plain(
                "ctrl+n add a question  ·  ctrl+r remove the focused one  ·  "
                "tab moves between fields"
            ),
            classes="pane-keys",
            markup=False,
        )

    def complete(self) -> None:
        """Build the pairs kept off the first frame (below the fold), after the others."""
        if self._below:
            below, self._below = self._below, ()
            scroll = self.query_one(".qa-items", VerticalScroll)
            scroll.mount_all(QAItem(qa, self.session) for qa in below)

    def focus_editor(self) -> None:
        """Focus the first question, or add one when there are none."""
        self.complete()
        items = [item for item in self.query(QAItem) if item.display]  # not those reload drops
        if items:
            items[0].query_one(LineInput).focus()
        else:
            self.action_add()

    def reload(self) -> None:
        """Rebuild the pairs from the database (after B5 changed a stumped flag)."""
        self._below = ()
        scroll = self.query_one(".qa-items", VerticalScroll)
        scroll.remove_children()
        scroll.mount_all(
            QAItem(qa, self.session) for qa in self.session.repo.qa_rows(self.interview_id)
        )

    def action_add(self) -> None:
        """Add an empty pair at the end and put the cursor in its question."""
        from core.models import QA

        self.complete()  # the new pair goes after every other
        with refusal_shown(self.app):
            qa = self.session.repo.add_qa(QA(interview_id=self.interview_id))
            item = QAItem(_row(qa), self.session)
            append_item(
                self.query_one(".qa-items", VerticalScroll), item, lambda: item.query_one(LineInput)
            )

    def action_remove(self) -> None:
        """Remove the pair holding the focus, after a confirmation."""
        item = focused_item(self, QAItem, "Move to a question first.")
        if item is not None:
            label = item.qa.question or "this empty question"
            repo, qa_id = self.session.repo, item.qa.id
            remove_after_confirm(
                item,
                f"Remove {label!r} and its answer?",
                self.session.saver,
                lambda: repo.delete_qa(qa_id),
            )


def pairs_that_fit(height: int) -> int:
    """How many pairs the debrief can show at once in a terminal this high (at least one)."""
    return max(1, -(-(height - CHROME_ROWS) // PAIR_ROWS))


def _row(qa: QA) -> QARow:
    """The record of a pair just added (the model the write returned)."""
    return QARow(qa.id or 0, qa.question, qa.answer, qa.stumped)
