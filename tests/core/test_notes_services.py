"""Notes stored and used: open (drafted once), save, siblings, mark sent (touch + action)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.demo import build_demo
from core.models import ActionKind, ActionState, Channel, NoteKind, TouchKind
from core.repository import Repository
from core.services_notes import (
    NoteProblem,
    mark_sent,
    note_kind,
    note_view,
    open_for_action,
    open_note,
    save_note,
)
from core.services_plan import GuardWarning, ensure_plans, log_touch
from tests.core.plan_helpers import US, ny, status_touch

NOW = ny(2026, 11, 22, 15, 30)


@pytest.fixture
def demo(repo: Repository) -> Repository:
    """The demo database, planned, at NOW."""
    build_demo(repo, NOW)
    ensure_plans(repo, NOW, US)
    return repo


def panel(repo: Repository) -> list[int]:
    """The ids of the Acme panel (Priya, Marcus, Lena)."""
    latest = repo.latest_interview()
    assert latest is not None and latest.company == "Acme Robotics"
    return [p.id or 0 for p, _ in repo.participants(latest.interview.id or 0)]


def action_of(repo: Repository, person_id: int, kind: ActionKind) -> int:
    """The id of the planned action of this kind for this person."""
    rows = [r.action for r in repo.plan_rows() if r.action.person_id == person_id]
    return next(a.id or 0 for a in rows if a.kind is kind)


def test_migration_0004_creates_the_notes_table(repo: Repository) -> None:
    """The schema has a notes table with the columns the Note model stores."""
    columns = {c.name for c in repo.db["notes"].columns}
    assert columns == {
        "id",
        "interview_id",
        "person_id",
        "kind",
        "action_id",
        "subject",
        "body",
        "sent_at",
    }


def test_c1_open_drafts_once_then_reopens_the_same_note(demo: Repository) -> None:
    """C1/C4: opening drafts the note from their highlights; opening again keeps what was typed."""
    priya, _, _ = panel(demo)
    view = open_note(demo, priya, NoteKind.THANK_YOU, NOW)
    assert view.note.body.startswith("Dear Priya,")
    assert "first ingest service" in view.note.body
    save_note(demo, view.note.id or 0, "Thanks, Priya", "Dear Priya,\n\nMy own words.")
    again = open_note(demo, priya, NoteKind.THANK_YOU, NOW)
    assert again.note.id == view.note.id
    assert again.note.subject == "Thanks, Priya"
    assert again.note.body == "Dear Priya,\n\nMy own words."


def test_open_for_action_attaches_the_action(demo: Repository) -> None:
    """Enter on a thank-you action opens that person's thank-you, linked to the action."""
    _, marcus, _ = panel(demo)
    written = open_note(demo, marcus, NoteKind.THANK_YOU, NOW)  # from contacts first
    action_id = action_of(demo, marcus, ActionKind.THANK_YOU)
    view = open_for_action(demo, action_id, NOW)
    assert view.note.id == written.note.id
    assert view.note.action_id == action_id
    assert view.person.name == "Marcus Chen"


def test_open_for_action_refuses_what_is_not_a_message(demo: Repository) -> None:
    """A debrief is not a note; a follow-up with nobody to write to says so."""
    debrief = next(r.action for r in demo.plan_rows() if r.action.kind is ActionKind.DEBRIEF)
    assert note_kind(ActionKind.DEBRIEF) is None
    assert note_kind(ActionKind.LINKEDIN) is NoteKind.LINKEDIN
    with pytest.raises(NoteProblem, match="not a message"):
        open_for_action(demo, debrief.id or 0, NOW)


def test_c1_siblings_are_other_peoples_notes_of_the_application(demo: Repository) -> None:
    """C1: a note is compared with the other people's thank-yous, never with their own."""
    priya, marcus, lena = panel(demo)
    a = open_note(demo, priya, NoteKind.THANK_YOU, NOW)
    open_note(demo, priya, NoteKind.LINKEDIN, NOW)  # Priya's own: not a sibling
    open_note(demo, lena, NoteKind.STATUS_CHECK, NOW)  # another kind: not compared
    b = open_note(demo, marcus, NoteKind.THANK_YOU, NOW)
    assert [s.person for s in note_view(demo, a.note.id or 0).check_input.siblings] == [
        "Marcus Chen"
    ]
    save_note(demo, b.note.id or 0, "Thanks", a.note.body.replace("Priya", "Marcus"))
    view = note_view(demo, b.note.id or 0)
    findings = view.findings("Thanks", a.note.body.replace("Priya", "Marcus"))
    assert [f.sibling for f in findings if f.code == "C1"] == ["Priya Raman"]


