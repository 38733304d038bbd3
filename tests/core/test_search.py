"""F3: full-text search over Q&A, debrief answers, highlights and notes; the index stays right."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from core.migrations import migrations, search_index_intact
from core.models import QA, Interview, Note, NoteKind
from core.repository import Repository
from core.repository.search import MARK_END, MARK_START
from core.services_learning import marked_spans, match_expression, search


def _found(repo: Repository, words: str) -> list[tuple[str, int]]:
    return [(h.kind, h.interview_id) for h in search(repo, words)]


def _qa(repo: Repository, interview: Interview, question: str, answer: str = "") -> QA:
    return repo.add_qa(QA(interview_id=interview.id or 0, question=question, answer=answer))


def test_f3_qa_is_found_after_insert_update_and_gone_after_delete(
    repo: Repository, interview: Interview
) -> None:
    """F3: a question/answer pair is indexed as written, re-indexed when edited, dropped when
    deleted; the index never keeps an old word."""
    iid = interview.id or 0
    qa = _qa(repo, interview, "How do you handle on-call?", "Runbooks before heroics")
    assert _found(repo, "runbooks") == [("qa", iid)]
    repo.update_qa(qa.id or 0, answer="Calm rotations")
    assert _found(repo, "runbooks") == []
    assert _found(repo, "rotation") == [("qa", iid)]  # stemmed: rotations ~ rotation
    repo.update_qa(qa.id or 0, stumped=True)  # a flag change keeps the entry as it is
    assert _found(repo, "on call") == [("qa", iid)]
    repo.delete_qa(qa.id or 0)
    assert _found(repo, "rotation") == []
    assert repo.search_entries() == 0


def test_f3_answers_highlights_and_notes_follow_their_rows(
    repo: Repository, interview: Interview, now: datetime
) -> None:
    """F3: debrief answers (upserted as typed), highlights per person and notes are searchable
    and follow every change."""
    iid = interview.id or 0
    repo.save_answer(iid, "B7", "The manager dodged the turnover question")
    repo.save_answer(iid, "B7", "Turnover seemed high")  # the upsert of save-as-you-type
    assert _found(repo, "dodged") == []
    assert [h.prompt_id for h in search(repo, "turnover")] == ["B7"]
    jane = repo.participants(iid)[0][0]
    repo.save_highlights(iid, jane.id or 0, "Her robotics club")
    [hit] = search(repo, "robotics")
    assert (hit.kind, hit.prompt_id, hit.source) == ("highlights", "B2", "Highlights · Jane Doe")
    note = repo.add_note(
        Note(interview_id=iid, person_id=jane.id or 0, kind=NoteKind.THANK_YOU, body="Thanks!")
    )
    repo.save_note_text(note.id or 0, "Thank you", "Loved hearing about the robotics club")
    kinds = sorted(h.kind for h in search(repo, "robotics"))
    assert kinds == ["highlights", "note"]
    assert [h.note_id for h in search(repo, "loved")] == [note.id]
    repo.save_answer(iid, "B7", "")  # an emptied answer leaves the index
    assert _found(repo, "turnover") == []
    repo.delete_person(jane.id or 0)  # cascades to her highlights and notes
    assert _found(repo, "robotics") == []


def test_f3_every_word_must_match_and_the_last_one_may_be_half_typed(
    repo: Repository, interview: Interview
) -> None:
    """F3: all the words typed must be there (as prefixes: the search follows typing)."""
    iid = interview.id or 0
    _qa(repo, interview, "Describe a distributed system you built", "Kafka and Postgres")
    _qa(repo, interview, "Why this company?", "Their distributed team")
    assert len(search(repo, "distributed")) == 2
    assert _found(repo, "distributed kaf") == [("qa", iid)]
    assert _found(repo, "distributed nothing") == []


def test_f3_question_words_rank_above_answer_words(repo: Repository, interview: Interview) -> None:
    """F3: bm25 ranking, a word in the question weighing more than one in the answer."""
    _qa(repo, interview, "Tell me about a hard bug", "A kubernetes upgrade that broke DNS")
    _qa(repo, interview, "What about kubernetes upgrades?", "A hard bug with DNS once")
    titles = ["".join(t for t, _ in h.title) for h in search(repo, "kubernetes")]
    assert titles[0] == "What about kubernetes upgrades?"


def test_f3_results_always_have_a_limit(repo: Repository, interview: Interview) -> None:
    """F3: a search returns at most `limit` hits, however many match."""
    for n in range(30):
        _qa(repo, interview, f"Question {n} about scaling", "")
    assert len(search(repo, "scaling", limit=10)) == 10
    assert len(search(repo, "scaling")) == 30
    assert len(repo.search_rows('"scaling"', limit=10**9)) == 30  # clamped, never unbounded


@pytest.mark.parametrize(
    "typed", ['"', "AND", "OR NOT", "*", "(", "a-b", "NEAR(x y)", "col:x", "^", "  ", "'; --"]
)
def test_f3_any_typed_text_is_a_safe_query(
    repo: Repository, interview: Interview, typed: str
) -> None:
    """F3: FTS5 syntax typed by the user is never passed through: no error, words only."""
    _qa(repo, interview, "AND OR NOT near col x b", "")
    search(repo, typed)  # must not raise
    expression = match_expression(typed)
    assert expression is None or set(expression) <= set('"* abcdefghijklmnopqrstuvwxyz_')


def test_f3_matches_are_spans_and_user_markup_stays_literal(
    repo: Repository, interview: Interview
) -> None:
    """F3: matched words come back as spans (never as markup); brackets typed stay as typed."""
    _qa(repo, interview, "Tell me about [bold]x[/] and [@click=app.quit]", "Équipe à Paris")
    [hit] = search(repo, "tell")
    assert hit.title[0] == ("Tell", True)
    assert "".join(t for t, _ in hit.title) == "Tell me about [bold]x[/] and [@click=app.quit]"
    assert [t for t, matched in search(repo, "equipe")[0].body if matched] == ["Équipe"]
    marked = f"a{MARK_START}b{MARK_END}c{MARK_START}"  # an unclosed mark stays plain text
    assert marked_spans(marked) == (("a", False), ("b", True), ("c", False))


def test_f3_index_survives_reopening(db_path: Path, interview: Interview, repo: Repository) -> None:
    """F3: the index is in the file: found after closing and opening again, no rebuild."""
    _qa(repo, interview, "Salary expectations?", "A range, researched")
    repo.close()
    again = Repository.open(db_path)
    assert again.ensure_search_index() is False
    assert _found(again, "salary") == [("qa", interview.id)]
    again.close()


def test_f3_transform_drops_triggers_and_opening_puts_them_back(
    db_path: Path, interview: Interview, repo: Repository
) -> None:
    """F3: sqlite-utils transform() rebuilds a table without its triggers; the next open puts
    them back and re-indexes what was written meanwhile; later edits are followed again."""
    _qa(repo, interview, "Strengths?", "Patience")
    repo.db["qa"].transform(types={"answer": str})
    assert not search_index_intact(repo.db)
    unseen = _qa(repo, interview, "Weaknesses?", "Impatience with flaky tests")
    assert _found(repo, "flaky") == []  # written while the triggers were gone
    repo.close()
    again = Repository.open(db_path)
    assert search_index_intact(again.db)
    assert _found(again, "flaky") == [("qa", interview.id)]
    again.update_qa(unseen.id or 0, answer="Impatience with slow builds")
    assert _found(again, "flaky") == []
    assert _found(again, "builds") == [("qa", interview.id)]
    again.close()


def test_f3_migration_indexes_rows_written_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F3: a database from before search (schema 0004) gets its existing rows indexed."""
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0005_search")
    old = Repository(db, path)
    monkeypatch.setattr(old, "write_email_facts", lambda *_: None)  # no facts before 0011
    assert "search" not in db.table_names()
    from tests.core.learning_helpers import add_interviews

    add_interviews(old, 3, start=datetime.fromisoformat("2025-01-06T10:00:00-05:00"))
    db.conn.close()
    upgraded = Repository.open(path)
    assert upgraded.backups  # the copy made before migrating
    assert {h.kind for h in search(upgraded, "rehearse")} == {"answer"}
    assert len(search(upgraded, "conflict")) == 3
    upgraded.close()


def test_f3_an_imported_export_is_searchable_as_the_original(
    repo: Repository, interview: Interview, tmp_path: Path
) -> None:
    """F3: the import writes through the same tables (upserts, deletes), so the index of the
    second database matches the first; importing again changes nothing."""
    from core.export_json import export_text, import_text

    iid = interview.id or 0
    _qa(repo, interview, "Biggest failure?", "The billing outage")
    repo.save_answer(iid, "B7", "Billing team turnover")
    jane = repo.participants(iid)[0][0]
    repo.save_highlights(iid, jane.id or 0, "Billing migration stories")
    other = Repository.open(tmp_path / "other.db")
    import_text(other, export_text(repo))
    import_text(other, export_text(repo))
    assert other.search_entries() == repo.search_entries() == 3
    assert search(other, "billing") == search(repo, "billing")
    other.close()
