"""Issue #7, privacy 17: a full session with the network blocked; nothing even tries.

Internet sockets, connections and name lookups raise and are recorded (a swallowed error would
still be seen). Local socket pairs stay allowed: asyncio's own wake-up pipe is one. The session:
capture an interview, type a debrief, add a question, contacts (export vCard, a thank-you
note saved as .eml), the timeline (mark one done), quit; then every CLI export, `due`, a backup
and an import.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.models import ActionState
from tests.tui.pilot_helpers import SIZE, MakeApp, RepoOn, type_text, wait_for_save
from tui.cli import main

INTERNET = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block the network for the test; return the list of what tried to use it."""
    tried: list[str] = []
    real_socket = socket.socket

    class Guarded(real_socket):  # type: ignore[misc,valid-type]
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            if family in (-1, *INTERNET):
                tried.append(f"socket(family={family})")
                raise OSError("network blocked by the test")
            super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def blocked(*args: object, **kwargs: object) -> None:
            tried.append(f"{name}{args!r}")
            raise OSError("network blocked by the test")

        return blocked

    monkeypatch.setattr(socket, "socket", Guarded)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return tried


def _cli(db: Path, *args: str) -> str:
    env = {
        "AFTERWORD_NOW": "2026-11-22T15:30:00-05:00",
        "AFTERWORD_TZ": "America/New_York",
        "AFTERWORD_COUNTRY": "US",
        "AFTERWORD_CONFIG": str(db.parent / "no-config.toml"),
        "AFTERWORD_DB": None,
    }
    result = CliRunner().invoke(main, ["--db", str(db), *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_guard_catches_a_connection(attempts: list[str]) -> None:
    """The guard itself works: a connection attempt raises and is recorded."""
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("example.com", 80))
    with pytest.raises(OSError, match="blocked"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    left, right = socket.socketpair()  # local pairs stay allowed
    left.close()
    right.close()
    assert len(attempts) == 2


async def test_a_full_session_never_touches_the_network(
    attempts: list[str], make_app: MakeApp, repo_on: RepoOn, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Acme")
        await pilot.press("tab", "tab", "tab", "tab")
        await type_text(pilot, "Jane Doe <jane@acme.com>, Bob Roe")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("home", "down", "down", "enter")  # B3
        await type_text(pilot, "The team was kind.\nAsked about on-call.")
        await wait_for_save(pilot)
        await pilot.press("escape", "home", "enter")  # B1: a question
        await type_text(pilot, "Why us?")
        await wait_for_save(pilot)
        await pilot.press("escape", "c")  # contacts
        await pilot.pause()
        await pilot.press("x")  # export vCard
        await pilot.press("w")  # the first person's thank-you note
        await pilot.pause()
        await pilot.press("ctrl+e")  # saved as .eml
        await pilot.press("escape", "t")  # timeline
        await pilot.pause()
        await pilot.press("x")  # mark the highlighted follow-up done
        await pilot.press("ctrl+q")

    repo = repo_on()
    [summary] = repo.list_interviews()
    iid = summary.interview.id or 0
    assert repo.answers(iid)["B3"] == "The team was kind.\nAsked about on-call."
    assert [qa.question for qa in repo.qa_list(iid)] == ["Why us?"]
    assert repo.count_actions(ActionState.DONE) == 1
    assert repo.notes_of_interview(iid)
    folder = db_path.parent
    assert (folder / "contacts.vcf").exists()
    assert list(folder.glob("*.eml"))

    for kind, name in [("json", "all.json"), ("md", "all.md"), ("ics", "plan.ics")]:
        _cli(db_path, "export", kind, "-o", str(folder / name))
    _cli(db_path, "export", "vcf", "-o", str(folder / "people.vcf"))
    assert "Acme" in _cli(db_path, "due", "--within", "30d")
    _cli(db_path, "backup", str(folder / "copy.db"))
    _cli(folder / "imported.db", "import", "json", str(folder / "all.json"))
    assert attempts == []
