"""Afterword in a real pseudo-terminal: every way out keeps what was typed; no escape leaks.

Each test starts `python -m tui.cli --db DB` in a 120x36 pty (TERM=xterm-256color), goes to
the B3 "What went well" prompt by keys, types with a pause, then leaves in one way. The
database is read back through the Repository after the app is gone.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.terminal_harness import (
    CTRL_Q,
    DOWN,
    ENTER,
    PtyApp,
    assert_terminal_restored,
    quick_check,
    wait_until,
)

NOW = datetime(2026, 5, 4, 16, 30, tzinfo=UTC)
FIRST, SECOND = "Rapport with Jane", ", and the queue design [TODO] landed."
EXIT_TIMEOUT = 10.0  # seconds; "a few" on an idle machine, generous on a loaded one


def _seed(db: Path, answer: str | None = None) -> int:
    repo = Repository.open(db)
    try:
        interview = capture_interview(
            repo, Capture(company="Acme", role="Engineer", people="Jane Doe"), NOW
        )
        assert interview.id is not None
        if answer is not None:
            repo.save_answer(interview.id, "B3", answer)
        return interview.id
    finally:
        repo.close()


def _stored(db: Path, interview_id: int) -> str | None:
    repo = Repository.open(db)
    try:
        return repo.answers(interview_id).get("B3")
    finally:
        repo.close()


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, int]:
    """A database holding one interview (Acme, with Jane Doe), no answers yet."""
    db = tmp_path / "a.db"
    return db, _seed(db)


@pytest.fixture
def running(tmp_path: Path, seeded: tuple[Path, int]) -> Iterator[tuple[PtyApp, Path, int]]:
    """The app in a pty, on its debrief, the cursor in the B3 editor (first key saved)."""
    db, interview_id = seeded
    app = PtyApp(db, tmp_path)
    try:
        app.wait_for_text("Questions asked")  # the debrief is painted, the prompt list focused
        app.send(DOWN + DOWN)  # B1 -> B2 -> B3
        app.wait_for_text("Answers that landed")  # B3's hint: the editor shows B3
        app.send_and_wait_for_cursor_move(ENTER)  # the editor took the focus (and the cursor)
        # The first key is also the proof that the editor has the focus: it reaches the db.
        app.type(FIRST[0])
        saved = wait_until(lambda: _stored(db, interview_id) == FIRST[0], 15)
        assert saved, f"the first key did not reach B3's editor: {_stored(db, interview_id)!r}"
        yield app, db, interview_id
    finally:
        app.close()


def _type_with_pause(app: PtyApp) -> list[tuple[float, str]]:
    """Type the rest of the sentence with a pause (longer than the save delay) in the middle."""
    log = [(time.monotonic(), FIRST[0])]
    for part, pause in ((FIRST[1:], 0.4), (SECOND, 0.0)):
        for ch in part:
            app.send(ch.encode())
            log.append((time.monotonic(), log[-1][1] + ch))
            time.sleep(0.01)
        time.sleep(pause)
    return log


def _assert_sound(db: Path) -> None:
    assert quick_check(db) == ["ok"]


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_signal_right_after_typing_saves_every_character(
    running: tuple[PtyApp, Path, int], sig: signal.Signals
) -> None:
    """SIGHUP (terminal closed) and SIGTERM: pending text is flushed, the app exits cleanly."""
    app, db, interview_id = running
    log = _type_with_pause(app)
    app.wait_for_text(SECOND[-12:])  # the user saw the last key on screen
    app.kill(sig)
    started = time.monotonic()
    assert app.wait_exit(EXIT_TIMEOUT) == 0
    assert time.monotonic() - started < EXIT_TIMEOUT
    assert _stored(db, interview_id) == log[-1][1] == FIRST + SECOND
    assert_terminal_restored(app)
    _assert_sound(db)


def test_terminal_window_closed_saves_every_character(running: tuple[PtyApp, Path, int]) -> None:
    """Closing the terminal itself (the pty master goes away: the kernel sends SIGHUP)."""
    app, db, interview_id = running
    _type_with_pause(app)
    app.hang_up()
    assert app.wait_exit(EXIT_TIMEOUT) == 0
    assert _stored(db, interview_id) == FIRST + SECOND
    _assert_sound(db)


def test_ctrl_q_right_after_typing_saves_every_character(
    running: tuple[PtyApp, Path, int],
) -> None:
    """ctrl+q sent straight after the last key: saved, exit 0, terminal restored."""
    app, db, interview_id = running
    _type_with_pause(app)
    app.send(CTRL_Q)
    assert app.wait_exit(EXIT_TIMEOUT) == 0
    assert _stored(db, interview_id) == FIRST + SECOND
    assert_terminal_restored(app)
    _assert_sound(db)


BURST = "Burst: " + "typed ahead over a slow link " * 10  # keys that arrive in one read


def test_ctrl_q_after_a_burst_of_keys_saves_them_all(running: tuple[PtyApp, Path, int]) -> None:
    """Keys and ctrl+q in one read: the priority quit waits for the editor to take them all."""
    app, db, interview_id = running
    app.send(BURST.encode() + CTRL_Q)
    assert app.wait_exit(EXIT_TIMEOUT) == 0
    assert _stored(db, interview_id) == FIRST[0] + BURST
    assert_terminal_restored(app)
    _assert_sound(db)


def test_terminal_closed_after_a_burst_of_keys_exits_with_them_all(
    running: tuple[PtyApp, Path, int],
) -> None:
    """Window closed while a burst is being handled: no key lost, and the app does not hang."""
    app, db, interview_id = running
    # One burst of under 512 bytes: the pty hands it to the app's reader in one read. Bytes a
    # reader has not taken yet are discarded by the kernel when the terminal hangs up (seen:
    # a burst of 594 bytes went in two reads of 511 and 83, and the 83 never reached the app).
    assert len(BURST.encode()) < 512
    app.send(BURST.encode())
    app.wait_for_text("Burst: typed")  # the app has read the burst (one read) and is at work
    app.hang_up()
    assert app.wait_exit(EXIT_TIMEOUT) == 0
    assert _stored(db, interview_id) == FIRST[0] + BURST
    _assert_sound(db)


def test_sigkill_loses_at_most_the_last_500_ms(running: tuple[PtyApp, Path, int]) -> None:
    """SIGKILL 600 ms after the last key: all typed up to 500 ms before the kill is stored."""
    app, db, interview_id = running
    log = _type_with_pause(app)
    time.sleep(max(0.0, log[-1][0] + 0.6 - time.monotonic()))
    killed_at = time.monotonic()
    app.kill(signal.SIGKILL)
    assert app.wait_exit(EXIT_TIMEOUT) == -signal.SIGKILL
    must_have = max((text for t, text in log if t <= killed_at - 0.5), key=len)
    stored = _stored(db, interview_id) or ""
    assert (FIRST + SECOND).startswith(stored), f"stored text is not what was typed: {stored!r}"
    assert len(stored) >= len(must_have), f"lost more than 500 ms: {stored!r}"
    assert stored == FIRST + SECOND  # here the last key was 600 ms before the kill
    _assert_sound(db)


def test_stored_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    """An answer holding OSC 0 (window title) and CSI colour is cleaned; the pty never sees it."""
    db = tmp_path / "a.db"
    hostile = "Went well: \x1b]0;PWNED\x07title kept \x1b[31mred\x1b[0m and done"
    interview_id = _seed(db, hostile)
    stored = _stored(db, interview_id)
    assert stored == "Went well: title kept red and done"
    assert "\x1b" not in stored
    app = PtyApp(db, tmp_path)
    try:
        app.wait_for_text("Questions asked")
        app.send(DOWN + DOWN)
        app.wait_for_text("kept red and done")  # B3's answer is on screen
        app.send(CTRL_Q)
        assert app.wait_exit(EXIT_TIMEOUT) == 0
        out = app.output
        assert b"PWNED" not in out
        assert b"\x1b]0;" not in out
        assert b"\x1b[31m" not in out
    finally:
        app.close()
