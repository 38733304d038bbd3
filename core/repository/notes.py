"""Storage of notes (thank-yous, follow-ups): one row per draft or sent message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from core.kinds import NoteKind
from core.repository.base import StoreBase
from core.text import clean_line, clean_text

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Note

_NOTE_COLUMNS = (  # the model's fields but id (tests/core/test_column_lists.py)
    "interview_id",
    "person_id",
    "kind",
    "action_id",
    "subject",
    "body",
    "sent_at",
)


class SiblingNote(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """Another person's note in the same application, with that person's name (C1)."""

    note: Note
    person: str


class NotesStore(StoreBase):
    """Notes to the people met, per interview, person and kind."""

    def add_note(self, note: Note) -> Note:
        """Store a new note and return it with its id."""
        data = note.model_dump(mode="json", exclude={"id"})
        columns = ", ".join(_NOTE_COLUMNS)
        values = ", ".join(f":{c}" for c in _NOTE_COLUMNS)
        with self.write():
            new_id = self.run(f"INSERT INTO notes ({columns}) VALUES ({values})", data)
        return note.model_copy(update={"id": new_id})

    def get_note(self, note_id: int) -> Note:
        """Return the note with this id (KeyError if there is none)."""
        from core.models import Note

        rows = self.rows("SELECT * FROM notes WHERE id = ?", [note_id])
        if not rows:
            raise KeyError(f"no note {note_id}")
        return Note.model_validate(rows[0])

    def update_note(self, note_id: int, **fields: Any) -> Note:
        """Change some fields of a note (validated first) and return it."""
        from core.models import Note

        current = self.get_note(note_id)
        updated = Note.model_validate({**current.model_dump(), **fields})
        data = updated.model_dump(mode="json")
        assignments = ", ".join(f"{k} = :{k}" for k in fields)
        with self.write():
            self.run(
                f"UPDATE notes SET {assignments} WHERE id = :id",
                {**{k: data[k] for k in fields}, "id": note_id},
            )
        return updated

    def save_note_text(self, note_id: int, subject: str, body: str) -> None:
        """Store a note's subject and body as typed (cleaned): one small UPDATE per save."""
        with self.write():
            self.run(
                "UPDATE notes SET subject = ?, body = ? WHERE id = ?",
                [clean_line(subject), clean_text(body), note_id],
            )

    def notes_for(self, interview_id: int, person_id: int, kind: NoteKind) -> list[Note]:
        """Return one person's notes of one kind for an interview, oldest first."""
        from core.models import Note

        rows = self.rows(
            "SELECT * FROM notes WHERE person_id = ? AND interview_id = ? AND kind = ? ORDER BY id",
            [person_id, interview_id, kind.value],
        )
        return [Note.model_validate(r) for r in rows]

    def note_of_action(self, action_id: int) -> Note | None:
        """Return the note written for this action, if there is one."""
        from core.models import Note

        rows = self.rows("SELECT * FROM notes WHERE action_id = ? ORDER BY id LIMIT 1", [action_id])
        return Note.model_validate(rows[0]) if rows else None

    def notes_of_interview(self, interview_id: int) -> list[Note]:
        """Return every note of an interview, oldest first."""
        from core.models import Note

        rows = self.rows("SELECT * FROM notes WHERE interview_id = ? ORDER BY id", [interview_id])
        return [Note.model_validate(r) for r in rows]

    def sibling_notes(self, note: Note, limit: int = 50) -> list[SiblingNote]:
        """C1: the notes to other people of the same application (any round), newest first."""
        from core.models import Note

        rows = self.rows(
            "SELECT n.*, p.name AS _person FROM notes n JOIN people p ON p.id = n.person_id "
            "JOIN interviews i ON i.id = n.interview_id "
            "WHERE i.application_id = (SELECT application_id FROM interviews WHERE id = ?) "
            "AND n.person_id != ? AND n.body != '' ORDER BY n.id DESC LIMIT ?",
            [note.interview_id, note.person_id, limit],
        )
        result = []
        for row in rows:
            person = row.pop("_person")
            result.append(SiblingNote(Note.model_validate(row), person))
        return result
