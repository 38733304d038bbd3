"""The timeline mode: the follow-up plan grouped Overdue / Today / This week / Later / Done."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from tui.screens.mode_screen import ModeScreen
from tui.screens.timeline_actions import TimelineActions
from tui.screens.timeline_pages import GroupPages
from tui.text import line, plain
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from core.plan_view import PlanItem
    from tui.session import Session

COLUMNS = (
    ("", 1),
    ("What", 22),
    ("For", 18),
    ("Company", 17),
    ("Due", 27),
    ("Window", 16),
    ("Rule", 4),
)


def _due_text(due: datetime, now: datetime) -> str:
    from core.dates import short_relative

    return f"{due:%a %d %b %H:%M} · {short_relative(due, now)}"


def _window_text(item: PlanItem) -> str:
    start, end = item.action.window_start, item.action.window_end
    if start.date() == end.date():
        return f"{start:%d %b}"
    return f"{start:%d %b} – {end:%d %b}"


class TimelineScreen(GroupPages, TimelineActions, ModeScreen):
    """Every action of the plan, for all interviews or the current one; a long group shows a
    page of it at a time (#8), between lines saying how many come before and after."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("x", "done", "Done"),
        Binding("s", "snooze", "Snooze"),
        Binding("k", "skip", "Skip"),
        Binding("u", "reopen", "Undo", show=False),
        Binding("l", "log_touch", "Log touch"),
        Binding("o", "outcome", "Outcome"),
        Binding("a", "scope", "All / this"),
        # priority: the focused DataTable binds Enter itself (select_cursor), which hid this one
        Binding("enter", "open", "Open", show=False, priority=True),
        Binding("right_square_bracket", "group_page(1)", "Next page", show=False),
        Binding("left_square_bracket", "group_page(-1)", "Previous page", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.all_interviews = True
        self.items: dict[int, PlanItem] = {}
        self.now: datetime | None = None  # the session's clock, read at each reload

    def compose(self) -> ComposeResult:
        """Title line, table, detail of the highlighted action."""
        yield Static(line(("Follow-up plan", "bold")), id="timeline-title", markup=False)
        table: DataTable[object] = DataTable(
            id="timeline-table", cursor_type="row", zebra_stripes=False
        )
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        yield table
        yield Static("", id="timeline-detail", markup=False)
        yield KeyBar()

    def reload(self) -> None:
        """Recompute the plans of edited interviews and redraw, keeping the cursor's action."""
        session = self.session
        if session is None:
            return
        session.saver.flush()
        session.replan_changed()
        keep = self._current_key()
        self.scope = (
            None if self.all_interviews or session.interview_id is None else (session.interview_id)
        )
        self.now = session.now()
        self.fetch()
        self.follow(keep)
        self._set_title(session, self.scope)
        self.draw(keep)

    def add_action_row(self, table: DataTable[object], item: PlanItem) -> None:
        """One action's row: mark, what, for whom, company, due, window, rule."""
        now = self.now or item.action.due
        action = item.action
        self.items[action.id or 0] = item
        if not action.is_open:
            mark = plain("✓" if action.state == "done" else "–", "$success")
        else:
            mark = plain("!" if item.findings else "", "bold $warning")
        style = "dim" if not action.is_open else ""
        table.add_row(
            mark,
            plain(item.label, style),
            plain(item.person or "—", style),
            plain(item.company, style),
            plain(_due_text(action.due, now), style),
            plain(_window_text(item), style),
            plain(action.rule, "dim"),
            key=str(action.id),
        )

    def _set_title(self, session: Session, scope: int | None) -> None:
        title = self.query_one("#timeline-title", Static)
        if scope is None:
            title.update(
                line(("Follow-up plan", "bold"), "  ·  all interviews  ·  a: only the current one")
            )
            return
        summary = session.repo.summary(scope)
        title.update(
            line(
                ("Follow-up plan", "bold"),
                "  ·  ",
                (summary.company, "bold"),
                f"  round {summary.interview.round}  ·  a: all interviews",
            )
        )

    def restore_cursor(self, table: DataTable[object], keep: str | None) -> None:
        """Put the cursor on the row `keep` (an action, or a group's 'more' line), else on the
        first action; show its detail."""
        rows = [str(k.value) for k in table.rows]
        target = (
            keep
            if keep is not None and keep in rows
            else next((r for r in rows if r.isdigit()), None)
        )
        if target is not None:
            table.move_cursor(row=rows.index(target))
        self._show_detail()

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")

    def _current_id(self) -> int | None:
        key = self._current_key() or ""
        return int(key) if key.isdigit() else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Step over group headings (keys act on actions), then show the action's detail."""
        table, row = event.data_table, event.cursor_row
        if row != table.cursor_row:
            return  # a stale event from a redraw: the cursor has moved on
        if str(event.row_key.value).startswith("group:"):
            step = -1 if row < getattr(self, "_last_row", 0) else 1
            target = row + step if 0 <= row + step < table.row_count else row - step
            if 0 <= target < table.row_count and target != row:
                table.move_cursor(row=target)
                return
        self._last_row = row
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#timeline-detail", Static)
        action_id = self._current_id()
        item = self.items.get(action_id) if action_id is not None else None
        more = self.pages_detail(self._current_key() or "")
        if more is not None:
            detail.update(more)
            return
        if item is None:
            detail.update(
                plain(
                    "Nothing planned yet: press n to capture an interview."
                    if not self.items
                    else ""
                )
            )
            return
        parts: list[str | tuple[str, str]] = [(item.label, "bold")]
        if item.person:
            parts.append(" for " + item.person)
        parts += [f" · {item.company} · {item.action.rule}\n", item.action.reason]
        for finding in item.findings:
            parts += ["\n", ("! " + finding, "$warning")]
        if item.action.note:
            parts += ["\n", ("Note: ", "bold"), item.action.note]
        detail.update(line(*parts))

    def _selected(self) -> PlanItem | None:
        action_id = self._current_id()
        item = self.items.get(action_id) if action_id is not None else None
        if item is None:
            self.notify("Move to an action first.", markup=False)
        return item

    def action_scope(self) -> None:
        """Switch between all interviews and the current one (each group from its first page)."""
        self.all_interviews = not self.all_interviews
        self.windows.clear()
        self.reload()

    def action_open(self) -> None:
        """Open what the action needs: the note to write (a thank-you, a status check ...),
        else its interview's debrief."""
        from core.services_notes import note_kind
        from tui.screens.note_editor import open_note_editor

        if self.page_at_cursor():  # Enter on a group's 'more' or 'earlier' line
            return
        item = self._selected()
        if item is not None and note_kind(item.action.kind) is not None:
            open_note_editor(self, action_id=item.action.id)
        elif item is not None:
            self.app.open_interview(item.action.interview_id)  # type: ignore[attr-defined]
