"""JSON import: idempotent, merged by key, refused whole (naming the place) when bad."""

from __future__ import annotations

import copy
import json
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from core.demo import build_demo
from core.export_json import (
    ImportProblem,
    document_text,
    export_document,
    export_json,
    export_text,
    import_json,
    import_text,
)
from core.models import QA
from core.repository import Repository
from tests.core.export_helpers import DATABASE_ID, changes, make_document, open_in


@pytest.fixture
def demo(repo: Repository, now: datetime) -> Repository:
    """The demo database, built through the services as a user would."""
    build_demo(repo, now)
    return repo


@pytest.fixture
def generated() -> dict[str, Any]:
    """A generated document with rows in every table (notes included)."""
    return make_document(6)


def test_reimport_changes_nothing(demo: Repository, tmp_path: Path) -> None:
    """Importing the same file again, into the copy or the original, writes no row at all."""
    text = export_text(demo)
    other = open_in(tmp_path, "second.db")
    import_text(other, text)
    for repo in (other, demo):
        before = changes(repo)
        result = import_text(repo, text)
        assert (result.written, result.unchanged) == (0, result.rows)
        assert changes(repo) == before
        assert export_text(repo) == text
    other.close()


def test_reimport_restores_and_keeps_newer_rows(demo: Repository, now: datetime) -> None:
    """Rows are matched by id: an edited row gets the file's values back, a row added after
    the export stays."""
    text = export_text(demo)
    first = demo.qa_list(demo.list_interviews()[0].interview.id or 0)[0]
    demo.update_qa(first.id or 0, answer="changed after the export")
    added = demo.add_qa(QA(interview_id=first.interview_id, question="Added later?"))
    result = import_text(demo, text)
    assert result.written == 1
    assert demo.get_qa(first.id or 0).answer == first.answer
    assert demo.get_qa(added.id or 0).question == "Added later?"


def test_same_stable_key_under_another_id(generated: dict[str, Any], tmp_path: Path) -> None:
    """An action made again (same interview and key, new id): the file's row wins, once."""
    repo = open_in(tmp_path, "a.db")
    import_text(repo, json.dumps(generated))
    action = generated["actions"][0]
    repo.delete_actions([action["id"]])
    (again,) = repo.add_actions(
        [repo.get_action(action["id"] + 1).model_copy(update={"id": None, "key": action["key"]})]
    )
    assert again.id != action["id"]
    import_text(repo, json.dumps(generated))
    assert export_document(repo)["actions"] == generated["actions"]
    repo.close()


def test_people_high_water_only_goes_up(generated: dict[str, Any], tmp_path: Path) -> None:
    """An older file never lowers the mark that keeps deleted people's ids unused."""
    repo = open_in(tmp_path, "a.db")
    import_text(repo, json.dumps(generated))
    newest = max(p["id"] for p in generated["people"])
    repo.delete_person(newest)
    repo.delete_person(newest - 1)
    marks = {r["key"]: r["value"] for r in repo.table_rows("meta")}
    older = copy.deepcopy(generated)
    older["meta"][1]["value"] = "1"
    import_text(repo, json.dumps(older))
    assert {r["key"]: r["value"] for r in repo.table_rows("meta")} == marks
    repo.close()


def test_import_from_file(demo: Repository, tmp_path: Path) -> None:
    """import_json reads the file an export wrote."""
    target = tmp_path / "out.json"
    export_json(demo, target)
    other = open_in(tmp_path, "second.db")
    assert import_json(other, target).written == import_json(demo, target).rows
    other.close()


def _bad(document: dict[str, Any], change: Any) -> str:
    bad = copy.deepcopy(document)
    change(bad)
    return json.dumps(bad, indent=2)


def _set(section: str, index: int, name: str, value: Any) -> Any:
    return lambda d: d[section][index].__setitem__(name, value)


def _drop(section: str, index: int, name: str) -> Any:
    return lambda d: d[section][index].pop(name)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_drop("interviews", 3, "ended_at"), "interviews[3].ended_at: Field required"),
        (_set("interviews", 3, "ended_at", "soon"), "interviews[3].ended_at: Input should be"),
        (_set("interviews", 2, "ended_at", "2024-01-09T15:00:00"), "interviews[2].ended_at:"),
        (_set("qa", 4, "stumped", "perhaps"), "qa[4].stumped: Input should be a valid boolean"),
        (_set("interviews", 1, "checklist", ["A1", 7]), "interviews[1].checklist[1]:"),
        (_set("people", 0, "nickname", "x"), "people[0].nickname: Extra inputs"),
        (_drop("actions", 5, "id"), "actions[5].id: Field required"),
        (_set("touches", 2, "id", 1), "touches[2]: same id as touches[0]"),
        (_set("actions", 1, "key", "debrief:"), "actions[1]: same interview_id, key as actions[0]"),
        (_set("meta", 0, "value", "not-a-uuid"), "meta[0]: Value error, database_id is not"),
        (_set("answers", 2, "prompt_id", "B33"), "answers[2].prompt_id: Value error, unknown"),
        (lambda d: d.__setitem__("qa", {}), "qa: expected a list"),
        (lambda d: d.__setitem__("recipes", []), "recipes: unknown section"),
        (lambda d: d.__setitem__("version", 2), "version: 2 was written by a newer Afterword"),
        (lambda d: d.__setitem__("version", "1"), "version: expected a whole number"),
        (lambda d: d.__setitem__("format", "other"), "format: not an Afterword export"),
        (_set("interviews", 4, "application_id", 999), "interviews[4].application_id: no "),
        (_set("notes", 5, "action_id", 10**6), "notes[5].action_id: no actions row 1000000"),
    ],
)
def test_malformed_file_is_refused_whole(
    generated: dict[str, Any], repo: Repository, change: Any, message: str
) -> None:
    """The first problem is named by its path; nothing at all is kept (a problem found by the
    database, a missing parent, rolls the whole transaction back)."""
    before = export_text(repo)
    with pytest.raises(ImportProblem) as caught:
        import_text(repo, _bad(generated, change))
    assert str(caught.value).startswith(message)
    assert export_text(repo) == before


