"""JSON export: everything, made JSON by SQLite, the same bytes as the reference encoder, exact
round trips; text stored by other means cleaned as on every read; atomic and streamed."""

from __future__ import annotations

import json
import re
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.demo import build_demo
from core.export_json import (
    SECTION_NAMES,
    SECTIONS,
    document_text,
    export_chunks,
    export_document,
    export_json,
    export_text,
    import_text,
)
from core.models import QA
from core.repository import Repository
from core.text import clean_line, clean_text
from tests.core.export_helpers import make_document, open_in


@pytest.fixture
def demo(repo: Repository, now: datetime) -> Repository:
    """The demo database, built through the services as a user would."""
    build_demo(repo, now)
    return repo


@pytest.fixture
def generated() -> dict[str, Any]:
    """A generated document with rows in every table (notes included)."""
    return make_document(6)


def test_every_table_and_column_is_exported(repo: Repository) -> None:
    """The explicit section list names every table of the schema, and each section's model
    (plus derived columns) covers every column: a new table or column fails here."""
    assert sorted(repo.dump_tables()) == sorted(SECTION_NAMES)
    for section in SECTIONS:
        shape = repo.table_shape(section.name)
        fields = set(section.model.model_fields) | section.derived
        assert set(shape.columns) == fields, section.name
        assert set(shape.key) <= set(section.model.model_fields), section.name


def test_every_section_is_in_the_generated_document(generated: dict[str, Any]) -> None:
    """The helper fills every section, so the round trips below cover every table."""
    assert [name for name in SECTION_NAMES if not generated[name]] == []


def test_round_trip_of_the_demo_is_byte_identical(demo: Repository, tmp_path: Path) -> None:
    """Export, import into an empty database, export again: the same bytes, the same rows."""
    first = export_text(demo)
    other = open_in(tmp_path, "second.db")
    result = import_text(other, first)
    assert result.rows == result.written > 50
    assert export_text(other) == first
    for name in SECTION_NAMES:
        assert other.table_rows(name) == demo.table_rows(name), name
    assert other.database_id() == demo.database_id()
    other.close()


def test_exported_records_are_the_models_own_json(demo: Repository, tmp_path: Path) -> None:
    """Rows are exported as stored, without re-validation: each record is exactly what its
    model would make of it (booleans, lists, ISO dates with offsets)."""
    document = export_document(demo)
    for section in SECTIONS:
        for record in document[section.name]:
            assert section.model.model_validate(record).model_dump(mode="json") == record


def test_round_trip_of_every_table(generated: dict[str, Any], tmp_path: Path) -> None:
    """A document with rows in every table comes back out as it went in."""
    one = open_in(tmp_path, "one.db")
    import_text(one, json.dumps(generated))
    assert export_document(one) == generated
    text = export_text(one)
    two = open_in(tmp_path, "two.db")
    import_text(two, text)
    assert export_text(two) == text
    one.close()
    two.close()


