"""Issue #7, fault 5, the cases tests/core/test_database_file.py does not cover yet.

One page overwritten (the schema page, an index, a table's leaf), a read-only file, a folder
made read-only under an existing database (WAL cannot even read there), and a full disk: each
gets one clear message naming the file and what to do, and the file is never overwritten.
Root ignores permissions: the permission cases run once with os.access saying no, and once for
real, as an unprivileged user (this user, or `nobody` in a child process when run as root).
"""

from __future__ import annotations

import os
import pwd
import shutil
import sqlite3
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.repository import DatabaseProblem, Repository
from core.services import Capture, capture_interview
from tests.core.conftest import NOW


def _fill(path: Path) -> int:
    """A real Afterword database with a few interviews, people and answers; closed."""
    repo = Repository.open(path)
    iid = 0
    for i in range(30):
        interview = capture_interview(
            repo, Capture(company=f"Company {i}", people=f"Jane Doe{i}, John Smith{i}"), NOW
        )
        iid = interview.id or 0
        repo.save_answer(iid, "B3", f"answer {i} " * 40)
    repo.close()
    return iid


def _page_of(path: Path, name: str) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        if name == "schema":
            return size, 1
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name])
        return size, root.fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("page", "filler"),
    [("schema", b"\x00"), ("people_by_application", b"\xa5"), ("answers", b"\xff")],
    ids=["schema-page-zeroed", "index-page-garbage", "table-page-garbage"],
)
def test_one_whole_page_overwritten_is_refused_untouched(
    tmp_path: Path, page: str, filler: bytes
) -> None:
    path = tmp_path / "afterword.db"
    _fill(path)
    size, number = _page_of(path, page)
    data = bytearray(path.read_bytes())
    start = (number - 1) * size + (100 if number == 1 else 0)  # keep the file header: still SQLite
    data[start : number * size] = filler * (number * size - start)
    path.write_bytes(bytes(data))
    before = path.read_bytes()

    with pytest.raises(DatabaseProblem) as err:
        Repository.open(path)
    message = str(err.value)
    assert message.startswith(f"{path}: is damaged")
    assert "restore a backup" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afterword.db"]


# --- permissions --------------------------------------------------------------------------


def _deny_write(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make os.access say `denied` is not writable, as it would to its non-root owner."""
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == denied and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_read_only_file_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "afterword.db"
    _fill(path)
    path.chmod(0o400)
    before = path.read_bytes()
    _deny_write(monkeypatch, path)
    with pytest.raises(DatabaseProblem) as err:
        Repository.open(path)
    assert str(err.value).startswith(f"{path}: is not readable and writable by you")
    assert "chmod 600" in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afterword.db"]


def test_existing_database_in_a_read_only_folder_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    path = folder / "afterword.db"
    _fill(path)
    before = path.read_bytes()
    _deny_write(monkeypatch, folder)
    with pytest.raises(DatabaseProblem) as err:
        Repository.open(path)
    message = str(err.value)
    assert message.startswith(f"{path}: the folder {folder} is not writable")
    assert "choose another --db" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["afterword.db"]


@pytest.fixture
def unprivileged() -> Iterator[tuple[Path, Callable[[Path], str]]]:
    """A folder an unprivileged user owns, and a way to open a database there as that user.

    Not root: this process. Root: a child process that becomes `nobody` first (the real
    kernel check then applies; root would get past any mode)."""
    base = Path(tempfile.mkdtemp(prefix="afterword-ro-"))
    base.chmod(0o755)
    folder = base / "data"
    folder.mkdir(mode=0o700)
    as_root = os.geteuid() == 0
    user = pwd.getpwnam("nobody") if as_root else None

    def chown(path: Path) -> None:
        if user is not None:
            os.chown(path, user.pw_uid, user.pw_gid)

    def open_as_user(path: Path) -> str:
        for item in (folder, *folder.iterdir()):
            chown(item)
        if user is None:
            return _try_open(path)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_fd)
                os.setgroups([])
                os.setgid(user.pw_gid)
                os.setuid(user.pw_uid)
                os.write(write_fd, _try_open(path).encode())
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(0)
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as pipe:
            said = pipe.read().decode()
        os.waitpid(pid, 0)
        return said

    yield folder, open_as_user
    folder.chmod(0o700)
    shutil.rmtree(base)


def _try_open(path: Path) -> str:
    try:
        Repository.open(path).close()
    except DatabaseProblem as exc:
        return str(exc)
    return "opened"


def test_read_only_file_for_real(unprivileged: tuple[Path, Callable[[Path], str]]) -> None:
    folder, open_as_user = unprivileged
    path = folder / "afterword.db"
    _fill(path)
    path.chmod(0o400)
    before = path.read_bytes()
    said = open_as_user(path)
    assert said.startswith(f"{path}: is not readable and writable by you"), said
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["afterword.db"]


def test_read_only_folder_for_real(unprivileged: tuple[Path, Callable[[Path], str]]) -> None:
    folder, open_as_user = unprivileged
    path = folder / "afterword.db"
    _fill(path)
    before = path.read_bytes()
    folder.chmod(0o500)
    said = open_as_user(path)
    assert said.startswith(f"{path}: the folder {folder} is not writable"), said
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["afterword.db"]
    folder.chmod(0o700)
    assert open_as_user(path) == "opened"  # the check is real: writable again, it opens


# --- a full disk --------------------------------------------------------------------------


def fill_the_disk(repo: Repository) -> None:
    """Make SQLite itself answer 'database or disk is full' to any write that needs a page."""
    conn = repo.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(repo: Repository) -> None:
    """Space again."""
    repo.conn.execute("PRAGMA max_page_count = 1073741823")


def test_disk_full_is_a_clear_error_and_the_saved_text_is_intact(db_path: Path) -> None:
    repo = Repository.open(db_path)
    try:
        iid = capture_interview(repo, Capture(company="Acme"), NOW).id or 0
        repo.save_answer(iid, "B3", "what was saved before")
        fill_the_disk(repo)
        with pytest.raises(DatabaseProblem) as err:
            repo.save_answer(iid, "B3", "a long answer " * 2000)
        message = str(err.value)
        assert message.startswith(f"{db_path}: the disk is full")
        assert "free some space" in message
        assert "\n" not in message
        assert not repo.conn.in_transaction
        assert repo.answers(iid) == {"B3": "what was saved before"}
        free_the_disk(repo)
        repo.save_answer(iid, "B3", "a long answer " * 2000)  # works again at once
    finally:
        repo.close()
    again = Repository.open(db_path)
    try:
        assert again.answers(iid) == {"B3": "a long answer " * 2000}
    finally:
        again.close()
