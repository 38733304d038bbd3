"""The closing checklist A1-A6, next steps (A3) and the time frame they gave (A4)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label

from core.checklist import CHECKLIST
from core.models import Interview
from tui.saver import refusal_shown
from tui.session import Session
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput

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
        with Horizontal(id="checklist-ticks"):
            for item in CHECKLIST:
                box = Checkbox(
                    f"{item.id} {SHORT_LABELS[item.id]}",
                    item.id in self.interview.checklist,
                    id=f"check-{item.id}",
                    compact=True,
                )
                box.tooltip = f"{item.label}: {item.hint}"
                yield box
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

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        from core.services import toggle_checklist

        item_id = (event.checkbox.id or "").removeprefix("check-")
        wanted = event.value
        current = self.session.repo.get_interview(self.interview.id or 0)
        if (item_id in current.checklist) != wanted:
            with refusal_shown(self.app):
                self.interview = toggle_checklist(
                    self.session.repo, self.interview.id or 0, item_id
                )

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
