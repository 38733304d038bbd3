"""Models read for the screens after the first (pairs, promises, people met, the summary) are
built from the stored rows without validating them again (#8); each read equals what validating
the same rows gives, field for field. The debrief itself reads records: test_debrief_records."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.models import QA, Application, InterviewSummary, Participant, Person, Promise
from core.repository import Repository
from core.repository.people import _PERSON_SELECT

NOW = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)


@pytest.fixture
def repo(demo_repo: Repository) -> Repository:
    """The demo database plus an interview whose words are awkward (core conftest)."""
    return demo_repo


def _rows(repo: Repository, sql: str, params: list[object]) -> list[dict[str, object]]:
    return repo.rows(sql, params)


def test_pairs_promises_and_people_read_as_rows(repo: Repository) -> None:
    interviews = [s.interview.id for s in repo.list_interviews(limit=50)]
    assert len(interviews) >= 6
    for iid in interviews:
        assert iid is not None
        qa_rows = _rows(
            repo, "SELECT * FROM qa WHERE interview_id = ? ORDER BY position, id", [iid]
        )
        pairs = repo.qa_list(iid)
        assert pairs == [QA.model_validate(r) for r in qa_rows]
        assert all(type(q.stumped) is bool for q in pairs)  # 1 == True: equality alone misses it
        promise_rows = _rows(
            repo, "SELECT * FROM promises WHERE interview_id = ? ORDER BY id", [iid]
        )
        promises = repo.promises(iid)
        assert promises == [Promise.model_validate(r) for r in promise_rows]
        assert all(type(p.done) is bool for p in promises)
        assert all(p.due_at is None or p.due_at.tzinfo is not None for p in promises)
        for person, link in repo.participants(iid):
            row = _rows(repo, f"{_PERSON_SELECT} WHERE id = ?", [person.id])[0]
            assert person == Person.model_validate(row)
            assert type(person.spelling_confirmed) is bool
            assert link == Participant.model_validate(
                {"interview_id": iid, "person_id": person.id, "highlights": link.highlights}
            )
            assert type(link.highlights) is str


def test_the_summary_and_its_application_read_as_rows(repo: Repository) -> None:
    for found in repo.list_interviews(limit=50):
        iid = found.interview.id
        assert iid is not None
        summary = repo.summary(iid)
        app_row = _rows(
            repo, "SELECT * FROM applications WHERE id = ?", [summary.interview.application_id]
        )[0]
        application = Application.model_validate(app_row)
        assert repo.get_application(application.id or 0) == application
        assert summary == InterviewSummary(
            interview=repo.get_interview(iid), company=application.company, role=application.role
        )


def test_read_models_still_validate_what_is_assigned(repo: Repository) -> None:
    """Built without validation, a read model still refuses a bad value set on it later."""
    [qa] = [
        q
        for s in repo.list_interviews(limit=50)
        for q in repo.qa_list(s.interview.id or 0)
        if q.stumped and q.question.startswith("[red]")
    ]
    with pytest.raises(ValueError):
        qa.interview_id = "not a number"  # type: ignore[assignment]
