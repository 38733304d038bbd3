"""Save as you type: pending writes run within a fixed delay, and are flushed on every exit."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

SAVE_DELAY = 0.25  # seconds from the first unsaved keystroke to the write (issue: <= 500 ms)
RETRY_DELAY = 5.0  # seconds between tries of a write that failed (disk full, file busy)


class Saver:
    """Collects the latest write per field; runs them all at most SAVE_DELAY after a change."""

    def __init__(self, app: App[object]) -> None:
        self._app = app
        self._pending: dict[object, Callable[[], None]] = {}
        self._timer: Timer | None = None
        self._failing: set[object] = set()
        self._retrying = False  # the timer is the slow retry, not the save delay
        self.on_error: Callable[[object, Exception], None] | None = None
        self.after_flush: list[Callable[[], object]] = []

    def schedule(self, key: object, write: Callable[[], None]) -> None:
        """Remember `write` as the latest save for `key`; it runs within SAVE_DELAY."""
        self._pending[key] = write
        if self._timer is not None and self._retrying:  # a change: try sooner than the retry
            self._timer.stop()
            self._timer = None
            self._retrying = False
        if self._timer is None:
            self._timer = self._app.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> None:
        """Run every pending write now (called by the timer and on every way out).

        A write the file refused (WriteProblem: disk full, file busy) stays pending: it is
        tried again at the next flush (the next change, a way out, or RETRY_DELAY later), so
        space freed on a full disk saves the text without another keystroke. Its error is
        reported once, not at every try."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._retrying = False
        wrote = bool(self._pending)
        failed: dict[object, Callable[[], None]] = {}
        while self._pending:
            key, write = next(iter(self._pending.items()))
            del self._pending[key]
            try:
                write()
            except Exception as exc:  # shown next to the field; never a traceback
                if self.on_error is None:
                    raise
                from core.repository.base import WriteProblem  # loaded by now: no start-up cost

                if isinstance(exc, WriteProblem):
                    failed[key] = write
                if key not in self._failing:
                    self.on_error(key, exc)
        self._failing = set(failed)
        if failed:
            self._pending.update(failed)
            self._timer = self._app.set_timer(RETRY_DELAY, self.flush)
            self._retrying = True
        if wrote:
            for listener in list(self.after_flush):
                listener()

    @property
    def pending(self) -> int:
        """How many fields have unsaved changes."""
        return len(self._pending)


@contextmanager
def refusal_shown(app: App[object]) -> Iterator[None]:
    """Run a key's direct write (add a question, create an interview); if the file refuses it
    (disk full, busy) say so, as a failed save does, instead of crashing: nothing was written,
    and the rest of the block (showing the new item) is skipped."""
    from core.repository.base import WriteProblem  # loaded by now: no start-up cost

    try:
        yield
    except WriteProblem as exc:
        app.notify(f"Could not save: {exc}", severity="error", markup=False, timeout=10)


def refusal_safe(method: Callable[..., None]) -> Callable[..., None]:
    """Decorate a key's action that writes at once: a refused write is shown, not a crash."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> None:
        with refusal_shown(self.app):
            method(self, *args, **kwargs)

    return wrapper
