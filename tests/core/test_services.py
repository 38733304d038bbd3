"""Use cases: capture an interview, date promises and decisions, tick the checklist."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from core.dates import DatePhraseError
from core.models import ApplicationStatus, Interview, InterviewFormat, Promise
from core.repository import Repository
from core.services import (
    Capture,
    FieldErrors,
    add_people,
    capture_interview,
    set_decision,
    set_promise_due,
    toggle_checklist,
)
from tests.core.conftest import NOW, NY


def test_capture_creates_application_interview_and_people(
    repo: Repository, interview: Interview
) -> None:
    """A1/A2/A4: the capture form makes the application, the interview and its people."""
    assert interview.id is not None
    stored = repo.get_interview(interview.id)
    assert stored == interview
    assert stored.round == 1
    assert stored.ended_at == NOW - timedelta(minutes=30)
    assert stored.decision_date == date(2026, 11, 27)
    assert stored.decision_phrase == "next friday"
    assert not stored.no_timeframe_given
    app = repo.get_application(stored.application_id)
    assert (app.company, app.role, app.status) == ("Acme", "Platform engineer", "open")
    met = repo.participants(interview.id)
    assert [(p.name, p.email, p.email_source) for p, _ in met] == [
        ("Jane Doe", "jane@acme.com", "card"),
        ("John Smith", "", ""),
    ]


def test_second_capture_is_round_two_of_the_same_application(
    repo: Repository, interview: Interview
) -> None:
    """D12: a second interview with the same company is the next round, people reused by name."""
    jane_before = repo.find_person(interview.application_id, "Jane Doe")
    second = capture_interview(
        repo, Capture(company="  acme ", people="jane doe, Priya Patel"), NOW
    )
    assert second.application_id == interview.application_id
    assert second.round == 2
    met = repo.participants(second.id or 0)
    assert [p.name for p, _ in met] == ["Jane Doe", "Priya Patel"]
    assert met[0][0].id == (jane_before.id if jane_before else None)
    assert met[0][0].email == "jane@acme.com"
    names = [p.name for p in repo.people_of_application(interview.application_id)]
    assert names == ["Jane Doe", "John Smith", "Priya Patel"]


def test_capture_with_escaped_company_finds_the_open_application(
    repo: Repository, interview: Interview
) -> None:
    """The company is matched as cleaned, so a pasted colour code does not split the process."""
    second = capture_interview(repo, Capture(company="\x1b[1mAcme\x1b[0m"), NOW)
    assert second.application_id == interview.application_id
    assert second.round == 2


def test_capture_after_a_closed_application_starts_a_new_one(
    repo: Repository, interview: Interview
) -> None:
    """Only an open application gets new rounds; after a rejection, a new process starts."""
    repo.update_application(interview.application_id, status=ApplicationStatus.REJECTED)
    again = capture_interview(repo, Capture(company="Acme", role="SRE"), NOW)
    assert again.application_id != interview.application_id
    assert again.round == 1


def test_capture_fills_a_missing_role(repo: Repository) -> None:
    """A later round may bring the role the first capture lacked."""
    first = capture_interview(repo, Capture(company="Globex"), NOW)
    capture_interview(repo, Capture(company="Globex", role="Data engineer"), NOW)
    assert repo.get_application(first.application_id).role == "Data engineer"


@pytest.mark.parametrize(
    ("fields", "bad", "words"),
    [
        ({"company": ""}, {"company"}, "company"),
        ({"company": "   "}, {"company"}, "company"),
        ({"company": "\x1b[31m\x1b[0m"}, {"company"}, "company"),
        ({"ended": "blorp"}, {"ended"}, "'blorp'"),
        ({"ended": "tomorrow"}, {"ended"}, "future"),
        ({"ended": "2024-01-01"}, {"ended"}, "over a year ago"),
        ({"decision": "whenever-ish"}, {"decision"}, "'whenever-ish'"),
        ({"people": "Jane <jane@@acme>"}, {"people"}, "Jane <jane@@acme>"),
        ({"format": "zoom"}, {"format"}, "video"),
        (
            {"company": "", "ended": "blorp", "decision": "blorp", "people": "X <y>"},
            {"company", "ended", "decision", "people"},
            "",
        ),
    ],
)
def test_capture_reports_one_message_per_bad_field(
    repo: Repository, fields: dict[str, Any], bad: set[str], words: str
) -> None:
    """Bad values give a message per field, and nothing is stored."""
    capture = Capture(**{"company": "Acme", **fields})
    with pytest.raises(FieldErrors) as err:
        capture_interview(repo, capture, NOW)
    assert set(err.value.errors) == bad
    assert words in " ".join(err.value.errors.values())
    assert repo.count_interviews() == 0
    assert repo.find_open_application("Acme") is None


@pytest.mark.parametrize(
    ("decision", "day", "none_given"),
    [
        ("none", None, True),
        ("None given", None, True),
        ("", None, False),
        ("2026-12-04", date(2026, 12, 4), False),
        ("3 business days", date(2026, 11, 27), False),
    ],
)
def test_capture_decision_a4(
    repo: Repository, decision: str, day: date | None, none_given: bool
) -> None:
    """A4: the time frame is a date, 'none' (none given), or blank (not asked)."""
    made = capture_interview(repo, Capture(company="Acme", decision=decision), NOW, country="US")
    stored = repo.get_interview(made.id or 0)
    assert stored.decision_date == day
    assert stored.no_timeframe_given is none_given
    assert stored.decision_phrase == decision


def test_capture_format_and_large_employer(repo: Repository) -> None:
    """The format and the large-employer flag (D7) are stored."""
    made = capture_interview(
        repo, Capture(company="MegaCorp", format="video", large_employer=True), NOW
    )
    stored = repo.get_interview(made.id or 0)
    assert stored.format is InterviewFormat.VIDEO
    assert stored.large_employer


@pytest.fixture
def promise(repo: Repository, interview: Interview) -> Promise:
    """A promise made at the captured interview, not dated yet."""
    return repo.add_promise(Promise(interview_id=interview.id or 0, text="Send my portfolio"))


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("next friday", datetime(2026, 11, 27, 17, 0, tzinfo=NY)),
        ("tomorrow", datetime(2026, 11, 24, 17, 0, tzinfo=NY)),
        ("2026-12-04", datetime(2026, 12, 4, 17, 0, tzinfo=NY)),
        ("3 business days", datetime(2026, 11, 27, 17, 0, tzinfo=NY)),
        ("tomorrow 9am", datetime(2026, 11, 24, 9, 0, tzinfo=NY)),
        ("in 2 hours", datetime(2026, 11, 23, 16, 30, tzinfo=NY)),
    ],
)
def test_set_promise_due_b10_d9(
    repo: Repository, promise: Promise, phrase: str, due: datetime
) -> None:
    """B10/D9: a promise gets a due moment; a day without a time means 17:00 that day."""
    updated = set_promise_due(repo, promise.id or 0, phrase, NOW, country="US")
    assert updated.due_at == due
    stored = repo.get_promise(promise.id or 0)
    assert stored.due_at == due
    assert stored.due_phrase == phrase


def test_unreadable_promise_phrase_is_kept_and_undated(repo: Repository, promise: Promise) -> None:
    """B10: a bad phrase raises, but the typed text is kept and the old date dropped."""
    set_promise_due(repo, promise.id or 0, "next friday", NOW)
    with pytest.raises(DatePhraseError, match="'by thursdayish'"):
        set_promise_due(repo, promise.id or 0, "by thursdayish", NOW)
    stored = repo.get_promise(promise.id or 0)
    assert stored.due_phrase == "by thursdayish"
    assert stored.due_at is None
    assert stored.text == "Send my portfolio"


def test_blank_promise_phrase_clears_the_date(repo: Repository, promise: Promise) -> None:
    """B10: erasing the phrase removes the due date."""
    set_promise_due(repo, promise.id or 0, "tomorrow", NOW)
    cleared = set_promise_due(repo, promise.id or 0, "  ", NOW)
    assert (cleared.due_phrase, cleared.due_at) == ("", None)
    assert repo.get_promise(promise.id or 0).due_at is None


@pytest.mark.parametrize(
    ("phrase", "day", "none_given"),
    [
        ("2026-12-04", date(2026, 12, 4), False),
        ("in 2 weeks", date(2026, 12, 7), False),
        ("none", None, True),
        ("", None, False),
    ],
)
def test_set_decision_a4(
    repo: Repository, interview: Interview, phrase: str, day: date | None, none_given: bool
) -> None:
    """A4: the time frame can be changed later from the checklist."""
    set_decision(repo, interview.id or 0, phrase, NOW)
    stored = repo.get_interview(interview.id or 0)
    assert (stored.decision_date, stored.no_timeframe_given) == (day, none_given)
    assert stored.decision_phrase == phrase


def test_set_decision_bad_phrase_is_kept(repo: Repository, interview: Interview) -> None:
    """A4: a bad phrase raises; the text typed is kept for the user to fix."""
    with pytest.raises(DatePhraseError, match="'soonish'"):
        set_decision(repo, interview.id or 0, "soonish", NOW)
    assert repo.get_interview(interview.id or 0).decision_phrase == "soonish"


def test_toggle_checklist_persists_a1_a6(repo: Repository, interview: Interview) -> None:
    """A1-A6: ticks are stored in checklist order; a second tick unticks."""
    iid = interview.id or 0
    toggle_checklist(repo, iid, "A4")
    toggle_checklist(repo, iid, "A1")
    assert repo.get_interview(iid).checklist == ["A1", "A4"]
    toggle_checklist(repo, iid, "A4")
    assert repo.get_interview(iid).checklist == ["A1"]
    with pytest.raises(ValueError):
        toggle_checklist(repo, iid, "B1")
    assert repo.get_interview(iid).checklist == ["A1"]


def test_add_people_reuses_known_names_a2(repo: Repository, interview: Interview) -> None:
    """A2: adding people met later links known names instead of duplicating them."""
    added = add_people(repo, interview.id or 0, "JOHN SMITH, Lena Berg <lena@acme.com>")
    assert [p.name for p in added] == ["John Smith", "Lena Berg"]
    met = [p.name for p, _ in repo.participants(interview.id or 0)]
    assert met == ["Jane Doe", "John Smith", "Lena Berg"]
    assert len(repo.people_of_application(interview.application_id)) == 3
