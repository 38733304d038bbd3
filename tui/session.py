"""What the screens share once the database is open: repository, settings, clock, saver."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.clock import Clock
    from core.repository import Repository
    from core.settings import Settings
    from tui.saver import Saver


@dataclass
class AppConfig:
    """How the app was started: which database, which interview, which clock (tests fix it)."""

    db: Path | None = None
    interview_id: int | None = None
    clock: Clock | None = None


@dataclass
class Session:
    """The open database and what goes with it."""

    repo: Repository
    settings: Settings
    clock: Clock
    saver: Saver
    interview_id: int | None = None

    def now(self) -> datetime:
        """Return the current time in the user's zone (the fixed clock in tests)."""
        return self.clock()

    @property
    def country(self) -> str | None:
        """The country whose public holidays count, if the user set one."""
        return self.settings.country or None
