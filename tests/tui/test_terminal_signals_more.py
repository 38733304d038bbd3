"""Every way out keeps what was typed in the contacts detail panel and in the note editor.

Like test_terminal_signals.py (the debrief), in a real pseudo-terminal: the app is driven by
keys to a field, the text is typed continuously (no pause) and the app is left at once after
the last key: SIGHUP, SIGTERM, ctrl+q, or the terminal window closed. The database, read
back through the Repository after the app is gone, must hold every character; the terminal
must be restored. One seed (an interview at Acme with Jane Doe and Bob Roe, and its plan) is
made once and copied for each test.
"""

from __future__ import annotations

import shutil
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_plan import ensure_plans, plan_context
from core.settings import Settings
from tests.tui.terminal_harness import (
    CTRL_Q,
    DOWN,
    ENTER,
    PtyApp,
    assert_terminal_restored,
    quick_check,
    wait_until,
)

NOW = datetime(2026, 5, 4, 16, 30, tzinfo=UTC)
EXIT_TIMEOUT = 10.0  # seconds; as in test_terminal_signals.py
TAB = b"\t"
# Typed key by key; "\r" is the Enter key (a new line in the multi-line fields).
LINE_TEXT = "VP Engineering [TODO], Platform & Queues [/] ok"
AREA_TEXT = "~Sails; [bold]not markup[/]\rtwo kids, on-call."


@dataclass(frozen=True)
class Seed:
    """The ids in the seeded database."""

    db: Path
    interview_id: int
    jane_id: int
    bob_id: int
    thank_jane_id: int  # Jane's planned thank-you email (the timeline's second action)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Seed:
    """One database made through core: the interview, its two people and its plan."""
    db = tmp_path_factory.mktemp("seed") / "a.db"
    repo = Repository.open(db)
    try:
        interview = capture_interview(
            repo,
            Capture(company="Acme", role="Engineer", people="Jane Doe <jane@acme.com>, Bob Roe"),
            NOW,
        )
        assert interview.id is not None
        ensure_plans(repo, NOW, plan_context(Settings(), "UTC"))
        people = {p.name: p.id or 0 for p, _ in repo.participants(interview.id)}
        thanks = [
            a.id or 0
            for a in repo.actions_of(interview.id)
            if a.kind.value == "thank_you" and a.person_id == people["Jane Doe"]
        ]
        assert len(thanks) == 1
        return Seed(db, interview.id, people["Jane Doe"], people["Bob Roe"], thanks[0])
    finally:
        repo.close()


def _copy(seed: Seed, folder: Path) -> Path:
    for part in seed.db.parent.glob(seed.db.name + "*"):
        shutil.copy2(part, folder / part.name)
    return folder / seed.db.name


def _read(db: Path, read: Callable[[Repository], str]) -> str:
    repo = Repository.open(db)
    try:
        return read(repo)
    finally:
        repo.close()


@dataclass
class Field:
    """A field reached by keys: how to get there, how to read it, what it held before."""

    app: PtyApp
    db: Path
    read: Callable[[Repository], str]
    before: str  # the stored text before the first key
    at: int  # where the typed text goes in it (the editor's cursor)
    text: str  # what the test types (the first key is typed by the fixture)

    def stored(self) -> str:
        """The field as stored now."""
        return _read(self.db, self.read)

    def expected(self, typed: str) -> str:
        """The stored text once `typed` (keys as sent) reached the field."""
        return self.before[: self.at] + typed.replace("\r", "\n") + self.before[self.at :]


def _go_contacts(app: PtyApp, tabs: int, label: str) -> None:
    app.send(b"c")
    app.wait_for_text("Spelling confirmed")  # the detail panel of Bob Roe (first by name)
    app.send_and_wait_for_cursor_move(b"e")  # the cursor in the name
    app.send(TAB * tabs)
    # Keys sent with the tabs in one burst would still reach the name (see the report of
    # issue #7): the first key waits until the field beside the label has the focus.
    app.wait_for_cursor_on_row_of(label)


def _go_note(app: PtyApp) -> None:
    app.send(b"t")
    app.wait_for_text("Follow-up plan")  # the timeline: Debrief first, then Jane's thank-you
    app.send(DOWN)
    app.wait_for_text("Thank-you email for Jane Doe")  # the detail line of that action
    app.send_and_wait_for_cursor_move(ENTER)  # the note editor, the cursor in the body
    app.wait_for_text("Thank-you email to Jane Doe")


def _title(seed: Seed) -> Callable[[Repository], str]:
    return lambda repo: repo.get_person(seed.bob_id).title


def _personal(seed: Seed) -> Callable[[Repository], str]:
    return lambda repo: repo.get_person(seed.bob_id).personal


def _note_body(seed: Seed) -> Callable[[Repository], str]:
    def read(repo: Repository) -> str:
        note = repo.note_of_action(seed.thank_jane_id)
        return note.body if note is not None else ""

    return read