def test_export_file_is_private_and_complete(demo: Repository, tmp_path: Path) -> None:
    """The file is written 0600 and counts every row; it parses back to the same document."""
    target = tmp_path / "out.json"
    count = export_json(demo, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = json.loads(target.read_text("utf-8"))
    assert count == sum(len(document[name]) for name in SECTION_NAMES)
    assert document["format"] == "afterword"
    assert document["version"] == 1
    assert document == export_document(demo)
    assert target.read_bytes() == export_text(demo).encode("utf-8")


@pytest.mark.parametrize("source", ["demo", "generated"])
def test_export_is_the_reference_byte_for_byte(
    source: str,
    demo: Repository,
    generated: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SQLite's text (json_object) is exactly what Python's encoder makes of the rows read
    the usual way: key order, flags, lists, numbers, nulls, unicode, escapes."""
    repo = demo
    if source == "generated":
        repo = open_in(tmp_path, "generated.db")
        import_text(repo, json.dumps(generated))
    reference = document_text(export_document(repo))
    assert export_text(repo) == reference
    monkeypatch.setattr(repo, "json_chunks", partial(repo.json_chunks, chunk_rows=3))
    assert b"".join(export_chunks(repo)) == reference.encode("utf-8")  # windows of 3 rows


# User text as typed (it passes the models): exported exactly, JSON-escaped.
TYPED = [
    "[bold]x[/] [link=https://evil.example]click[/link]",
    "\\x1b[31mnot red\\x1b[0m (typed as text)",
    'a "quote", a \\ backslash, {"id":3,"key":"x"}',
    "tab\there\nnext line\n\n",
    "🚀 👩\u200d💻 שלום \u202eevil\u202c Équipe ß 中文",
    "</script><b>bold</b> *not bold* `code`",
]


def test_user_text_is_exported_exactly_and_escaped(
    generated: dict[str, Any], repo: Repository
) -> None:
    """Markup, escape-like text, quotes, backslashes, newlines and any script come out as
    typed, each JSON-escaped on its record's one line."""
    for i, text in enumerate(TYPED):
        generated["qa"][i]["answer"] = text
    import_text(repo, json.dumps(generated))
    exported = export_text(repo)
    assert [r["answer"] for r in json.loads(exported)["qa"][: len(TYPED)]] == TYPED
    lines = exported.splitlines()
    for text in TYPED:
        [line] = [x for x in lines if json.dumps(text, ensure_ascii=False) in x]
        assert json.loads(line.strip().rstrip(","))["answer"] == text  # one record, one line
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", exported)  # only line breaks


# Text written by other means (an old version, another tool): cleaned as every read cleans it.
FOREIGN = [
    ("qa", "answer", "ok \x1b[31mred\x1b[0m\r\nnext\x00 \x1b]52;c;ZXZpbA==\x07end"),
    ("people", "name", "Ann\x9b2J Lee\x7f"),
    ("notes", "body", "bell\x07 vt\x0b ff\x0c bs\x08 \x85nel"),
    ("interviews", "checklist", ",A1,,A3\x1b[0m,"),
]


def _store_foreign(repo: Repository, row_id: int) -> None:
    for table, column, value in FOREIGN:
        repo.conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [value, row_id])


def test_text_stored_by_other_means_is_cleaned_as_on_read(
    generated: dict[str, Any], repo: Repository
) -> None:
    """Controls and escape sequences in the file never leave it, raw or JSON-escaped: the
    export holds what the usual read gives (clean_text), the same bytes as the reference."""
    import_text(repo, json.dumps(generated))
    _store_foreign(repo, 3)
    exported = export_text(repo)
    assert exported == document_text(export_document(repo))
    document = json.loads(exported)
    for table, column, value in FOREIGN[:3]:
        [record] = [r for r in document[table] if r["id"] == 3]
        assert record[column] == clean_text(value)
    assert document["interviews"][2]["checklist"] == ["A1", "A3"]
    assert "\\u00" not in exported and "\\r" not in exported
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", exported)


def test_only_the_chunk_holding_such_text_is_read_again(
    generated: dict[str, Any], repo: Repository
) -> None:
    """SQLite's text is kept for every clean chunk; the one with a foreign control is read
    the usual way (cleaned) and encoded in Python."""
    import_text(repo, json.dumps(generated))
    _store_foreign(repo, 5)
    qa = next(s for s in SECTIONS if s.name == "qa")
    chunks = list(repo.json_chunks("qa", ("id",), qa.json_columns(), b",", chunk_rows=2))
    assert [i for i, c in enumerate(chunks) if c.rows is not None] == [2]  # ids 5 and 6
    assert sum(c.count for c in chunks) == len(generated["qa"])
    assert [r["id"] for r in chunks[2].rows or []] == [5, 6]
    assert (chunks[2].rows or [])[0]["answer"] == clean_text(FOREIGN[0][2])


def test_every_table_is_read_in_one_snapshot(demo: Repository, db_path: Path) -> None:
    """A write by another connection while the export runs is not in it (no row that
    refers to a parent exported before it existed): the export is of one moment."""
    before = export_text(demo)
    pieces = export_chunks(demo)
    started = [next(pieces) for _ in range(4)]  # the head and the first table
    other = Repository.open(db_path)
    first = other.list_interviews()[0].interview.id or 0
    other.add_qa(QA(interview_id=first, question="Added while exporting?"))
    other.close()
    assert b"".join([*started, *pieces]).decode("utf-8") == before
    assert export_text(demo) != before  # the next export sees it


def test_a_failed_export_keeps_the_old_file(
    demo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are streamed to the temp file: a read that fails half way leaves the old export
    untouched and no temp file behind."""
    target = tmp_path / "exports" / "out.json"
    target.parent.mkdir()
    target.write_bytes(b"old export")
    chunks = demo.json_chunks

    def fail_in_people(table: str, *args: Any, **kwargs: Any) -> Any:
        if table == "people":
            raise sqlite3.OperationalError("disk I/O error")
        return chunks(table, *args, **kwargs)

    monkeypatch.setattr(demo, "json_chunks", fail_in_people)
    with pytest.raises(sqlite3.OperationalError):
        export_json(demo, target)
    assert target.read_bytes() == b"old export"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


_PIECES = st.sampled_from(
    ["\x1b[31m", "\x1b]0;title\x07", "\u202e", "\u200f", "🚀", "👩\u200d💻", "\r\n", "שלום", "\t"]
)
_TEXT = st.lists(
    st.one_of(st.text(st.characters(codec="utf-8"), max_size=6), _PIECES), max_size=8
).map("".join)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Repository, Repository]]:
    """Two databases, reused across examples (every import overwrites the same ids)."""
    folder = tmp_path_factory.mktemp("pair")
    one, two = open_in(folder, "one.db"), open_in(folder, "two.db")
    yield one, two
    one.close()
    two.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=_TEXT, highlights=_TEXT, company=_TEXT.filter(lambda s: clean_line(s)))
def test_round_trip_of_random_text(
    pair: tuple[Repository, Repository], question: str, highlights: str, company: str
) -> None:
    """Any text (escapes, emoji, right-to-left marks) survives export and import exactly as
    the models cleaned it."""
    one, two = pair
    document = make_document(1)
    document["qa"][0]["question"] = question
    document["participants"][0]["highlights"] = highlights
    document["applications"][0]["company"] = company[:200]
    import_text(one, json.dumps(document))
    text = export_text(one)
    exported = json.loads(text)
    assert exported["qa"][0]["question"] == clean_text(question)
    assert exported["participants"][0]["highlights"] == clean_text(highlights)
    assert exported["applications"][0]["company"] == clean_line(company[:200])
    assert text == document_text(export_document(one))
    import_text(two, text)
    assert export_text(two) == text
