"""F1: the practice list: stumpers (B5) and 'do differently' (B4) across all interviews."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from core.export_json import export_text, import_text
from core.models import QA, Application, Interview
from core.repository import Repository
from core.services_learning import PracticeItem, practice_list, set_practised


def _interview(repo: Repository, company: str, ended: datetime, round_: int = 1) -> int:
    app = repo.find_open_application(company) or repo.add_application(
        Application(company=company, role="Engineer", created_at=ended)
    )
    interview = Interview(application_id=app.id or 0, round=round_, ended_at=ended)
    return repo.add_interview(interview).id or 0


def _stumper(repo: Repository, interview_id: int, question: str, stumped: bool = True) -> QA:
    return repo.add_qa(QA(interview_id=interview_id, question=question, stumped=stumped))


def _texts(items: list[PracticeItem]) -> list[str]:
    return [i.text for i in items]


def test_f1_stumpers_and_do_differently_of_every_interview_newest_first(
    repo: Repository, now: datetime
) -> None:
    """F1: every stumped question and every B4 answer, newest interview first, in the order
    written within one; each says where it came from (company, round, date)."""
    old = _interview(repo, "Globex", now - timedelta(days=20))
    new = _interview(repo, "Acme", now - timedelta(days=2), round_=2)
    _stumper(repo, old, "Design a rate limiter")
    _stumper(repo, old, "Why this company?", stumped=False)  # answered well: not listed
    _stumper(repo, old, "", stumped=True)  # an empty line: nothing to practise
    repo.save_answer(old, "B4", "Shorter stories")
    _stumper(repo, new, "Biggest failure?")
    _stumper(repo, new, "Salary expectations?")
    repo.save_answer(new, "B4", "   ")  # blank: not listed
    repo.save_answer(new, "B3", "The design part")  # other prompts: not listed
    items = practice_list(repo)
    assert _texts(items) == [
        "Biggest failure?",
        "Salary expectations?",
        "Design a rate limiter",
        "Shorter stories",
    ]
    assert [i.label for i in items] == ["Stumped me"] * 3 + ["Do differently"]
    assert [i.prompt_id for i in items] == ["B5", "B5", "B5", "B4"]
    assert items[0].where == "Acme · Engineer · round 2 · 21 Nov 2026"
    assert items[3].where == "Globex · Engineer · round 1 · 03 Nov 2026"
    assert all(i.practised_at is None for i in items)


def test_f1_newest_first_by_the_moment_not_by_its_text(repo: Repository) -> None:
    """F1: 10:00 in Los Angeles is after 12:00 in New York the same day (offsets differ)."""
    la = _interview(repo, "West", datetime.fromisoformat("2026-11-20T10:00:00-08:00"))
    ny = _interview(repo, "East", datetime.fromisoformat("2026-11-20T12:00:00-05:00"))
    _stumper(repo, ny, "East question")
    _stumper(repo, la, "West question")
    assert _texts(practice_list(repo)) == ["West question", "East question"]


def test_f1_mark_practised_is_kept_and_can_be_undone(
    repo: Repository, db_path: Path, now: datetime
) -> None:
    """F1: marking an item practised stores when; it stays after reopening; undo clears it."""
    iid = _interview(repo, "Acme", now - timedelta(days=1))
    _stumper(repo, iid, "Tell me about a conflict")
    repo.save_answer(iid, "B4", "Pause before answering")
    stumper, b4 = practice_list(repo)
    assert set_practised(repo, b4, now).practised_at == now
    repo.close()
    again = Repository.open(db_path)
    stumper, b4 = practice_list(again)
    assert (stumper.practised_at, b4.practised_at) == (None, now)
    set_practised(again, stumper, now)
    set_practised(again, b4, None)
    assert [i.practised_at for i in practice_list(again)] == [now, None]
    again.close()


def test_f1_a_deleted_stumper_takes_its_mark_along(repo: Repository, now: datetime) -> None:
    """F1: a mark belongs to its question: deleted with it, never inherited by a new one
    that gets the same id."""
    iid = _interview(repo, "Acme", now - timedelta(days=1))
    qa = _stumper(repo, iid, "Old question")
    [item] = practice_list(repo)
    set_practised(repo, item, now)
    repo.delete_qa(qa.id or 0)
    fresh = _stumper(repo, iid, "New question")
    assert fresh.id == qa.id  # SQLite gave the id again
    assert [(i.text, i.practised_at) for i in practice_list(repo)] == [("New question", None)]
    assert repo.marks("practised:") == {}


def test_f1_marks_travel_with_the_json_export(
    repo: Repository, tmp_path: Path, now: datetime
) -> None:
    """F1: practised marks are the user's data: an export imported elsewhere keeps them."""
    iid = _interview(repo, "Acme", now - timedelta(days=1))
    _stumper(repo, iid, "Walk me through your CV")
    repo.save_answer(iid, "B4", "Slow down")
    set_practised(repo, practice_list(repo)[0], now)
    other = Repository.open(tmp_path / "other.db")
    import_text(other, export_text(repo))
    assert [(i.text, i.practised_at) for i in practice_list(other)] == [
        ("Walk me through your CV", now),
        ("Slow down", None),
    ]
    other.close()
