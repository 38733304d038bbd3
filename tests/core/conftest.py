"""Fixtures for the core tests: a fixed clock in America/New_York and a temporary repository."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core.clock import Clock, fixed_clock
from core.demo import build_demo
from core.models import QA, Interview, Promise
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


DEMO_NOW = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)


@pytest.fixture
def demo_repo(tmp_path: Path) -> Repository:
    """The demo database plus an interview whose words are awkward: markup, accents, emoji."""
    repo = Repository.open(tmp_path / "a.db")
    build_demo(repo, DEMO_NOW)
    odd = capture_interview(
        repo,
        Capture(company="Zoë & Co [bold]", role="Dev 🚀", ended="1 hour ago", people="Ana Núñez"),
        DEMO_NOW,
    )
    assert odd.id is not None
    repo.add_qa(
        QA(interview_id=odd.id, question="[red]Why?[/]", answer="Ça va\nbien", stumped=True)
    )
    repo.add_promise(
        Promise(interview_id=odd.id, text="Send the deck", due_phrase="friday", due_at=DEMO_NOW)
    )
    return repo
