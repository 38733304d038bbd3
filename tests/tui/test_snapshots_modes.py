"""Snapshots of the contacts and timeline modes at 120x36, fixed clock, demo data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from core.demo import build_demo
from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import NOW, SIZE, MakeApp

SnapCompare = Callable[..., bool]


def demo(db_path: Path, *, nobody_met: bool = False) -> None:
    """The demo database; with `nobody_met`, a last interview where no name was written down."""
    repo = Repository.open(db_path)
    build_demo(repo, NOW)
    if nobody_met:
        capture_interview(repo, Capture(company="Umbrella", role="SRE", ended="now"), NOW)
    repo.close()


def test_contacts_of_an_interview_with_nobody_yet(
    snap_compare: SnapCompare, make_app: MakeApp, db_path: Path
) -> None:
    demo(db_path, nobody_met=True)
    assert snap_compare(make_app(), terminal_size=SIZE, press=["c"])


def test_contacts_panel_of_three_one_missing_email_one_guessed(
    snap_compare: SnapCompare, make_app: MakeApp, db_path: Path
) -> None:
    """Lena (no email, a guess offered), Marcus (guess accepted with g), Priya (card)."""
    demo(db_path)

    async def accept_marcus_guess(pilot: Pilot[None]) -> None:
        await pilot.press("c", "down", "g")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=accept_marcus_guess)


def test_timeline_of_one_interview(
    snap_compare: SnapCompare, make_app: MakeApp, db_path: Path
) -> None:
    demo(db_path)
    assert snap_compare(make_app(), terminal_size=SIZE, press=["t", "a"])


def test_timeline_of_everything(
    snap_compare: SnapCompare, make_app: MakeApp, db_path: Path
) -> None:
    demo(db_path)
    assert snap_compare(make_app(), terminal_size=SIZE, press=["t"])
