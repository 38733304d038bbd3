"""`afterword note PERSON_OR_ACTION`: the editor's draft from the shell (C1, C4, C5, A1)."""

from __future__ import annotations

import email
import stat
from datetime import datetime
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from core.demo import build_demo
from core.models import ActionKind, NoteKind
from core.repository import Repository
from core.services_notes import open_note, save_note
from tui.cli import main
from tui.cli_note import KINDS

T = datetime.fromisoformat("2026-11-22T15:30:00-05:00")


class Cli:
    """Runs `afterword --db DB note ...` at T, in New York, on the demo database."""

    def __init__(self, tmp_path: Path) -> None:
        self.db = tmp_path / "afterword.db"
        self.config = tmp_path / "no-config.toml"
        repo = Repository.open(self.db)
        build_demo(repo, T)
        repo.close()

    def __call__(self, *args: str) -> Result:
        env = {
            "AFTERWORD_NOW": T.isoformat(),
            "AFTERWORD_TZ": "America/New_York",
            "AFTERWORD_CONFIG": str(self.config),
            "AFTERWORD_DB": None,
        }
        return CliRunner().invoke(main, ["--db", str(self.db), "note", *args], env=env)

    def repo(self) -> Repository:
        """The database, opened again (close it after use)."""
        return Repository.open(self.db)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """The CLI on a fresh demo database."""
    return Cli(tmp_path)


def test_kinds_are_the_note_kinds() -> None:
    """The --kind choices are exactly the note kinds (spelled out to keep start-up light)."""
    assert list(KINDS) == [k.value for k in NoteKind]


def test_by_name_prints_that_persons_thank_you(cli: Cli) -> None:
    """C4/C5: a name finds the person; the draft is theirs, from their highlights."""
    result = cli("priya")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "To: Priya Raman <priya.raman@acme-robotics.com>"
    assert lines[1].startswith("Subject: ")
    assert "Dear Priya," in result.stdout
    assert "first ingest service" in result.stdout
    assert result.stderr == ""  # nothing to fix in a fresh draft to her


def test_the_cli_prints_the_draft_as_the_editor_left_it(cli: Cli) -> None:
    """The same note: what was typed in the editor is what the CLI gives."""
    repo = cli.repo()
    person = next(p for p, _a in repo.people_with_application() if p.name == "Priya Raman")
    view = open_note(repo, person.id or 0, NoteKind.THANK_YOU, T)
    save_note(repo, view.note.id or 0, "Thank you, Priya", "Dear Priya,\n\nMy own words.\n")
    repo.close()
    result = cli(f"p{person.id}")
    assert result.exit_code == 0, result.output
    assert "Subject: Thank you, Priya" in result.stdout
    assert result.stdout.endswith("Dear Priya,\n\nMy own words.\n")


def test_action_id_writes_a_private_eml_and_warns_on_stderr(cli: Cli, tmp_path: Path) -> None:
    """An action (a#) opens its person's note; --eml writes a 0600 draft; A1 on stderr."""
    repo = cli.repo()
    row = next(
        r
        for r in repo.plan_rows()
        if r.action.kind is ActionKind.THANK_YOU and r.person == "Marcus Chen"
    )
    repo.close()
    target = tmp_path / "marcus.eml"
    result = cli(f"a{row.action.id}", "--eml", str(target))
    assert result.exit_code == 0, result.output
    assert "! A1 No email address for Marcus." in result.stderr
    assert f"Wrote {target}" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"] is None
    assert "Dear Marcus," in message.get_content()


def test_eml_to_stdout_and_mailto(cli: Cli) -> None:
    """'--eml -' prints the .eml; --mailto prints the RFC 6068 link."""
    printed = cli("Priya Raman", "--kind", "linkedin", "--eml", "-")
    assert printed.exit_code == 0, printed.output
    assert "X-Unsent: 1" in printed.stdout
    assert "! D10 No LinkedIn profile for Priya." in printed.stderr
    link = cli("Priya Raman", "--mailto")
    assert link.stdout.startswith("mailto:priya.raman@acme-robotics.com?subject=")
    assert " " not in link.stdout.strip()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Nobody Here",), "nobody called 'Nobody Here'"),
        (("a",), "matches several people"),
        (("p999",), "no person 'p999'"),
        (("a999",), "no follow-up 'a999'"),
        (("a1", "--kind", "thank_you"), "leave --kind out"),
    ],
)
def test_user_errors_exit_1_with_a_clear_message(
    cli: Cli, args: tuple[str, ...], message: str
) -> None:
    """Unknown or ambiguous people and actions: exit 1, one line on stderr, no traceback."""
    result = cli(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_debrief_action_is_not_a_note(cli: Cli) -> None:
    """Only actions that are messages open a note."""
    repo = cli.repo()
    debrief = next(r.action for r in repo.plan_rows() if r.action.kind is ActionKind.DEBRIEF)
    repo.close()
    result = cli(f"a{debrief.id}")
    assert result.exit_code == 1
    assert "is not a message to write" in result.stderr
