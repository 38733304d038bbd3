"""The tables of the JSON export, parents first, each with the model its records validate
through and how a record differs from its stored row."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import Field, field_validator, model_validator

from core.models import (
    QA,
    Action,
    Application,
    CleanText,
    Interview,
    Model,
    Note,
    Participant,
    Person,
    Promise,
    Touch,
)
from core.prompts import PROMPTS_BY_ID
from core.repository.dump_json import JsonColumn, JsonKind

FORMAT = "afterword"
FORMAT_VERSION = 1
DATABASE_ID = "database_id"


class MetaRecord(Model):
    """One key/value of the meta table (the database id that seeds vCard UIDs, high waters)."""

    key: str = Field(min_length=1, max_length=100)
    value: str = Field(max_length=1000)

    @model_validator(mode="after")
    def _database_id_is_a_uuid(self) -> MetaRecord:
        if self.key == DATABASE_ID:
            try:
                uuid.UUID(self.value)
            except ValueError:
                raise ValueError(f"{DATABASE_ID} is not a UUID") from None
        return self


class ParticipantRecord(Participant):
    """A participant as stored: with the order people were listed in."""

    position: int = 0


class AnswerRecord(Model):
    """The free-text answer to one debrief prompt of one interview."""

    interview_id: int
    prompt_id: str
    text: CleanText = ""

    @field_validator("prompt_id")
    @classmethod
    def _known_prompt(cls, value: str) -> str:
        if value not in PROMPTS_BY_ID:  # the search index keys answers by prompt number
            raise ValueError(f"unknown prompt {value!r} (B1-B10)")
        return value


def _stored(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json")
    return data


def _interview_row(record: Any) -> dict[str, Any]:
    return {**_stored(record), "checklist": ",".join(record.checklist)}


def _interview_input(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "checklist": [i for i in row["checklist"].split(",") if i]}


def _action_row(record: Any) -> dict[str, Any]:
    from core.repository.plan import utc_text

    return {**_stored(record), "due_utc": utc_text(record.due)}


@dataclass(frozen=True)
class Section:
    """One table in the file: its records validate through `model`; `derived` columns are
    computed from a record when stored, so the file does not carry them."""

    name: str
    model: type[Model]
    derived: frozenset[str] = frozenset()
    to_row: Callable[[Any], dict[str, Any]] = _stored
    to_input: Callable[[dict[str, Any]], dict[str, Any]] = dict
    joined: frozenset[str] = frozenset()  # lists stored as comma-joined text (to_input splits)

    @cached_property
    def flags(self) -> tuple[str, ...]:
        """The boolean fields (stored 0/1)."""
        return tuple(n for n, f in self.model.model_fields.items() if f.annotation is bool)

    def json_columns(self) -> list[JsonColumn]:
        """The record's fields in order, each with how SQLite makes it JSON."""
        kinds = {n: JsonKind.LIST for n in self.joined} | {n: JsonKind.FLAG for n in self.flags}
        return [JsonColumn(n, kinds.get(n, JsonKind.VALUE)) for n in self.model.model_fields]

    def record(self, row: dict[str, Any]) -> dict[str, Any]:
        """A stored row (fields in the model's order) as the file holds it."""
        record = row if self.to_input is dict else self.to_input(row)
        for name in self.flags:
            record[name] = bool(record[name])
        return record


# Every table of the user's data, parents first. A new table is added here (a test fails
# until it is: tests/core/test_export_json.py compares this list with the schema).
SECTIONS: tuple[Section, ...] = (
    Section("meta", MetaRecord),
    Section("applications", Application),
    Section(
        "interviews",
        Interview,
        to_row=_interview_row,
        to_input=_interview_input,
        joined=frozenset({"checklist"}),
    ),
    Section("people", Person),
    Section("participants", ParticipantRecord),
    Section("answers", AnswerRecord),
    Section("qa", QA),
    Section("promises", Promise),
    Section("actions", Action, derived=frozenset({"due_utc"}), to_row=_action_row),
    Section("touches", Touch),
    Section("notes", Note),
)
SECTION_NAMES = tuple(s.name for s in SECTIONS)
