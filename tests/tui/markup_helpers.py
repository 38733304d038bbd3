"""Shared by the markup tests of every screen (issue #7, item 8): the strings, a database whose
user text all looks like markup (in a folder whose name does too), and what the app shows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets._toast import Toast

from core.models import QA
from core.repository import Repository
from core.services import Capture, capture_interview
from tests.tui.pilot_helpers import NOW, SIZE, rendered, screen_text, type_text
from tui.app import AfterwordApp

STRINGS = (
    "[/]",
    "[/bold]",
    "[link=x]y[/link]",
    "[Bob] said",
    "[TODO]",
    "a[b] c",
    "[$accent]x",
    "[@click=app.quit]x[/]",
)
CLICK = STRINGS[-1]
LINK = STRINGS[2]
BOB = "[Bob] said"
AB = "a[b] c"
FOLDER = "[Bob] said [$accent]x [TODO]"  # a data folder named like markup ('/' cannot be in it)


@dataclass(frozen=True)
class World:
    """Acme (plain, three days ago) and the markup interview (an hour ago, opened at start)."""

    acme: int
    marked: int


def seed(db_path: Path) -> World:
    """Capture both interviews through core; the markup one gets every kind of user text."""
    repo = Repository.open(db_path)
    acme = capture_interview(
        repo, Capture(company="Acme", ended="3 days ago", people="Tom Baker"), NOW
    )
    marked = capture_interview(
        repo,
        Capture(
            company=CLICK,
            role=LINK,
            ended="1 hour ago",
            people=f"{BOB} <bob@acme.com>, {AB}",
            decision="in 2 weeks",
        ),
        NOW,
    )
    iid = marked.id or 0
    for text in STRINGS:
        repo.add_qa(QA(interview_id=iid, question=text, answer=f"I said {text}", stumped=True))
    for prompt in ("B4", "B7", "B8"):
        repo.save_answer(iid, prompt, "\n".join(STRINGS))
    repo.close()
    return World(acme.id or 0, iid)


def still_running(app: AfterwordApp) -> bool:
    """The app is up, with no exit requested (no action hidden in the text ran)."""
    return app.is_running and app.return_code is None


@asynccontextmanager
async def running(app: AfterwordApp) -> AsyncIterator[tuple[Pilot[None], list[Notification]]]:
    """Run the app with notifications and tooltips ON (Textual's tests turn them off, which
    hides a crash in a toast); yield the pilot and every notification the app was sent.
    On the way out: each was sent with markup off, and the app never exited by itself."""
    sent: list[Notification] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            sent.append(message.notification)

    async with app.run_test(
        size=SIZE, notifications=True, tooltips=True, message_hook=hook
    ) as pilot:
        await pilot.pause()
        yield pilot, sent
        assert still_running(app)
    assert [n.message for n in sent if n.markup] == []


def toasts(app: AfterwordApp) -> list[str]:
    """The plain text of every notification on screen now."""
    return [rendered(toast) for toast in app.screen.query(Toast)]


async def click_text(pilot: Pilot[None], widget: Widget, text: str) -> int:
    """Click where `widget` shows `text` (its first cell, on the first row showing it): where a
    parsed [@click]/[link] would have put its link. Return how many clicks were made."""
    app = pilot.app
    region = widget.region
    rows = screen_text(app).splitlines()[region.y : region.bottom]
    for y, shown in enumerate(rows, start=region.y):
        col = shown[region.x : region.right].find(text)
        if col >= 0:
            await pilot.click(offset=(region.x + col, y))
            assert still_running(app), f"clicking {text!r} in {widget} ran something"  # type: ignore[arg-type]
            return 1
    return 0


async def retype(pilot: Pilot[None], field: Input, text: str) -> None:
    """Empty a one-line field with real keys (end, ctrl+u), then type `text`."""
    assert pilot.app.focused is field
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)
    assert field.value == text
