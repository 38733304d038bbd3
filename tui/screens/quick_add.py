"""Quick add: one line becomes a contact; a matching name at the company can be reused."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.saver import refusal_safe
from tui.text import line, plain
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput


class QuickAddScreen(ModalScreen[int | None]):
    """Returns the id of the person added (or reused), or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "to_offers", "Matches", show=False),
    ]

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id

    def compose(self) -> ComposeResult:
        """The line, how it reads, and any person it could be."""
        with Vertical(id="quick-add", classes="small-modal"):
            yield Static(plain("Add someone you met", "bold"), markup=False)
            yield LineInput(
                placeholder="Jane Doe, VP Engineering, jane@acme.com, +1 415 555 0100",
                id="quick-line",
                compact=True,
            )
            yield FieldMessage("", id="quick-msg")
            yield OptionList(id="quick-offers")
            yield Static(
                plain(
                    "Enter adds a new person  ·  down, then Enter on a match reuses "
                    "them  ·  Esc cancels"
                ),
                classes="pane-keys",
                markup=False,
            )

    def on_mount(self) -> None:
        """Cursor in the line; no offers yet."""
        self.query_one("#quick-offers", OptionList).display = False
        self.query_one("#quick-line", Input).focus()

    @on(Input.Changed, "#quick-line")
    def _preview(self, event: Input.Changed) -> None:
        from core.people import PersonLineError
        from core.services_quick_add import preview_quick_add

        session = self.app.session  # type: ignore[attr-defined]
        message = self.query_one("#quick-msg", FieldMessage)
        offers = self.query_one("#quick-offers", OptionList)
        offers.clear_options()
        offers.display = False
        if not event.value.strip():
            message.show_info("")
            return
        try:
            preview = preview_quick_add(
                session.repo, self.interview_id, event.value, session.settings.phone_region
            )
        except PersonLineError as exc:
            message.show_error(str(exc))
            return
        read = ", ".join(f"{k}: {v}" for k, v in preview.values.items())
        problems = "; ".join(preview.messages.values())
        if problems:
            message.show_error(f"{preview.parts.name} · {read} · kept as typed: {problems}")
        else:
            message.show_ok(f"{preview.parts.name}" + (f" · {read}" if read else ""))
        for offer in preview.offers:
            where = (
                "met here already"
                if offer.met_here
                else ("same process" if offer.same_application else "an earlier process")
            )
            offers.add_option(
                Option(
                    line("Reuse ", (offer.person.name, "bold"), f" ({offer.company}, {where})"),
                    id=str(offer.person.id),
                )
            )
        offers.display = bool(preview.offers)

    @on(Input.Submitted, "#quick-line")
    def _add_new(self, event: Input.Submitted) -> None:
        self._add(None)

    @on(OptionList.OptionSelected, "#quick-offers")
    def _reuse(self, event: OptionList.OptionSelected) -> None:
        self._add(int(event.option.id or 0))

    @refusal_safe
    def _add(self, reuse_id: int | None) -> None:
        from core.people import PersonLineError
        from core.services_quick_add import quick_add

        session = self.app.session  # type: ignore[attr-defined]
        text = self.query_one("#quick-line", Input).value
        try:
            added = quick_add(
                session.repo,
                self.interview_id,
                text,
                session.settings.phone_region,
                reuse_id=reuse_id,
            )
        except PersonLineError as exc:
            self.query_one("#quick-msg", FieldMessage).show_error(str(exc))
            return
        session.changed.add(self.interview_id)
        for note in added.notes:
            self.notify(note, markup=False)
        self.dismiss(added.person.id)

    def action_to_offers(self) -> None:
        """Down from the line: onto the people it could be (Enter there reuses one)."""
        offers = self.query_one("#quick-offers", OptionList)
        if offers.display and offers.option_count:
            offers.focus()
            if offers.highlighted is None:
                offers.highlighted = 0

    def action_cancel(self) -> None:
        """Close without adding anyone."""
        self.dismiss(None)
