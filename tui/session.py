"""What the screens share once the database is open: repository, settings, clock, saver."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.clock import Clock
    from core.repository import Repository
    from core.schedule import PlanContext
    from core.settings import Settings
    from tui.saver import Saver


@dataclass
class AppConfig:
    """How the app was started: which database, which interview, which clock (tests fix it),
    and where the parsed styles are kept between runs (tui.css_cache; None: nowhere)."""

    db: Path | None = None
    interview_id: int | None = None
    clock: Clock | None = None
    styles_cache: Path | None = None


@dataclass
class Session:
    """The open database and what goes with it."""

    repo: Repository
    settings: Settings
    clock: Clock
    saver: Saver
    interview_id: int | None = None
    changed: set[int] = field(default_factory=set)
    _plan_ctx: PlanContext | None = None

    @property
    def plan_ctx(self) -> PlanContext:
        """The follow-up plan's context: the user's time zone and holidays."""
        if self._plan_ctx is None:
            from core.clock import system_zone_name
            from core.services_plan import plan_context

            self._plan_ctx = plan_context(self.settings, system_zone_name())
        return self._plan_ctx

    def replan_changed(self) -> None:
        """Recompute the plans of interviews edited since the last time (and any unplanned)."""
        from core.services_plan import ensure_plans, replan

        now = self.now()
        for interview_id in sorted(self.changed):
            replan(self.repo, interview_id, now, self.plan_ctx)
        self.changed.clear()
        ensure_plans(self.repo, now, self.plan_ctx)

    def now(self) -> datetime:
        """Return the current time in the user's zone (the fixed clock in tests)."""
        return self.clock()

    @property
    def country(self) -> str | None:
        """The country whose public holidays count, if the user set one."""
        return self.settings.country or None
