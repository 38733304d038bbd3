"""The timeline's long groups a page at a time (#8): each group shows at most GROUP_PAGE actions,
between a line saying how many come before and one saying how many come after; Enter on such a
line, or ] and [ anywhere in the group, show the next or previous page. Headings count the whole
group. Done opens on its most recent page, the others on their first. Pages are read from the
database a page at a time (core.plan_view.timeline_pages), never the whole plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widgets import DataTable

from tui.text import line, plain
from tui.widgets.paged_table import Window, count

if TYPE_CHECKING:
    from datetime import datetime

    from core.plan_view import Group, PlanItem
    from tui.session import Session

GROUP_PAGE = 90
"""Actions a group shows at a time: five groups, their headings and lines stay under 500 rows."""
_WIDTH = 7  # the timeline's columns


def _which(key: str) -> tuple[str, str]:
    """('more' or 'less', the group's name) of a row key like 'more:Later'; ('', '') if none."""
    kind, _, name = key.partition(":")
    return (kind, name) if kind in {"more", "less"} else ("", "")


class GroupPages:
    """Windows over the timeline's groups; the screen provides the session and draws actions."""

    if TYPE_CHECKING:  # provided by the screen (and Textual)
        items: dict[int, PlanItem]
        session: Session | None
        now: datetime | None

        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...
        def add_action_row(self, table: DataTable[object], item: PlanItem) -> None: ...
        def restore_cursor(self, table: DataTable[object], keep: str | None) -> None: ...
        def _current_key(self) -> str | None: ...

    def __init__(self) -> None:
        super().__init__()
        self.windows: dict[Group, Window] = {}
        self.groups: dict[Group, list[PlanItem]] = {}
        self.scope: int | None = None

    def fetch(self) -> None:
        """Read each group's total and the page its window shows (Done: the most recent page,
        while the window is at the end)."""
        from core.plan_view import Group, timeline_pages

        session = self.session
        if session is None or self.now is None:
            return
        offsets = {g: w.offset for g, w in self.windows.items() if not (w.tail and w.at_end)}
        pages = timeline_pages(
            session.repo,
            self.now,
            session.plan_ctx,
            self.scope,
            limit=GROUP_PAGE,
            offsets=offsets,
        )
        for page in pages:
            window = self.windows.setdefault(
                page.group, Window(GROUP_PAGE, tail=page.group is Group.DONE)
            )
            window.total, window.offset = page.total, page.offset
        self.groups = {page.group: page.items for page in pages}

    def follow(self, keep: str | None) -> None:
        """Bring the action `keep` into view when a change moved it off its group's page (done,
        undone, snoozed): its place is counted in the database, then that page is read."""
        if keep is None or not keep.isdigit() or self._shown(int(keep)):
            return
        found = self._place(int(keep))
        if found is None:
            return
        group, index = found
        window = self.windows[group]
        for _try in range(2):  # the place counts earlier due dates; ties may push it a page on
            window.show(min(index, max(0, window.total - 1)))
            self.fetch()
            if self._shown(int(keep)):
                return
            index = window.offset + window.size

    def _shown(self, action_id: int) -> bool:
        return any(i.action.id == action_id for items in self.groups.values() for i in items)

    def _place(self, action_id: int) -> tuple[Group, int] | None:
        """The group of an open action and how many of that group are due before it."""
        from core.plan_view import group_of, group_spans

        session = self.session
        if session is None or self.now is None:
            return None
        try:
            action = session.repo.get_action(action_id)
        except KeyError:
            return None
        group = group_of(action, self.now, session.plan_ctx)
        if not action.is_open or group not in self.windows:
            return None  # Done: a change lands it near its end, the page Done shows
        span = group_spans(self.now, session.plan_ctx, self.scope)[group]
        if span.start is None:
            before = session.repo.open_counts([action.due], self.scope)[0]
        else:
            before = session.repo.open_counts([span.start, action.due], self.scope)[1]
        return group, before

    def draw(self, keep: str | None) -> None:
        """Fill the table: per group its heading (the whole count), its page, the lines around."""
        table = self.query_one(DataTable)
        table.clear()
        self.items = {}
        for group, items in self.groups.items():
            window = self.windows[group]
            if not window.total:
                continue
            table.add_row(
                "",
                line((f"{group.value} ({count(window.total)})", "bold $accent")),
                *[""] * (_WIDTH - 2),
                key=f"group:{group.value}",
            )
            if window.before:
                table.add_row(*self._line_cells("▲", window, -1), key=f"less:{group.value}")
            for item in items:
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
        self.fetch()
        items = self.groups.get(group) or []
        if items:
            self.draw(str((items[0] if step > 0 else items[-1]).action.id))
