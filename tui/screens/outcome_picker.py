"""Set an interview's outcome (A7): invited back, not selected, offer, or accepted."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.text import line, plain

CHOICES = (
    ("invited_back", "Invited back", "a new round with the same people, and a prep action (D12)"),
    ("not_selected", "Not selected", "a courteous request for feedback; never burn a bridge (D11)"),
    ("offer", "Offer", "review it and reply by their date"),
    ("accepted", "Accepted this offer", "every other open process gets a polite withdrawal (D13)"),
    ("pending", "Still waiting", "back to the plan as it was"),
)


class OutcomePicker(ModalScreen[str | None]):
    """Returns the chosen outcome's value, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        """The outcomes with what each one adds to the plan."""
        with Vertical(id="outcome-box", classes="small-modal"):
            yield Static(plain(self.title_text, "bold"), markup=False)
            yield OptionList(
                *[
                    Option(line((label, "bold"), "  " + help_text), id=value)
                    for value, label, help_text in CHOICES
                ],
                id="outcome-list",
            )

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
