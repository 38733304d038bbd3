"""Storage of the people met and their link to each interview (with B2 highlights)."""

from __future__ import annotations

from typing import Any

from core.models import Participant, Person
from core.repository.base import StoreBase

_PERSON_COLUMNS = tuple(f for f in Person.model_fields if f != "id")


class PeopleStore(StoreBase):
    """People of an application, and who was met at which interview."""

    def add_person(self, person: Person) -> Person:
        """Store a new person and return them with their id."""
        data = person.model_dump(mode="json", exclude={"id"})
        columns = ", ".join(_PERSON_COLUMNS)
        values = ", ".join(f":{c}" for c in _PERSON_COLUMNS)
        with self.write():
            new_id = self.run(f"INSERT INTO people ({columns}) VALUES ({values})", data)
        return person.model_copy(update={"id": new_id})

    def get_person(self, person_id: int) -> Person:
        """Return the person with this id (KeyError if there is none)."""
        rows = self.rows("SELECT * FROM people WHERE id = ?", [person_id])
        if not rows:
            raise KeyError(f"no person {person_id}")
        return Person.model_validate(rows[0])

    def update_person(self, person_id: int, **fields: Any) -> Person:
        """Change some fields of a person (validated first) and return them."""
        current = self.get_person(person_id)
        updated = Person.model_validate({**current.model_dump(), **fields})
        data = updated.model_dump(mode="json")
        assignments = ", ".join(f"{k} = :{k}" for k in fields)
        with self.write():
            self.run(
                f"UPDATE people SET {assignments} WHERE id = :id",
                {**{k: data[k] for k in fields}, "id": person_id},
            )
        return updated

    def delete_person(self, person_id: int) -> None:
        """Delete a person, their details and their highlights (secure_delete wipes the bytes)."""
        with self.write():
            self.run("DELETE FROM people WHERE id = ?", [person_id])

    def find_person(self, application_id: int, name: str) -> Person | None:
        """Return the person of this application with this name (case-insensitive), if any."""
        rows = self.rows(
            "SELECT * FROM people WHERE application_id = ? AND name = ? COLLATE NOCASE LIMIT 1",
            [application_id, name],
        )
        return Person.model_validate(rows[0]) if rows else None

    def people_of_application(self, application_id: int) -> list[Person]:
        """Return the people of an application, by name."""
        rows = self.rows(
            "SELECT * FROM people WHERE application_id = ? ORDER BY name COLLATE NOCASE",
            [application_id],
        )
        return [Person.model_validate(r) for r in rows]

    def link_participant(self, interview_id: int, person_id: int) -> None:
        """Record that this person was met at this interview (no-op if already linked)."""
        with self.write():
            self.run(
                "INSERT OR IGNORE INTO participants (interview_id, person_id, position) "
                "VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM participants "
                "WHERE interview_id = ?))",
                [interview_id, person_id, interview_id],
            )

    def participants(self, interview_id: int) -> list[tuple[Person, Participant]]:
        """Return the people met at an interview, in the order given, with their highlights."""
        rows = self.rows(
            "SELECT p.*, x.highlights AS _highlights FROM participants x "
            "JOIN people p ON p.id = x.person_id WHERE x.interview_id = ? "
            "ORDER BY x.position, p.id",
            [interview_id],
        )
        result = []
        for row in rows:
            highlights = row.pop("_highlights")
            person = Person.model_validate(row)
            assert person.id is not None
            result.append(
                (
                    person,
                    Participant(
                        interview_id=interview_id, person_id=person.id, highlights=highlights
                    ),
                )
            )
        return result

    def save_highlights(self, interview_id: int, person_id: int, text: str) -> None:
        """B2: store the highlights of the conversation with one person (cleaned)."""
        link = Participant(interview_id=interview_id, person_id=person_id, highlights=text)
        with self.write():
            self.run(
                "UPDATE participants SET highlights = ? WHERE interview_id = ? AND person_id = ?",
                [link.highlights, interview_id, person_id],
            )
