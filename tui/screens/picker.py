"""Switch interview: type a few letters of the company, role or date; Enter opens it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from core.models import InterviewSummary
from tui.text import line
from tui.widgets.line_input import LineInput


def _label(summary: InterviewSummary) -> str:
    interview = summary.interview
    role = f" · {summary.role}" if summary.role else ""
    return f"{summary.company}{role} · round {interview.round} · {interview.ended_at:%d %b %Y}"


class InterviewPicker(ModalScreen[int | None]):
    """A fuzzy list of interviews, newest first."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
    ]

    def compose(self) -> ComposeResult:
        """Search line and list."""
        with Vertical(id="picker"):
            yield LineInput(placeholder="Search interviews…", id="picker-search", compact=True)
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        """Load the interviews and show them all."""
        self.summaries = self.app.session.repo.list_interviews()  # type: ignore[attr-defined]
        self._fill("")
        self.query_one("#picker-search", Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one("#picker-list", OptionList)
        options.clear_options()
        scored: list[tuple[float, InterviewSummary]] = []
        matcher = Matcher(query) if query else None
        for summary in self.summaries:
            score = matcher.match(_label(summary)) if matcher else 1.0
            if score > 0:
                scored.append((score, summary))
        scored.sort(key=lambda pair: -pair[0])
        options.add_options(Option(line(_label(s)), id=str(s.interview.id)) for _, s in scored)
        if scored:
            options.highlighted = 0

    @on(Input.Changed, "#picker-search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-search")
    def _open_highlighted(self, event: Input.Submitted) -> None:
        options = self.query_one("#picker-list", OptionList)
        if options.highlighted is not None:
            self.dismiss(int(options.get_option_at_index(options.highlighted).id or 0))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cursor(self, step: int) -> None:
        """Move the highlight from the search line."""
        options = self.query_one("#picker-list", OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def action_cancel(self) -> None:
        """Close without switching."""
        self.dismiss(None)
