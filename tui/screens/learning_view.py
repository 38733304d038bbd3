"""What the learning views (search, practice list, compare) share: a modal that closes with
escape and may name a place to go to (interview, prompt, note)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen

from tui.text import line

if TYPE_CHECKING:
    from core.services_learning import Span
    from tui.session import Session

Place = tuple[int, str | None, int | None]
"""Where to go: the interview, the debrief prompt (or None), the note (or None)."""

MATCH_STYLE = "bold $accent"


def marked(spans: tuple[Span, ...], style: str = "") -> list[str | tuple[str, str]]:
    """Line parts of a text with its matched words styled (the text itself stays literal)."""
    parts: list[str | tuple[str, str]] = []
    for text, matched in spans:
        flat = " ".join(text.split("\n"))
        parts.append((flat, MATCH_STYLE) if matched else ((flat, style) if style else flat))
    return parts


def empty_state(text: str) -> Content:
    """A muted line saying why a list is empty."""
    return line((text, "dim italic"))


class LearningView(ModalScreen[Place | None]):
    """A learning view: escape closes it; choosing an entry closes it with its place."""

    CSS_PATH = "learning.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        # A modal hides the app's own keys: one view leads to another from here.
        Binding("slash", "app.search", "Search", show=False),
        Binding("p", "app.practice", "Practice", show=False),
        Binding("v", "app.compare", "Compare", show=False),
    ]

    @property
    def session(self) -> Session:
        """The open database (the app opens these views only once it is)."""
        session: Session = self.app.session  # type: ignore[attr-defined]
        return session

    def action_close(self) -> None:
        """Close without going anywhere."""
        self.dismiss(None)
