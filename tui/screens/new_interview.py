"""Quick capture of the interview just left: under a minute, Enter creates, Esc cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from tui.saver import refusal_shown
from tui.text import plain
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput

FORMATS = [("In person", "in_person"), ("Video", "video"), ("Phone", "phone"), ("Other", "other")]
_FIELDS = (
    ("company", "Company", "Acme Robotics", ""),
    ("role", "Role", "Staff Platform Engineer", ""),
    ("ended", "Ended", "now, 30 min ago, yesterday 4pm", "now"),
    ("people", "People met", "Jane Doe <jane@acme.com>, John Smith", ""),
    ("decision", "Decision by", "in 2 weeks, 2026-12-04, or none", ""),
)


class NewInterviewScreen(ModalScreen[int | None]):
    """The New interview form; returns the new interview's id, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "create", "Create")]

    def compose(self) -> ComposeResult:
        """One line per field, each with its message line."""
        with Vertical(id="new-interview"):
            yield Static(plain("New interview", "bold"), id="new-title", markup=False)
            with Grid(id="new-grid"):
                for name, label, placeholder, value in _FIELDS:
                    yield Label(label, classes="field-label")
                    with Vertical(classes="field"):
                        yield LineInput(
                            value,
                            placeholder=placeholder,
                            id=f"new-{name}",
                            compact=True,
                            select_on_focus=bool(value),  # 'now' is offered, to type over
                        )
                        yield FieldMessage("", id=f"msg-{name}")
                    if name == "ended":
                        yield Label("Format", classes="field-label")
                        with Vertical(classes="field"):
                            yield Select(
                                FORMATS,
                                value="in_person",
                                allow_blank=False,
                                id="new-format",
                                compact=True,
                            )
                            yield FieldMessage("", id="msg-format")
                yield Label("", classes="field-label")
                yield Checkbox(
                    "Large, busy employer (prefer a note and waiting over calls)",
                    id="new-large",
                    compact=True,
                )
            yield Static(
                plain("Enter creates  ·  Esc cancels  ·  tab moves between fields"),
                id="new-keys",
                markup=False,
            )

    def on_mount(self) -> None:
        """Cursor in Company."""
        self.query_one("#new-company", Input).focus()
        self._read_dates()

    @on(Input.Changed, "#new-ended, #new-decision")
    def _dates_changed(self, event: Input.Changed) -> None:
        self._read_dates()

    def _read_dates(self) -> None:
        """Show how the date phrases are understood, as they are typed."""
        from core.dates import DatePhraseError, describe, parse_when
        from core.services import read_decision

        session = self.app.session  # type: ignore[attr-defined]
        now = session.now()
        ended = self.query_one("#new-ended", Input).value
        msg = self.query_one("#msg-ended", FieldMessage)
        try:
            when = parse_when(ended or "now", now, prefer="past", country=session.country)
            msg.show_ok(describe(when.moment, now))
        except DatePhraseError as exc:
            msg.show_error(str(exc))
        decision = self.query_one("#new-decision", Input).value
        msg = self.query_one("#msg-decision", FieldMessage)
        try:
            moment, none_given = read_decision(decision, now, session.country)
        except DatePhraseError as exc:
            msg.show_error(str(exc))
            return
        if moment is not None:
            msg.show_ok(describe(moment, now, date_only=True))
        else:
            msg.show_info(
                "none given (status check 2-3 weeks after)"
                if none_given
                else "Ask them when they will decide (A4); leave blank if unknown."
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_create()

    def action_create(self) -> None:
        """Create the interview, or show what is wrong next to each field."""
        from core.services import Capture, FieldErrors, capture_interview

        session = self.app.session  # type: ignore[attr-defined]
        capture = Capture(
            company=self.query_one("#new-company", Input).value,
            role=self.query_one("#new-role", Input).value,
            ended=self.query_one("#new-ended", Input).value or "now",
            format=str(self.query_one("#new-format", Select).value),
            people=self.query_one("#new-people", Input).value,
            decision=self.query_one("#new-decision", Input).value,
            large_employer=self.query_one("#new-large", Checkbox).value,
        )
        for message in self.query(FieldMessage):
            if message.has_class("-error"):
                message.show_info("")
        interview = None
        try:
            with refusal_shown(self.app):
                interview = capture_interview(session.repo, capture, session.now(), session.country)
        except FieldErrors as exc:
            for name, text in exc.errors.items():
                target = self.query(f"#msg-{name}")
                (
                    target.first(FieldMessage)
                    if target
                    else self.query_one("#msg-company", FieldMessage)
                ).show_error(text)
            order = ["company", "role", "ended", "format", "people", "decision"]  # top down
            first = min(exc.errors, key=lambda n: order.index(n) if n in order else len(order))
            field = self.query(f"#new-{first}")
            if field:
                field.first().focus()
            return
        if interview is not None:  # else the file refused it (said so): the form stays
            self.dismiss(interview.id)

    def action_cancel(self) -> None:
        """Close without creating anything."""
        self.dismiss(None)
