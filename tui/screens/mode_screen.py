"""What the table modes (contacts, timeline) share: the session, filling, the selected row."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import DataTable

if TYPE_CHECKING:
    from tui.session import Session


class ModeScreen(Screen[None]):
    """A mode built on one DataTable whose row keys are ids; subclasses implement reload()."""

    @property
    def session(self) -> Session | None:
        """The open database, once it is."""
        return getattr(self.app, "session", None)

    def on_mount(self) -> None:
        """Fill as soon as the database is open."""
        self.watch(self.app, "session", lambda _session: self.reload(), init=True)
        self.call_after_refresh(gc.freeze)  # built once, kept: out of the collector's passes

    def on_screen_resume(self) -> None:
        """Back on this mode: show what changed elsewhere."""
        self.reload()

    def reload(self) -> None:
        """Read and redraw (subclasses)."""
        raise NotImplementedError

    def current_key(self) -> str | None:
        """The key of the highlighted row, if the table has rows."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def move_to_key(self, key: str | None) -> None:
        """Put the cursor on the row with this key, or on the first row when it is gone."""
        table = self.query_one(DataTable)
        keys = [str(k.value) for k in table.rows]
        if keys:
            table.move_cursor(row=keys.index(key) if key in keys else 0)