TARGETS = {
    # contacts: e puts the cursor in the name; tab twice: past the checkbox to the title
    "contacts-title": (lambda app: _go_contacts(app, 2, "Title"), _title, LINE_TEXT),
    # ... eleven times: the multi-line "Something personal" (a TextArea)
    "contacts-personal": (lambda app: _go_contacts(app, 11, "Something"), _personal, AREA_TEXT),
    # timeline, Jane's thank-you, Enter: the note editor (a NoteArea) on its drafted body
    "note-body": (_go_note, _note_body, AREA_TEXT),
}


@pytest.fixture
def field(request: pytest.FixtureRequest, seed: Seed, tmp_path: Path) -> Iterator[Field]:
    """The app in a pty on a copy of the seed, in the target field, its first key saved."""
    go, reader, text = TARGETS[request.param]
    db = _copy(seed, tmp_path)
    app = PtyApp(db, tmp_path)
    try:
        app.wait_for_text("Questions asked")
        go(app)
        read = reader(seed)
        before = _read(db, read)  # the note editor drafted the note when it opened
        app.send(text[0].encode())
        stored = wait_until(lambda: (s := _read(db, read)) != before and s, 15)
        assert stored, f"the first key did not reach {request.param} (cursor {app.cursor()!r})"
        at = next(
            (i for i, (a, b) in enumerate(zip(stored, before, strict=False)) if a != b), len(before)
        )
        found = Field(app, db, read, before, at, text)
        assert stored == found.expected(text[0]), f"not one key inserted: {stored!r}"
        yield found
    finally:
        app.close()


def _type_on(app: PtyApp, text: str, gap: float = 0.01) -> list[tuple[float, str]]:
    """Type `text` key by key without a pause; the time each key was sent, with all so far.
    Returns at once after the last key."""
    log = []
    for i, ch in enumerate(text):
        if i:
            time.sleep(gap)
        app.send(ch.encode())
        log.append((time.monotonic(), text[: i + 1]))
    return log


def _signal(sig: signal.Signals) -> Callable[[Field], None]:
    return lambda field: field.app.kill(sig)


def _close_window(field: Field) -> None:
    """Close the terminal once the app has read the last key: on a hang-up the kernel throws
    away input no one has read yet, which no program could save."""
    field.app.wait_for_text(field.text.split("\r")[-1][-8:])
    field.app.hang_up()


EXITS: dict[str, tuple[Callable[[Field], None], bool]] = {
    # how to leave, and whether the terminal is still there to be restored
    "SIGHUP": (_signal(signal.SIGHUP), True),
    "SIGTERM": (_signal(signal.SIGTERM), True),
    "ctrl+q": (lambda field: field.app.send(CTRL_Q), True),
    "window-closed": (_close_window, False),
}


# The one-line title and the note's body with every way out; the contacts panel's text area
# (same panel, same saver as the title) with one. "window-closed" is the kernel's own SIGHUP:
# no terminal is left to restore.
CASES = [
    *((target, way) for target in ("contacts-title", "note-body") for way in EXITS),
    ("contacts-personal", "SIGHUP"),
]


@pytest.mark.parametrize(("field", "way"), CASES, indirect=["field"])
def test_leaving_right_after_the_last_key_keeps_every_character(field: Field, way: str) -> None:
    """SIGHUP, SIGTERM, ctrl+q, the window closed, at once after typing: all saved, exit 0."""
    leave, restorable = EXITS[way]
    _type_on(field.app, field.text[1:])
    leave(field)
    started = time.monotonic()
    assert field.app.wait_exit(EXIT_TIMEOUT) == 0
    assert time.monotonic() - started < EXIT_TIMEOUT
    assert field.stored() == field.expected(field.text)
    if restorable:
        assert_terminal_restored(field.app)
    assert quick_check(field.db) == ["ok"]


@pytest.mark.parametrize("field", ["note-body"], indirect=True)
def test_sigkill_while_typing_a_note_loses_at_most_the_last_500_ms(field: Field) -> None:
    """SIGKILL in the middle of typing a note: every key sent 500 ms before the kill is stored."""
    # 20 keys a second (fast typing) for two seconds, the kill straight after a key
    log = _type_on(field.app, field.text[1:], gap=0.05)
    killed_at = time.monotonic()
    field.app.kill(signal.SIGKILL)
    assert field.app.wait_exit(EXIT_TIMEOUT) == -signal.SIGKILL
    stored = field.stored()
    typed = stored[field.at : field.at + len(stored) - len(field.before)]
    assert stored == field.expected(typed), f"not the draft with typed text in it: {stored!r}"
    must_have = field.text[0] + max(
        (t for when, t in log if when <= killed_at - 0.5), key=len, default=""
    )
    assert field.text.replace("\r", "\n").startswith(typed), f"not what was typed: {typed!r}"
    assert len(typed) >= len(must_have), f"lost more than 500 ms: {typed!r}"
    assert quick_check(field.db) == ["ok"]
