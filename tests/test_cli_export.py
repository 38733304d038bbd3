"""`afterword export vcf`: writes a private vCard file of everyone, or of one application."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from click.testing import CliRunner

from core.repository import Repository
from core.services import Capture, capture_interview
from tui.cli import main

NOW = datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with two applications (Acme: two people; Globex: one)."""
    monkeypatch.setenv("AFTERWORD_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("AFTERWORD_DB", raising=False)
    monkeypatch.setenv("AFTERWORD_PHONE_REGION", "GB")
    path = tmp_path / "afterword.db"
    repo = Repository.open(path)
    capture_interview(
        repo, Capture(company="Acme", people="Jane Doe <jane@acme.com>, John Smith"), NOW
    )
    globex = capture_interview(repo, Capture(company="Globex", people="Tom Baker"), NOW)
    tom = repo.find_person(globex.application_id, "Tom Baker")
    assert tom is not None
    repo.update_person(tom.id or 0, phone="+442079460958")
    repo.close()
    return path


def names(text: str) -> set[str]:
    """The FN of each vCard in a text."""
    return {card.fn.value for card in vobject.readComponents(text)}


def test_export_everyone(db: Path, tmp_path: Path) -> None:
    """All people, to the file given with -o, mode 0600; the count goes to stderr."""
    out = tmp_path / "out" / "contacts.vcf"
    out.parent.mkdir()
    result = CliRunner().invoke(main, ["--db", str(db), "export", "vcf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote 3 contacts to {out}" in result.stderr
    assert names(out.read_text("utf-8")) == {"Jane Doe", "John Smith", "Tom Baker"}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_one_application_with_phone_region(db: Path, tmp_path: Path) -> None:
    """--application limits the export; phones are shown in international format."""
    out = tmp_path / "globex.vcf"
    result = CliRunner().invoke(
        main, ["--db", str(db), "export", "vcf", "--application", "2", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Wrote 1 contact to" in result.stderr
    (card,) = vobject.readComponents(out.read_text("utf-8"))
    assert (card.fn.value, card.tel.value) == ("Tom Baker", "+44 20 7946 0958")


def test_default_file_in_the_current_directory(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without -o the file is afterword-contacts.vcf in the current directory."""
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    result = CliRunner().invoke(main, ["--db", str(db), "export", "vcf"])
    assert result.exit_code == 0, result.output
    written = here / "afterword-contacts.vcf"
    assert names(written.read_text("utf-8")) == {"Jane Doe", "John Smith", "Tom Baker"}


def test_stdout(db: Path) -> None:
    """-o - writes the vCards to standard output."""
    result = CliRunner().invoke(main, ["--db", str(db), "export", "vcf", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert names(result.stdout) == {"Jane Doe", "John Smith", "Tom Baker"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--application", "99"], "no application 99"),
        (["-o", "/nonexistent-dir/x.vcf"], "cannot write /nonexistent-dir/x.vcf"),
    ],
)
def test_user_errors_exit_1(db: Path, args: list[str], message: str) -> None:
    """A missing application or an unwritable path: exit 1 with one clear line."""
    result = CliRunner().invoke(main, ["--db", str(db), "export", "vcf", *args])
    assert result.exit_code == 1
    assert result.stderr.startswith("afterword: ")
    assert message in result.stderr


def test_bad_database_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that is not a database: exit 1 naming it, the file untouched."""
    monkeypatch.setenv("AFTERWORD_CONFIG", str(tmp_path / "no-config.toml"))
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    result = CliRunner().invoke(main, ["--db", str(bad), "export", "vcf", "-o", "-"])
    assert result.exit_code == 1
    assert str(bad) in result.stderr
    assert bad.read_text() == "not a database"


def test_export_is_a_group_with_vcf() -> None:
    """`afterword export --help` lists vcf (other formats add their subcommands there)."""
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0
    assert "vcf" in result.output
    usage = CliRunner().invoke(main, ["export", "vcf", "--application", "x"])
    assert usage.exit_code == 2
