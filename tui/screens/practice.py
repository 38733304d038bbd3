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
from tui.widgets.paged_table import Window, count

if TYPE_CHECKING:
    from core.services_learning import PracticeItem

EMPTY = (
    "Nothing to practise yet. Questions you mark 'stumped me' (B5) and what you would do "
    "differently (B4) gather here."
)
DETAIL_CHARS = 160
PAGE = 100  # items listed at once (#8); lines above and below count the rest
ALL = 100_000  # items read: every one in any real history, counted in the title


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
        Binding("right_square_bracket", "page(1)", "Older", show=False),
        Binding("left_square_bracket", "page(-1)", "Newer", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[PracticeItem] = []
        self.window = Window(PAGE)

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
        """Show the newest items at once, the cursor on the first; read them all right after
        (thousands take a few hundred ms) to page through them and count them."""
        from core.services_learning import practice_list

        self.session.saver.flush()  # a stumper ticked a moment ago is listed
        self.items = practice_list(self.session.repo, PAGE)
        self._show(0, complete=len(self.items) < PAGE)
        self.query_one("#practice-list", OptionList).focus()
        if len(self.items) >= PAGE:
            self.call_after_refresh(self._read_all)

    def _read_all(self) -> None:
        from core.services_learning import practice_list

        cursor = self._current() or 0
        self.items = practice_list(self.session.repo, ALL)
        self._show(cursor)

    def _show(self, cursor: int, complete: bool = True) -> None:
        """Draw the page holding item `cursor`; the title counts the items (once all are read)."""
        self.window.resize(len(self.items))
        if self.items:
            self.window.show(min(cursor, len(self.items) - 1))
        self._draw(cursor)
        self._title(complete)

    def _title(self, complete: bool = True) -> None:
        left = sum(1 for i in self.items if i.practised_at is None)
        counts = f"  ·  {count(left)} to practise  ·  {count(len(self.items))} in all"
        title = self.query_one("#practice-title", Static)
        title.update(line(("Practice list", "bold"), counts if complete else "  ·  counting…"))

    def _draw(self, cursor: int) -> None:
        """List the window's items (between lines counting the newer and older ones), the
        cursor on item `cursor` (an index in the whole list) or the nearest shown."""
        window = self.window
        options = self.query_one("#practice-list", OptionList)
        options.clear_options()
        if not self.items:
            options.add_option(Option(empty_state(EMPTY), disabled=True))
        chosen: list[Option | None] = []
        if window.before:
            newer = f"▲ {count(window.before)} newer: Enter here or [ shows them"
            chosen += [Option(line((newer, "italic $accent")), id="less"), None]
        for n in range(window.offset, window.end):
            chosen += [None] if n > window.offset else []
            chosen.append(Option(item_content(self.items[n]), id=str(n)))
        if window.after:
            older = f"▼ {count(window.after)} older: Enter here or ] shows the next "
            older += count(min(PAGE, window.after))
            chosen += [None, Option(line((older, "italic $accent")), id="more")]
        options.add_options(chosen)
        if self.items:  # separators don't count
            shown = min(max(cursor, window.offset), window.end - 1) - window.offset
            options.highlighted = shown + (1 if window.before else 0)

    def _current(self) -> int | None:
        options = self.query_one("#practice-list", OptionList)
        if not self.items or options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return int(option_id) if option_id is not None and option_id.isdigit() else None

    def action_page(self, step: int) -> None:
        """] / [: the next (older) or previous (newer) page of items."""
        if self.window.step(step):
            self._draw(self.window.offset if step > 0 else self.window.end - 1)

    def action_toggle(self) -> None:
        """F1: mark the highlighted item practised (now), or not practised any more."""
        from core.services_learning import set_practised

        n = self._current()
        if n is None:
            return
        item = self.items[n]
        now = None if item.practised_at else self.session.now()
        self.items[n] = set_practised(self.session.repo, item, now)
        options = self.query_one("#practice-list", OptionList)
        options.replace_option_prompt(str(n), item_content(self.items[n]))
        self._title()

    def action_open(self) -> None:
        """Open the debrief where the item was written (B5 or B4 of its interview); on a line
        counting older or newer items, show them."""
        options = self.query_one("#practice-list", OptionList)
        if options.highlighted is not None and self.items:
            option_id = options.get_option_at_index(options.highlighted).id
            if option_id in {"more", "less"}:
                self.action_page(1 if option_id == "more" else -1)
                return
        n = self._current()
        if n is not None:
            item = self.items[n]
            place: Place = (item.interview_id, item.prompt_id, None)
            self.dismiss(place)

    @on(OptionList.OptionSelected, "#practice-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()
