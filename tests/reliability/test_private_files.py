"""Issue #7, privacy 15: every file Afterword creates is 0600 in a 0700 folder, whatever the umask.

One run per umask (0o000: everything would be world-writable; 0o022: the usual default) makes
every kind of file through the real commands: the database and its -wal/-shm, the copy taken
before a migration, the daily rolling backup (and its folder), `afterword backup`, every export
(json, md, ics, vcf), an .eml draft from `afterword note`. Afterword writes no log file. Then
every file and folder under the data folder is checked.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.backup import rolling_backup
from core.migrations import migrations
from core.repository import Repository
from tests.core.conftest import NOW
from tui.cli import main


@pytest.fixture
def umask_of(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run the test under the umask it is parametrized with; restore the old one after."""
    mask: int = request.param
    saved = os.umask(mask)
    yield mask
    os.umask(saved)


def _cli(db: Path, *args: str) -> str:
    env = {
        "AFTERWORD_NOW": "2026-11-23T14:30:00-05:00",
        "AFTERWORD_TZ": "America/New_York",
        "AFTERWORD_CONFIG": str(db.parent.parent / "no-config.toml"),
        "AFTERWORD_DB": None,
    }
    result = CliRunner().invoke(main, ["--db", str(db), *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("umask_of", [0o000, 0o022], indirect=True, ids=["umask0", "umask022"])
def test_every_file_is_0600_in_a_0700_folder(
    tmp_path: Path, umask_of: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "home" / "data"
    db = data / "afterword.db"
    interview_id = _cli(db, "new", "Acme", "--with", "Jane Doe <jane@acme.com>", "--no-open")
    repo = Repository.open(db)  # stays open: its -wal and -shm are there while we look
    try:
        repo.save_answer(int(interview_id), "B3", "what went well")

        assert rolling_backup(db, NOW) is not None  # the app's daily copy, in backups/
        _cli(db, "backup", str(data / "manual-backup.db"))
        _cli(db, "backup")  # its default name, beside the database
        for kind, name in [("json", "all.json"), ("md", "all.md"), ("ics", "plan.ics")]:
            _cli(db, "export", kind, "-o", str(data / name))
        _cli(db, "export", "vcf", "-o", str(data / "contacts.vcf"))
        _cli(db, "note", "Jane Doe", "--eml", str(data / "jane.eml"))

        def extra(db_: object) -> None:
            db_.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")  # type: ignore[attr-defined]

        newer = [*migrations._migrations, type(migrations)._Migration("0999_extra", extra)]
        monkeypatch.setattr(migrations, "_migrations", newer)
        newer_schema = tuple(m.name for m in newer)  # the code knows one more
        monkeypatch.setattr("core.repository.opening.SCHEMA", newer_schema)
        Repository.open(db).close()  # a migration (last: older code refuses the file after it)

        made = sorted(p.relative_to(data).as_posix() for p in data.rglob("*"))
        for expected in [
            "afterword.db",
            "afterword.db-wal",
            "afterword.db-shm",
            "afterword.db.before-0999_extra.bak",
            "backups",
            "backups/afterword-2026-11-23.db",
            "manual-backup.db",
            "all.json",
            "all.md",
            "plan.ics",
            "contacts.vcf",
            "jane.eml",
        ]:
            assert expected in made, (expected, made)
        assert any(name.startswith("afterword-backup-") for name in made)
        assert not [name for name in made if name.endswith(".log")]
        for path in [data, data.parent, *data.rglob("*")]:
            mode = stat.S_IMODE(path.stat().st_mode)
            wanted = 0o700 if path.is_dir() else 0o600
            assert mode == wanted, f"{path.relative_to(tmp_path)}: {mode:o}"
    finally:
        repo.close()
