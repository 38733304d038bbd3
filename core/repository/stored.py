"""Models from stored rows without validating them again: rows were validated when written.

Lists read hundreds of rows per screen (#8); pydantic's model_validate cost 10-20 µs a row and
even model_construct 5-10 µs (it looks up aliases and defaults field by field). A row that
holds every field, already converted to its type, becomes a model here in about 1 µs.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from core.kinds import (
    ActionKind,
    ActionState,
    ApplicationStatus,
    ContactMode,
    EmailSource,
    InterviewFormat,
    Outcome,
    RoleKind,
)
from core.repository.base import _UNSAFE, StoreBase, _safe

# Model classes are imported where a model is built: the first screen reads records and
# imports no pydantic (#8: ~85 ms before the user's data showed).
if TYPE_CHECKING:
    from pydantic import BaseModel

    from core.models import QA, Action, Application, Interview, Person, Promise

M = TypeVar("M", bound="BaseModel")
E = TypeVar("E", bound=StrEnum)
_set = object.__setattr__


def _members(enum: type[E]) -> dict[str, E]:
    """Member by value: a dict lookup, where calling the enum costs a microsecond."""
    return {member.value: member for member in enum}


_KIND, _STATE = _members(ActionKind), _members(ActionState)
_ROLE, _SOURCE, _MODE = _members(RoleKind), _members(EmailSource), _members(ContactMode)
_STATUS, _FORMAT, _OUTCOME = (
    _members(ApplicationStatus),
    _members(InterviewFormat),
    _members(Outcome),
)


def stored(cls: type[M], values: dict[str, Any]) -> M:
    """Return a `cls` holding `values` (every field of the model, each of its type) as is:
    what model_construct ends with, without its per-field search for aliases and defaults."""
    if len(values) != len(cls.__pydantic_fields__):
        raise ValueError(f"{cls.__name__}: fields {sorted(values)} are not the model's")
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def read_tuples(
    store: StoreBase, sql: str, params: list[Any] | dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """Run a read query and return its rows as tuples, text cleaned of controls as
    StoreBase.rows cleans it: a list that reads only the columns it shows skips a dict a row."""
    return read_checked(store, sql, params)[0]


def read_checked(
    store: StoreBase,
    sql: str,
    params: list[Any] | dict[str, Any] | None = None,
    columns: int | None = None,
) -> tuple[list[tuple[Any, ...]], bool]:
    """read_tuples, and whether any text read had to be cleaned: a query that compared stored
    text in SQL (as stored, not as cleaned) can then be answered another way. With `columns`,
    only the first `columns` columns are checked and cleaned: the caller cleans the others."""
    found = store.conn.execute(sql, params or []).fetchall()
    if unsafe(_text_read(found, columns)):
        return [_cleaned(row, columns) for row in found], True
    return found, False


def _text_read(found: list[tuple[Any, ...]], columns: int | None) -> str:
    """Every text value of the rows (of their first `columns` columns), joined: column by
    column, a column of text (and NULLs) joined and one of numbers summed at C speed, any
    other value by value (#8: value by value throughout cost twice as much)."""
    parts = []
    for column in islice(zip(*found, strict=True), columns):
        try:
            parts.append("\n".join(column))  # text alone
        except TypeError:  # NULLs, numbers or blobs among them
            parts.append(_other_text(column))
    return "\n".join(parts)


def _other_text(column: tuple[Any, ...]) -> str:
    """The text values of a column holding other values too, joined."""
    try:
        return "\n".join(filter(None, column))  # text and NULLs
    except TypeError:
        pass
    try:
        sum(column)  # numbers alone: no text
        return ""
    except TypeError:
        return "\n".join([v for v in column if type(v) is str])


def _cleaned(row: tuple[Any, ...], columns: int | None) -> tuple[Any, ...]:
    if columns is None:
        return tuple(_safe(v) for v in row)
    return (*(_safe(v) for v in row[:columns]), *row[columns:])


_ASCII_SAFE = bytes(range(0x20, 0x7F)) + b"\t\n"


def unsafe(text: str) -> bool:
    """Whether `text` holds a control character StoreBase.rows cleans away; ASCII text (most
    of it) is checked by deleting the safe bytes, ten times faster than the pattern."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ASCII_SAFE))
    return _UNSAFE.search(text) is not None


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def action_from_row(row: dict[str, Any]) -> Action:
    """An action from its stored row (the extra columns of a list's row are ignored)."""
    from core.models import Action

    return stored(
        Action,
        {
            "id": row["id"],
            "interview_id": row["interview_id"],
            "person_id": row["person_id"],
            "kind": _KIND[row["kind"]],
            "key": row["key"],
            "rule": row["rule"],
            "due": datetime.fromisoformat(row["due"]),
            "window_start": datetime.fromisoformat(row["window_start"]),
            "window_end": datetime.fromisoformat(row["window_end"]),
            "reason": row["reason"],
            "flag": row["flag"],
            "optional": bool(row["optional"]),
            "state": _STATE[row["state"]],
            "user_changed": bool(row["user_changed"]),
            "note": row["note"],
            "done_at": _moment(row["done_at"]),
        },
    )


def person_from_row(row: dict[str, Any]) -> Person:
    """A person from their stored row (the extra columns of a list's row are ignored)."""
    from core.models import Person

    return stored(
        Person,
        {
            **{name: row[name] for name in Person.__pydantic_fields__},
            "spelling_confirmed": bool(row["spelling_confirmed"]),
            "role_kind": _ROLE[row["role_kind"]],
            "email_source": _SOURCE[row["email_source"]],
            "preferred_mode": _MODE[row["preferred_mode"]],
        },
    )


def application_from_row(row: dict[str, Any], prefix: str = "") -> Application:
    """An application from its stored row, its columns named `prefix` + field name."""
    from core.models import Application

    return stored(
        Application,
        {
            "id": row[f"{prefix}id"],
            "company": row[f"{prefix}company"],
            "role": row[f"{prefix}role"],
            "status": _STATUS[row[f"{prefix}status"]],
            "created_at": datetime.fromisoformat(row[f"{prefix}created_at"]),
        },
    )


def interview_from_stored(row: dict[str, Any]) -> Interview:
    """An interview from its stored row (checklist kept as 'A1,A3')."""
    from core.models import Interview

    decision = row["decision_date"]
    return stored(
        Interview,
        {
            "id": row["id"],
            "application_id": row["application_id"],
            "round": row["round"],
            "ended_at": datetime.fromisoformat(row["ended_at"]),
            "format": _FORMAT[row["format"]],
            "decision_date": date.fromisoformat(decision) if decision else None,
            "decision_phrase": row["decision_phrase"],
            "no_timeframe_given": bool(row["no_timeframe_given"]),
            "next_steps": row["next_steps"],
            "large_employer": bool(row["large_employer"]),
            "outcome": _OUTCOME[row["outcome"]],
            "checklist": [i for i in row["checklist"].split(",") if i],
        },
    )


def qa_from_row(row: dict[str, Any]) -> QA:
    """A pair from its stored row, not validated again (it was when written)."""
    from core.models import QA

    return stored(
        QA,
        {
            "id": row["id"],
            "interview_id": row["interview_id"],
            "position": row["position"],
            "question": row["question"],
            "answer": row["answer"],
            "stumped": bool(row["stumped"]),
        },
    )


def promise_from_row(row: dict[str, Any]) -> Promise:
    """A promise from its stored row, not validated again (it was when written)."""
    from core.models import Promise

    return stored(
        Promise,
        {
            "id": row["id"],
            "interview_id": row["interview_id"],
            "text": row["text"],
            "due_phrase": row["due_phrase"],
            "due_at": _moment(row["due_at"]),
            "done": bool(row["done"]),
        },
    )
