"""The tmux half of bench_keys.py: send-keys -> pane changed, for Afterword and its floors.

Run through bench_keys.py (see its HOW TO RUN). The tmux client (a private server driven by one
control-mode client) and the quoting come from ../shared/tools/tmux_keystroke_latency.py, by
path; the loop is that tool's method: each character is sent with `send-keys -l` --gap-ms after
the last change, and the pane (text and cursor) is polled, 1 ms apart, until it differs.

Three kinds of program run in the same 120x36 pane, the same keys, interleaved:
  afterword  the real `afterword --db DB` of this checkout (PYTHONPATH is set to it), moved
             into B3 with real keys once its start-up work is done, saving on;
  bare       bare_editor.py: a bare Textual app with one TextArea configured and sized as
             Afterword's B3 editor, holding the same text: the floor, what Textual itself
             costs per key for that editor;
  cat        the kernel echoes: what tmux and the polling cost.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

SIZE = (120, 36)
FOCUS_B3 = ["Down", "Down", "Enter", *["PageDown"] * 5, "End"]  # B1 -> B3, then to its end
TIMEOUT = 2.0  # seconds a key may take to show before the round is rejected
ROOT = Path(__file__).resolve().parents[2]
BARE = Path(__file__).with_name("bare_editor.py")
BARE_READY = "bare editor ready"  # bare_editor.READY (not imported: that imports Textual)


class Samples(Protocol):
    """Where a round's figures go (bench_keys_pilot.Series)."""

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


def command(kind: str, exe: str, db: Path, text_file: Path) -> list[str]:
    """The command line of one kind: afterword on `db`, the bare editor on `text_file`, cat."""
    if kind == "afterword":
        return [exe, "--db", str(db)]
    if kind == "bare":
        return [sys.executable, str(BARE), "--text-file", str(text_file)]
    return ["cat"]


def _letters(text: str) -> str:
    """The letters and digits of `text`: wrapped lines and the editor's border do not count."""
    return "".join(ch for ch in text if ch.isalnum())


def _wait_for(tm: Any, text: str) -> None:
    end = time.monotonic() + 30
    while text not in tm.snapshot("app")[0]:
        if time.monotonic() > end:
            raise SystemExit(f"{text!r} not on screen in 30 s:\n" + tm.snapshot("app")[0])
        time.sleep(0.01)


def _start(
    tool: ModuleType, tm: Any, argv: list[str], env: list[str], kind: str, root: Path
) -> None:
    """Launch `argv` in the pane (the code of checkout `root`); wait until it is ready and its
    start-up work is done."""
    words = ["new-session", "-d", "-s", "app", "-x", str(SIZE[0]), "-y", str(SIZE[1])]
    for e in [*env, f"PYTHONPATH={root}"]:
        words += ["-e", tool.q(e)]
    tm.cmd(*words, "--", *(tool.q(x) for x in argv))
    if kind == "cat":
        time.sleep(0.5)
        return
    _wait_for(tm, "answered" if kind == "afterword" else BARE_READY)
    pid = int(tm.cmd("display-message", "-p", "-t", "app", "'#{pane_pid}'")[0])
    if kind == "bare":
        settle(pid)
        return
    time.sleep(1.5)  # the daily backup and the date parser's warm-up start 1 s after the data
    settle(pid)
    for key in FOCUS_B3:  # each handled before the next (Enter moves the focus after a frame)
        tm.cmd("send-keys", "-t", "app", tool.q(key))
        settle(pid, window=0.15)


def tmux_round(
    tool: ModuleType,
    argv: list[str],
    env: list[str],
    text: str,
    gap_ms: float,
    out: Samples,
    kind: str = "afterword",
    root: Path = ROOT,
) -> bool:
    """Type `text` into `argv` running in a fresh 120x36 pane (the code of checkout `root`);
    False if a key never showed, or (bare editor) the typed text is not on screen at the end."""
    tm = tool.TmuxControl(*SIZE)
    try:
        _start(tool, tm, argv, env, kind, root)
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
        shown = _letters(tm.snapshot("app")[0])
        if kind != "cat":
            tm.cmd("send-keys", "-t", "app", "C-q")  # Afterword saves, then quits
            time.sleep(1.0)
        return kind != "bare" or _letters(text)[-12:] in shown
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
