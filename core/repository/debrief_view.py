"""The debrief's reads as plain records (core.records): the first screen imports no pydantic."""

from __future__ import annotations

from datetime import date, datetime

from core.kinds import RoleKind
from core.records import DebriefHead, MetRow, PromiseRow, QARow
from core.repository.base import StoreBase

_ROLE = {kind.value: kind for kind in RoleKind}


class DebriefViewStore(StoreBase):
    """What the debrief shows of an interview, read without building models."""

    def latest_interview_id(self) -> int | None:
        """Return the id of the interview that ended last, if there is one."""
        rows = self.rows("SELECT id FROM interviews ORDER BY ended_at DESC, id DESC LIMIT 1")
        return int(rows[0]["id"]) if rows else None

    def debrief_head(self, interview_id: int) -> DebriefHead:
        """Return the interview with its company and role (KeyError if there is none)."""
        rows = self.rows(
            "SELECT i.*, a.company AS company, a.role AS role FROM interviews i "
            "JOIN applications a ON a.id = i.application_id WHERE i.id = ?",
            [interview_id],
        )
        if not rows:
            raise KeyError(f"no interview {interview_id}")
        row = rows[0]
        decision = row["decision_date"]
        return DebriefHead(
            interview_id=row["id"],
            company=row["company"],
            role=row["role"],
            round=row["round"],
            ended_at=datetime.fromisoformat(row["ended_at"]),
            checklist=tuple(item for item in row["checklist"].split(",") if item),
            next_steps=row["next_steps"],
            decision_phrase=row["decision_phrase"],
            decision_date=date.fromisoformat(decision) if decision else None,
            no_timeframe_given=bool(row["no_timeframe_given"]),
        )

    def qa_rows(self, interview_id: int) -> list[QARow]:
        """Return the question/answer pairs of an interview, in order."""
        rows = self.rows(
            "SELECT id, question, answer, stumped FROM qa WHERE interview_id = ? "
            "ORDER BY position, id",
            [interview_id],
        )
        return [QARow(r["id"], r["question"], r["answer"], bool(r["stumped"])) for r in rows]

    def promise_rows(self, interview_id: int) -> list[PromiseRow]:
        """Return the promises of an interview, in the order made."""
        rows = self.rows(
            "SELECT id, text, due_phrase, due_at, done FROM promises WHERE interview_id = ? "
            "ORDER BY id",
            [interview_id],
        )
        return [
            PromiseRow(
                r["id"],
                r["text"],
                r["due_phrase"],
                datetime.fromisoformat(r["due_at"]) if r["due_at"] else None,
                bool(r["done"]),
            )
            for r in rows
        ]

    def met_rows(self, interview_id: int) -> list[MetRow]:
        """Return the people met at an interview, in the order given, with their highlights."""
        rows = self.rows(
            "SELECT p.id, p.name, p.title, p.role_kind, x.highlights FROM participants x "
            "JOIN people p ON p.id = x.person_id WHERE x.interview_id = ? "
            "ORDER BY x.position, p.id",
            [interview_id],
        )
        return [
            MetRow(
                interview_id,
                r["id"],
                r["name"],
                r["title"],
                _ROLE[r["role_kind"]],
                r["highlights"],
            )
            for r in rows
        ]
