"""Issue #7, fault 7 leftover: the temp file of an export killed before its rename (personal
data, 0600) is removed by the next export of the same target; a live writer's is not.

The writers run in forked children, as another `afterword export` would: one is SIGKILLed
between its write and its rename; another is held between them while this process writes.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

import core.private_file as private_file
from core.private_file import remove_stale_temps, write_private

SECRET = b"Jane Doe <jane@acme.com>, her children's names\n"
NEW = b"the next export\n"


def _temps(folder: Path, name: str = "afterword.json") -> list[Path]:
    return sorted(folder.glob(f".{name}.*.tmp"))


def _child(work: Callable[[], None]) -> int:
    """Run `work` in a forked child; return its pid (it exits 0 when `work` returns)."""
    pid = os.fork()
    if pid == 0:
        try:
            work()
        finally:
            os._exit(0)
    return pid


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """An export file that exists (an older export)."""
    path = tmp_path / "afterword.json"
    write_private(path, b"older export\n")
    return path


def _killed_before_rename(target: Path) -> Path:
    """An export SIGKILLed between its write and its rename: its temp file stays."""

    def die_before_rename() -> None:
        os.replace = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[assignment]
        write_private(target, SECRET)

    _, status = os.waitpid(_child(die_before_rename), 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    [stale] = _temps(target.parent)
    assert stale.read_bytes() == SECRET  # the personal data the leftover holds
    return stale


def test_a_killed_exports_temp_file_is_removed_by_the_next_export(target: Path) -> None:
    stale = _killed_before_rename(target)
    assert target.read_bytes() == b"older export\n"
    write_private(target, NEW)
    assert not stale.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == ["afterword.json"]
    assert target.read_bytes() == NEW


def test_a_live_writers_temp_file_is_kept_and_its_rename_still_lands(target: Path) -> None:
    """Another process writing the same target, between its write and its rename, while we
    write: its temp file is left alone, and its export then lands whole."""
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    theirs = b"the other process's export\n" * 100

    def write_slowly() -> None:
        real_replace = os.replace

        def held_replace(src: str, dst: Path) -> None:
            os.write(ready_w, b"1")  # written and fsynced, not yet renamed
            os.read(go_r, 1)
            real_replace(src, dst)

        os.replace = held_replace  # type: ignore[assignment]
        write_private(target, theirs)

    pid = _child(write_slowly)
    try:
        assert os.read(ready_r, 1) == b"1"
        [live] = _temps(target.parent)
        write_private(target, NEW)  # would remove it if it took it for a dead writer's
        assert live.exists() and live.read_bytes() == theirs
        assert target.read_bytes() == NEW
        assert remove_stale_temps(target) == []  # asked directly, still kept
    finally:
        os.write(go_w, b"1")
        _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert target.read_bytes() == theirs  # the later rename wins, whole
    assert _temps(target.parent) == []


def test_only_this_targets_temp_files_are_removed(target: Path) -> None:
    """Another export's leftovers, a dotted name (NAME.x's temp) and a link are left."""
    stale = _killed_before_rename(target)
    folder = target.parent
    others = [
        folder / ".contacts.vcf.k3j2h1g0.tmp",  # another target's
        folder / ".afterword.json.x.k3j2h1g0.tmp",  # the temp of afterword.json.x
        folder / ".afterword.json.notes",  # not a temp name
    ]
    for path in others:
        path.write_bytes(b"not ours")
    outside = folder / "keep.txt"
    outside.write_bytes(b"outside")
    link = folder / ".afterword.json.link0000.tmp"
    link.symlink_to(outside)
    write_private(target, NEW)
    assert not stale.exists()
    assert all(path.read_bytes() == b"not ours" for path in others)
    assert link.is_symlink() and outside.read_bytes() == b"outside"


def test_a_temp_removed_by_a_cleaner_before_its_lock_is_replaced(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The instant between mkstemp and the lock: another writer's cleaner may remove the new,
    still unlocked temp file; the write takes a new one instead of renaming a missing file."""
    real_mkstemp = private_file.tempfile.mkstemp
    calls: list[str] = []

    def mkstemp_then_cleaned(**kwargs: object) -> tuple[int, str]:
        fd, name = real_mkstemp(**kwargs)  # type: ignore[call-overload]
        calls.append(name)
        if len(calls) == 1:
            assert remove_stale_temps(target) == [Path(name)]  # unlocked yet: looks stale
        return fd, name

    monkeypatch.setattr(private_file.tempfile, "mkstemp", mkstemp_then_cleaned)
    write_private(target, NEW)
    assert len(calls) == 2
    assert target.read_bytes() == NEW
    assert _temps(target.parent) == []
