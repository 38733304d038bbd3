"""Search past answers (F3): type words; ranked results with the matching words marked; Enter
goes to the place (the debrief on that prompt, or the note)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.learning_view import LearningView, Place, empty_state, marked
from tui.text import line, plain
from tui.widgets.line_input import LineInput

if TYPE_CHECKING:
    from core.services_learning import SearchHit

SEARCH_DELAY = 0.12  # s after the last key: a fast typist's burst costs one query, not one each
FIRST, STEP, MOST = 50, 50, 500  # best hits shown; 'more' adds STEP, up to MOST (core's cap)
HINT = "Words from a question, an answer, a debrief, a highlight or a note."


def hit_content(hit: SearchHit) -> Content:
    """A result: what and where, then the question or subject and the excerpt, matches marked."""
    parts: list[str | tuple[str, str]] = [(hit.source, "bold"), ("  " + hit.where, "dim")]
    if hit.title:
        parts += ["\n", *marked(hit.title)]
    if hit.body:
        parts += ["\n", *marked(hit.body, "dim")]
    return line(*parts)


class SearchScreen(LearningView):
    """F3: full-text search over everything written, best matches first."""

    BINDINGS = [
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self.limit = FIRST
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Title, search line, results, keys."""
        with Vertical(id="search-box", classes="learning-box"):
            yield Static(line(("Search past answers", "bold")), classes="learning-title")
            yield LineInput(placeholder=HINT, id="search-input", compact=True)
            yield OptionList(id="search-results")
            yield Static(
                plain("Enter go to it  ·  ↑↓ choose  ·  esc close"), classes="learning-keys"
            )

    def on_mount(self) -> None:
        """Cursor in the search line."""
        self._show("")
        self.query_one("#search-input", Input).focus()

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.limit = FIRST
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self._show(event.value))

    def _show(self, text: str) -> None:
        from core.services_learning import search

        self._timer = None
        self.hits = search(self.session.repo, text, self.limit) if text.strip() else []
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        if not text.strip():
            results.add_option(Option(empty_state(HINT), disabled=True))
        elif not self.hits:
            results.add_option(
                Option(empty_state(f"Nothing matches {text.strip()!r}."), disabled=True)
            )
        options: list[Option | None] = []
        for n, hit in enumerate(self.hits):
            options += [None] if n else []
            options.append(Option(hit_content(hit), id=str(n)))
        full = len(self.hits) >= self.limit  # the query stopped at the limit: more may match
        if full and self.limit < MOST:
            more = f"The {len(self.hits)} best are shown; more may match. Enter here: {STEP} more"
            options += [None, Option(line((more, "italic $accent")), id="more")]
        elif full:
            more = f"The {len(self.hits)} best are shown: add a word to narrow."
            options += [None, Option(line((more, "dim italic")), disabled=True)]
        results.add_options(options)
        found = f"{len(self.hits)} best shown" if full else f"{len(self.hits)} found"
        results.border_subtitle = found if self.hits else ""
        if self.hits:
            results.highlighted = 0

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:  # Enter before the results caught up with the typing
            self._timer.stop()
            self._show(event.value)
        results = self.query_one("#search-results", OptionList)
        if self.hits and results.highlighted is not None:
            self._go(results.get_option_at_index(results.highlighted))

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._go(event.option)

    def _go(self, option: Option) -> None:
        if option.id == "more":
            self._more()
            return
        if option.id is None:
            return
        hit = self.hits[int(option.id)]
        place: Place = (hit.interview_id, hit.prompt_id, hit.note_id)
        self.dismiss(place)

    def _more(self) -> None:
        """The next STEP hits, the cursor on the first of them."""
        first_new = len(self.hits)
        self.limit = min(MOST, self.limit + STEP)
        self._show(self.query_one("#search-input", Input).value)
        if self.hits:
            results = self.query_one("#search-results", OptionList)
            results.highlighted = min(first_new, len(self.hits) - 1)

    def action_page(self, step: int) -> None:
        """A screenful of results down or up, from the search line (down to the 'more' line)."""
        results = self.query_one("#search-results", OptionList)
        if self.hits:
            results.action_page_down() if step > 0 else results.action_page_up()

    def action_cursor(self, step: int) -> None:
        """Move through the results from the search line."""
        results = self.query_one("#search-results", OptionList)
        if self.hits:
            results.action_cursor_down() if step > 0 else results.action_cursor_up()
