"""Compare processes (F2): every open process as a card, side by side: company, role, round,
outcome, decision date, next action, red flags (B7) and fit (B8). Enter opens its debrief."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, Vertical
from textual.content import Content
from textual.widgets import Static

from tui.screens.learning_view import LearningView, Place, empty_state
from tui.text import line, plain

if TYPE_CHECKING:
    from core.compare import Notes, ProcessView

EMPTY = "No open process to compare: they appear here once you capture interviews (n)."


def _notes(title: str, notes: Notes, missing: str) -> list[str | tuple[str, str]]:
    parts: list[str | tuple[str, str]] = ["\n\n", (title, "bold")]
    if not notes:
        return [*parts, "\n", (missing, "dim italic")]
    for round_, text in notes:
        parts += ["\n", (f"R{round_} ", "dim"), text]
    return parts


def card_content(view: ProcessView) -> Content:
    """One process: what it is and where it stands, then its red flags and fit by round."""
    outcome_style = "bold $success" if view.outcome == "Offer" else "bold"
    parts: list[str | tuple[str, str]] = [
        (view.company, "bold $accent"),
        "\n",
        (view.role or "no role noted", "" if view.role else "dim italic"),
        "\n\n",
        ("Round ", "dim"),
        str(view.round),
        ("  ·  ", "dim"),
        (view.outcome, outcome_style),
        "\n",
        ("Decision  ", "dim"),
        view.decision,
        "\n",
        ("Next  ", "dim"),
        view.next_action,
    ]
    parts += _notes("Red flags (B7)", view.red_flags, "none noted")
    parts += _notes("Fit (B8)", view.fit, "not written yet")
    return line(*parts)


class ProcessCard(Static, can_focus=True):
    """A focusable card showing one open process; left and right move to its neighbours."""

    BINDINGS = [  # on the card: the scrolling container would take left/right first
        Binding("right", "app.focus_next", "Next", show=False),
        Binding("left", "app.focus_previous", "Previous", show=False),
    ]

    def __init__(self, view: ProcessView) -> None:
        super().__init__(card_content(view), classes="process-card", markup=False)
        self.view = view


class CompareScreen(LearningView):
    """F2: the open processes side by side, newest activity first."""

    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.views: list[ProcessView] = []

    def compose(self) -> ComposeResult:
        """Title, the cards, keys."""
        with Vertical(id="compare-box", classes="learning-box"):
            yield Static("", id="compare-title", classes="learning-title", markup=False)
            yield HorizontalScroll(id="compare-cards", can_focus=False)
            yield Static(
                plain("←→ move between processes  ·  Enter open its debrief  ·  esc close"),
                classes="learning-keys",
            )

    def on_mount(self) -> None:
        """Read the open processes (their plans brought up to date first)."""
        from core.compare import compare_processes

        session = self.session
        session.saver.flush()
        session.replan_changed()  # the next action comes from the plan as it is now
        self.views = compare_processes(session.repo, session.now())
        cards = self.query_one("#compare-cards", HorizontalScroll)
        if self.views:
            cards.mount_all(ProcessCard(view) for view in self.views)
            self.call_after_refresh(lambda: cards.children[0].focus())
        else:
            cards.mount(Static(empty_state(EMPTY), markup=False))
        title = self.query_one("#compare-title", Static)
        count = f"{len(self.views)} open process{'es' if len(self.views) != 1 else ''}"
        title.update(line(("Compare processes", "bold"), f"  ·  {count}"))

    def action_open(self) -> None:
        """Open the debrief of the focused process's latest round."""
        if isinstance(self.focused, ProcessCard):
            place: Place = (self.focused.view.interview_id, None, None)
            self.dismiss(place)
