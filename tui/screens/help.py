"""How Afterword follows up: the rules in plain words, each with the reason it exists."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from core.explain import SECTIONS
from tui.text import line, plain


class HelpScreen(ModalScreen[None]):
    """A scrollable page of the playbook behind the plan; Esc closes it."""

    BINDINGS = [Binding("escape,q,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        """One block per section, one line pair per rule."""
        with VerticalScroll(id="help-box"):
            yield Static(plain("How Afterword follows up", "bold"), markup=False)
            yield Static(
                plain(
                    "Every step of your plan comes from a rule; the rule's ID shows "
                    "on the timeline. Esc closes this page."
                ),
                classes="pane-keys",
                markup=False,
            )
            for title, rules in SECTIONS:
                yield Static(plain(title, "bold $accent"), classes="help-section", markup=False)
                for rule in rules:
                    yield Static(
                        line(
                            (f"{rule.rule:<11}", "bold"),
                            rule.what,
                            "\n",
                            " " * 11,
                            (rule.why, "dim italic"),
                        ),
                        classes="help-rule",
                        markup=False,
                    )

    def on_mount(self) -> None:
        """Scroll with the keyboard right away."""
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
