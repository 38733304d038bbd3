"""The user's data from the shell: `export json`, `import json`, `backup`, `export md`."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from core.demo import build_demo
from core.repository import Repository
from tui.cli import main

T = datetime.fromisoformat("2026-11-24T15:00:00-05:00")


class Cli:
    """Runs `afterword --db DB ...` at a fixed moment in New York, with no config file."""

    def __init__(self, tmp_path: Path, name: str = "afterword.db") -> None:
        self.db = tmp_path / name
        self.config = tmp_path / "no-config.toml"
        self.runner = CliRunner()

    def __call__(self, *args: str, stdin: str | None = None) -> Result:
        env = {
            "AFTERWORD_NOW": T.isoformat(),
            "AFTERWORD_TZ": "America/New_York",
            "AFTERWORD_CONFIG": str(self.config),
            "AFTERWORD_DB": None,
        }
        return self.runner.invoke(main, ["--db", str(self.db), *args], env=env, input=stdin)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """A CLI on a demo database."""
    runner = Cli(tmp_path)
    repo = Repository.open(runner.db)
    build_demo(repo, T)
    repo.close()
    return runner


def _error(result: Result, code: int = 1) -> str:
    """The one line a failed command printed on stderr."""
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("afterword: ")
    return lines[0]


def test_export_import_round_trip_on_a_second_database(cli: Cli, tmp_path: Path) -> None:
    """Export to a 0600 file, import into a new database, export again: identical files;
    the same import again changes nothing."""
    first = tmp_path / "first.json"
    result = cli("export", "json", "-o", str(first))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Wrote ") and str(first) in result.stderr
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    other = Cli(tmp_path, "second.db")
    result = other("import", "json", str(first))
    assert result.exit_code == 0, result.output
    rows = sum(len(v) for v in json.loads(first.read_text("utf-8")).values() if isinstance(v, list))
    assert f"Imported {first}: {rows} rows, {rows} new or changed, 0 unchanged." in result.stderr
    second = tmp_path / "second.json"
    assert other("export", "json", "--output", str(second)).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    again = other("import", "json", str(first))
    assert f"0 new or changed, {rows} unchanged." in again.stderr


def test_stdout_and_stdin(cli: Cli, tmp_path: Path) -> None:
    """'-o -' prints the export; 'import json -' reads it from standard input."""
    printed = cli("export", "json", "-o", "-")
    assert printed.exit_code == 0
    assert json.loads(printed.stdout)["format"] == "afterword"
    other = Cli(tmp_path, "second.db")
    assert other("import", "json", "-", stdin=printed.stdout).exit_code == 0
    assert other("export", "json", "-o", "-").stdout == printed.stdout


def test_default_export_file(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o the export goes to afterword-export.json in the current folder."""
    monkeypatch.chdir(tmp_path)
    assert cli("export", "json").exit_code == 0
    assert json.loads((tmp_path / "afterword-export.json").read_text("utf-8"))["version"] == 1


