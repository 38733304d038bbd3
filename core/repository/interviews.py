"""Storage of applications and interviews."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.repository.base import StoreBase
from core.repository.stored import application_from_row, interview_from_stored, stored

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Application, Interview, InterviewSummary

_INTERVIEW_COLUMNS = (
    "application_id",
    "round",
    "ended_at",
    "format",
    "decision_date",
    "decision_phrase",
    "no_timeframe_given",
    "next_steps",
    "large_employer",
    "outcome",
    "checklist",
)


def interview_row(interview: Interview) -> dict[str, Any]:
    """Return the stored form of an interview (ISO dates, checklist as 'A1,A3')."""
    data = interview.model_dump(mode="json", exclude={"id"})
    data["checklist"] = ",".join(interview.checklist)
    return data


def interview_from_row(row: dict[str, Any]) -> Interview:
    """Build an interview from its stored row (validated when written: not again)."""
    return interview_from_stored(row)


class InterviewStore(StoreBase):
    """Applications and their interviews."""

    def add_application(self, application: Application) -> Application:
        """Store a new application and return it with its id."""
        data = application.model_dump(mode="json", exclude={"id"})
        with self.write():
            new_id = self.run(
                "INSERT INTO applications (company, role, status, created_at) "
                "VALUES (:company, :role, :status, :created_at)",
                data,
            )
        return application.model_copy(update={"id": new_id})

    def get_application(self, application_id: int) -> Application:
        """Return the application with this id (KeyError if there is none)."""
        rows = self.rows("SELECT * FROM applications WHERE id = ?", [application_id])
        if not rows:
            raise KeyError(f"no application {application_id}")
        return application_from_row(rows[0])

    def find_open_application(self, company: str) -> Application | None:
        """Return the newest open application with this company (case-insensitive), if any."""
        from core.models import Application

        rows = self.rows(
            "SELECT * FROM applications WHERE company = ? COLLATE NOCASE AND status = 'open' "
            "ORDER BY id DESC LIMIT 1",
            [company],
        )
        return Application.model_validate(rows[0]) if rows else None

    def update_application(self, application_id: int, **fields: Any) -> Application:
        """Change some fields of an application (validated) and return it."""
        from core.models import Application

        current = self.get_application(application_id)
        updated = Application.model_validate({**current.model_dump(), **fields})
        data = updated.model_dump(mode="json", exclude={"id", "created_at"})
        with self.write():
            self.run(
                "UPDATE applications SET company = :company, role = :role, status = :status "
                "WHERE id = :id",
                {**data, "id": application_id},
            )
        return updated

    def add_interview(self, interview: Interview) -> Interview:
        """Store a new interview and return it with its id."""
        data = interview_row(interview)
        columns = ", ".join(_INTERVIEW_COLUMNS)
        values = ", ".join(f":{c}" for c in _INTERVIEW_COLUMNS)
        with self.write():
            new_id = self.run(f"INSERT INTO interviews ({columns}) VALUES ({values})", data)
        return interview.model_copy(update={"id": new_id})

    def get_interview(self, interview_id: int) -> Interview:
        """Return the interview with this id (KeyError if there is none)."""
        rows = self.rows("SELECT * FROM interviews WHERE id = ?", [interview_id])
        if not rows:
            raise KeyError(f"no interview {interview_id}")
        return interview_from_row(rows[0])

    def update_interview(self, interview_id: int, **fields: Any) -> Interview:
        """Change some fields of an interview (validated first) and return it."""
        from core.models import Interview

        current = self.get_interview(interview_id)
        updated = Interview.model_validate({**current.model_dump(), **fields})
        data = interview_row(updated)
        assignments = ", ".join(f"{k} = :{k}" for k in fields)
        with self.write():
            self.run(
                f"UPDATE interviews SET {assignments} WHERE id = :id",
                {**{k: data[k] for k in fields}, "id": interview_id},
            )
        return updated

    def next_round(self, application_id: int) -> int:
        """Return the round number a new interview of this application would have."""
        rows = self.rows(
            "SELECT COALESCE(MAX(round), 0) + 1 AS n FROM interviews WHERE application_id = ?",
            [application_id],
        )
        return int(rows[0]["n"])

    def list_interviews(self, limit: int = 500) -> list[InterviewSummary]:
        """Return interviews newest first, each with its company and role."""
        from core.models import InterviewSummary

        rows = self.rows(
            "SELECT i.*, a.company AS company, a.role AS role FROM interviews i "
            "JOIN applications a ON a.id = i.application_id "
            "ORDER BY i.ended_at DESC, i.id DESC LIMIT ?",
            [limit],
        )
        return [
            stored(
                InterviewSummary,
                {"interview": interview_from_row(r), "company": r["company"], "role": r["role"]},
            )
            for r in rows
        ]

    def latest_interview(self) -> InterviewSummary | None:
        """Return the interview that ended last, if there is one."""
        found = self.list_interviews(limit=1)
        return found[0] if found else None

    def summary(self, interview_id: int) -> InterviewSummary:
        """Return one interview with its company and role."""
        from core.models import InterviewSummary

        interview = self.get_interview(interview_id)
        app = self.get_application(interview.application_id)
        return stored(
            InterviewSummary, {"interview": interview, "company": app.company, "role": app.role}
        )

    def count_interviews(self) -> int:
        """Return how many interviews are stored."""
        return int(self.rows("SELECT COUNT(*) AS n FROM interviews")[0]["n"])
