"""The JSON export of everything, and its import: versioned, exact, idempotent, all or nothing."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator, model_validator

from core.models import (
    QA,
    Action,
    Application,
    Interview,
    Model,
    Note,
    Participant,
    Person,
    Promise,
    Touch,
)
from core.private_file import write_private
from core.prompts import PROMPTS_BY_ID
from core.repository import Repository
from core.repository.dump import ReferenceProblem, TableShape
from core.text import CleanText

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


# Every table of the user's data, parents first. A new table is added here (a test fails
# until it is: tests/core/test_export_json.py compares this list with the schema).
SECTIONS: tuple[Section, ...] = (
    Section("meta", MetaRecord),
    Section("applications", Application),
    Section("interviews", Interview, to_row=_interview_row, to_input=_interview_input),
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


class ImportProblem(ValueError):
    """The file cannot be imported; the message names the place (path or line and column)."""

    def __init__(self, problems: list[str]) -> None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    """What an import did: rows read from the file, and how many were new or changed."""

    rows: int
    written: int
    unchanged: int


@dataclass
class _Parsed:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    where: dict[tuple[str, tuple[Any, ...]], int] = field(default_factory=dict)
    database_id: str | None = None


def export_document(repo: Repository) -> dict[str, Any]:
    """Return everything in the database as the export's JSON document (a dict): each row as
    stored (it was validated when written), fields in the model's order, flags as booleans."""
    document: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION}
    for section in SECTIONS:
        fields = list(section.model.model_fields)
        flags = [n for n, f in section.model.model_fields.items() if f.annotation is bool]
        rows = repo.table_rows(section.name, fields)  # in the model's order: no copy needed
        records = rows if section.to_input is dict else [section.to_input(r) for r in rows]
        for record in records:
            for name in flags:
                record[name] = bool(record[name])
        document[section.name] = records
    return document


def document_text(document: dict[str, Any]) -> str:
    """Return a document as JSON text: UTF-8, keys in a fixed order, one record per line (easy
    to diff and to read, and written by the C encoder: `indent` would be 3x slower)."""
    parts = []
    encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps made one per record
    for name, value in document.items():
        if isinstance(value, list) and value:
            records = ",\n    ".join(map(encode, value))
            parts.append(f"  {json.dumps(name)}: [\n    {records}\n  ]")
        else:
            parts.append(f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def export_text(repo: Repository) -> str:
    """Return the export of everything as JSON text."""
    return document_text(export_document(repo))


def export_json(repo: Repository, path: Path | str) -> int:
    """Write the export to `path` atomically with mode 0600; return how many rows it holds."""
    document = export_document(repo)
    write_private(path, document_text(document))
    return sum(len(document[name]) for name in SECTION_NAMES)


def _where(loc: tuple[int | str, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def parse_document(text: str, shapes: dict[str, TableShape]) -> _Parsed:
    """Validate the whole file through the models; ImportProblem naming every bad place."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem([f"line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem([f'format: not an Afterword export (expected "format": "{FORMAT}")'])
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise ImportProblem(["version: expected a whole number"])
    if version > FORMAT_VERSION:
        raise ImportProblem(
            [f"version: {version} was written by a newer Afterword; upgrade it to import this"]
        )
    unknown = sorted(set(document) - {"format", "version", *SECTION_NAMES})
    problems = [f"{name}: unknown section" for name in unknown]
    parsed = _Parsed()
    for section in SECTIONS:
        records = document.get(section.name, [])
        if not isinstance(records, list):
            problems.append(f"{section.name}: expected a list")
            continue
        parsed.rows[section.name] = _records(
            section, records, shapes[section.name], parsed, problems
        )
    if problems:
        raise ImportProblem(problems)
    return parsed


def _records(
    section: Section,
    records: list[Any],
    shape: TableShape,
    parsed: _Parsed,
    problems: list[str],
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    for i, record in enumerate(records):
        here = f"{section.name}[{i}]"
        try:
            model = section.model.model_validate(record)
        except ValidationError as exc:
            problems.extend(f"{here}{_where(e['loc'])}: {e['msg']}" for e in exc.errors())
            continue
        row = section.to_row(model)
        missing = [k for k in shape.key if row.get(k) is None]
        if missing:
            problems.append(f"{here}.{missing[0]}: Field required (the key of the row)")
            continue
        for columns in (shape.key, *shape.unique):
            value = (columns, tuple(row[c] for c in columns))
            if value in seen:
                j = seen[value]
                problems.append(f"{here}: same {', '.join(columns)} as {section.name}[{j}]")
            seen[value] = i
        parsed.where[(section.name, tuple(row[k] for k in shape.key))] = i
        if section.name == "meta" and row["key"] == DATABASE_ID:
            parsed.database_id = row["value"]
        rows.append(row)
    return rows


def import_text(repo: Repository, text: str) -> ImportResult:
    """Import an export into the database in one transaction: rows are matched by key, so
    importing the same file again changes nothing; a bad file is refused whole."""
    shapes = {s.name: repo.table_shape(s.name) for s in SECTIONS}
    parsed = parse_document(text, shapes)
    data = [s.name for s in SECTIONS if s.name != "meta"]
    try:
        with repo.write():
            if parsed.database_id != repo.database_id() and repo.holds_data(data):
                raise ImportProblem(
                    [
                        f"{DATABASE_ID}: this export comes from another database, and this one "
                        "already holds data (ids would clash); import it into an empty "
                        "database (--db new.db)"
                    ]
                )
            counts = repo.load_tables([(s.name, parsed.rows[s.name]) for s in SECTIONS])
    except ReferenceProblem as exc:
        i = parsed.where.get((exc.table, tuple(exc.key.values())))
        here = f"{exc.table}[{i}]" if i is not None else f"{exc.table} {exc.key}"
        raise ImportProblem(
            [f"{here}.{exc.column}: no {exc.parent} row {exc.value!r} in the file or the database"]
        ) from exc
    except sqlite3.IntegrityError as exc:  # a constraint the checks above do not know of
        raise ImportProblem([f"the database refused the file ({exc})"]) from exc
    rows = sum(len(r) for r in parsed.rows.values())
    return ImportResult(rows=rows, written=counts.written, unchanged=counts.unchanged)


def import_json(repo: Repository, path: Path | str) -> ImportResult:
    """Read an export file (UTF-8) and import it (see import_text); OSError if unreadable."""
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ImportProblem([f"byte {exc.start}: not UTF-8 text"]) from exc
    return import_text(repo, text)
