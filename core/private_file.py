"""Writing exported files: private (0600) and atomic (a temp file renamed over the target)."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

PRIVATE_MODE = 0o600
_MAX_TRIES = 10  # temp names taken before giving up (each retry needs a cleaner to win a race)


def write_private(path: Path | str, data: str | bytes | Iterable[bytes]) -> Path:
    """Write `data` to `path` atomically with mode 0600: readers see the old file or the new
    one, never half of it, and nobody else can read it (other people's personal data).
    `data` may be byte chunks, written as they come (a large export, never whole in memory).

    The temp file is locked (flock) from its creation to its rename, so a writer killed
    before the rename leaves an unlocked `.NAME.xxxx.tmp`: the next write of the same target
    removes it first (it holds personal data, and space on a full disk)."""
    target = Path(path).expanduser()
    if isinstance(data, str):
        data = data.encode("utf-8")
    chunks = [data] if isinstance(data, bytes) else data
    remove_stale_temps(target)
    fd, temp = _claimed_temp(target)
    try:
        os.fchmod(fd, PRIVATE_MODE)
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(temp, target)  # still locked: no cleaner can take it for a dead one's
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_directory(target.parent)
    return target


def _claimed_temp(target: Path) -> tuple[int, str]:
    """A new temp file beside `target`, open and locked by us.

    Between mkstemp and flock a cleaner (another process writing the same target) may find
    the file unlocked and remove it: after the lock, the name must still be our file, else
    we take a new one."""
    for _ in range(_MAX_TRIES):
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        if _lock(fd, wait=True) and _same_file(fd, temp):
            return fd, temp
        os.close(fd)
    raise OSError(f"could not create a temp file beside {target}")


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove the temp files of `target` left by writers that died before their rename.

    Safe against a writer of the same target at work in another process: a temp file is
    removed only while we hold its lock, which a live writer holds until its rename (the
    kernel drops the lock of a dead process, even one killed by SIGKILL). No age rule: a
    slow or suspended writer keeps its lock however old its file, and core reads no clock.
    Only names mkstemp makes for exactly this target are looked at: `.NAME.<letters>.tmp`
    (a dot inside would be another target's, e.g. NAME.x); links and folders are left."""
    pattern = re.compile(re.escape(f".{target.name}.") + r"[A-Za-z0-9_]+\.tmp")
    removed: list[Path] = []
    try:
        names = [e.name for e in os.scandir(target.parent) if pattern.fullmatch(e.name)]
    except OSError:
        return removed  # the folder cannot be listed: the write itself will say why
    for name in names:
        candidate = target.parent / name
        try:
            fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue  # renamed by its writer, a link, not ours to read
        try:
            if (
                stat.S_ISREG(os.fstat(fd).st_mode)
                and _lock(fd, wait=False)
                and _same_file(fd, str(candidate))
            ):
                os.unlink(candidate)
                removed.append(candidate)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def _lock(fd: int, wait: bool) -> bool:
    """Take an exclusive flock on `fd`; False when another holds it (and we do not wait).

    Where there is no flock (another platform, a file system without locks) the writer goes
    on unlocked and the cleaner, unable to lock either, removes nothing."""
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        return wait
    return True


def _same_file(fd: int, path: str) -> bool:
    """True when `path` still names the file open as `fd` (not removed or replaced)."""
    try:
        named, held = os.stat(path, follow_symlinks=False), os.fstat(fd)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (best effort: not every platform can fsync a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
