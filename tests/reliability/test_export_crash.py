"""Issue #7, fault 7: an export killed mid-write leaves the old file intact (atomic writes).

Every export (JSON, Markdown, ICS, vCard, .eml) goes through core.private_file.write_private:
a private temp file, fsync, then a rename over the target. A child process running the real
JSON export is killed with SIGKILL between the write and the rename, and at random moments
while writing 20 MB: the target always holds the old bytes or the whole new ones, never a mix,
and it stays 0600.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

from core.export_json import export_json
from core.private_file import write_private
from core.repository import Repository
from core.services import Capture, capture_interview
from tests.core.conftest import NOW

OLD = b'{"an": "older export, which must survive"}\n'


def _in_child(work: Callable[[], None]) -> int:
    """Run `work` in a forked child; return how it ended (the wait status)."""
    pid = os.fork()
    if pid == 0:
        try:
            work()
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(0)
    return os.waitpid(pid, 0)[1]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """An existing, private export file holding OLD."""
    path = tmp_path / "exports" / "afterword.json"
    path.parent.mkdir()
    write_private(path, OLD)
    return path


def test_killed_between_write_and_rename_keeps_the_old_export(target: Path, db_path: Path) -> None:
    repo = Repository.open(db_path)
    capture_interview(repo, Capture(company="Acme", people="Jane Doe"), NOW)

    def export_then_die_before_the_rename() -> None:
        os.replace = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[assignment]
        export_json(repo, target)

    status = _in_child(export_then_die_before_the_rename)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert target.read_bytes() == OLD
    assert _mode(target) == 0o600
    [leftover] = [p for p in target.parent.iterdir() if p != target]
    assert leftover.name.startswith(".afterword.json.") and leftover.name.endswith(".tmp")
    assert _mode(leftover) == 0o600  # even the half-done copy is private
    assert b'"Acme"' in leftover.read_bytes()  # it was written, just never renamed

    export_json(repo, target)  # the next export is not blocked by the leftover
    repo.close()
    assert b'"Acme"' in target.read_bytes()
    assert _mode(target) == 0o600


def test_killed_at_random_moments_while_writing_never_leaves_a_mix(target: Path) -> None:
    new = ("x" * 1023 + "\n").encode() * 20_000  # 20 MB: writing it takes a while
    rng = random.Random(7)
    for _ in range(8):
        before = target.read_bytes()
        pid = os.fork()
        if pid == 0:
            try:
                write_private(target, new if before == OLD else OLD)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        after = target.read_bytes()
        assert after in (OLD, new), f"a mix of {len(after)} bytes"
        assert _mode(target) == 0o600


def test_a_failed_rename_keeps_the_old_file_and_cleans_up(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="Permission denied"):
        write_private(target, b"new")
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in target.parent.iterdir()) == ["afterword.json"]
