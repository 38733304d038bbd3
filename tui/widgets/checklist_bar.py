"""The closing checklist A1-A6, next steps (A3) and the time frame they gave (A4)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from core.checklist import CHECKLIST
from tui.saver import refusal_shown
from tui.session import Session
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput
from tui.widgets.tick_row import Tick, TickRow

if TYPE_CHECKING:
    from core.records import DebriefHead

SHORT_LABELS = {
    "A1": "Cards",
    "A2": "Names",
    "A3": "Next steps",
    "A4": "Time frame",
    "A5": "Best time",
    "A6": "Interest",
}


class ChecklistBar(Vertical):
    """Ticked in seconds as you walk out; what it captures feeds the interview."""

    def __init__(self, session: Session, head: DebriefHead) -> None:
        super().__init__(id="checklist")
        self.session = session
        self.head = head  # as composed; the file holds what changed since
        self.interview_id = head.interview_id

    def compose(self) -> ComposeResult:
        """Six ticks, then next steps and the decision date."""
        self.border_title = "As it closed (A1-A6)"
        ticks = [
            Tick(
                item.id,
                f"{item.id} {SHORT_LABELS[item.id]}",
                f"{item.label}: {item.hint}",
                item.id in self.head.checklist,
            )
            for item in CHECKLIST
        ]
        yield TickRow(ticks, id="checklist-ticks")
        with Horizontal(id="checklist-fields"):
            yield Label("Next steps", classes="field-label")
            yield LineInput(
                self.head.next_steps,
                id="next-steps",
                compact=True,
                placeholder="background or reference checks, other managers…",
            )
            yield Label("Decision", classes="field-label")
            yield LineInput(
                self.head.decision_phrase,
                id="decision",
                compact=True,
                placeholder="'in 2 weeks', a date, or none",
            )
        head = self.head
        reading = _decision_reading(head.decision_date, head.no_timeframe_given)
        yield FieldMessage(reading, id="decision-msg")

    @on(TickRow.Toggled)
    def _ticked(self, event: TickRow.Toggled) -> None:
        from core.services import toggle_checklist

        item_id, wanted, iid = event.item_id, event.ticked, self.interview_id
        current = self.session.repo.get_interview(iid)
        if (item_id in current.checklist) != wanted:
            with refusal_shown(self.app):
                current = toggle_checklist(self.session.repo, iid, item_id)
        if (item_id in current.checklist) != wanted:  # the write was refused: show the file's
            event.row.toggle_quietly(item_id)

    @on(Input.Changed, "#next-steps")
    def _next_steps(self, event: Input.Changed) -> None:
        repo, iid, field = self.session.repo, self.interview_id, event.input
        self.session.saver.schedule(
            ("next_steps", iid), lambda: repo.update_interview(iid, next_steps=field.value)
        )

    @on(Input.Changed, "#decision")
    def _decision(self, event: Input.Changed) -> None:
        field = event.input
        self.session.saver.schedule(
            ("decision", self.interview_id), lambda: self._save_decision(field.value)
        )

    def _save_decision(self, phrase: str) -> None:
        from core.dates import DatePhraseError
        from core.services import set_decision

        message = self.query_one("#decision-msg", FieldMessage)
        try:
            interview = set_decision(
                self.session.repo,
                self.interview_id,
                phrase,
                self.session.now(),
                self.session.country,
            )
        except DatePhraseError as exc:
            message.show_error(str(exc))
            return
        message.show_ok(_decision_reading(interview.decision_date, interview.no_timeframe_given))


def _decision_reading(decision_date: date | None, no_timeframe_given: bool) -> str:
    """A4: the time frame as read back under the Decision field."""
    from core.checklist import timeframe_label

    if decision_date is not None:
        return f"A4 time frame: decision by {decision_date:%a %d %b %Y}"
    return f"A4 time frame: {timeframe_label(decision_date, no_timeframe_given)}"
