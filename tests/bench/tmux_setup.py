"""What the tmux start-up benchmark (bench_tmux.py) runs on: the empty and demo databases, a
copy of the large one, and content for the peers. Not collected by pytest."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path


def make_dbs(folder: Path) -> tuple[Path, Path]:
    """An empty database and the demo one, each with today's rolling backup already made (so
    no run copies the database after its data is shown and is killed half-way)."""
    from datetime import UTC

    from core.demo import build_demo
    from core.repository import Repository

    empty, demo = folder / "empty.db", folder / "demo.db"
    Repository.open(empty).close()
    repo = Repository.open(demo)
    build_demo(repo, datetime(2026, 11, 20, 15, 30, tzinfo=UTC))
    repo.close()
    return empty, demo


def pre_backup(db: Path) -> None:
    """Make today's rolling backup now (the app makes it once a day, after the first screen)."""
    from core.backup import rolling_backup

    rolling_backup(db, datetime.now().astimezone())


def large_db_copy_for_run(folder: Path, build: bool) -> tuple[Path | None, str]:
    """A private copy of the large benchmark database, or None and why not."""
    try:
        from tests.bench import large_db
    except ImportError as exc:
        return None, f"tests/bench/large_db.py not importable ({exc})"
    src = large_db.DEFAULT_PATH
    note = ""
    if build:
        src = large_db.ensurelarge_db_copy_for_run()
    elif not src.exists():
        return None, f"{src} not built (run tests/bench/large_db.py or pass --build-large)"
    else:
        stamp = src.with_name(src.name + ".stamp")
        fresh = stamp.exists() and json.loads(stamp.read_text()) == large_db._stamp()
        if not fresh:
            note = f" (its stamp is stale: built by an older large_db.py or schema; {src})"
    copy = folder / "large.db"
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as source, sqlite3.connect(copy) as dst:
        source.backup(dst)
    return copy, f"large db: a copy of {src}{note}"


def peer_fixtures(folder: Path, db: Path) -> dict[str, Path]:
    """Content for the peers: a posting collection, a log file, a markdown file."""
    coll = folder / "collection"
    coll.mkdir()
    (coll / "list-interviews.posting.yaml").write_text(
        "name: List interviews\nmethod: GET\nurl: https://example.com/api/interviews\n"
    )
    log = folder / "app.log"
    with log.open("w") as fh:
        for i in range(5000):
            fh.write(
                f"2026-11-22T15:{i // 60 % 60:02d}:{i % 60:02d} INFO request id={i} "
                f"path=/api/interviews/{i % 97} status=200 ms={i % 37}\n"
            )
    md = folder / "notes.md"
    md.write_text(
        "# Peer check heading\n\nA short markdown file for frogmouth.\n\n"
        + "\n".join(f"- item {i}" for i in range(20))
        + "\n"
    )
    return {"collection": coll, "log": log, "md": md, "db": db}


def large_expect(db: Path) -> list[str]:
    """The company of the debrief `afterword --db LARGE` opens on (the latest interview; in
    the top bar) and a line of its first prompt's answers (in the body, drawn after the bar)."""
    from core.repository import Repository

    repo = Repository.open(db)
    try:
        latest = repo.latest_interview()
    finally:
        repo.close()
    return [latest.company, "Stumped me (goes to the practice list)"] if latest else []
