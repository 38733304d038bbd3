"""The first-run panel: what Afterword is for and the one key to press."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from tui.text import line

_LINES = (
    "Afterword guides what comes after an interview: a debrief while it is fresh,",
    "a personal thank-you to each person you met, and a follow-up plan you can trust.",
    "",
    "Everything you type is saved as you type.",
)


class Welcome(Vertical):
    """Shown while there is no interview yet."""

    def compose(self) -> ComposeResult:
        """A short greeting and the key to start."""
        with Center():
            yield Static(
                line(
                    ("Just left an interview? Press ", "bold"), ("n", "bold reverse"), (".", "bold")
                ),
                id="welcome-title",
                markup=False,
            )
        for text in _LINES:
            with Center():
                yield Static(line(text), classes="welcome-line", markup=False)
