"""What the learning TUI tests share: three interviews to learn from, and where the debrief is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import ContentSwitcher

from core.models import QA
from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import NOW, type_text
from tui.app import AfterwordApp
from tui.screens.debrief import DebriefScreen
from tui.screens.search import SEARCH_DELAY, SearchScreen
from tui.widgets.debrief_body import DebriefBody
from tui.widgets.guidance_line import GuidanceLine

MARKUP = "Tell me about [bold]x[/] and [@click=app.quit] conflicts"


@dataclass(frozen=True)
class Three:
    """Globex (oldest: a stumper), Initech (a B4 answer), Acme (latest, highlights for Jane)."""

    globex: int
    initech: int
    acme: int


def make_three(db_path: Path) -> Three:
    """Three interviews over three weeks in the test's database; the app opens on Acme."""
    repo = Repository.open(db_path)
    ids = []
    for company, ended in (("Globex", "2026-11-02 10:00"), ("Initech", "2026-11-09 15:00")):
        ids.append(capture_interview(repo, Capture(company=company, ended=ended), NOW).id or 0)
    acme = capture_interview(
        repo, Capture(company="Acme", ended="1 hour ago", people="Jane Doe"), NOW
    )
    repo.add_qa(QA(interview_id=ids[0], question=MARKUP, answer="Listened first.", stumped=True))
    repo.save_answer(ids[1], "B4", "Rehearse the salary question; shorter stories.")
    jane = repo.participants(acme.id or 0)[0][0]
    repo.save_highlights(acme.id or 0, jane.id or 0, "Her robotics club, and the salary bands")
    repo.close()
    return Three(ids[0], ids[1], acme.id or 0)


def body(app: AfterwordApp) -> DebriefBody:
    """The debrief body shown (asserting the debrief is the screen)."""
    assert isinstance(app.screen, DebriefScreen)
    return app.screen.query_one(DebriefBody)


def current_prompt(app: AfterwordApp) -> str:
    """The prompt whose pane the debrief's editor shows."""
    return str(body(app).query_one("#editor", ContentSwitcher).current).removeprefix("pane-")


def guidance(app: AfterwordApp) -> str | None:
    """The rule of the guidance line shown under the debrief (None when hidden)."""
    tip = body(app).query_one(GuidanceLine)
    return tip.current.rule if tip.current is not None and tip.display else None


async def search_for(pilot: Pilot[None], words: str) -> SearchScreen:
    """Press / and type the words; wait for the results."""
    await pilot.press("slash")
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await type_text(pilot, words)
    await pilot.pause(SEARCH_DELAY + 0.1)
    return screen
