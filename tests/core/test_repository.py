"""Repository round trips: every model stored and read back, across a reopen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from core.models import (
    QA,
    Application,
    ApplicationStatus,
    ContactMode,
    EmailSource,
    Interview,
    InterviewFormat,
    Outcome,
    Person,
    Promise,
    RoleKind,
)
from core.repository import Repository
from tests.core.conftest import NOW

TRICKY = "[bold]Acme[/] [@click=app.quit]x 🎉 北京 שלום e\u0301\nsecond line\ttabbed"


def _reopen(repo: Repository, path: Path) -> Repository:
    repo.close()
    return Repository.open(path)


def test_round_trip_of_every_model(repo: Repository, db_path: Path) -> None:
    """Each model comes back equal after a close and reopen (text, dates, enums, flags)."""
    app = repo.add_application(
        Application(
            company="Acme [Labs]", role="SRE 🎉", status=ApplicationStatus.OFFER, created_at=NOW
        )
    )
    interview = repo.add_interview(
        Interview(
            application_id=app.id or 0,
            round=2,
            ended_at=NOW - timedelta(hours=1),
            format=InterviewFormat.PHONE,
            decision_date=date(2026, 12, 4),
            decision_phrase="2026-12-04",
            next_steps="Reference checks\nMeet the VP",
            large_employer=True,
            outcome=Outcome.INVITED_BACK,
            checklist=["A1", "A3", "A4"],
        )
    )
    person = repo.add_person(
        Person(
            application_id=app.id or 0,
            name="José Núñez",
            spelling_confirmed=True,
            role_kind=RoleKind.FUTURE_MANAGER,
            title="VP Engineering",
            email="jose@acme.com",
            email_source=EmailSource.GUESSED,
            phone="+1 212 555 0100",
            mailing_address="1 Main St\nSuite 5\nNew York, NY",
            best_time="Tue mornings",
            preferred_mode=ContactMode.PHONE,
            linkedin="https://www.linkedin.com/in/jose",
            personal="Runs marathons",
        )
    )
    repo.link_participant(interview.id or 0, person.id or 0)
    repo.save_highlights(interview.id or 0, person.id or 0, TRICKY)
    qa = repo.add_qa(QA(interview_id=interview.id or 0, question=TRICKY, answer="ok", stumped=True))
    promise = repo.add_promise(
        Promise(
            interview_id=interview.id or 0,
            text="Send portfolio",
            due_phrase="next friday",
            due_at=NOW + timedelta(days=4),
            done=True,
        )
    )
    repo.save_answer(interview.id or 0, "B3", TRICKY)

    repo = _reopen(repo, db_path)
    try:
        assert repo.get_application(app.id or 0) == app
        back = repo.get_interview(interview.id or 0)
        assert back == interview
        assert back.ended_at.utcoffset() == timedelta(hours=-5)
        assert repo.get_person(person.id or 0) == person
        [(met, link)] = repo.participants(interview.id or 0)
        assert met == person
        assert link.highlights == TRICKY
        assert repo.qa_list(interview.id or 0) == [qa]
        assert repo.promises(interview.id or 0) == [promise]
        assert repo.answers(interview.id or 0) == {"B3": TRICKY}
        summary = repo.summary(interview.id or 0)
        assert (summary.company, summary.role) == ("Acme [Labs]", "SRE 🎉")
    finally:
        repo.close()


def test_updates_are_validated_and_stored(repo: Repository, interview: Interview) -> None:
    """A7: the outcome and other fields change through validated updates."""
    iid = interview.id or 0
    repo.update_interview(iid, outcome=Outcome.OFFER, next_steps="Offer call\x1b[0m")
    back = repo.get_interview(iid)
    assert (back.outcome, back.next_steps) == (Outcome.OFFER, "Offer call")
    with pytest.raises(ValidationError):
        repo.update_interview(iid, outcome="hired")
    assert repo.get_interview(iid).outcome is Outcome.OFFER


def test_save_answer_upserts_one_row(repo: Repository, interview: Interview) -> None:
    """B3-B9: saving as you type replaces the answer, one row per prompt, cleaned."""
    iid = interview.id or 0
    for text in ("W", "We", "Went well\x1b[31m!"):
        repo.save_answer(iid, "B3", text)
    repo.save_answer(iid, "B7", "Third reorg")
    assert repo.answers(iid) == {"B3": "Went well!", "B7": "Third reorg"}
    rows = repo.rows("SELECT COUNT(*) AS n FROM answers WHERE interview_id = ?", [iid])
    assert rows[0]["n"] == 2


def test_qa_add_update_delete_keeps_order(repo: Repository, interview: Interview) -> None:
    """B1/B5: pairs stay in the order added; edits keep their place; deletes leave no gap issue."""
    iid = interview.id or 0
    q1, q2, q3 = (repo.add_qa(QA(interview_id=iid, question=q)) for q in ("Q1", "Q2", "Q3"))
    assert [q.position for q in (q1, q2, q3)] == [1, 2, 3]
    repo.delete_qa(q2.id or 0)
    q4 = repo.add_qa(QA(interview_id=iid, question="Q4"))
    repo.update_qa(q1.id or 0, answer="A1 answer", stumped=True)
    listed = repo.qa_list(iid)
    assert [q.question for q in listed] == ["Q1", "Q3", "Q4"]
    assert q4.position == 4
    assert (listed[0].answer, listed[0].stumped) == ("A1 answer", True)
    with pytest.raises(KeyError):
        repo.get_qa(q2.id or 0)


def test_participants_order_and_highlights_b2(repo: Repository, interview: Interview) -> None:
    """B2: the people met keep the order given; highlights are per person and cleaned."""
    iid = interview.id or 0
    met = repo.participants(iid)
    assert [p.name for p, _ in met] == ["Jane Doe", "John Smith"]
    jane, john = (p for p, _ in met)
    repo.link_participant(iid, jane.id or 0)  # linking again is a no-op
    repo.save_highlights(iid, john.id or 0, "On-call\x1b]0;x\x07 talk")
    after = repo.participants(iid)
    assert [p.name for p, _ in after] == ["Jane Doe", "John Smith"]
    assert [link.highlights for _, link in after] == ["", "On-call talk"]


def test_delete_person_cascades_highlights(
    repo: Repository, interview: Interview, db_path: Path
) -> None:
    """Deleting a person removes their link and highlights; secure_delete wipes the bytes."""
    iid = interview.id or 0
    jane, _ = repo.participants(iid)[0]
    marker = "ZEBRA-7731-private-highlight"
    repo.save_highlights(iid, jane.id or 0, marker)
    repo.delete_person(jane.id or 0)
    assert [p.name for p, _ in repo.participants(iid)] == ["John Smith"]
    assert (
        repo.rows("SELECT COUNT(*) AS n FROM participants WHERE person_id = ?", [jane.id])[0]["n"]
        == 0
    )
    with pytest.raises(KeyError):
        repo.get_person(jane.id or 0)
    repo.close()
    assert marker.encode() not in db_path.read_bytes()


def test_write_rolls_back_on_error(repo: Repository) -> None:
    """Writes run in one BEGIN IMMEDIATE transaction; an error undoes all of it."""
    with pytest.raises(RuntimeError), repo.write():
        repo.add_application(Application(company="Ghost", created_at=NOW))
        raise RuntimeError("boom")
    assert repo.find_open_application("Ghost") is None


def test_nested_write_rolls_back_only_the_inner_part(repo: Repository) -> None:
    """A nested write is a savepoint: its failure keeps the outer writes."""
    with repo.write():
        repo.add_application(Application(company="Outer", created_at=NOW))
        with pytest.raises(RuntimeError), repo.write():
            repo.add_application(Application(company="Inner", created_at=NOW))
            raise RuntimeError("boom")
    assert repo.find_open_application("Outer") is not None
    assert repo.find_open_application("Inner") is None


def test_list_interviews_newest_first(repo: Repository, interview: Interview) -> None:
    """The picker lists interviews newest first with company and role."""
    assert repo.latest_interview() is not None
    later = repo.add_interview(
        interview.model_copy(update={"id": None, "round": 2, "ended_at": NOW})
    )
    listed = repo.list_interviews()
    assert [s.interview.id for s in listed] == [later.id, interview.id]
    assert listed[0].company == "Acme"
    assert repo.count_interviews() == 2