def test_mark_sent_logs_the_touch_and_completes_the_action(demo: Repository) -> None:
    """Mark sent: a thanks touch by email is logged and the thank-you action is done."""
    priya, _, _ = panel(demo)
    action_id = action_of(demo, priya, ActionKind.THANK_YOU)
    view = open_for_action(demo, action_id, NOW)
    sent = mark_sent(demo, view.note.id or 0, NOW, US)
    assert sent.sent_at == NOW
    assert demo.get_action(action_id).state is ActionState.DONE
    (touch,) = [t for t in demo.touches(view.note.interview_id) if t.person_id == priya]
    assert (touch.kind, touch.channel) == (TouchKind.THANKS, Channel.EMAIL)
    with pytest.raises(NoteProblem, match="Already"):
        mark_sent(demo, view.note.id or 0, NOW, US)


def test_mark_sent_without_action_finds_the_open_one(demo: Repository) -> None:
    """A note opened from contacts still completes the person's open action of its kind."""
    _, marcus, _ = panel(demo)
    view = open_note(demo, marcus, NoteKind.LINKEDIN, NOW)
    assert view.note.action_id is None
    sent = mark_sent(demo, view.note.id or 0, NOW, US)
    action_id = action_of(demo, marcus, ActionKind.LINKEDIN)
    assert sent.action_id == action_id
    assert demo.get_action(action_id).state is ActionState.DONE
    touches = [t for t in demo.touches(view.note.interview_id) if t.person_id == marcus]
    assert [(t.kind, t.channel) for t in touches] == [(TouchKind.OTHER, Channel.LINKEDIN)]


def test_d7_status_check_sent_too_soon_asks_first(demo: Repository, tmp_path: Path) -> None:
    """D7: a second status check days after the first: the guard warns; override goes ahead."""
    priya, _, _ = panel(demo)
    interview_id = demo.latest_interview().interview.id or 0  # type: ignore[union-attr]
    earlier = status_touch(NOW - timedelta(days=2)).model_copy(
        update={"interview_id": interview_id}
    )
    log_touch(demo, earlier, NOW, US, override=True)
    view = open_note(demo, priya, NoteKind.STATUS_CHECK, NOW)
    with pytest.raises(GuardWarning):
        mark_sent(demo, view.note.id or 0, NOW, US)
    assert demo.get_note(view.note.id or 0).sent_at is None
    sent = mark_sent(demo, view.note.id or 0, NOW, US, override=True)
    assert isinstance(sent.sent_at, datetime)
    assert demo.touches(interview_id)[-1].guard_overridden


def test_status_checks_get_one_note_per_action(demo: Repository) -> None:
    """D7/D8: a sent status check is not reopened for the next one."""
    priya, _, _ = panel(demo)
    first = open_note(demo, priya, NoteKind.STATUS_CHECK, NOW)
    mark_sent(demo, first.note.id or 0, NOW, US, override=True)
    second = open_note(demo, priya, NoteKind.STATUS_CHECK, NOW)
    assert second.note.id != first.note.id
    assert second.note.sent_at is None


def test_saving_cleans_escape_sequences(demo: Repository) -> None:
    """User text is cleaned before it is stored (no escape sequence reaches a terminal)."""
    priya, _, _ = panel(demo)
    view = open_note(demo, priya, NoteKind.THANK_YOU, NOW)
    save_note(demo, view.note.id or 0, "Hi\x1b[31m red\nline", "Body\x1b]0;title\x07 ok")
    stored = demo.get_note(view.note.id or 0)
    assert (stored.subject, stored.body) == ("Hi red line", "Body ok")


def test_a_person_never_met_cannot_get_a_note(demo: Repository) -> None:
    """A note needs an interview where the person was met."""
    from core.models import Person

    app_id = demo.get_interview(demo.latest_interview().interview.id or 0).application_id  # type: ignore[union-attr]
    stranger = demo.add_person(Person(application_id=app_id, name="Nobody Met"))
    with pytest.raises(NoteProblem, match="not met"):
        open_note(demo, stranger.id or 0, NoteKind.THANK_YOU, NOW)
