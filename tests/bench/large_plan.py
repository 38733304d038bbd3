"""What a diligent user did with each plan of the large benchmark database: actions done or
skipped as their dates passed (a few forgotten), the touches those logged, the notes sent."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.models import Person

if TYPE_CHECKING:
    from tests.bench.large_rows import Data
    from tests.bench.large_text import Writer

TOUCH_OF = {  # the touch a done action logs (as core.services_plan.mark_done does)
    "thank_you": "thanks",
    "staff_thanks": "thanks",
    "mailed_note": "thanks",
    "value_add": "value_add",
    "status_check": "status",
}
FORGOTTEN = 0.002  # share of old actions left open (overdue) by a diligent user
RECENT = timedelta(days=14)


def _state(row: dict[str, Any], w: Writer, now: datetime) -> tuple[str, datetime | None]:
    rng = w.rng
    due = datetime.fromisoformat(row["due"])
    if due >= now:
        return "planned", None
    r = rng.random()
    if now - due > RECENT:
        if r < FORGOTTEN:
            return "planned", None
        state = "skipped" if row["optional"] and r < 0.4 else "done"
    else:
        state = "done" if r < 0.75 else "skipped" if r < 0.85 else "planned"
    if state != "done":
        return state, None
    start = datetime.fromisoformat(row["window_start"])
    done_at = max(start, due - timedelta(hours=rng.randint(0, 20)))
    return "done", min(done_at, now - timedelta(minutes=5))


def settle_plan(
    data: Data, w: Writer, plan: list[dict[str, Any]], panel: list[Person], now: datetime
) -> None:
    """Store one interview's planned actions with their states, touches and notes."""
    rng = w.rng
    names = {p.id: p.name for p in panel}
    with_notes = len(panel) >= 7 or rng.random() < 0.3
    for row in plan:
        state, done_at = _state(row, w, now)
        row["state"] = state
        row["user_changed"] = state != "planned"
        row["done_at"] = done_at.isoformat() if done_at else None
        stored = data.add("actions", row)
        if done_at is not None and row["kind"] in TOUCH_OF:
            data.add(
                "touches",
                {
                    "interview_id": row["interview_id"],
                    "person_id": row["person_id"],
                    "at": done_at.isoformat(),
                    "channel": "mail" if row["kind"] == "mailed_note" else "email",
                    "kind": TOUCH_OF[row["kind"]],
                    "answered": rng.random() < 0.3,
                    "guard_overridden": False,
                    "guard_reason": "",
                    "note": "",
                },
            )
        if row["kind"] == "thank_you" and with_notes and row["person_id"] in names:
            first = names[row["person_id"]].split()[0]
            data.add(
                "notes",
                {
                    "interview_id": row["interview_id"],
                    "person_id": row["person_id"],
                    "kind": "thank_you",
                    "action_id": stored["id"],
                    "subject": "Thank you for today",
                    "body": w.note(first, rng.randint(150, 210)),
                    "sent_at": row["done_at"],
                },
            )


def trim_actions(data: Data, target: int, seed_rng: Any) -> None:
    """Drop optional actions no note points at until `target` remain; renumber the ids."""
    actions = data.tables["actions"]
    surplus = len(actions) - target
    if surplus <= 0:
        return
    pointed = {n["action_id"] for n in data.tables.get("notes", [])}
    candidates = [a["id"] for a in actions if a["optional"] and a["id"] not in pointed]
    drop = set(seed_rng.sample(candidates, surplus))
    kept = [a for a in actions if a["id"] not in drop]
    renumber = {a["id"]: new for new, a in enumerate(kept, 1)}
    for a in kept:
        a["id"] = renumber[a["id"]]
    for n in data.tables.get("notes", []):
        n["action_id"] = renumber.get(n["action_id"])
    data.tables["actions"] = kept
