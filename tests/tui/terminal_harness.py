"""Run Afterword in a real pseudo-terminal: spawn, read continuously, send keys and signals."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COLS, ROWS = 120, 36
ALT_SCREEN_ON = b"\x1b[?1049h"
ALT_SCREEN_OFF = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"
DOWN, ENTER, CTRL_Q = b"\x1b[B", b"\r", b"\x11"
_SGR = re.compile(rb"\x1b\[[0-9;:]*m")
_FRAME_END = re.compile(rb"\x1b\[(\d+);(\d+)H\Z")  # a frame ends by parking the cursor

# The child becomes a session leader with the pty as its controlling terminal, then execs
# the app (same pid), as a shell in a terminal emulator would: no fork in this process.
_CTTY_EXEC = (
    "import fcntl, os, sys, termios; os.setsid(); fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def wait_until(check: Callable[[], object], timeout: float, interval: float = 0.05) -> object:
    """Poll `check` until it returns something truthy; return it (or the last falsy value)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


class PtyApp:
    """`python -m tui.cli --db DB` in a 120x36 pseudo-terminal, its output drained by a thread."""

    def __init__(self, db: Path, home: Path) -> None:
        self.db = db
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AFTERWORD_", "TEXTUAL"))}
        env.update(
            TERM="xterm-256color",
            COLUMNS=str(COLS),
            LINES=str(ROWS),
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            AFTERWORD_TZ="UTC",
        )
        argv = [sys.executable, "-m", "tui.cli", "--db", str(db)]
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _CTTY_EXEC, *argv],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self._chunks: list[bytes] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._drain, name="pty-drain", daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while self.master >= 0:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if not ready:
                    if self.proc.poll() is not None and not self._more():
                        return
                    continue
                data = os.read(self.master, 65536)
            except (OSError, ValueError):  # EIO: the app is gone; EBADF: we hung up
                return
            if not data:
                return
            with self._lock:
                self._chunks.append(data)

    def _more(self) -> bool:
        ready, _, _ = select.select([self.master], [], [], 0)
        return bool(ready)

    @property
    def output(self) -> bytes:
        """Everything the app wrote to the terminal so far."""
        with self._lock:
            return b"".join(self._chunks)

    def text(self) -> bytes:
        """The output without colour and style sequences, to look for painted text."""
        return _SGR.sub(b"", self.output)

    def wait_for_text(self, needle: str, timeout: float = 30.0) -> None:
        """Wait until `needle` has been painted; fail with the tail of the output if not."""
        raw = needle.encode()
        if not wait_until(lambda: raw in self.text(), timeout):
            raise AssertionError(
                f"{needle!r} not painted within {timeout}s; rc={self.proc.poll()}; "
                f"tail: {self.output[-1500:]!r}"
            )

    def cursor(self) -> bytes | None:
        """Where the last complete frame parked the terminal cursor (the focused editor's)."""
        match = _FRAME_END.search(self.output)
        return match.group(0) if match else None

    def row_of(self, label: str) -> int | None:
        """The screen row (1-based) where `label` was last painted, if it was."""
        painted = re.findall(rb"\x1b\[(\d+);\d+H" + re.escape(label.encode()), self.text())
        return int(painted[-1]) if painted else None

    def wait_for_cursor_on_row_of(self, label: str, timeout: float = 30.0) -> None:
        """Wait until the terminal cursor is on the row where `label` is painted: the field
        beside that label has the focus (keys typed before that may reach the one before)."""

        def there() -> bool:
            row, cursor = self.row_of(label), self.cursor()
            return row is not None and cursor is not None and cursor.startswith(b"\x1b[%d;" % row)

        if not wait_until(there, timeout):
            raise AssertionError(f"the cursor never reached {label!r}: {self.cursor()!r}")

    def send_and_wait_for_cursor_move(self, keys: bytes, timeout: float = 30.0) -> None:
        """Send keys that move the focus into an editor; wait for a frame with the cursor moved."""
        before = wait_until(self.cursor, timeout)
        self.send(keys)
        if not wait_until(lambda: self.cursor() not in (None, before), timeout):
            raise AssertionError(f"the cursor never left {before!r} after {keys!r}")

    def send(self, keys: bytes) -> None:
        """Write keys to the terminal, as typed."""
        os.write(self.master, keys)

    def type(self, text: str, gap: float = 0.03) -> float:
        """Type `text` one key at a time; return the monotonic time of the last key."""
        last = time.monotonic()
        for ch in text:
            self.send(ch.encode())
            last = time.monotonic()
            time.sleep(gap)
        return last

    def kill(self, sig: signal.Signals) -> None:
        """Send a signal to the app."""
        self.proc.send_signal(sig)

    def wait_exit(self, timeout: float) -> int:
        """Wait for the app to exit and its output to be drained; return its exit status."""
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        return code

    def hang_up(self) -> None:
        """Close the terminal itself (the window goes away): the kernel sends SIGHUP."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def terminal_modes(self) -> list[int]:
        """The pty's termios modes (canonical input and echo come back when the app restores)."""
        return termios.tcgetattr(self.master)

    def close(self) -> None:
        """Kill the app if it is still running and release the terminal."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._reader.join(timeout=5)
        self.hang_up()


def quick_check(db: Path) -> list[str]:
    """Run SQLite's `PRAGMA quick_check` on the file (read-only); ['ok'] when it is sound."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check")]
    finally:
        conn.close()


def assert_terminal_restored(app: PtyApp) -> None:
    """The app left the alternate screen, showed the cursor, stopped mouse reporting and put
    the tty back in canonical mode with echo (what a shell needs after it)."""
    out = app.output
    assert out.count(ALT_SCREEN_ON) >= 1
    assert out.rfind(ALT_SCREEN_OFF) > out.rfind(ALT_SCREEN_ON), "alternate screen not left"
    tail = out[out.rfind(ALT_SCREEN_OFF) :]
    assert SHOW_CURSOR in tail, "cursor not shown again"
    assert b"\x1b[?1000l" in tail or b"\x1b[?1000l" in out[-400:], "mouse reporting left on"
    lflag = app.terminal_modes()[3]
    assert lflag & termios.ICANON and lflag & termios.ECHO, "tty left in raw mode"
