"""Use cases the UI and the CLI call: capture an interview, date promises, tick the checklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from pydantic import ValidationError

from core.checklist import toggle
from core.dates import DatePhraseError, parse_when
from core.models import Application, Interview, InterviewFormat, Person, Promise
from core.people import PersonLineError, parse_people_line
from core.repository import Repository
from core.text import clean_line

PROMISE_DEFAULT_HOUR = time(17, 0)


class FieldErrors(ValueError):
    """Bad values in a form: one clear message per field name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass
class Capture:
    """What the New interview form (or `afterword new`) collects, as typed."""

    company: str
    role: str = ""
    ended: str = "now"
    format: str = InterviewFormat.IN_PERSON.value
    people: str = ""
    decision: str = ""
    large_employer: bool = False
    errors: dict[str, str] = field(default_factory=dict)


def validation_messages(exc: ValidationError) -> dict[str, str]:
    """Turn a pydantic ValidationError into one plain message per field."""
    messages: dict[str, str] = {}
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "form"
        messages.setdefault(name, error["msg"])
    return messages


def read_decision(
    phrase: str, now: datetime, country: str | None = None
) -> tuple[datetime | None, bool]:
    """A4: read the time frame they gave: a date, 'none' (none given), or blank (not asked)."""
    text = phrase.strip().lower()
    if not text:
        return None, False
    if text in {"none", "none given", "no", "n/a", "-"}:
        return None, True
    when = parse_when(phrase, now, prefer="future", country=country)
    return when.moment, False


def capture_interview(
    repo: Repository, capture: Capture, now: datetime, country: str | None = None
) -> Interview:
    """Create the interview (a new application, or a new round of the company's open one)."""
    errors: dict[str, str] = {}
    company = clean_line(capture.company)  # matched as it will be stored
    if not company:
        errors["company"] = "Enter the company's name."
    ended_at = now
    try:
        ended_at = parse_when(capture.ended or "now", now, prefer="past", country=country).moment
    except DatePhraseError as exc:
        errors["ended"] = str(exc)
    decision: datetime | None = None
    none_given = False
    try:
        decision, none_given = read_decision(capture.decision, now, country)
    except DatePhraseError as exc:
        errors["decision"] = str(exc)
    people = []
    try:
        people = parse_people_line(capture.people)
    except PersonLineError as exc:
        errors["people"] = str(exc)
    try:
        fmt = InterviewFormat(capture.format)
    except ValueError:
        errors["format"] = f"Choose one of: {', '.join(f.value for f in InterviewFormat)}."
        fmt = InterviewFormat.OTHER
    if errors:
        raise FieldErrors(errors)
    with repo.write():
        application = repo.find_open_application(company)
        if application is None:
            try:
                application = repo.add_application(
                    Application(company=company, role=capture.role, created_at=now)
                )
            except ValidationError as exc:
                raise FieldErrors(validation_messages(exc)) from exc
        elif capture.role.strip() and not application.role:
            application = repo.update_application(application.id or 0, role=capture.role)
        assert application.id is not None
        interview = repo.add_interview(
            Interview(
                application_id=application.id,
                round=repo.next_round(application.id),
                ended_at=ended_at,
                format=fmt,
                decision_date=decision.date() if decision else None,
                decision_phrase=capture.decision,
                no_timeframe_given=none_given,
                large_employer=capture.large_employer,
            )
        )
        assert interview.id is not None
        for entry in people:
            person = repo.find_person(application.id, entry.name)
            if person is None:
                person = repo.add_person(
                    Person(
                        application_id=application.id,
                        name=entry.name,
                        email=entry.email,
                        email_source="card" if entry.email else "",
                    )
                )
            elif entry.email and not person.email:
                person = repo.update_person(person.id or 0, email=entry.email, email_source="card")
            repo.link_participant(interview.id, person.id or 0)
    return interview


def add_people(repo: Repository, interview_id: int, line: str) -> list[Person]:
    """A2: add the people met (one line, comma separated) to an interview; reuse known names."""
    entries = parse_people_line(line)
    interview = repo.get_interview(interview_id)
    added: list[Person] = []
    with repo.write():
        for entry in entries:
            person = repo.find_person(interview.application_id, entry.name) or repo.add_person(
                Person(
                    application_id=interview.application_id,
                    name=entry.name,
                    email=entry.email,
                    email_source="card" if entry.email else "",
                )
            )
            repo.link_participant(interview_id, person.id or 0)
            added.append(person)
    return added


def set_promise_due(
    repo: Repository, promise_id: int, phrase: str, now: datetime, country: str | None = None
) -> Promise:
    """B10/D9: date a promise from a phrase; the phrase is kept even when it cannot be read."""
    text = phrase.strip()
    if not text:
        return repo.update_promise(promise_id, due_phrase="", due_at=None)
    try:
        when = parse_when(text, now, prefer="future", country=country)
    except DatePhraseError:
        repo.update_promise(promise_id, due_phrase=text, due_at=None)
        raise
    due = when.moment
    if when.date_only:
        due = datetime.combine(due.date(), PROMISE_DEFAULT_HOUR, tzinfo=due.tzinfo)
    return repo.update_promise(promise_id, due_phrase=text, due_at=due)


def toggle_checklist(repo: Repository, interview_id: int, item_id: str) -> Interview:
    """A1-A6: tick or untick one closing-checklist item."""
    interview = repo.get_interview(interview_id)
    return repo.update_interview(interview_id, checklist=toggle(interview.checklist, item_id))


def set_decision(
    repo: Repository, interview_id: int, phrase: str, now: datetime, country: str | None = None
) -> Interview:
    """A4: record the time frame they gave (a date, 'none', or blank); the phrase is kept."""
    try:
        decision, none_given = read_decision(phrase, now, country)
    except DatePhraseError:
        repo.update_interview(interview_id, decision_phrase=phrase)
        raise
    return repo.update_interview(
        interview_id,
        decision_phrase=phrase,
        decision_date=decision.date() if decision else None,
        no_timeframe_given=none_given,
    )
