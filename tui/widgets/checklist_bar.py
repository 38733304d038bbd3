"""The closing checklist A1-A6, next steps (A3) and the time frame they gave (A4)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from core.checklist import CHECKLIST
from core.models import Interview
from tui.saver import refusal_shown
from tui.session import Session
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput
from tui.widgets.tick_row import Tick, TickRow

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

    def __init__(self, session: Session, interview: Interview) -> None:
        super().__init__(id="checklist")
        self.session = session
        self.interview = interview

    def compose(self) -> ComposeResult:
        """Six ticks, then next steps and the decision date."""
        self.border_title = "As it closed (A1-A6)"
        ticks = [
            Tick(
                item.id,
                f"{item.id} {SHORT_LABELS[item.id]}",
                f"{item.label}: {item.hint}",
                item.id in self.interview.checklist,
            )
            for item in CHECKLIST
        ]
        yield TickRow(ticks, id="checklist-ticks")
        with Horizontal(id="checklist-fields"):
            yield Label("Next steps", classes="field-label")
            yield LineInput(
                self.interview.next_steps,
                id="next-steps",
                compact=True,
                placeholder="background or reference checks, other managers…",
            )
            yield Label("Decision", classes="field-label")
            yield LineInput(
                self.interview.decision_phrase,
                id="decision",
                compact=True,
                placeholder="'in 2 weeks', a date, or none",
            )
        yield FieldMessage(self._decision_reading(self.interview), id="decision-msg")

    def _decision_reading(self, interview: Interview) -> str:
        from core.checklist import timeframe_label

        label = timeframe_label(interview.decision_date, interview.no_timeframe_given)
        if interview.decision_date is not None:
            return f"A4 time frame: decision by {interview.decision_date:%a %d %b %Y}"
        return f"A4 time frame: {label}"

    @on(TickRow.Toggled)
    def _ticked(self, event: TickRow.Toggled) -> None:
        from core.services import toggle_checklist

        item_id, wanted = event.item_id, event.ticked
        current = self.session.repo.get_interview(self.interview.id or 0)
        if (item_id in current.checklist) != wanted:
            with refusal_shown(self.app):
                current = toggle_checklist(self.session.repo, current.id or 0, item_id)
        self.interview = current
        if (item_id in current.checklist) != wanted:  # the write was refused: show the file's
            event.row.toggle_quietly(item_id)

    @on(Input.Changed, "#next-steps")
    def _next_steps(self, event: Input.Changed) -> None:
        repo, iid, field = self.session.repo, self.interview.id or 0, event.input
        self.session.saver.schedule(
            ("next_steps", iid), lambda: repo.update_interview(iid, next_steps=field.value)
        )

    @on(Input.Changed, "#decision")
    def _decision(self, event: Input.Changed) -> None:
        field = event.input
        self.session.saver.schedule(
            ("decision", self.interview.id), lambda: self._save_decision(field.value)
        )

    def _save_decision(self, phrase: str) -> None:
        from core.dates import DatePhraseError
        from core.services import set_decision

        message = self.query_one("#decision-msg", FieldMessage)
        try:
            self.interview = set_decision(
                self.session.repo,
                self.interview.id or 0,
                phrase,
                self.session.now(),
                self.session.country,
            )
        except DatePhraseError as exc:
            message.show_error(str(exc))
            return
        message.show_ok(self._decision_reading(self.interview))
