"""Switch interview: type a few letters of the company, role or date; Enter opens it.

Every interview is searched, however many there are; at most SHOWN matches are listed (#8),
then a line saying how many more match: typing narrows them."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.text import line
from tui.widgets.line_input import LineInput
from tui.widgets.paged_table import count

SHOWN = 100
"""Matches listed at once; the rest are counted on a last line."""
INSTANT = 2_000
"""Up to this many interviews, each key filters at once (a few ms); beyond, after a pause."""
DELAY = 0.1  # s after the last key: a burst of typing costs one filtering of 10k labels


def _label(company: str, role: str, round_: int, ended_at: str) -> str:
    """'Acme · Engineer · round 2 · 05 Mar 2025': the interview's day as it was stored."""
    role = f" · {role}" if role else ""
    return f"{company}{role} · round {round_} · {datetime.fromisoformat(ended_at):%d %b %Y}"


def _spread(letters: str, label: str) -> int:
    """How far apart the letters lie in order in `label` (taking each at its first place), or
    -1 when they are not all there in order."""
    start = position = label.find(letters[0])
    if start < 0:
        return -1
    for ch in letters[1:]:
        position = label.find(ch, position + 1)
        if position < 0:
            return -1
    return position - start


def rank(query: str, labels: list[str]) -> list[int]:
    """Indexes of the (casefolded) labels matching `query`, best first: the query as typed
    inside the label, then each of its words inside it, then its letters in order, closest
    together first ('glbx' finds Globex); newest (first in `labels`) first among equals."""
    typed = query.casefold().strip()
    if not typed:
        return list(range(len(labels)))
    words = typed.split()
    letters = "".join(typed.split())
    exact: list[int] = []
    every_word: list[int] = []
    scattered: list[tuple[int, int]] = []
    for n, label in enumerate(labels):
        if typed in label:
            exact.append(n)
        elif all(word in label for word in words):
            every_word.append(n)
        else:
            spread = _spread(letters, label)
            if spread >= 0:
                scattered.append((spread, n))
    scattered.sort()
    return exact + every_word + [n for _spread, n in scattered]


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
        """Show the newest interviews at once; read all of them right after (10,000 take a
        few hundred ms), before the first key is handled."""
        repo = self.app.session.repo  # type: ignore[attr-defined]
        self.total = repo.count_interviews()
        self._load(repo.interview_labels(limit=SHOWN))
        self.shown = 0
        self._timer: Timer | None = None
        self._fill("")
        self.query_one("#picker-search", Input).focus()
        if self.total > SHOWN:
            self.call_after_refresh(self._load_all)

    def _load(self, rows: list[tuple[int, str, str, int, str]]) -> None:
        """Keep the interviews' ids and labels (read as the labels show them, #8)."""
        self.ids = [row[0] for row in rows]
        self.labels = [_label(*row[1:]) for row in rows]
        self._folded = [label.casefold() for label in self.labels]

    def _load_all(self) -> None:
        repo = self.app.session.repo  # type: ignore[attr-defined]
        self._load(repo.interview_labels(limit=max(1, self.total)))
        self.total = len(self.ids)
        self._fill(self.query_one("#picker-search", Input).value)

    def _fill(self, query: str) -> None:
        self._timer = None
        options = self.query_one("#picker-list", OptionList)
        options.clear_options()
        found = rank(query, self._folded)
        unread = self.total - len(self.labels)  # counted, not read yet (only with no query)
        chosen = found[:SHOWN]
        options.add_options(Option(line(self.labels[n]), id=str(self.ids[n])) for n in chosen)
        self.shown = len(chosen)
        if len(found) + unread > SHOWN:
            more = f"… and {count(len(found) + unread - SHOWN)} more: type to narrow"
            options.add_option(Option(line((more, "dim italic")), disabled=True))
        if chosen:
            options.highlighted = 0

    @on(Input.Changed, "#picker-search")
    def _search(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        if len(self.labels) <= INSTANT:
            self._fill(event.value)
        else:
            self._timer = self.set_timer(DELAY, lambda: self._fill(event.value))

    @on(Input.Submitted, "#picker-search")
    def _open_highlighted(self, event: Input.Submitted) -> None:
        if self._timer is not None:  # Enter before the list caught up with the typing
            self._timer.stop()
            self._fill(event.value)
        options = self.query_one("#picker-list", OptionList)
        if options.highlighted is not None and options.highlighted < self.shown:
            self.dismiss(int(options.get_option_at_index(options.highlighted).id or 0))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cursor(self, step: int) -> None:
        """Move the highlight from the search line."""
        options = self.query_one("#picker-list", OptionList)
        if self.shown:  # wraps round the matches, never onto the 'more' line
            options.highlighted = ((options.highlighted or 0) + step) % self.shown

    def action_cancel(self) -> None:
        """Close without switching."""
        self.dismiss(None)
