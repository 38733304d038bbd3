"""Use cases of notes: open (drafting it the first time) per person and kind or per action,
save as typed, check, and mark sent (the touch is logged and the action completed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.models import (
    Action,
    ActionKind,
    Channel,
    Interview,
    Note,
    NoteKind,
    Person,
    Touch,
    TouchKind,
)
from core.note_checks import CheckInput, NoteFinding, Sibling, check_note
from core.notes import DraftInput, draft
from core.repository import Repository
from core.schedule import PlanContext
from core.services_plan import log_touch, mark_done

NOTE_KINDS = frozenset(NoteKind)
"""Every action kind whose value is also a note kind opens the note editor."""
_TOUCH = {
    NoteKind.THANK_YOU: TouchKind.THANKS,
    NoteKind.MAILED_NOTE: TouchKind.THANKS,
    NoteKind.STAFF_THANKS: TouchKind.THANKS,
    NoteKind.VALUE_ADD: TouchKind.VALUE_ADD,
    NoteKind.STATUS_CHECK: TouchKind.STATUS,
}
_CHANNEL = {NoteKind.MAILED_NOTE: Channel.MAIL, NoteKind.LINKEDIN: Channel.LINKEDIN}
_THANKS_FAMILY = frozenset({NoteKind.THANK_YOU, NoteKind.MAILED_NOTE})
_DEBRIEF_PROMPTS = ("B3", "B6", "B8", "B9")


class NoteProblem(Exception):
    """A note cannot be opened or sent; the message says why, for the user."""


@dataclass(frozen=True)
class NoteView:
    """A note with everything shown and checked beside it: the person, the role, siblings."""

    note: Note
    person: Person
    company: str
    role: str
    check_input: CheckInput

    def findings(self, subject: str, body: str) -> list[NoteFinding]:
        """Run every check on the text as it is now (C1, C5, C6, D8, A1, A2, C3, D10)."""
        return check_note(subject, body, self.check_input)


def note_kind(kind: ActionKind) -> NoteKind | None:
    """The note an action asks for (a thank-you, a status check ...), or None (a debrief)."""
    return NoteKind(kind.value) if kind.value in NOTE_KINDS else None


def when_phrase(ended: datetime, now: datetime) -> str:
    """How the note says when you met: 'today', 'yesterday', 'on Tuesday', 'on 3 November'."""
    day, today = ended.astimezone(now.tzinfo).date(), now.date()
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if today - timedelta(days=6) <= day < today:
        return f"on {day:%A}"
    return f"on {day.day} {day:%B}"


def _interview_of(repo: Repository, person: Person, interview_id: int | None) -> int:
    met = repo.interviews_met([person.id or 0]).get(person.id or 0, [])
    if interview_id is not None and interview_id in met:
        return interview_id
    if not met:
        raise NoteProblem(f"{person.name} was not met at any interview yet.")
    return met[-1]


def _draft_input(
    repo: Repository, interview: Interview, person: Person, kind: NoteKind, now: datetime
) -> DraftInput:
    application = repo.get_application(interview.application_id)
    panel = repo.participants(interview.id or 0)
    ids = [p.id for p, _ in panel]
    highlights = next((link.highlights for p, link in panel if p.id == person.id), "")
    decision = interview.decision_date
    return DraftInput(
        kind=kind,
        person=person,
        company=application.company,
        role=application.role,
        highlights=highlights,
        answers=repo.answers(interview.id or 0),
        variant=ids.index(person.id) if person.id in ids else len(ids),
        when=when_phrase(interview.ended_at, now),
        decision=f"by {decision:%A} {decision.day} {decision:%B}" if decision else "",
    )


def _create(
    repo: Repository,
    interview_id: int,
    person: Person,
    kind: NoteKind,
    action_id: int | None,
    now: datetime,
) -> Note:
    interview = repo.get_interview(interview_id)
    text = draft(_draft_input(repo, interview, person, kind, now))
    note = Note(
        interview_id=interview_id,
        person_id=person.id or 0,
        kind=kind,
        action_id=action_id,
        subject=text.subject,
        body=text.body,
    )
    return repo.add_note(note)


def open_note(
    repo: Repository,
    person_id: int,
    kind: NoteKind,
    now: datetime,
    *,
    interview_id: int | None = None,
    action_id: int | None = None,
) -> NoteView:
    """Open this person's note of this kind (one per interview; status checks one per
    action), drafting it from their highlights the first time (C4, C5)."""
    person = repo.get_person(person_id)
    if action_id is not None:
        found = repo.note_of_action(action_id)
        if found is not None and found.id is not None:
            return note_view(repo, found.id)
    iid = _interview_of(repo, person, interview_id)
    existing = repo.notes_for(iid, person_id, kind)
    reusable = [
        n
        for n in existing
        if kind is not NoteKind.STATUS_CHECK or (n.action_id is None and n.sent_at is None)
    ]
    if reusable and reusable[-1].id is not None:
        note = reusable[-1]
        if action_id is not None and note.action_id is None:
            note = repo.update_note(note.id or 0, action_id=action_id)
        return note_view(repo, note.id or 0)
    created = _create(repo, iid, person, kind, action_id, now)
    return note_view(repo, created.id or 0)


def open_for_action(repo: Repository, action_id: int, now: datetime) -> NoteView:
    """Open the note a planned action asks for (its person and kind)."""
    action = repo.get_action(action_id)
    kind = note_kind(action.kind)
    if kind is None:
        raise NoteProblem(f"#{action_id} is not a message to write.")
    if action.person_id is None:
        raise NoteProblem("Nobody to write to for this follow-up: add a contact first.")
    return open_note(
        repo,
        action.person_id,
        kind,
        now,
        interview_id=action.interview_id,
        action_id=action_id,
    )


def note_view(repo: Repository, note_id: int) -> NoteView:
    """A stored note with its person, role, highlights, debrief and sibling notes (C1)."""
    note = repo.get_note(note_id)
    person = repo.get_person(note.person_id)
    interview = repo.get_interview(note.interview_id)
    application = repo.get_application(interview.application_id)
    highlights = next(
        (link.highlights for p, link in repo.participants(note.interview_id) if p.id == person.id),
        "",
    )
    answers = repo.answers(note.interview_id)
    debrief = "\n".join(answers.get(p, "") for p in _DEBRIEF_PROMPTS)
    debrief += "\n" + "\n".join(q.question for q in repo.qa_list(note.interview_id))
    siblings = tuple(
        Sibling(s.person, s.note.body)
        for s in repo.sibling_notes(note)
        if s.note.kind is note.kind or {s.note.kind, note.kind} <= _THANKS_FAMILY
    )
    check_input = CheckInput(
        kind=note.kind,
        person=person,
        company=application.company,
        role=application.role,
        highlights=highlights,
        debrief=debrief,
        siblings=siblings,
    )
    return NoteView(note, person, application.company, application.role, check_input)


def save_note(repo: Repository, note_id: int, subject: str, body: str) -> None:
    """Store the subject and body as typed (one small UPDATE; called by save-as-you-type)."""
    repo.save_note_text(note_id, subject, body)


def _open_action(repo: Repository, note: Note) -> Action | None:
    if note.action_id is not None:
        try:
            action = repo.get_action(note.action_id)
        except KeyError:
            action = None
        if action is not None and action.is_open:
            return action
    for action in repo.actions_of(note.interview_id):
        same = action.person_id == note.person_id and note_kind(action.kind) is note.kind
        if same and action.is_open:
            return action
    return None


def mark_sent(
    repo: Repository, note_id: int, now: datetime, ctx: PlanContext, *, override: bool = False
) -> Note:
    """Mark a note sent: its touch is logged (D7 guard first: GuardWarning unless override)
    and its open action completed."""
    note = repo.get_note(note_id)
    if note.sent_at is not None:
        raise NoteProblem(f"Already marked sent on {note.sent_at:%a %d %b %H:%M}.")
    action = _open_action(repo, note)
    touch_kind = _TOUCH.get(note.kind, TouchKind.OTHER)
    if action is not None and action.id is not None and touch_kind is not TouchKind.OTHER:
        mark_done(repo, action.id, now, ctx, override=override)  # logs the touch itself
    else:
        touch = Touch(
            interview_id=note.interview_id,
            person_id=note.person_id,
            at=now,
            kind=touch_kind,
            channel=_CHANNEL.get(note.kind, Channel.EMAIL),
            note=note.subject or note.kind.value.replace("_", " "),
        )
        log_touch(repo, touch, now, ctx, override=override, link=action is None)
        if action is not None and action.id is not None:
            mark_done(repo, action.id, now, ctx)
    fields: dict[str, object] = {"sent_at": now}
    if action is not None and note.action_id is None:
        fields["action_id"] = action.id
    return repo.update_note(note_id, **fields)
