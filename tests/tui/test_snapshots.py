"""Snapshots at 120x36 with the fixed clock: welcome, the New interview modal, a seeded debrief."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from core.demo import build_demo
from core.repository import Repository
from tests.tui.pilot_helpers import NOW, SIZE, MakeApp, type_text

SnapCompare = Callable[..., bool]


def test_welcome_on_an_empty_database(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


async def settled(pilot: Pilot[None]) -> None:
    """Wait for what the debrief does once drawn: the line of guidance is decided after an
    import in a thread (a snapshot taken before it would miss the line, now and then)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_new_interview_modal(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    async def fill_in(pilot: Pilot[None]) -> None:
        await pilot.press("n")
        await type_text(pilot, "Acme Robotics")
        await pilot.press("tab")
        await type_text(pilot, "Staff Platform Engineer")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Jane Doe <jane@acme.com>, John Smith")
        await pilot.press("tab")
        await type_text(pilot, "in 2 weeks")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=fill_in)


def test_debrief_of_the_demo_panel_interview(
    snap_compare: SnapCompare, make_app: MakeApp, db_path: Path
) -> None:
    repo = Repository.open(db_path)
    build_demo(repo, NOW)
    repo.close()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=settled)
