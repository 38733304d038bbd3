"""Issue #7, fault 3: SIGKILL in the middle of commits, 50 times at random moments.

A child process (forked from this one, so it starts in milliseconds) saves answers in a loop
through Repository.save_answer and prints each save's counter to a pipe once the call has
returned (the save is acknowledged). The parent kills it with SIGKILL at a random moment,
then reopens the file: the database is not damaged, and every acknowledged save is there,
byte for byte; at most the one save in flight may also be there (committed, not yet printed).
The same file is killed 50 times in a row, so later rounds also recover what earlier ones left
(a hot WAL, a checkpoint cut short).
"""

from __future__ import annotations

import os
import random
import re
import select
import signal
import sqlite3
import time
import traceback
from pathlib import Path

import pytest

from core.repository import Repository
from core.services import Capture, capture_interview
from tests.core.conftest import NOW

ROUNDS = 50
SEED = 20261122  # fixed: a failure can be replayed
INTERVIEWS = 10
PROMPTS = ("B3", "B6", "B7", "B8")
FIELDS = len(PROMPTS) * INTERVIEWS
SAVE = re.compile(r"save (\d+) ")


def payload(i: int) -> str:
    """The text of save number `i`: 10 bytes to ~16 KB, so commits span many pages and the WAL
    is checkpointed now and then while the child is killed."""
    size = (i * 7919) % 16_000
    return f"save {i} é 北 🎉 " + "words and more " * (size // 15)


def field(i: int, interviews: list[int]) -> tuple[int, str]:
    """The answer save number `i` goes to: the saves go round FIELDS answers."""
    slot = i % FIELDS
    return interviews[slot // len(PROMPTS)], PROMPTS[slot % len(PROMPTS)]


def _writer(path: Path, interviews: list[int], start: int, ack_fd: int) -> None:
    """Save answers in a loop; print each counter after its save returned. Never returns."""
    repo = Repository.open(path)
    i = start
    while True:
        with repo.write():  # one transaction: the save and the "last" marker, both or neither
            repo.save_answer(*field(i, interviews), payload(i))
            repo.save_answer(interviews[0], "B4", str(i))
        os.write(ack_fd, f"{i}\n".encode())  # a few bytes: one atomic pipe write
        i += 1


def _spawn(path: Path, interviews: list[int], start: int) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed, never return into pytest
        try:
            os.close(read_fd)
            _writer(path, interviews, start, write_fd)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    os.close(write_fd)
    return pid, read_fd


def _read_acks(fd: int, buffer: bytearray, until: float | None) -> None:
    """Read acknowledgements until `until` (monotonic), or until EOF when `until` is None."""
    while True:
        timeout = None if until is None else max(0.0, until - time.monotonic())
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        buffer.extend(chunk)


def _stored(path: Path, interviews: list[int]) -> tuple[dict[tuple[int, str], int], int]:
    """Reopen the file as Afterword does (it refuses a damaged file), check it, read it back:
    the save number each answer holds (its text checked whole), and the last-save marker."""
    repo = Repository.open(path)  # raises DatabaseProblem on any damage
    try:
        assert repo.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        held: dict[tuple[int, str], int] = {}
        for iid in interviews:
            for prompt, text in repo.answers(iid).items():
                if prompt in PROMPTS:
                    match = SAVE.match(text)
                    assert match, text[:40]
                    number = int(match.group(1))
                    assert text == payload(number), f"save {number} is not whole"
                    assert field(number, interviews) == (iid, prompt)
                    held[iid, prompt] = number
        last = int(repo.answers(interviews[0]).get("B4", "-1"))
    finally:
        repo.close()
    return held, last


def test_sigkill_in_the_middle_of_commits_loses_no_acknowledged_save(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "data" / "afterword.db"
    repo = Repository.open(path)
    interviews = [
        capture_interview(repo, Capture(company=f"Company {n}"), NOW).id or 0
        for n in range(INTERVIEWS)
    ]
    repo.close()

    rng = random.Random(SEED)
    newest_acknowledged: dict[tuple[int, str], int] = {}  # per answer, the last save acked
    acknowledged = 0
    start = 0
    killed_mid_run = 0
    for round_no in range(ROUNDS):
        pid, fd = _spawn(path, interviews, start)
        buffer = bytearray()
        try:
            if round_no % 5 == 4:  # now and then while it opens (and recovers) the file
                _read_acks(fd, buffer, time.monotonic() + rng.uniform(0.0, 0.03))
            else:  # most of the time while it commits: after its first save, a random delay
                deadline = time.monotonic() + 10
                while b"\n" not in buffer and time.monotonic() < deadline:
                    _read_acks(fd, buffer, time.monotonic() + 0.05)
                assert b"\n" in buffer, "the writer never saved anything"
                _read_acks(fd, buffer, time.monotonic() + rng.uniform(0.0, 0.12))
                killed_mid_run += 1
            os.kill(pid, signal.SIGKILL)
        finally:
            _, status = os.waitpid(pid, 0)
            _read_acks(fd, buffer, None)
            os.close(fd)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        this_round = [int(line) for line in bytes(buffer).split(b"\n")[:-1]]
        assert this_round == list(range(start, start + len(this_round)))
        acknowledged += len(this_round)
        for i in this_round:
            newest_acknowledged[field(i, interviews)] = i

        held, last = _stored(path, interviews)
        lost = {k: v for k, v in newest_acknowledged.items() if held.get(k, -1) < v}
        assert not lost, f"round {round_no}: acknowledged saves lost: {lost}"
        in_flight = start + len(this_round)  # the one save that may be committed, not acked
        assert max(held.values(), default=-1) <= in_flight
        assert last == max(held.values(), default=-1)  # its transaction's other write came too
        start = last + 1

    with capsys.disabled():
        print(
            f"\n{ROUNDS} SIGKILLs ({killed_mid_run} mid-run): "
            f"{acknowledged} saves acknowledged, all kept"
        )
    assert killed_mid_run >= 40
    assert acknowledged >= ROUNDS  # the kills really landed among commits
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
