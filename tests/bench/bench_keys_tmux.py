"""The tmux half of bench_keys.py: send-keys -> pane changed, for the real `afterword` and `cat`.

Run through bench_keys.py (see its HOW TO RUN). The tmux client (a private server driven by one
control-mode client) and the quoting come from ../shared/tools/tmux_keystroke_latency.py, by
path; the loop is that tool's method: each character is sent with `send-keys -l` --gap-ms after
the last change, and the pane (text and cursor) is polled, 1 ms apart, until it differs.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

SIZE = (120, 36)
FOCUS_B3 = ["Down", "Down", "Enter", *["PageDown"] * 5, "End"]  # B1 -> B3, then to its end
TIMEOUT = 2.0  # seconds a key may take to show before the round is rejected


class Samples(Protocol):
    """Where a round's figures go (bench_keys.Series)."""

    lat: list[float]
    loads: list[float]


def settle(pid: int, quiet_ms: float = 10, window: float = 0.3) -> None:
    """Wait (at most 20 s) until process `pid` uses under quiet_ms of CPU in one window."""
    tick = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / tick

    end, last = time.monotonic() + 20, cpu()
    while time.monotonic() < end:
        time.sleep(window)
        now = cpu()
        if now - last < quiet_ms:
            return
        last = now


def _start(tool: ModuleType, tm: Any, argv: list[str], env: list[str], app: bool) -> None:
    """Launch `argv` in the pane; for Afterword, wait for its data and its start-up work."""
    words = ["new-session", "-d", "-s", "app", "-x", str(SIZE[0]), "-y", str(SIZE[1])]
    for e in env:
        words += ["-e", tool.q(e)]
    tm.cmd(*words, "--", *(tool.q(x) for x in argv))
    if not app:
        time.sleep(0.5)
        return
    end = time.monotonic() + 30
    while "answered" not in tm.snapshot("app")[0]:
        if time.monotonic() > end:
            raise SystemExit("afterword not ready in 30 s:\n" + tm.snapshot("app")[0])
        time.sleep(0.01)
    pid = int(tm.cmd("display-message", "-p", "-t", "app", "'#{pane_pid}'")[0])
    time.sleep(1.5)  # the daily backup and the date parser's warm-up start 1 s after the data
    settle(pid)
    for key in FOCUS_B3:  # each handled before the next (Enter moves the focus after a frame)
        tm.cmd("send-keys", "-t", "app", tool.q(key))
        settle(pid, window=0.15)


def tmux_round(
    tool: ModuleType, argv: list[str], env: list[str], text: str, gap_ms: float, out: Samples
) -> bool:
    """Type `text` into `argv` running in a fresh 120x36 pane; False if a key never showed."""
    app = argv[0] != "cat"
    tm = tool.TmuxControl(*SIZE)
    try:
        _start(tool, tm, argv, env, app)
        out.loads.append(os.getloadavg()[0])
        for ch in text:
            time.sleep(gap_ms / 1000)
            before = tm.snapshot("app")
            t0 = time.perf_counter()
            tm.cmd("send-keys", "-t", "app", "-l", tool.q(ch))
            while True:
                time.sleep(0.001)  # the tool's default poll sleep: leave the CPU to the app
                t1 = time.perf_counter()
                if tm.snapshot("app") != before:
                    out.lat.append((t1 - t0) * 1e3)
                    break
                if t1 - t0 > TIMEOUT:
                    print(f"  key {len(out.lat)} not shown in {TIMEOUT:g} s:")
                    print(tm.snapshot("app")[0])
                    return False
        time.sleep(0.3)
        if app:
            tm.cmd("send-keys", "-t", "app", "C-q")  # saves, then quits
            time.sleep(1.0)
        return True
    finally:
        tm.close()


def saved_b3(db: Path) -> str:
    """What the database holds as B3 of the latest interview."""
    from core.repository import Repository

    repo = Repository.open(db)
    try:
        latest = repo.latest_interview()
        assert latest is not None and latest.interview.id is not None
        return repo.answers(latest.interview.id).get("B3", "")
    finally:
        repo.close()
