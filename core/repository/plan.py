"""Storage of the follow-up plan (actions) and of the touches logged with employers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.models import Action, ActionKind, ActionState, ApplicationStatus, Touch
from core.repository.base import StoreBase

_ACTION_COLUMNS = tuple(f for f in Action.model_fields if f != "id")
_TOUCH_COLUMNS = tuple(f for f in Touch.model_fields if f != "id")
_OPEN = "state IN ('planned', 'snoozed')"
PLAN_LIMIT = 20_000


@dataclass(frozen=True)
class PlanRow:
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


def _action(row: dict[str, Any]) -> Action:
    """Build an action from its row without re-validating it (it was validated when written:
    re-cleaning every reason made listing 8,000 actions 3x slower)."""
    done_at = row["done_at"]
    return Action.model_construct(
        id=row["id"],
        interview_id=row["interview_id"],
        person_id=row["person_id"],
        kind=ActionKind(row["kind"]),
        key=row["key"],
        rule=row["rule"],
        due=datetime.fromisoformat(row["due"]),
        window_start=datetime.fromisoformat(row["window_start"]),
        window_end=datetime.fromisoformat(row["window_end"]),
        reason=row["reason"],
        flag=row["flag"],
        optional=bool(row["optional"]),
        state=ActionState(row["state"]),
        user_changed=bool(row["user_changed"]),
        note=row["note"],
        done_at=datetime.fromisoformat(done_at) if done_at else None,
    )


_PLAN_SELECT = (
    "SELECT x.*, a.company AS _company, a.role AS _role, COALESCE(p.name, '') AS _person, "
    "COALESCE(p.email, '') AS _email, COALESCE(p.email_source, '') AS _email_source "
    "FROM actions x JOIN interviews i ON i.id = x.interview_id "
    "JOIN applications a ON a.id = i.application_id "
    "LEFT JOIN people p ON p.id = x.person_id "
)


class PlanStore(StoreBase):
    """Actions of each interview's plan, and touches (messages sent, calls made)."""

    def add_actions(self, actions: Iterable[Action]) -> list[Action]:
        """Store new actions in one transaction and return them with their ids."""
        columns = ", ".join(_ACTION_COLUMNS) + ", due_utc"
        values = ", ".join(f":{c}" for c in (*_ACTION_COLUMNS, "due_utc"))
        stored: list[Action] = []
        with self.write():
            for action in actions:
                new_id = self.run(
                    f"INSERT INTO actions ({columns}) VALUES ({values})", action_row(action)
                )
                stored.append(action.model_copy(update={"id": new_id}))
        return stored

    def get_action(self, action_id: int) -> Action:
        """Return the action with this id (KeyError if there is none)."""
        rows = self.rows("SELECT * FROM actions WHERE id = ?", [action_id])
        if not rows:
            raise KeyError(f"no action {action_id}")
        return _action(rows[0])

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
        current = self.get_action(action_id)
        updated = Action.model_validate({**current.model_dump(), **fields})
        return self.save_action(updated)

    def delete_actions(self, action_ids: Iterable[int]) -> None:
        """Delete actions by id (planned ones that no longer apply)."""
        ids = [[i] for i in action_ids]
        if not ids:
            return
        with self.write():
            self.db.conn.executemany("DELETE FROM actions WHERE id = ?", ids)

    def actions_of(self, interview_id: int) -> list[Action]:
        """Return the actions of one interview's plan, by due date."""
        rows = self.rows(
            "SELECT * FROM actions WHERE interview_id = ? ORDER BY due_utc, id", [interview_id]
        )
        return [_action(r) for r in rows]

    def interviews_without_plan(self) -> list[int]:
        """Return the ids of interviews that have no action at all yet."""
        rows = self.rows(
            "SELECT i.id FROM interviews i WHERE NOT EXISTS "
            "(SELECT 1 FROM actions x WHERE x.interview_id = i.id) ORDER BY i.id"
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

    def add_touch(self, touch: Touch) -> Touch:
        """Store a touch (a message sent, a call made) and return it with its id."""
        data = touch.model_dump(mode="json", exclude={"id"})
        columns = ", ".join(_TOUCH_COLUMNS)
        values = ", ".join(f":{c}" for c in _TOUCH_COLUMNS)
        with self.write():
            new_id = self.run(f"INSERT INTO touches ({columns}) VALUES ({values})", data)
        return touch.model_copy(update={"id": new_id})

    def get_touch(self, touch_id: int) -> Touch:
        """Return the touch with this id (KeyError if there is none)."""
        rows = self.rows("SELECT * FROM touches WHERE id = ?", [touch_id])
        if not rows:
            raise KeyError(f"no touch {touch_id}")
        return Touch.model_validate(rows[0])

    def set_touch_answered(self, touch_id: int, answered: bool = True) -> Touch:
        """Record whether the employer answered a touch (D7's cool-down depends on it)."""
        with self.write():
            self.run("UPDATE touches SET answered = ? WHERE id = ?", [answered, touch_id])
        return self.get_touch(touch_id)

    def touches(self, interview_id: int) -> list[Touch]:
        """Return the touches logged for an interview, oldest first."""
        rows = self.rows("SELECT * FROM touches WHERE interview_id = ?", [interview_id])
        return sorted((Touch.model_validate(r) for r in rows), key=lambda t: (t.at, t.id or 0))

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


def _plan_row(row: dict[str, Any]) -> PlanRow:
    return PlanRow(
        action=_action(row),
        company=row["_company"],
        role=row["_role"],
        person=row["_person"],
        email=row["_email"],
        email_source=row["_email_source"],
    )
