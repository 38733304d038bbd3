"""Textual's parsed styles, kept between starts (#8): parsing them again cost ~20 ms of each
start-up, about half of it before the first frame.

Textual parses every stylesheet source at each start: Afterword's .tcss files and the
DEFAULT_CSS of each kind of widget shown. The rules parsed from a source depend only on its
text, where it was read from, the theme's variables and Textual's own code. So they are
pickled to the user's cache folder when the app closes, and read back at the next start
(~3 ms). A source whose text changed is simply parsed again, as its text is part of the key.

pickle runs what it reads: the file is read only if this user owns it and no one else may
write to it or to its folder, and it is written private (0600) with a private folder (0700).
A stale, damaged or foreign file is ignored, never an error; the next exit replaces it.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import threading
from pathlib import Path
from typing import Any

FORMAT = 1
FILE_NAME = "styles.pickle"
CacheKey = tuple[Any, ...]  # Textual's own key: (css, read_from, is_default, tie_breaker, scope)


def cache_file() -> Path:
    """Where the parsed styles are kept: the user's cache folder (XDG_CACHE_HOME on Linux)."""
    import platformdirs  # already imported by Textual

    return Path(platformdirs.user_cache_dir("afterword")) / FILE_NAME


def fingerprint(variables: dict[str, str]) -> tuple[Any, ...]:
    """What the parsed rules depend on besides their source: Python, Textual's CSS code (each
    of its files' size and time: an upgrade rewrites them), and the theme's variables."""
    import textual.css

    folder = Path(textual.css.__file__).parent
    code = sorted(
        (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
        for entry in os.scandir(folder)
        if entry.name.endswith(".py")
    )
    return (FORMAT, sys.version, str(folder), tuple(code), tuple(sorted(variables.items())))


def _trusted(fd: int) -> bool:
    """Only a regular file of this user's, in a folder of theirs, that no one else can write."""
    info = os.fstat(fd)
    return (
        stat.S_ISREG(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _private_folder(folder: Path) -> bool:
    try:
        info = folder.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_parsed(path: Path, variables: dict[str, str]) -> dict[CacheKey, list[Any]]:
    """The rules kept in `path` for these variables; empty if there are none to trust."""
    if not _private_folder(path.parent):
        return {}
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return {}
    try:
        if not _trusted(fd):
            return {}
        with os.fdopen(fd, "rb") as file:
            fd = -1
            kept = pickle.load(file)
    except Exception:  # damaged, or written by another Textual: parse as if it were not there
        return {}
    finally:
        if fd >= 0:
            os.close(fd)
    if not isinstance(kept, dict) or kept.get("fingerprint") != fingerprint(variables):
        return {}
    rules = kept.get("rules")
    return rules if isinstance(rules, dict) else {}


def write_parsed(path: Path, variables: dict[str, str], rules: dict[CacheKey, list[Any]]) -> None:
    """Keep `rules` in `path` (private; written whole, then renamed over the old file)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private_folder(path.parent):
        return
    data = pickle.dumps(
        {"fingerprint": fingerprint(variables), "rules": rules}, protocol=pickle.HIGHEST_PROTOCOL
    )
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
