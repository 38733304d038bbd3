"""Fixtures for the TUI tests: a fixed clock, a private database, the app built on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.clock import fixed_clock
from core.demo import build_demo
from core.repository import Repository
from core.services import Capture, capture_interview
from core.settings import Settings
from tests.tui.pilot_helpers import NOW, TZ, MakeApp, RepoOn
from tui.app import AfterwordApp, build_app
from tui.session import AppConfig


@pytest.fixture(autouse=True)
def _hermetic_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user config file and no AFTERWORD_* variable from the machine running the tests."""
    for name in list(os.environ):
        if name.startswith("AFTERWORD_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AFTERWORD_CONFIG", str(tmp_path / "no-config.toml"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The database file every app of one test opens (so a test can quit and reopen)."""
    return tmp_path / "a.db"


@pytest.fixture
def make_app(db_path: Path) -> MakeApp:
    """Build a fresh app on `db_path` with the fixed clock; each call opens the file anew."""

    def make(interview_id: int | None = None) -> AfterwordApp:
        return build_app(
            AppConfig(db=db_path, clock=fixed_clock(NOW), interview_id=interview_id),
            repository=Repository.open(db_path),
            settings=Settings(db=db_path, tz=TZ),
        )

    return make


@pytest.fixture
def app(make_app: MakeApp) -> AfterwordApp:
    """The app on an empty database."""
    return make_app()


@pytest.fixture
def repo_on(db_path: Path) -> Iterator[RepoOn]:
    """Open the test's database file again (after the app closed it); closed at the end."""
    opened: list[Repository] = []

    def open_again() -> Repository:
        repo = Repository.open(db_path)
        opened.append(repo)
        return repo

    yield open_again
    for repo in opened:
        repo.close()


@pytest.fixture
def interview_id(db_path: Path) -> int:
    """One interview with two people met, no debrief yet (the app opens on it)."""
    repo = Repository.open(db_path)
    interview = capture_interview(
        repo,
        Capture(
            company="Acme",
            role="Engineer",
            ended="1 hour ago",
            people="Jane Doe <jane@acme.com>, John Smith",
        ),
        NOW,
    )
    repo.close()
    assert interview.id is not None
    return interview.id


@pytest.fixture
def debrief(make_app: MakeApp, interview_id: int) -> AfterwordApp:
    """The app on the debrief of `interview_id`."""
    return make_app()


@pytest.fixture
def demo(db_path: Path) -> int:
    """The demo data; the app opens on Acme Robotics, its debrief complete (10/10, E1 shown)."""
    repo = Repository.open(db_path)
    build_demo(repo, NOW)
    latest = repo.latest_interview_id()
    repo.close()
    assert latest is not None
    return latest
