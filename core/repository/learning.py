"""Across interviews: the practice list (F1), open processes to compare (F2), guidance seen (D14,
E1, E3). Marks live in meta as keys ('practised:qa:7', 'guidance:E1'), so exports carry them."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from core.repository.base import StoreBase
from core.repository.interviews import interview_from_row
from core.repository.plan import _action

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Action, Application, Interview

PRACTICE_LIMIT = 500
COMPARE_LIMIT = 50
_IN_PROGRESS = "('open', 'offer')"  # core.schedule.IN_PROGRESS, as SQL

_PRACTICE = """
SELECT x.*, i.*, a.company, a.role FROM (
    SELECT 'stumper' AS kind, q.id AS ref, q.question AS text, q.answer AS detail,
           q.interview_id, q.position, m.value AS practised_at
    FROM qa q LEFT JOIN meta m ON m.key = 'practised:qa:' || q.id
    WHERE q.stumped = 1 AND q.question != ''
    UNION ALL
    SELECT 'do_differently', s.interview_id, s.text, '', s.interview_id, 1000000, m.value
    FROM answers s LEFT JOIN meta m ON m.key = 'practised:B4:' || s.interview_id
    WHERE s.prompt_id = 'B4' AND trim(s.text) != ''
) x
JOIN interviews i ON i.id = x.interview_id
JOIN applications a ON a.id = i.application_id
ORDER BY i.ended_at DESC, i.id DESC, x.position, x.ref
LIMIT ?
"""


class PracticeRow(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """A stumper (B5) or a 'do differently' answer (B4), where it came from, when practised."""

    kind: str
    ref: int
    text: str
    detail: str
    interview: Interview
    company: str
    role: str
    practised_at: str | None


class ProcessRows(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """An open process as stored: its rounds, their B7/B8 answers, its earliest open action."""

    application: Application
    interviews: list[Interview]
    answers: dict[tuple[int, str], str]
    next_action: Action | None


def practice_key(kind: str, ref: int) -> str:
    """The meta key of a practised mark: a stumper by its question id, B4 by its interview."""
    return f"practised:qa:{ref}" if kind == "stumper" else f"practised:B4:{ref}"


class LearningStore(StoreBase):
    """What the learning views read across every interview, and the marks they keep."""

    def practice_rows(self, limit: int = PRACTICE_LIMIT) -> list[PracticeRow]:
        """F1: every stumper and B4 answer, newest interview first, at most `limit`."""
        rows = self.rows(_PRACTICE, [limit])
        return [
            PracticeRow(
                kind=r["kind"],
                ref=r["ref"],
                text=r["text"],
                detail=r["detail"],
                interview=interview_from_row(r),
                company=r["company"],
                role=r["role"],
                practised_at=r["practised_at"],
            )
            for r in rows
        ]

    def set_mark(self, key: str, value: str | None) -> None:
        """Store (or, with None, remove) a mark in meta."""
        with self.write():
            if value is None:
                self.run("DELETE FROM meta WHERE key = ?", [key])
            else:
                self.run(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )

    def marks(self, prefix: str) -> dict[str, str]:
        """Return the marks whose key starts with `prefix`, by the rest of the key."""
        rows = self.rows(
            "SELECT key, value FROM meta WHERE key >= ? AND key < ?", [prefix, prefix + "\uffff"]
        )
        return {r["key"][len(prefix) :]: r["value"] for r in rows}

    def open_processes(self, limit: int = COMPARE_LIMIT) -> list[ProcessRows]:
        """F2: applications still in progress, each with its rounds, their red flags (B7) and
        fit (B8), and the earliest open action of its plan; newest activity first."""
        from core.models import Application

        apps = self.rows(
            f"SELECT a.* FROM applications a WHERE a.status IN {_IN_PROGRESS} "
            "ORDER BY (SELECT MAX(ended_at) FROM interviews i WHERE i.application_id = a.id) "
            "DESC, a.id DESC LIMIT ?",
            [limit],
        )
        if not apps:
            return []
        ids = [a["id"] for a in apps]
        marks = ", ".join("?" for _ in ids)
        interviews = self.rows(
            f"SELECT * FROM interviews WHERE application_id IN ({marks}) ORDER BY round, id", ids
        )
        answers = self.rows(
            "SELECT s.interview_id, s.prompt_id, s.text FROM answers s JOIN interviews i "
            f"ON i.id = s.interview_id WHERE i.application_id IN ({marks}) "
            "AND s.prompt_id IN ('B7', 'B8') AND trim(s.text) != ''",
            ids,
        )
        actions = self.rows(
            "SELECT * FROM (SELECT x.*, i.application_id AS _app, ROW_NUMBER() OVER "
            "(PARTITION BY i.application_id ORDER BY x.due_utc, x.id) AS _n FROM actions x "
            "JOIN interviews i ON i.id = x.interview_id WHERE x.state IN ('planned', 'snoozed') "
            f"AND i.application_id IN ({marks})) WHERE _n = 1",
            ids,
        )
        by_app: dict[int, list[Interview]] = {i: [] for i in ids}
        for row in interviews:
            by_app[row["application_id"]].append(interview_from_row(row))
        texts = {(r["interview_id"], r["prompt_id"]): r["text"] for r in answers}
        first = {r["_app"]: _action(r) for r in actions}
        return [
            ProcessRows(
                application=Application.model_validate(a),
                interviews=by_app[a["id"]],
                answers={k: v for k, v in texts.items() if k[0] in _ids(by_app[a["id"]])},
                next_action=first.get(a["id"]),
            )
            for a in apps
        ]


def _ids(interviews: list[Interview]) -> set[int]:
    return {i.id or 0 for i in interviews}
