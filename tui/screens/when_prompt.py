"""Ask for a moment as a phrase ('monday 9am', 'in 3 days'), read back live; Enter accepts."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.text import plain
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput


class WhenPrompt(ModalScreen[datetime | None]):
    """A one-line date phrase; returns the moment, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, initial: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.moment: datetime | None = None

    def compose(self) -> ComposeResult:
        """Title, phrase, reading."""
        with Vertical(id="when-box", classes="small-modal"):
            yield Static(plain(self.title_text, "bold"), markup=False)
            yield LineInput(
                self.initial,
                placeholder="monday 9am, in 3 days, 2 business days",
                id="when-phrase",
                compact=True,
                select_on_focus=True,  # the phrase offered ('tomorrow 9am'), to type over
            )
            yield FieldMessage("", id="when-msg")
            yield Static(plain("Enter accepts  ·  Esc cancels"), classes="pane-keys", markup=False)

    def on_mount(self) -> None:
        """Cursor in the phrase."""
        self.query_one("#when-phrase", Input).focus()
        self._read(self.initial)

    @on(Input.Changed, "#when-phrase")
    def _changed(self, event: Input.Changed) -> None:
        self._read(event.value)

    def _read(self, phrase: str) -> None:
        from core.dates import DatePhraseError, describe, parse_when

        session = self.app.session  # type: ignore[attr-defined]
        message = self.query_one("#when-msg", FieldMessage)
        self.moment = None
        if not phrase.strip():
            message.show_info("Type when, e.g. 'monday 9am'.")
            return
        now = session.now()
        try:
            when = parse_when(phrase, now, prefer="future", country=session.country)
        except DatePhraseError as exc:
            message.show_error(str(exc))
            return
        moment = when.moment
        if when.date_only:
            moment = moment.replace(hour=9, minute=0)
        self.moment = moment
        message.show_ok(describe(moment, now))

    @on(Input.Submitted, "#when-phrase")
    def _accept(self, event: Input.Submitted) -> None:
        if self.moment is not None:
            self.dismiss(self.moment)

    def action_cancel(self) -> None:
        """Close without a date."""
        self.dismiss(None)
