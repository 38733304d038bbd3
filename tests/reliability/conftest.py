"""Fixtures for the reliability suite (issue #7): hermetic settings, a database, the app on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.clock import fixed_clock
from core.repository import Repository
from core.settings import Settings
from tests.tui.pilot_helpers import NOW, TZ, MakeApp, RepoOn
from tui.app import build_app
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
    """The database file of one test, in a data folder that does not exist yet."""
    return tmp_path / "data" / "afterword.db"


@pytest.fixture
def make_app(db_path: Path) -> MakeApp:
    """Build a fresh app on `db_path` with the fixed clock; each call opens the file anew."""

    def make(interview_id: int | None = None) -> object:
        return build_app(
            AppConfig(db=db_path, clock=fixed_clock(NOW), interview_id=interview_id),
            repository=Repository.open(db_path),
            settings=Settings(db=db_path, tz=TZ),
        )

    return make  # type: ignore[return-value]


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