def test_malformed_file_exit_1_with_the_place(cli: Cli, tmp_path: Path) -> None:
    """A bad file: exit 1, one line naming the file and the field's path; nothing imported."""
    document = json.loads(cli("export", "json", "-o", "-").stdout)
    del document["interviews"][3]["ended_at"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    other = Cli(tmp_path, "second.db")
    line = _error(other("import", "json", str(bad)))
    assert line == (
        f"afterword: {bad}: interviews[3].ended_at: Field required; nothing was imported."
    )
    assert json.loads(other("export", "json", "-o", "-").stdout)["interviews"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"format": "afterword",\n  "version": 1,,}',
            "line 2, column 16: Expecting property name",
        ),
        (b"\xff\xfe{}", "byte 0: not UTF-8 text"),
        (b"[]", "format: not an Afterword export"),
    ],
)
def test_unreadable_files_exit_1(cli: Cli, tmp_path: Path, content: bytes, message: str) -> None:
    """Syntax errors with line and column, other encodings, other JSON: one line each."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert message in _error(cli("import", "json", str(bad)))


def test_missing_file_and_unwritable_output_exit_1(cli: Cli, tmp_path: Path) -> None:
    """A file that is not there, a folder that is not there: exit 1 with the reason."""
    missing = tmp_path / "nope.json"
    assert f"cannot read {missing}: No such file" in _error(cli("import", "json", str(missing)))
    line = _error(cli("export", "json", "-o", "/nonexistent-dir/x.json"))
    assert "cannot write /nonexistent-dir/x.json" in line


def test_import_from_another_database_refused(cli: Cli, tmp_path: Path) -> None:
    """An export of another database is not merged into one that holds data."""
    other = Cli(tmp_path, "second.db")
    build = Repository.open(other.db)
    build_demo(build, T)
    build.close()
    exported = tmp_path / "other.json"
    assert other("export", "json", "-o", str(exported)).exit_code == 0
    assert "another database" in _error(cli("import", "json", str(exported)))


def test_usage_errors_exit_2(cli: Cli) -> None:
    """A missing argument or unknown option is a usage error (exit 2)."""
    assert cli("import", "json").exit_code == 2
    assert cli("export", "json", "--bogus").exit_code == 2
    listed = CliRunner().invoke(main, ["import", "--help"])
    assert listed.exit_code == 0 and "json" in listed.output


def test_backup_default_name_beside_the_database(cli: Cli) -> None:
    """`afterword backup`: afterword-backup-<timestamp>.db next to the database, 0600, a
    database holding the same data."""
    result = cli("backup")
    assert result.exit_code == 0, result.output
    target = cli.db.with_name("afterword-backup-20261124-150000.db")
    assert result.stderr.strip() == f"Backed up {cli.db} to {target}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    copy = Cli(cli.db.parent, target.name)
    assert copy("export", "json", "-o", "-").stdout == cli("export", "json", "-o", "-").stdout


def test_backup_to_a_file_or_a_folder(cli: Cli, tmp_path: Path) -> None:
    """FILE is used as given; a folder receives the default name inside it."""
    assert cli("backup", str(tmp_path / "mine.db")).exit_code == 0
    assert (tmp_path / "mine.db").stat().st_size > 0
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert cli("backup", str(folder)).exit_code == 0
    assert [p.name for p in folder.iterdir()] == ["afterword-backup-20261124-150000.db"]


def test_backup_errors_exit_1(cli: Cli, tmp_path: Path) -> None:
    """No database, the database itself, a missing folder: one line, exit 1."""
    assert "no database there" in _error(Cli(tmp_path, "none.db")("backup"))
    assert "is the database itself" in _error(cli("backup", str(cli.db)))
    assert "cannot write" in _error(cli("backup", str(tmp_path / "no" / "x.db")))


def test_export_md_of_one_interview(cli: Cli, tmp_path: Path) -> None:
    """`export md --interview ID`: that debrief and its plan, 0600; '-o -' prints it."""
    repo = Repository.open(cli.db)
    latest = repo.list_interviews()[0]
    repo.close()
    number = str(latest.interview.id)
    result = cli("export", "md", "--interview", number, "-o", str(tmp_path / "one.md"))
    assert result.exit_code == 0, result.output
    assert "Wrote 1 interview to" in result.stderr
    text = (tmp_path / "one.md").read_text("utf-8")
    assert text.startswith(f"# {latest.company} — {latest.role}, round {latest.interview.round}\n")
    assert "### B5 Stumpers" in text and "## Follow-up plan" in text
    assert stat.S_IMODE((tmp_path / "one.md").stat().st_mode) == 0o600
    assert cli("export", "md", "--interview", number, "-o", "-").stdout == text


def test_export_md_defaults(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --interview every interview goes to afterword-debriefs.md; with it, to
    afterword-interview-ID.md."""
    monkeypatch.chdir(tmp_path)
    repo = Repository.open(cli.db)
    count = repo.count_interviews()
    repo.close()
    result = cli("export", "md")
    assert result.exit_code == 0, result.output
    assert f"Wrote {count} interviews to afterword-debriefs.md" in result.stderr
    assert cli("export", "md", "--interview", "3").exit_code == 0
    assert (tmp_path / "afterword-interview-3.md").read_text("utf-8").startswith("# ")


def test_export_md_errors(cli: Cli) -> None:
    """An unknown interview: exit 1 with one line; a non-number: usage error, exit 2."""
    assert "--interview: no interview 99" in _error(cli("export", "md", "--interview", "99"))
    assert cli("export", "md", "--interview", "x").exit_code == 2


async def test_the_app_takes_the_daily_backup_when_it_opens(tmp_path: Path) -> None:
    """Opening the database in the app (a worker thread, after the data is on screen)
    leaves today's copy in backups/ beside the database."""
    from core.clock import fixed_clock
    from tui.app import build_app
    from tui.session import AppConfig

    db = tmp_path / "data" / "afterword.db"
    repo = Repository.open(db)
    build_demo(repo, T)
    repo.close()
    app = build_app(AppConfig(db=db, clock=fixed_clock(T)))
    made = db.parent / "backups" / "afterword-2026-11-24.db"
    async with app.run_test() as pilot:
        for _ in range(100):  # made a moment after the data is shown
            await pilot.pause(0.05)
            if made.exists():
                break
        assert app.session is not None
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
