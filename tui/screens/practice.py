"""The practice list (F1): every question that stumped you and every 'do differently', across
all interviews, newest first; x marks one practised; Enter opens where it was written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.learning_view import LearningView, Place, empty_state
from tui.text import line, plain

if TYPE_CHECKING:
    from core.services_learning import PracticeItem

EMPTY = (
    "Nothing to practise yet. Questions you mark 'stumped me' (B5) and what you would do "
    "differently (B4) gather here."
)
DETAIL_CHARS = 160


def item_content(item: PracticeItem) -> Content:
    """An item: its mark, kind and where it came from, then the text as written."""
    done = item.practised_at is not None
    style = "dim" if done else ""
    parts: list[str | tuple[str, str]] = [
        ("✓ practised  " if done else "○ ", "$success" if done else "bold $warning"),
        (item.label, "bold " + style),
        ("  " + item.where, "dim"),
        "\n",
        (item.text.strip(), style),
    ]
    detail = " ".join(item.detail.split())
    if detail:
        short = detail if len(detail) <= DETAIL_CHARS else detail[: DETAIL_CHARS - 1] + "…"
        parts += ["\n", ("You said: " + short, "dim italic")]
    return line(*parts)


class PracticeScreen(LearningView):
    """F1: what to practise before the next interview."""

    BINDINGS = [
        Binding("x,space", "toggle", "Practised"),
        Binding("enter", "open", "Open", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[PracticeItem] = []

    def compose(self) -> ComposeResult:
        """Title, the list, keys."""
        with Vertical(id="practice-box", classes="learning-box"):
            yield Static("", id="practice-title", classes="learning-title", markup=False)
            yield OptionList(id="practice-list")
            yield Static(
                plain("x practised / not yet  ·  Enter open where you wrote it  ·  esc close"),
                classes="learning-keys",
            )

    def on_mount(self) -> None:
        """Read the list; the cursor on the first item."""
        self.reload()
        self.query_one("#practice-list", OptionList).focus()

    def reload(self, keep: int | None = None) -> None:
        """Read the items again and redraw, the cursor kept on the same row."""
        from core.services_learning import practice_list

        self.session.saver.flush()  # a stumper ticked a moment ago is listed
        self.items = practice_list(self.session.repo)
        options = self.query_one("#practice-list", OptionList)
        options.clear_options()
        if not self.items:
            options.add_option(Option(empty_state(EMPTY), disabled=True))
        chosen: list[Option | None] = []
        for n, item in enumerate(self.items):
            chosen += [None] if n else []
            chosen.append(Option(item_content(item), id=str(n)))
        options.add_options(chosen)
        if self.items:
            options.highlighted = min(keep or 0, len(self.items) - 1)  # separators don't count
        left = sum(1 for i in self.items if i.practised_at is None)
        title = self.query_one("#practice-title", Static)
        title.update(
            line(("Practice list", "bold"), f"  ·  {left} to practise  ·  {len(self.items)} in all")
        )

    def _current(self) -> int | None:
        options = self.query_one("#practice-list", OptionList)
        if not self.items or options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return int(option_id) if option_id is not None else None

    def action_toggle(self) -> None:
        """F1: mark the highlighted item practised (now), or not practised any more."""
        from core.services_learning import set_practised

        n = self._current()
        if n is None:
            return
        item = self.items[n]
        set_practised(self.session.repo, item, None if item.practised_at else self.session.now())
        self.reload(keep=n)

    def action_open(self) -> None:
        """Open the debrief where the item was written (B5 or B4 of its interview)."""
        n = self._current()
        if n is not None:
            item = self.items[n]
            place: Place = (item.interview_id, item.prompt_id, None)
            self.dismiss(place)

    @on(OptionList.OptionSelected, "#practice-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()
