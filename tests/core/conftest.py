"""Fixtures for the core tests: a fixed clock in America/New_York and a temporary repository."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core.clock import Clock, fixed_clock
from core.models import Interview
from core.repository import Repository
from core.services import Capture, capture_interview

NY = ZoneInfo("America/New_York")
# Monday of the US Thanksgiving week (Thursday 2026-11-26 is a federal holiday).
NOW = datetime(2026, 11, 23, 14, 30, tzinfo=NY)


@pytest.fixture
def now() -> datetime:
    """The fixed moment every rule is evaluated at."""
    return NOW


@pytest.fixture
def clock() -> Clock:
    """A clock that always answers NOW."""
    return fixed_clock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path inside a data folder that does not exist yet."""
    return tmp_path / "data" / "afterword.db"


@pytest.fixture
def repo(db_path: Path) -> Iterator[Repository]:
    """A freshly created, migrated repository, closed after the test."""
    repository = Repository.open(db_path)
    yield repository
    repository.close()


@pytest.fixture
def interview(repo: Repository, clock: Clock) -> Interview:
    """One captured interview at Acme with two people met."""
    return capture_interview(
        repo,
        Capture(
            company="Acme",
            role="Platform engineer",
            ended="30 min ago",
            people="Jane Doe <jane@acme.com>, John Smith",
            decision="next friday",
        ),
        clock(),
    )


def fill_database(path: Path, n: int = 40) -> None:
    """Make a real Afterword database with some interviews and people."""
    repo = Repository.open(path)
    for i in range(n):
        capture_interview(
            repo,
            Capture(company=f"Company {i}", people="Jane Doe <jane@acme.com>, John Smith"),
            NOW,
        )
    repo.close()
