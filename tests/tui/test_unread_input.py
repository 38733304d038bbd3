"""Keys still in the terminal when a signal arrives: the app can tell they are there and waits
for its reader to take them (tui.signals), before saving and leaving."""

from __future__ import annotations

import asyncio
import os
import sys
import time
import tty

import pytest

from tui import signals


class _Tty:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd


def test_unread_input_counts_what_the_terminal_still_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)  # as the app's terminal is: keys are readable before a line ends
    try:
        monkeypatch.setattr(sys, "__stdin__", _Tty(slave))
        assert signals.unread_input() == 0
        os.write(master, b"on-call.")
        for _ in range(100):  # the line discipline passes bytes on at once, or nearly
            if signals.unread_input():
                break
            time.sleep(0.01)
        assert signals.unread_input() == len(b"on-call.")
        assert os.read(slave, 100) == b"on-call."
        assert signals.unread_input() == 0
    finally:
        os.close(master)
        os.close(slave)


def test_waiting_for_unread_keys_ends_when_they_are_read_or_at_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pending = [3, 2, 0]
    monkeypatch.setattr(signals, "unread_input", lambda: pending.pop(0) if pending else 0)
    asyncio.run(signals.read_what_was_typed())
    assert pending == []  # it asked until nothing was left
    monkeypatch.setattr(signals, "unread_input", lambda: 5)  # a reader that never reads
    started = time.monotonic()
    asyncio.run(signals.read_what_was_typed(timeout=0.1))
    assert time.monotonic() - started < 0.5
