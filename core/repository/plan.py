"""Storage of the follow-up plan (actions) and of the touches logged with employers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from core.kinds import ActionState, ApplicationStatus
from core.repository.stored import action_from_row
from core.repository.touches import TouchStore

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Action

_ACTION_COLUMNS = (  # the model's fields but id (tests/core/test_column_lists.py)
    "interview_id",
    "person_id",
    "kind",
    "key",
    "rule",
    "due",
    "window_start",
    "window_end",
    "reason",
    "flag",
    "optional",
    "state",
    "user_changed",
    "note",
    "done_at",
)
_OPEN_STATES = "('planned', 'snoozed')"
_OPEN = f"state IN {_OPEN_STATES}"
PLAN_LIMIT = 20_000


class PlanRow(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """An action with what a list shows beside it: company, role, the person's name and email."""

    action: Action
    company: str
    role: str
    person: str
    email: str
    email_source: str


def utc_text(moment: datetime) -> str:
    """Return a moment as sortable UTC text (the form the due_utc column and filters use)."""
    return moment.astimezone(UTC).isoformat()


def action_row(action: Action) -> dict[str, Any]:
    """Return the stored form of an action (ISO dates with offset, plus due_utc for sorting)."""
    data = action.model_dump(mode="json", exclude={"id"})
    data["due_utc"] = utc_text(action.due)
    return data


_action = action_from_row  # the name core/repository/learning.py imports

_PLAN_SELECT = (
    "SELECT x.*, a.company AS _company, a.role AS _role, COALESCE(p.name, '') AS _person, "
    "COALESCE(p.email, '') AS _email, COALESCE(p.email_source, '') AS _email_source "
    "FROM actions x JOIN interviews i ON i.id = x.interview_id "
    "JOIN applications a ON a.id = i.application_id "
    "LEFT JOIN people p ON p.id = x.person_id "
)


