"""Storage of the debrief: free-text answers, question/answer pairs, promises."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.repository.base import StoreBase
from core.repository.search import forget_deleted_words
from core.repository.stored import promise_from_row, qa_from_row
from core.text import clean_text

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from core.models import QA, Promise


class DebriefStore(StoreBase):
    """Answers per prompt, the Q&A list (B1, B5) and promises (B10) of each interview."""

    def save_answer(self, interview_id: int, prompt_id: str, text: str) -> None:
        """Store the answer to one prompt (cleaned); one small upsert, cheap enough per key."""
        with self.write():
            self.run(
                "INSERT INTO answers (interview_id, prompt_id, text) VALUES (?, ?, ?) "
                "ON CONFLICT (interview_id, prompt_id) DO UPDATE SET text = excluded.text",
                [interview_id, prompt_id, clean_text(text)],
            )

    def answers(self, interview_id: int) -> dict[str, str]:
        """Return the free-text answers of an interview by prompt ID."""
        rows = self.rows(
            "SELECT prompt_id, text FROM answers WHERE interview_id = ?", [interview_id]
        )
        return {r["prompt_id"]: r["text"] for r in rows}

    def add_qa(self, qa: QA) -> QA:
        """Append a question/answer pair to an interview and return it with its id."""
        with self.write():
            position = self.rows(
                "SELECT COALESCE(MAX(position), 0) + 1 AS n FROM qa WHERE interview_id = ?",
                [qa.interview_id],
            )[0]["n"]
            new_id = self.run(
                "INSERT INTO qa (interview_id, position, question, answer, stumped) "
                "VALUES (?, ?, ?, ?, ?)",
                [qa.interview_id, position, qa.question, qa.answer, qa.stumped],
            )
        return qa.model_copy(update={"id": new_id, "position": position})

    def update_qa(self, qa_id: int, **fields: Any) -> QA:
        """Change the question, answer or stumped flag of a pair (validated) and return it."""
        from core.models import QA

        current = self.get_qa(qa_id)
        updated = QA.model_validate({**current.model_dump(), **fields})
        data = updated.model_dump()
        assignments = ", ".join(f"{k} = :{k}" for k in fields)
        with self.write():
            self.run(
                f"UPDATE qa SET {assignments} WHERE id = :id",
                {**{k: data[k] for k in fields}, "id": qa_id},
            )
        return updated

    def get_qa(self, qa_id: int) -> QA:
        """Return one question/answer pair (KeyError if there is none)."""
        from core.models import QA

        rows = self.rows("SELECT * FROM qa WHERE id = ?", [qa_id])
        if not rows:
            raise KeyError(f"no question {qa_id}")
        return QA.model_validate(rows[0])

    def delete_qa(self, qa_id: int) -> None:
        """Delete a question/answer pair."""
        with self.write():
            self.run("DELETE FROM qa WHERE id = ?", [qa_id])
            forget_deleted_words(self)

    def qa_list(self, interview_id: int) -> list[QA]:
        """Return the question/answer pairs of an interview, in order."""
        rows = self.rows(
            "SELECT * FROM qa WHERE interview_id = ? ORDER BY position, id", [interview_id]
        )
        return [qa_from_row(r) for r in rows]

    def add_promise(self, promise: Promise) -> Promise:
        """Store a new promise and return it with its id."""
        data = promise.model_dump(mode="json", exclude={"id"})
        with self.write():
            new_id = self.run(
                "INSERT INTO promises (interview_id, text, due_phrase, due_at, done) "
                "VALUES (:interview_id, :text, :due_phrase, :due_at, :done)",
                data,
            )
        return promise.model_copy(update={"id": new_id})

    def get_promise(self, promise_id: int) -> Promise:
        """Return one promise (KeyError if there is none)."""
        from core.models import Promise

        rows = self.rows("SELECT * FROM promises WHERE id = ?", [promise_id])
        if not rows:
            raise KeyError(f"no promise {promise_id}")
        return Promise.model_validate(rows[0])

    def update_promise(self, promise_id: int, **fields: Any) -> Promise:
        """Change some fields of a promise (validated) and return it."""
        from core.models import Promise

        current = self.get_promise(promise_id)
        updated = Promise.model_validate({**current.model_dump(), **fields})
        data = updated.model_dump(mode="json")
        assignments = ", ".join(f"{k} = :{k}" for k in fields)
        with self.write():
            self.run(
                f"UPDATE promises SET {assignments} WHERE id = :id",
                {**{k: data[k] for k in fields}, "id": promise_id},
            )
        return updated

    def delete_promise(self, promise_id: int) -> None:
        """Delete a promise."""
        with self.write():
            self.run("DELETE FROM promises WHERE id = ?", [promise_id])

    def promises(self, interview_id: int) -> list[Promise]:
        """Return the promises of an interview, in the order made."""
        rows = self.rows(
            "SELECT * FROM promises WHERE interview_id = ? ORDER BY id", [interview_id]
        )
        return [promise_from_row(r) for r in rows]
