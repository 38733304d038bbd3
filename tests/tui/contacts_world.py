"""The contacts tests' world (Acme's two rounds, Globex) and how they read the screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input

from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import NOW
from tui.app import AfterwordApp
from tui.screens.contacts import ContactsScreen


@dataclass(frozen=True)
class Acme:
    """Two rounds at Acme (Jane and John met in the first, Ann in the second) and Globex."""

    application_id: int
    round1: int
    round2: int
    jane: int


def make_acme(db_path: Path) -> Acme:
    """Acme's two rounds and Globex in the file; the app opens on Acme's round 2 (the
    interview that ended last)."""
    repo = Repository.open(db_path)
    round1 = capture_interview(
        repo,
        Capture(
            company="Acme",
            role="Engineer",
            ended="2026-11-12 10:00",
            people="Jane Doe <jane.doe@acme.com>, John Smith",
        ),
        NOW,
    )
    round2 = capture_interview(
        repo, Capture(company="Acme", role="Engineer", ended="1 hour ago", people="Ann Lee"), NOW
    )
    capture_interview(
        repo, Capture(company="Globex", ended="2026-11-01 10:00", people="Tom Baker"), NOW
    )
    jane = repo.find_person(round1.application_id, "Jane Doe")
    assert jane is not None and jane.id is not None
    repo.save_highlights(round1.id or 0, jane.id, "Jane sails off Nantucket; ask about the race.")
    repo.close()
    assert round2.round == 2 and round2.application_id == round1.application_id
    return Acme(round1.application_id, round1.id or 0, round2.id or 0, jane.id)


def table(app: AfterwordApp) -> DataTable[object]:
    """The contacts table."""
    assert isinstance(app.screen, ContactsScreen)
    return app.screen.query_one("#contacts-table", DataTable)


def names(app: AfterwordApp) -> list[str]:
    """The names in the table, top to bottom (without the spelling mark)."""
    grid = table(app)
    return [
        str(grid.get_cell_at(Coordinate(i, 0))).removesuffix(" ✓") for i in range(grid.row_count)
    ]


def field(app: AfterwordApp, name: str) -> Input:
    """A one-line field of the detail panel."""
    return app.screen.query_one(f"#f-{name}", Input)
