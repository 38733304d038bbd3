"""Storage of the people met and their link to each interview (with B2 highlights)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from core.repository.facts import FactsStore
from core.repository.search import forget_deleted_words
from core.repository.stored import application_from_row, person_from_row, read_tuples, stored

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Application, Participant, Person

CONTACTS_PAGE = 500
"""People a contacts list reads at most at once (#8: no list renders more than ~500 rows)."""
_ORDERS = {  # each satisfied by an index, so a page is read without sorting everyone
    "name": "p.name COLLATE NOCASE, p.id",
    "company": "a.company COLLATE NOCASE, a.id, p.name COLLATE NOCASE, p.id",
    "role": "p.role_kind, p.name COLLATE NOCASE, p.id",
}

_PERSON_COLUMNS = (  # the model's fields but id (tests/core/test_column_lists.py)
    "application_id",
    "name",
    "spelling_confirmed",
    "role_kind",
    "title",
    "email",
    "email_source",
    "phone",
    "mailing_address",
    "best_time",
    "preferred_mode",
    "linkedin",
    "personal",
)
_PERSON_SELECT = "SELECT id, " + ", ".join(_PERSON_COLUMNS) + " FROM people"
"""A person's stored fields (not the facts worked out from them: core.repository.facts)."""
_HIGH_WATER = "people_high_water"
_APP_COLUMNS = {f"_app_{f}": f for f in ("id", "company", "role", "status", "created_at")}
_PERSON_AND_APP = [f"p.{c}" for c in ("id", *_PERSON_COLUMNS)] + [
    f"a.{f} AS {k}" for k, f in _APP_COLUMNS.items()
]
_WITH_APP = "SELECT " + ", ".join(_PERSON_AND_APP)


def _listed(row: dict[str, Any]) -> tuple[Person, Application]:
    """A person and their application from a list's row, built without validating again."""
    return person_from_row(row), application_from_row(row, "_app_")


def _marks(values: Collection[Any]) -> str:
    return ", ".join("?" for _ in values)


def _person_and_application(row: dict[str, Any]) -> tuple[Person, Application]:
    from core.models import Application, Person

    app = Application.model_validate({f: row.pop(k) for k, f in _APP_COLUMNS.items()})
    return Person.model_validate(row), app


class PeopleStore(FactsStore):
    """People of an application, and who was met at which interview."""

    def add_person(self, person: Person) -> Person:
        """Store a new person and return them with their id (ids of deleted people are never
        given again, so an exported vCard UID always names the same person)."""
        data = person.model_dump(mode="json", exclude={"id"})
        columns = ", ".join(_PERSON_COLUMNS)
        values = ", ".join(f":{c}" for c in _PERSON_COLUMNS)
        with self.write():
            new_id = self.run(
                f"INSERT INTO people (id, {columns}) VALUES ("
                "MAX(COALESCE((SELECT MAX(id) FROM people), 0), COALESCE((SELECT CAST(value "
                f"AS INTEGER) FROM meta WHERE key = '{_HIGH_WATER}'), 0)) + 1, {values})",
                data,
            )
            self.write_email_facts(new_id, person.name, person.email)
        return person.model_copy(update={"id": new_id})

    def get_person(self, person_id: int) -> Person:
        """Return the person with this id (KeyError if there is none)."""
        from core.models import Person

        rows = self.rows(f"{_PERSON_SELECT} WHERE id = ?", [person_id])
        if not rows:
            raise KeyError(f"no person {person_id}")
        return Person.model_validate(rows[0])

    def update_person(self, person_id: int, **fields: Any) -> Person:
        """Change some fields of a person (validated first) and return them."""
        from core.models import Person

        current = self.get_person(person_id)
        updated = Person.model_validate({**current.model_dump(), **fields})
        data = updated.model_dump(mode="json")
        assignments = ", ".join(f"{k} = :{k}" for k in fields)
        with self.write():
            self.run(
                f"UPDATE people SET {assignments} WHERE id = :id",
                {**{k: data[k] for k in fields}, "id": person_id},
            )
            if {"name", "email"} & fields.keys():  # the trigger emptied them
                self.write_email_facts(person_id, updated.name, updated.email)
        return updated

    def delete_person(self, person_id: int) -> None:
        """Delete a person, their details and their highlights (secure_delete wipes the bytes)."""
        with self.write():
            self.run(
                "INSERT INTO meta (key, value) "
                "VALUES (?, COALESCE((SELECT MAX(id) FROM people), 0)) "
                "ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), "
                "CAST(excluded.value AS INTEGER))",
                [_HIGH_WATER],
            )
            self.run("DELETE FROM people WHERE id = ?", [person_id])
            forget_deleted_words(self)  # their highlights and notes were indexed

    def database_id(self) -> str:
        """Return this database's random id (made once by a migration; seeds vCard UIDs)."""
        rows = self.rows("SELECT value FROM meta WHERE key = 'database_id'")
        return str(rows[0]["value"])

    def people_with_application(
        self, application_id: int | None = None
    ) -> list[tuple[Person, Application]]:
        """Return people (of one application, or all) with their application, by company and
        name."""
        where, params = "", []
        if application_id is not None:
            where, params = "WHERE p.application_id = ?", [application_id]
        rows = self.rows(
            f"{_WITH_APP} FROM people p JOIN applications a ON a.id = p.application_id {where} "
            "ORDER BY a.company COLLATE NOCASE, p.name COLLATE NOCASE, p.id",
            params,
        )
        return [_person_and_application(r) for r in rows]

    def count_people(self, application_id: int | None = None) -> int:
        """Return how many people there are, in all or of one application."""
        where, params = (
            ("WHERE application_id = ?", [application_id]) if application_id else ("", [])
        )
        return int(self.rows(f"SELECT COUNT(*) AS n FROM people {where}", params)[0]["n"])

    def people_page(
        self,
        application_id: int | None = None,
        *,
        order: str = "name",
        offset: int = 0,
        limit: int = CONTACTS_PAGE,
    ) -> list[tuple[Person, Application]]:
        """Return one page of people (of one application, or all) with their application, by
        name, company or role (then name): the page's ids are found in the index alone, then
        only their rows are read."""
        by = _ORDERS[order]
        where, params = "", []
        if application_id is not None:
            where, params = "WHERE p.application_id = ?", [application_id]
        join = "FROM people p JOIN applications a ON a.id = p.application_id"
        inner = join if order == "company" else "FROM people p"  # the index alone, no rows
        rows = self.rows(
            f"{_WITH_APP} {join} WHERE p.id IN (SELECT p.id {inner} {where} ORDER BY {by} "
            f"LIMIT ? OFFSET ?) ORDER BY {by}",
            [*params, limit, max(0, offset)],
        )
        return [_listed(r) for r in rows]

    def people_at_company(self, company: str) -> list[tuple[Person, Application]]:
        """Return the people of every application with this company (case-insensitive)."""
        rows = self.rows(
            f"{_WITH_APP} FROM people p JOIN applications a ON a.id = p.application_id "
            "WHERE a.company = ? COLLATE NOCASE ORDER BY p.application_id DESC, p.id",
            [company],
        )
        return [_person_and_application(r) for r in rows]

    def addresses_at(self, companies: Collection[str]) -> list[tuple[str, int, str, str]]:
        """A2: (company as nocase() folds it, person id, name, email) of the people of any of
        these companies (NOCASE) who have an address that is not a guess, newest application
        first. SQLite's lower() folds ASCII letters only, as NOCASE and nocase() do."""
        names = sorted(set(companies))
        if not names:
            return []
        return read_tuples(
            self,
            "SELECT lower(a.company), p.id, p.name, p.email FROM people p "
            "JOIN applications a ON a.id = p.application_id "
            f"WHERE a.company COLLATE NOCASE IN ({_marks(names)}) AND p.email != '' "
            "AND p.email_source != 'guessed' ORDER BY p.application_id DESC, p.id",
            names,
        )

    def interviews_met(self, person_ids: list[int]) -> dict[int, list[int]]:
        """Return, for each person id, the interviews they were met at (oldest first)."""
        if not person_ids:
            return {}
        # CROSS JOIN: read each person's links, never every interview against the id list
        rows = self.rows(
            "SELECT x.person_id, x.interview_id FROM participants x "
            "CROSS JOIN interviews i ON i.id = x.interview_id "
            f"WHERE x.person_id IN ({_marks(person_ids)}) ORDER BY i.ended_at, i.id",
            list(person_ids),
        )
        met: dict[int, list[int]] = {pid: [] for pid in person_ids}
        for row in rows:
            met[row["person_id"]].append(row["interview_id"])
        return met

    def find_person(self, application_id: int, name: str) -> Person | None:
        """Return the person of this application with this name (case-insensitive), if any."""
        from core.models import Person

        rows = self.rows(
            f"{_PERSON_SELECT} WHERE application_id = ? AND name = ? COLLATE NOCASE LIMIT 1",
            [application_id, name],
        )
        return Person.model_validate(rows[0]) if rows else None

    def people_of_application(self, application_id: int) -> list[Person]:
        """Return the people of an application, by name."""
        from core.models import Person

        rows = self.rows(
            f"{_PERSON_SELECT} WHERE application_id = ? ORDER BY name COLLATE NOCASE",
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
        from core.models import Participant

        rows = self.rows(
            "SELECT p.*, x.highlights AS _highlights FROM participants x "
            "JOIN people p ON p.id = x.person_id WHERE x.interview_id = ? "
            "ORDER BY x.position, p.id",
            [interview_id],
        )
        result = []
        for row in rows:
            person = person_from_row(row)  # validated when written: read as stored
            link = {"interview_id": interview_id, "person_id": row["id"]}
            result.append((person, stored(Participant, {**link, "highlights": row["_highlights"]})))
        return result

    def save_highlights(self, interview_id: int, person_id: int, text: str) -> None:
        """B2: store the highlights of the conversation with one person (cleaned)."""
        from core.models import Participant

        link = Participant(interview_id=interview_id, person_id=person_id, highlights=text)
        with self.write():
            self.run(
                "UPDATE participants SET highlights = ? WHERE interview_id = ? AND person_id = ?",
                [link.highlights, interview_id, person_id],
            )

    def thanked_person_ids(self, person_ids: Collection[int] | None = None) -> set[int]:
        """C8: ids of the people a thank-you touch was logged for (among `person_ids`)."""
        return self._ids_with(
            "SELECT DISTINCT person_id FROM touches WHERE kind = 'thanks'", person_ids
        )

    def mailed_note_person_ids(self, person_ids: Collection[int] | None = None) -> set[int]:
        """C3: ids of the people an open mailed-note action is planned for (among
        `person_ids`)."""
        return self._ids_with(
            "SELECT DISTINCT person_id FROM actions WHERE kind = 'mailed_note' "
            "AND state IN ('planned', 'snoozed')",
            person_ids,
        )

    def _ids_with(self, select: str, person_ids: Collection[int] | None) -> set[int]:
        if person_ids is None:
            rows = self.rows(f"{select} AND person_id IS NOT NULL")
        elif not person_ids:
            return set()
        else:
            ids = sorted(person_ids)
            rows = self.rows(f"{select} AND person_id IN ({_marks(ids)})", ids)
        return {int(r["person_id"]) for r in rows}