class PlanStore(TouchStore):
    """Actions of each interview's plan (and, from TouchStore, the touches logged)."""

    def add_actions(self, actions: Iterable[Action]) -> list[Action]:
        """Store new actions in one transaction, in one batch, and return them with their ids
        (the ones SQLite would give: one more than the largest, in order)."""
        batch = list(actions)
        if not batch:
            return []
        columns = ("id", *_ACTION_COLUMNS, "due_utc")
        values = ", ".join(f":{c}" for c in columns)
        with self.write():
            first = int(self.rows("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM actions")[0]["n"])
            self.conn.executemany(
                f"INSERT INTO actions ({', '.join(columns)}) VALUES ({values})",
                ({**action_row(a), "id": first + n} for n, a in enumerate(batch)),
            )
        return [a.model_copy(update={"id": first + n}) for n, a in enumerate(batch)]

    def get_action(self, action_id: int) -> Action:
        """Return the action with this id (KeyError if there is none)."""
        rows = self.rows("SELECT * FROM actions WHERE id = ?", [action_id])
        if not rows:
            raise KeyError(f"no action {action_id}")
        return action_from_row(rows[0])

    def save_action(self, action: Action) -> Action:
        """Write every field of a stored action (validated as a model already)."""
        if action.id is None:
            raise ValueError("save_action needs a stored action")
        assignments = ", ".join(f"{c} = :{c}" for c in (*_ACTION_COLUMNS, "due_utc"))
        with self.write():
            self.run(
                f"UPDATE actions SET {assignments} WHERE id = :id",
                {**action_row(action), "id": action.id},
            )
        return action

    def update_action(self, action_id: int, **fields: Any) -> Action:
        """Change some fields of an action (validated first) and return it."""
        from core.models import Action

        current = self.get_action(action_id)
        updated = Action.model_validate({**current.model_dump(), **fields})
        return self.save_action(updated)

    def delete_actions(self, action_ids: Iterable[int]) -> None:
        """Delete actions by id (planned ones that no longer apply)."""
        ids = [[i] for i in action_ids]
        if not ids:
            return
        with self.write():
            self.conn.executemany("DELETE FROM actions WHERE id = ?", ids)

    def actions_of(self, interview_id: int) -> list[Action]:
        """Return the actions of one interview's plan, by due date."""
        rows = self.rows(
            "SELECT * FROM actions WHERE interview_id = ? ORDER BY due_utc, id", [interview_id]
        )
        return [action_from_row(r) for r in rows]

    def interviews_without_plan(self) -> list[int]:
        """Return the ids of interviews that have no action at all yet (run at each timeline
        reload: NOT IN walks the actions' index once, where NOT EXISTS sought it per interview)."""
        rows = self.rows(
            "SELECT id FROM interviews WHERE id NOT IN (SELECT interview_id FROM actions) "
            "ORDER BY id"
        )
        return [int(r["id"]) for r in rows]

    def plan_rows(self, interview_id: int | None = None, limit: int = PLAN_LIMIT) -> list[PlanRow]:
        """Return the whole plan (or one interview's), by due date, with names to show."""
        where, params = ("WHERE x.interview_id = ? ", [interview_id]) if interview_id else ("", [])
        rows = self.rows(
            _PLAN_SELECT + where + "ORDER BY x.due_utc, x.id LIMIT ?", [*params, limit]
        )
        return [_plan_row(r) for r in rows]

    def open_rows_due_by(self, moment: datetime, limit: int = PLAN_LIMIT) -> list[PlanRow]:
        """Return open actions due at or before `moment` (overdue ones included), by due date."""
        rows = self.rows(
            _PLAN_SELECT + f"WHERE x.{_OPEN} AND x.due_utc <= ? ORDER BY x.due_utc, x.id LIMIT ?",
            [utc_text(moment), limit],
        )
        return [_plan_row(r) for r in rows]

    def open_rows(self, limit: int = PLAN_LIMIT) -> list[PlanRow]:
        """Return every open action, by due date."""
        rows = self.rows(
            _PLAN_SELECT + f"WHERE x.{_OPEN} ORDER BY x.due_utc, x.id LIMIT ?", [limit]
        )
        return [_plan_row(r) for r in rows]

    def open_counts(self, bounds: list[datetime], interview_id: int | None = None) -> list[int]:
        """Count open actions due before bounds[0], between each pair of bounds, and from the
        last one on (len(bounds) + 1 counts), of everything or one interview."""
        marks = [utc_text(b) for b in bounds]
        n = len(marks)  # ?1 .. ?n are the bounds, ?n+1 the interview
        ranges = ["due_utc < ?1"]
        ranges += [f"due_utc >= ?{i} AND due_utc < ?{i + 1}" for i in range(1, n)]
        ranges.append(f"due_utc >= ?{n}")
        where, params = _scope(interview_id, n + 1)
        sums = ", ".join(f"COALESCE(SUM({r}), 0) AS n{k}" for k, r in enumerate(ranges))
        row = self.rows(f"SELECT {sums} FROM actions WHERE {_OPEN}{where}", [*marks, *params])[0]
        return [int(row[f"n{k}"]) for k in range(len(ranges))]

    def count_actions_of(self, interview_id: int | None = None) -> int:
        """Return how many actions there are, in all or of one interview."""
        if interview_id is None:
            return self.count_actions()
        rows = self.rows("SELECT COUNT(*) AS n FROM actions WHERE interview_id = ?", [interview_id])
        return int(rows[0]["n"])

    def plan_slice(self, span: PlanSpan, offset: int, limit: int) -> list[PlanRow]:
        """Return rows `offset` to `offset + limit` of a span of the plan (by due date, then
        id), read from whichever end is nearer (the index gives both orders)."""
        count = max(0, min(limit, span.total - offset))
        if not count:
            return []
        where, params = span.where()
        from_end = offset > span.total - offset - count
        order = "DESC" if from_end else ""
        skip = span.total - offset - count if from_end else offset
        order_by = f"ORDER BY x.due_utc {order}, x.id {order}"
        rows = self.rows(
            f"{_PLAN_SELECT}WHERE {where} {order_by} LIMIT ? OFFSET ?", [*params, count, skip]
        )
        found = [_plan_row(r) for r in rows]
        return found[::-1] if from_end else found

    def application_ids_with_status(self, *statuses: ApplicationStatus) -> list[int]:
        """Return the ids of the applications in any of these statuses."""
        marks = ", ".join("?" for _ in statuses)
        rows = self.rows(
            f"SELECT id FROM applications WHERE status IN ({marks}) ORDER BY id",
            [s.value for s in statuses],
        )
        return [int(r["id"]) for r in rows]

    def interview_ids_of(self, application_id: int) -> list[int]:
        """Return the interview ids of one application, by round."""
        rows = self.rows(
            "SELECT id FROM interviews WHERE application_id = ? ORDER BY round, id",
            [application_id],
        )
        return [int(r["id"]) for r in rows]

    def count_actions(self, state: ActionState | None = None) -> int:
        """Return how many actions are stored (in one state, if given)."""
        if state is None:
            return int(self.rows("SELECT COUNT(*) AS n FROM actions")[0]["n"])
        rows = self.rows("SELECT COUNT(*) AS n FROM actions WHERE state = ?", [state.value])
        return int(rows[0]["n"])


class PlanSpan(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """Part of the plan a list shows: open actions due in [start, end) or the closed ones
    (done, skipped), of everything or one interview; `total` is how many it holds."""

    open: bool
    start: datetime | None = None
    end: datetime | None = None
    interview_id: int | None = None
    total: int = 0

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (on actions as x) and its parameters."""
        terms = [f"x.{_OPEN}" if self.open else f"x.state NOT IN {_OPEN_STATES}"]
        params: list[Any] = []
        if self.start is not None:
            terms.append("x.due_utc >= ?")
            params.append(utc_text(self.start))
        if self.end is not None:
            terms.append("x.due_utc < ?")
            params.append(utc_text(self.end))
        if self.interview_id is not None:
            terms.append("x.interview_id = ?")
            params.append(self.interview_id)
        return " AND ".join(terms), params


def _scope(interview_id: int | None, first: int) -> tuple[str, list[Any]]:
    """' AND interview_id = ?N' and its parameter, for one interview (N: its number)."""
    if interview_id is None:
        return "", []
    return f" AND interview_id = ?{first}", [interview_id]


def _plan_row(row: dict[str, Any]) -> PlanRow:
    return PlanRow(
        action=action_from_row(row),
        company=row["_company"],
        role=row["_role"],
        person=row["_person"],
        email=row["_email"],
        email_source=row["_email_source"],
    )
