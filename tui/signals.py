"""Leaving safely: SIGTERM/SIGHUP handlers, a hung-up terminal, keys still queued at the exit."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

Restore = Callable[[], None]


def terminal_gone() -> bool:
    """True when the app's terminal has hung up (its window closed): tty calls fail with EIO."""
    try:
        import termios

        termios.tcgetattr(sys.__stdin__.fileno())  # type: ignore[union-attr]
    except (ImportError, AttributeError, OSError, ValueError):
        return False
    except termios.error as exc:
        return bool(exc.args) and exc.args[0] == errno.EIO
    return False


def _discard(data: str) -> None:
    """Write nothing (the terminal is gone)."""


def install(app: App[Any], on_signal: Callable[[int], None]) -> Restore:
    """Call `on_signal(signum)` on the app's loop for SIGTERM and SIGHUP; return an undo.

    Plain handlers, not loop.add_signal_handler: asyncio drops a signal when its wake-up pipe
    is full (a burst of keys), and the app then never leaves. On a hang-up, nothing more is
    written: Textual's output thread dies on the first write to a hung-up tty and its bounded
    queue then blocks the app for good. Raises ValueError off the main thread.
    """
    loop = asyncio.get_running_loop()

    def handler(signum: int, frame: object) -> None:
        driver = app._driver
        if signum == signal.SIGHUP and driver is not None and terminal_gone():
            driver.write = _discard  # type: ignore[method-assign]
        if not loop.is_closed():
            loop.call_soon_threadsafe(on_signal, signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGHUP)}
    resume = signal.getsignal(signal.SIGCONT)
    if callable(resume):

        def on_continue(signum: int, frame: Any) -> None:
            # The kernel sends SIGCONT right after SIGHUP when the terminal hangs up: Textual
            # would then restart application mode on the dead tty. A real `fg` still resumes.
            if not terminal_gone():
                resume(signum, frame)

        previous[signal.SIGCONT] = signal.signal(signal.SIGCONT, on_continue)

    def restore() -> None:
        for sig, old in previous.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(sig, old)
        previous.clear()

    return restore


def unread_input() -> int:
    """How many bytes the terminal holds that the app has not read yet (0 if it cannot tell)."""
    import fcntl
    import struct
    import termios

    try:
        found = fcntl.ioctl(sys.__stdin__.fileno(), termios.FIONREAD, b"\0\0\0\0")
    except (OSError, ValueError, AttributeError):
        return 0
    return int(struct.unpack("i", found)[0])


async def read_what_was_typed(timeout: float = 0.25) -> None:
    """Wait (at most `timeout` s) until the terminal's input is read: a key typed just before a
    signal can still sit in the terminal when the signal arrives, and settle() only sees keys
    the app has read."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while unread_input() and loop.time() < deadline:
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.01)  # the reader thread hands the last keys to the app


async def settle(app: App[Any], rounds: int = 3, timeout: float = 5.0) -> None:
    """Let every widget on screen handle what is already queued: keys typed just before a quit.

    ctrl+q (a priority key) and signals jump the queue: keys still waiting in the editor's
    queue (a burst over ssh, a loaded machine) were lost. Three rounds: the key reaches the
    editor, its Changed is handled there, then by the pane that schedules the save. Never
    longer than `timeout` seconds in all: a stuck widget must not keep the app open.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    for _ in range(rounds):
        queued = []
        for node in app.screen.walk_children(with_self=True):
            done = asyncio.Event()
            if node.call_later(done.set):
                queued.append(done.wait())
        if not queued:
            return
        try:
            await asyncio.wait_for(asyncio.gather(*queued), max(deadline - loop.time(), 0.0))
        except TimeoutError:
            return
