"""The timeline's long groups a page at a time (#8): each group shows at most GROUP_PAGE actions,
between a line saying how many come before and one saying how many come after; Enter on such a
line, or ] and [ anywhere in the group, show the next or previous page. Headings count the whole
group. Done opens on its most recent page, the others on their first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widgets import DataTable

from tui.text import line, plain
from tui.widgets.paged_table import Window, count

if TYPE_CHECKING:
    from core.plan_view import Group, PlanItem

GROUP_PAGE = 90
"""Actions a group shows at a time: five groups, their headings and lines stay under 500 rows."""
_WIDTH = 7  # the timeline's columns


def _which(key: str) -> tuple[str, str]:
    """('more' or 'less', the group's name) of a row key like 'more:Later'; ('', '') if none."""
    kind, _, name = key.partition(":")
    return (kind, name) if kind in {"more", "less"} else ("", "")


class GroupPages:
    """Windows over the timeline's groups; the screen provides the groups and draws actions."""

    if TYPE_CHECKING:  # provided by the screen (and Textual)
        groups: dict[Group, list[PlanItem]]
        items: dict[int, PlanItem]

        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...
        def add_action_row(self, table: DataTable[object], item: PlanItem) -> None: ...
        def restore_cursor(self, table: DataTable[object], keep: str | None) -> None: ...
        def _current_key(self) -> str | None: ...

    def __init__(self) -> None:
        super().__init__()
        self.windows: dict[Group, Window] = {}

    def fit_windows(self, keep: str | None) -> None:
        """Size each group's window to the group, keeping the action `keep` in view."""
        from core.plan_view import Group

        for group, items in self.groups.items():
            window = self.windows.setdefault(group, Window(GROUP_PAGE, tail=group is Group.DONE))
            window.resize(len(items))
            if keep is not None and keep.isdigit():
                found = next((n for n, i in enumerate(items) if str(i.action.id) == keep), None)
                if found is not None:
                    window.show(found)

    def draw(self, keep: str | None) -> None:
        """Fill the table: per group its heading (the whole count), its page, the lines around."""
        table = self.query_one(DataTable)
        table.clear()
        self.items = {}
        for group, items in self.groups.items():
            if not items:
                continue
            window = self.windows[group]
            table.add_row(
                "",
                line((f"{group.value} ({count(len(items))})", "bold $accent")),
                *[""] * (_WIDTH - 2),
                key=f"group:{group.value}",
            )
            if window.before:
                table.add_row(*self._line_cells("▲", window, -1), key=f"less:{group.value}")
            for item in items[window.offset : window.end]:
                self.items[item.action.id or 0] = item
                self.add_action_row(table, item)
            if window.after:
                table.add_row(*self._line_cells("▼", window, 1), key=f"more:{group.value}")
        self.restore_cursor(table, keep)

    def _line_cells(self, arrow: str, window: Window, step: int) -> tuple[object, ...]:
        left = window.after if step > 0 else window.before
        what = f"{count(left)} more" if step > 0 else f"{count(left)} earlier"
        key = f"Enter: {'next' if step > 0 else 'show'} {min(window.size, left)}"
        shown = f"{count(window.offset + 1)}–{count(window.end)} of {count(window.total)}"
        return (
            plain(arrow, "bold $accent"),
            plain(what, "bold $accent"),
            plain(key, "dim"),
            "",
            plain(shown, "dim"),
            "",
            "",
        )

    def pages_detail(self, key: str) -> Content | None:
        """What a 'more' or 'earlier' line means, for the detail panel; None on other rows."""
        kind, name = _which(key)
        window = next((w for g, w in self.windows.items() if g.value == name), None)
        if not kind or window is None:
            return None
        left = window.after if kind == "more" else window.before
        where = "after" if kind == "more" else "before"
        return line(
            (f"{count(left)} more in {name}", "bold"),
            f", due {where} the {count(window.end - window.offset)} shown.\n",
            f"Enter or {']' if kind == 'more' else '['} shows them, {GROUP_PAGE} at a time; "
            f"{'[' if kind == 'more' else ']'} goes the other way. The heading counts the whole "
            "group.",
        )

    def page_at_cursor(self) -> bool:
        """Enter on a group's 'more' or 'earlier' line: show that page; False on other rows."""
        kind, name = _which(self._current_key() or "")
        if not kind:
            return False
        self._page(name, 1 if kind == "more" else -1)
        return True

    def action_group_page(self, step: int) -> None:
        """] / [: the next or previous page of the group under the cursor."""
        key = self._current_key() or ""
        _kind, name = _which(key)
        if not name and key.isdigit() and int(key) in self.items:
            name = self.items[int(key)].group.value
        elif not name:
            name = key.partition(":")[2]
        self._page(name, step)

    def _page(self, name: str, step: int) -> None:
        group = next((g for g in self.windows if g.value == name), None)
        if group is None or not self.windows[group].step(step):
            return
        window, items = self.windows[group], self.groups[group]
        first = items[window.offset if step > 0 else window.end - 1]
        self.draw(str(first.action.id))
