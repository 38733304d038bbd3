"""Log a touch (a message sent, a call made); the pestering guard (D7, E2) speaks first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from tui.saver import refusal_safe
from tui.screens.confirm import ConfirmScreen
from tui.text import plain
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput

KINDS = [
    ("Status check", "status"),
    ("Thank-you", "thanks"),
    ("Value-add follow-up", "value_add"),
    ("Other", "other"),
]
CHANNELS = [
    ("Email", "email"),
    ("Phone", "phone"),
    ("Mail", "mail"),
    ("LinkedIn", "linkedin"),
    ("In person", "in_person"),
    ("Other", "other"),
]


class TouchForm(ModalScreen[bool]):
    """What, how, with whom, when; returns True when a touch was logged."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "log", "Log it")]

    def __init__(
        self, interview_id: int, kind: str = "status", person_id: int | None = None
    ) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.kind = kind
        self.person_id = person_id

    def compose(self) -> ComposeResult:
        """The fields of a touch."""
        people = self.app.session.repo.participants(self.interview_id)  # type: ignore[attr-defined]
        choices = [(plain("The team (nobody in particular)"), 0)]
        choices += [(plain(p.name), p.id or 0) for p, _ in people]
        with Vertical(id="touch-box", classes="small-modal"):
            yield Static(plain("Log a touch", "bold"), markup=False)
            with Grid(id="touch-grid"):
                yield Label("What", classes="field-label")
                yield Select(
                    KINDS, value=self.kind, allow_blank=False, id="touch-kind", compact=True
                )
                yield Label("How", classes="field-label")
                yield Select(
                    CHANNELS, value="email", allow_blank=False, id="touch-channel", compact=True
                )
                yield Label("With", classes="field-label")
                known = {value for _label, value in choices}
                yield Select(
                    choices,
                    value=self.person_id if self.person_id in known else 0,
                    allow_blank=False,
                    id="touch-person",
                    compact=True,
                )
                yield Label("When", classes="field-label")
                # 'now' is offered, to type over (the user's own words never are)
                yield LineInput("now", id="touch-when", compact=True, select_on_focus=True)
                yield Label("Note", classes="field-label")
                yield LineInput("", placeholder="optional", id="touch-note", compact=True)
            yield FieldMessage("", id="touch-msg")
            yield Static(plain("Enter logs it  ·  Esc cancels"), classes="pane-keys", markup=False)

    def on_mount(self) -> None:
        """Start on the kind."""
        self.query_one("#touch-kind", Select).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_log()

    @refusal_safe
    def action_log(self, override: bool = False) -> None:
        """Log the touch; if the guard objects, say why and ask before going ahead."""
        from core.dates import DatePhraseError, parse_when
        from core.models import Touch
        from core.services_plan import GuardWarning, log_touch

        session = self.app.session  # type: ignore[attr-defined]
        message = self.query_one("#touch-msg", FieldMessage)
        now = session.now()
        try:
            when = parse_when(
                self.query_one("#touch-when", Input).value or "now",
                now,
                prefer="past",
                country=session.country,
            ).moment
        except DatePhraseError as exc:
            message.show_error(str(exc))
            return
        person = self.query_one("#touch-person", Select).value
        touch = Touch(
            interview_id=self.interview_id,
            person_id=person if isinstance(person, int) and person else None,
            at=when,
            kind=str(self.query_one("#touch-kind", Select).value),
            channel=str(self.query_one("#touch-channel", Select).value),
            note=self.query_one("#touch-note", Input).value,
        )
        try:
            log_touch(session.repo, touch, now, session.plan_ctx, override=override)
        except GuardWarning as warning:
            text = "\n".join("• " + f.text() for f in warning.findings)

            def decided(go: bool | None) -> None:
                if go:
                    self.action_log(override=True)

            self.app.push_screen(
                ConfirmScreen(
                    f"Hold on (D7, E2):\n{text}\n\nLog it anyway? Your choice is recorded."
                ),
                decided,
            )
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without logging."""
        self.dismiss(False)
