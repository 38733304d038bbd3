"""Issue #7, fault 4: two instances on one database.

Two Repository objects in one process, then two processes writing as fast as they can at the
same time: both keep working (WAL, busy timeout, BEGIN IMMEDIATE) and no write is lost. When
the other instance holds the write lock longer than the busy timeout, the write fails with a
message naming the file and saying why, and nothing is half-written.
"""

from __future__ import annotations

import os
import threading
import traceback
from pathlib import Path

import pytest

from core.models import QA
from core.repository import DatabaseProblem, Repository
from core.repository import base as repository_base
from core.services import Capture, capture_interview
from tests.core.conftest import NOW

SAVES = 150


@pytest.fixture
def interview_id(db_path: Path) -> int:
    """One interview in a fresh database (closed again)."""
    repo = Repository.open(db_path)
    iid = capture_interview(repo, Capture(company="Acme", people="Jane Doe"), NOW).id or 0
    repo.close()
    return iid


def test_two_repositories_in_one_process_see_each_others_writes(
    db_path: Path, interview_id: int
) -> None:
    first, second = Repository.open(db_path), Repository.open(db_path)
    try:
        for i in range(20):
            first.save_answer(interview_id, "B3", f"first {i}")
            second.add_qa(QA(interview_id=interview_id, question=f"q{i}", answer=f"a{i}"))
            assert second.answers(interview_id)["B3"] == f"first {i}"
            assert [qa.question for qa in first.qa_list(interview_id)][-1] == f"q{i}"
        second.save_answer(interview_id, "B4", "second")
        assert first.answers(interview_id) == {"B3": "first 19", "B4": "second"}
    finally:
        first.close()
        second.close()
    again = Repository.open(db_path)
    try:
        assert len(again.qa_list(interview_id)) == 20
    finally:
        again.close()


PROMPTS = ("B3", "B6", "B7", "B8")


def _target(i: int, mine: list[int]) -> tuple[int, str]:
    """The answer save number `i` of one writer goes to (round its own interviews' prompts)."""
    return mine[i % len(mine)], PROMPTS[(i // len(mine)) % len(PROMPTS)]


def _child_writes(path: Path, mine: list[int], shared: int, tag: str, go_fd: int) -> None:
    """Wait for the start signal, then save answers and add Q&A pairs at full speed."""
    repo = Repository.open(path)
    os.read(go_fd, 1)
    for i in range(SAVES):
        repo.save_answer(*_target(i, mine), f"{tag} answer {i}")
        if i % 3 == 0:
            repo.add_qa(QA(interview_id=shared, question=f"{tag} q{i}"))
    repo.close()


def _fork_writer(path: Path, mine: list[int], shared: int, tag: str, go_fd: int) -> int:
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            _child_writes(path, mine, shared, tag, go_fd)
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    return pid


def test_two_processes_writing_at_once_both_succeed_and_lose_nothing(
    db_path: Path, interview_id: int
) -> None:
    repo = Repository.open(db_path)
    ids = [capture_interview(repo, Capture(company=f"Co {n}"), NOW).id or 0 for n in range(6)]
    repo.close()
    mine = {"A": ids[:3], "B": ids[3:]}
    go_read, go_write = os.pipe()
    pids = [_fork_writer(db_path, mine[tag], interview_id, tag, go_read) for tag in mine]
    os.write(go_write, b"gg")  # both start together
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    os.close(go_read)
    os.close(go_write)
    assert codes == [0, 0]  # neither ever saw "database is locked"

    repo = Repository.open(db_path)
    try:
        stored = {iid: repo.answers(iid) for iid in ids}
        pairs = repo.qa_list(interview_id)
    finally:
        repo.close()
    for tag, theirs in mine.items():
        expected: dict[int, dict[str, str]] = {iid: {} for iid in theirs}
        for i in range(SAVES):  # the last save of each answer wins
            iid, prompt = _target(i, theirs)
            expected[iid][prompt] = f"{tag} answer {i}"
        assert {iid: stored[iid] for iid in theirs} == expected
        assert [qa.question for qa in pairs if qa.question.startswith(tag)] == [
            f"{tag} q{i}" for i in range(0, SAVES, 3)
        ]
    # BEGIN IMMEDIATE: two writers never read the same MAX(position) and both use it.
    assert sorted(qa.position for qa in pairs) == list(range(1, len(pairs) + 1))


def test_a_short_lock_by_the_other_instance_is_waited_for(db_path: Path, interview_id: int) -> None:
    """The other instance holds the write lock for 0.3 s: this one waits (busy timeout)."""
    holder, writer = Repository.open(db_path), Repository.open(db_path)
    release = threading.Timer(0.3, lambda: holder.conn.execute("COMMIT"))
    try:
        holder.conn.execute("BEGIN IMMEDIATE")
        holder.run(
            "INSERT INTO answers (interview_id, prompt_id, text) VALUES (?, 'B4', 'h')",
            [interview_id],
        )
        release.start()
        writer.save_answer(interview_id, "B3", "waited")
        assert writer.answers(interview_id) == {"B3": "waited", "B4": "h"}
    finally:
        release.join()
        holder.close()
        writer.close()


def test_a_lock_held_too_long_is_a_clear_error_and_nothing_half_written(
    db_path: Path, interview_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the busy timeout (shortened here to 0.2 s), the write says which file and why."""
    monkeypatch.setattr(repository_base, "BUSY_TIMEOUT_MS", 200)
    holder, writer = Repository.open(db_path), Repository.open(db_path)
    try:
        writer.save_answer(interview_id, "B3", "before")
        holder.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseProblem) as err, writer.write():
            writer.save_answer(interview_id, "B3", "after")
            writer.save_answer(interview_id, "B4", "also after")
        message = str(err.value)
        assert message.startswith(f"{db_path.absolute()}: ")
        assert "another program (another Afterword?)" in message
        assert "\n" not in message
        assert not writer.conn.in_transaction
        holder.conn.execute("ROLLBACK")
        assert writer.answers(interview_id) == {"B3": "before"}
        writer.save_answer(interview_id, "B4", "works again")  # once the other lets go
        assert holder.answers(interview_id) == {"B3": "before", "B4": "works again"}
    finally:
        holder.close()
        writer.close()