def test_a_constraint_the_checks_miss_is_still_one_problem(
    generated: dict[str, Any], repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the database refuse a row for a reason the checks do not know, the import is
    refused as a whole with that reason, not a traceback."""

    def refuse(tables: object) -> None:
        raise sqlite3.IntegrityError("UNIQUE constraint failed: search.rowid")

    monkeypatch.setattr(repo, "load_tables", refuse)
    with pytest.raises(ImportProblem, match=r"^the database refused the file \(UNIQUE"):
        import_text(repo, json.dumps(generated))


def test_syntax_error_names_line_and_column(generated: dict[str, Any], repo: Repository) -> None:
    """A JSON syntax error is reported with its line and column (one record a line)."""
    lines = document_text(generated).splitlines()
    number = next(i for i, line in enumerate(lines) if '{"id":3,"application_id"' in line)
    column = lines[number].index('"ended_at"') + len('"ended_at""')  # 1-based, at the value
    lines[number] = lines[number].replace('"ended_at":', '"ended_at"')
    with pytest.raises(ImportProblem) as caught:
        import_text(repo, "\n".join(lines))
    assert str(caught.value) == f"line {number + 1}, column {column}: Expecting ':' delimiter"


def test_every_problem_is_counted(generated: dict[str, Any], repo: Repository) -> None:
    """All bad places are listed, the message names the first and how many more."""
    bad = copy.deepcopy(generated)
    for index in (0, 2, 4):
        bad["promises"][index]["due_at"] = "friday"
    with pytest.raises(ImportProblem) as caught:
        import_text(repo, json.dumps(bad))
    assert caught.value.problems[1].startswith("promises[2].due_at:")
    assert str(caught.value).endswith("(and 2 more)")


def test_another_database_with_data_is_refused(demo: Repository, generated: dict[str, Any]) -> None:
    """Ids of two databases would clash: an export of another one is only imported into an
    empty database."""
    before = export_text(demo)
    with pytest.raises(ImportProblem, match="another database"):
        import_text(demo, json.dumps(generated))
    assert export_text(demo) == before


def test_missing_sections_are_empty(repo: Repository) -> None:
    """An older or hand-made file may leave sections out; they count as empty."""
    result = import_text(
        repo,
        json.dumps(
            {
                "format": "afterword",
                "version": 1,
                "applications": [
                    {"id": 7, "company": "Acme", "created_at": "2026-01-05T10:00:00+01:00"}
                ],
            }
        ),
    )
    assert result.written == 1
    assert repo.get_application(7).company == "Acme"


def test_import_cleans_escape_sequences(generated: dict[str, Any], repo: Repository) -> None:
    """Text is validated through the models: escape sequences and controls are dropped."""
    bad = copy.deepcopy(generated)
    bad["qa"][0]["answer"] = "ok\x1b]52;c;ZXZpbA==\x07 then \x1b[31mred\x1b[0m\x00"
    bad["people"][0]["name"] = "\x1b[2JJane\nDoe"
    import_text(repo, json.dumps(bad))
    assert repo.get_qa(1).answer == "ok then red"
    assert repo.get_person(1).name == "Jane Doe"


def test_thousand_interviews_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quick figure (printed, not asserted): import and export of 1,000 interviews."""
    text = json.dumps(make_document(1000), indent=2)
    repo = open_in(tmp_path, "big.db")
    started = time.perf_counter()
    result = import_text(repo, text)
    imported = time.perf_counter() - started
    started = time.perf_counter()
    again = export_text(repo)
    exported = time.perf_counter() - started
    assert result.written == result.rows > 20_000
    assert json.loads(again)["meta"][0]["value"] == DATABASE_ID
    with capsys.disabled():
        print(
            f"\n1,000 interviews ({result.rows} rows, {len(again) / 1e6:.1f} MB): "
            f"import {imported * 1000:.0f} ms, export {exported * 1000:.0f} ms"
        )
    repo.close()
