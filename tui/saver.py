"""Save as you type: pending writes run within a fixed delay, and are flushed on every exit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

SAVE_DELAY = 0.25  # seconds from the first unsaved keystroke to the write (issue: <= 500 ms)


class Saver:
    """Collects the latest write per field; runs them all at most SAVE_DELAY after a change."""

    def __init__(self, app: App[object]) -> None:
        self._app = app
        self._pending: dict[object, Callable[[], None]] = {}
        self._timer: Timer | None = None
        self.on_error: Callable[[object, Exception], None] | None = None
        self.after_flush: list[Callable[[], object]] = []

    def schedule(self, key: object, write: Callable[[], None]) -> None:
        """Remember `write` as the latest save for `key`; it runs within SAVE_DELAY."""
        self._pending[key] = write
        if self._timer is None:
            self._timer = self._app.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> None:
        """Run every pending write now (called by the timer and on every way out)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wrote = bool(self._pending)
        while self._pending:
            key, write = next(iter(self._pending.items()))
            del self._pending[key]
            try:
                write()
            except Exception as exc:  # shown next to the field; never a traceback
                if self.on_error is None:
                    raise
                self.on_error(key, exc)
        if wrote:
            for listener in list(self.after_flush):
                listener()

    @property
    def pending(self) -> int:
        """How many fields have unsaved changes."""
        return len(self._pending)
