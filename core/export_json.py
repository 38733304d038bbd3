"""The JSON export of everything, and its import: versioned, exact, idempotent, all or nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from core.export_sections import (
    DATABASE_ID,
    FORMAT,
    FORMAT_VERSION,
    SECTION_NAMES,
    SECTIONS,
    Section,
)
from core.private_file import write_private
from core.repository import Repository
from core.repository.dump import ReferenceProblem, TableShape
from core.repository.dump_json import JsonChunk

# One record a line, compact (as SQLite's json_object writes it): easy to diff and to read.
SEPARATOR = ",\n    "
_SEPARATOR = SEPARATOR.encode()
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


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
    stored (it was validated when written), fields in the model's order, flags as booleans.
    The reference the fast export (export_chunks) is tested against."""
    document: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION}
    for section in SECTIONS:
        rows = repo.table_rows(section.name, list(section.model.model_fields))
        document[section.name] = [section.record(row) for row in rows]
    return document


def document_text(document: dict[str, Any]) -> str:
    """Return a document as JSON text: UTF-8, keys in a fixed order, one compact record per
    line (written by the C encoder: `indent` would be 3x slower)."""
    parts = []
    for name, value in document.items():
        if isinstance(value, list) and value:
            records = SEPARATOR.join(map(_ENCODE, value))
            parts.append(f"  {json.dumps(name)}: [\n    {records}\n  ]")
        else:
            parts.append(f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _encoded(section: Section, chunk: JsonChunk) -> bytes:
    """A chunk's records as UTF-8 JSON: SQLite's text, or its rows encoded here."""
    if chunk.rows is None:
        return chunk.text
    records = [_ENCODE(section.record(row)) for row in chunk.rows]
    return SEPARATOR.join(records).encode("utf-8")


def _section_pieces(repo: Repository, section: Section, tally: list[int]) -> Iterator[bytes]:
    opening = f",\n  {json.dumps(section.name)}: [".encode()
    key, columns = repo.table_shape(section.name).key, section.json_columns()
    rows = 0
    for chunk in repo.json_chunks(section.name, key, columns, _SEPARATOR):
        yield opening + b"\n    " if not rows else _SEPARATOR
        yield _encoded(section, chunk)
        rows += chunk.count
    yield b"\n  ]" if rows else opening + b"]"
    tally[0] += rows


def export_chunks(repo: Repository, tally: list[int] | None = None) -> Iterator[bytes]:
    """Yield the export as UTF-8 JSON in large pieces, every table read in one snapshot,
    each row made JSON by SQLite: the same bytes as document_text(export_document(repo)).
    `tally[0]` is increased by the number of rows written."""
    tally = [0] if tally is None else tally
    head = document_text({"format": FORMAT, "version": FORMAT_VERSION})
    yield head.removesuffix("\n}\n").encode()
    with repo.snapshot():
        for section in SECTIONS:
            yield from _section_pieces(repo, section, tally)
    yield b"\n}\n"


def export_text(repo: Repository) -> str:
    """Return the export of everything as JSON text."""
    return b"".join(export_chunks(repo)).decode("utf-8")


def export_json(repo: Repository, path: Path | str) -> int:
    """Write the export to `path` atomically with mode 0600, streamed (never whole in memory);
    return how many rows it holds."""
    tally = [0]
    write_private(path, export_chunks(repo, tally))
    return tally[0]


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
