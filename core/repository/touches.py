"""Storage of the touches logged with employers: messages sent, calls made (D7 counts them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.repository.base import StoreBase

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import Touch

_TOUCH_COLUMNS = (  # the model's fields but id (tests/core/test_column_lists.py)
    "interview_id",
    "person_id",
    "at",
    "channel",
    "kind",
    "answered",
    "guard_overridden",
    "guard_reason",
    "note",
)


class TouchStore(StoreBase):
    """Touches (a message sent, a call made) of each interview."""

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
        from core.models import Touch

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
        from core.models import Touch

        rows = self.rows("SELECT * FROM touches WHERE interview_id = ?", [interview_id])
        return sorted((Touch.model_validate(r) for r in rows), key=lambda t: (t.at, t.id or 0))
