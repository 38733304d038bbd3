"""Long lists a page at a time (issue #8: no table or list renders more than about 500 rows):
which slice of a list is shown, the line saying what is left, and a table whose cursor keys
ask for the neighbouring page when they would go past either end."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable

from tui.text import line

PAGE = 200
"""Rows a one-list table (contacts) shows at a time: well under #8's 500, so a page turns in a
few hundred ms (each person's checks, and Textual measuring every cell added, cost per row)."""


@dataclass
class Window:
    """The slice of a list of `total` items that is shown: at most `size` from `offset`. A
    `tail` window opens on the last items and keeps showing the end while it is there."""

    size: int
    total: int = 0
    offset: int = 0
    tail: bool = False

    @property
    def end(self) -> int:
        """One past the last index shown."""
        return min(self.total, self.offset + self.size)

    @property
    def at_end(self) -> bool:
        """Whether the slice reaches the end of the list."""
        return self.end >= self.total

    @property
    def before(self) -> int:
        """How many items come before the slice."""
        return self.offset

    @property
    def after(self) -> int:
        """How many items come after the slice."""
        return max(0, self.total - self.end)

    def resize(self, total: int) -> None:
        """The list now has `total` items: keep the offset (a tail window at the end, if it
        was there), unless nothing would be shown."""
        at_end = self.at_end
        self.total = total
        if self.tail and at_end:
            self.show_last()
        elif self.offset >= total:
            self.offset = max(0, (total - 1) // self.size * self.size)

    def show(self, index: int) -> None:
        """Make sure item `index` is in the slice (moving by whole pages from the start)."""
        if not self.offset <= index < self.end and 0 <= index < self.total:
            self.offset = index - index % self.size

    def show_last(self) -> None:
        """Show the last `size` items."""
        self.offset = max(0, self.total - self.size)

    def step(self, pages: int) -> bool:
        """Move a page on (1) or back (-1); False (and no move) when there is nothing there."""
        if (pages > 0 and not self.after) or (pages < 0 and not self.before):
            return False
        self.offset = max(0, self.offset + pages * self.size)
        return True


def count(n: int) -> str:
    """A count as people read it: 49,500."""
    return f"{n:,}"


def pages_line(window: Window, noun: str = "rows") -> Content:
    """'1–500 of 1,500 people · 1,000 more: ↓ at the end, PgDn or ] · [ back'; empty when the
    whole list is shown."""
    if not window.before and not window.after:
        return Content("")
    parts: list[str | tuple[str, str]] = [
        (f"{count(window.offset + 1)}–{count(window.end)}", "bold"),
        f" of {count(window.total)} {noun}",
    ]
    both = window.after and window.before  # then the keys in short, to stay on one line
    if window.after:
        parts += ["  ·  ", (f"{count(window.after)} more", "bold $accent")]
        parts.append(": ↓ PgDn ]" if both else ": ↓ at the end, PgDn or ]")
    if window.before:
        parts += ["  ·  ", f"{count(window.before)} before: "]
        parts.append("↑ PgUp [" if both else "↑ at the top, PgUp or [")
    return line(*parts)


class PagedTable(DataTable[object]):
    """A DataTable holding one page of a longer list. Down or PgDn on its last row, up or PgUp
    on its first, ask the screen for the next or the previous page (PageRequested)."""

    class PageRequested(Message):
        """The user moved past an end of the page: `step` is 1 (next page) or -1 (previous)."""

        def __init__(self, table: PagedTable, step: int) -> None:
            super().__init__()
            self.table = table
            self.step = step

        @property
        def control(self) -> PagedTable:
            """The table the request came from."""
            return self.table

    more_before = False
    """Set by the screen: rows come before this page."""
    more_after = False
    """Set by the screen: rows come after this page."""

    def _past_end(self, step: int) -> bool:
        at_edge = self.cursor_row == (self.row_count - 1 if step > 0 else 0)
        wanted = self.more_after if step > 0 else self.more_before
        if self.row_count and at_edge and wanted:
            self.post_message(self.PageRequested(self, step))
            return True
        return False

    def action_cursor_down(self) -> None:
        """Down; on the last row, the next page."""
        if not self._past_end(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up; on the first row, the previous page."""
        if not self._past_end(-1):
            super().action_cursor_up()

    def action_page_down(self) -> None:
        """A screenful down; on the last row, the next page."""
        if not self._past_end(1):
            super().action_page_down()

    def action_page_up(self) -> None:
        """A screenful up; on the first row, the previous page."""
        if not self._past_end(-1):
            super().action_page_up()
