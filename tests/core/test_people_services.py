"""Contacts use cases: quick add with reuse, field edits, scopes, guesses (A1, A2, C9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core.models import EmailSource, Interview, RoleKind
from core.people import PersonLineError
from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_people import (
    NoGuess,
    Scope,
    accept_guess,
    confirm_email,
    email_guess_for,
    list_contacts,
    save_field,
)
from core.services_quick_add import preview_quick_add, quick_add, same_name

NOW = datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    """A fresh repository, closed after the test."""
    repository = Repository.open(tmp_path / "afterword.db")
    yield repository
    repository.close()


def capture(repo: Repository, company: str, people: str) -> Interview:
    """Capture an interview (a new application, or the next round of the open one)."""
    return capture_interview(repo, Capture(company=company, people=people), NOW)


@pytest.fixture
def acme(repo: Repository) -> Interview:
    """Round 1 at Acme: Priya (with a card) and Marcus (no email)."""
    return capture(repo, "Acme", "Priya Raman <priya.raman@acme.com>, Marcus Chen")


def test_quick_add_new_person_a1(repo: Repository, acme: Interview) -> None:
    """A1: a quick-add line becomes a linked contact with normalised, valid fields."""
    added = quick_add(
        repo,
        acme.id or 0,
        "Lena Ortiz, Technical Recruiter, lena@acme.com, (415) 555-0100 x12, linkedin.com/in/lena",
    )
    p = added.person
    assert (added.reused, added.messages) == (False, {})
    assert (p.name, p.title, p.email, p.email_source) == (
        "Lena Ortiz",
        "Technical Recruiter",
        "lena@acme.com",
        EmailSource.CARD,
    )
    assert (p.phone, p.linkedin) == ("+14155550100;ext=12", "https://www.linkedin.com/in/lena")
    assert p.role_kind == RoleKind.RECRUITER
    assert p.id in {x.id for x, _ in repo.participants(acme.id or 0)}


def test_quick_add_keeps_invalid_values_with_messages_a1(repo: Repository, acme: Interview) -> None:
    """A1: invalid values are stored as typed, reported, and do not block the rest."""
    added = quick_add(
        repo, acme.id or 0, "Bob Ray, CTO, bob@@acme, 12345, https://x.com/bob, second@acme.com"
    )
    stored = repo.get_person(added.person.id or 0)
    assert (stored.email, stored.phone, stored.title) == ("bob@@acme", "12345", "CTO")
    assert stored.linkedin == "https://x.com/bob"
    assert set(added.messages) == {"email", "phone", "linkedin"}
    assert "second@acme.com" in stored.personal  # a second address: kept, never dropped
    assert added.notes


def test_quick_add_without_a_name_is_refused(repo: Repository, acme: Interview) -> None:
    """A1: an empty line raises PersonLineError and stores nothing."""
    before = len(repo.people_with_application())
    with pytest.raises(PersonLineError):
        quick_add(repo, acme.id or 0, " , ")
    assert len(repo.people_with_application()) == before


def test_same_person_next_round_is_offered_and_reused(repo: Repository, acme: Interview) -> None:
    """A1: the same name at a later round is offered for reuse: one record, two interviews."""
    round2 = capture(repo, "Acme", "")
    marcus = repo.find_person(acme.application_id, "Marcus Chen")
    assert marcus is not None
    preview = preview_quick_add(repo, round2.id or 0, "marcus chen, Engineering Manager")
    assert [(o.person.id, o.same_application, o.met_here) for o in preview.offers] == [
        (marcus.id, True, False)
    ]
    added = quick_add(repo, round2.id or 0, "marcus chen, Engineering Manager", reuse_id=marcus.id)
    assert added.reused
    assert added.person.id == marcus.id
    assert added.person.title == "Engineering Manager"  # blank filled
    assert added.person.name == "Marcus Chen"  # the record's spelling kept
    met = repo.interviews_met([marcus.id or 0])
    assert met[marcus.id or 0] == [acme.id, round2.id]
    assert len(repo.people_of_application(acme.application_id)) == 2


def test_reuse_never_overwrites_a_known_value(repo: Repository, acme: Interview) -> None:
    """A1: a different value on the line is kept in 'personal', not written over the record."""
    priya = repo.find_person(acme.application_id, "Priya Raman")
    assert priya is not None
    added = quick_add(repo, acme.id or 0, "Priya Raman, praman@gmail.com", reuse_id=priya.id)
    assert added.person.email == "priya.raman@acme.com"
    assert "praman@gmail.com" in added.person.personal
    assert added.notes == [
        "email: kept priya.raman@acme.com; praman@gmail.com noted in 'personal'."
    ]


def test_earlier_application_details_are_copied(repo: Repository, acme: Interview) -> None:
    """A1: someone met in an earlier process at the company is offered; reuse copies them."""
    repo.update_application(acme.application_id, status="rejected")
    later = capture(repo, "ACME", "")
    assert later.application_id != acme.application_id
    priya = repo.find_person(acme.application_id, "Priya Raman")
    assert priya is not None
    preview = preview_quick_add(repo, later.id or 0, "Priya Raman")
    assert [(o.person.id, o.same_application) for o in preview.offers] == [(priya.id, False)]
    added = quick_add(repo, later.id or 0, "Priya Raman", reuse_id=priya.id)
    assert added.person.id != priya.id
    assert added.person.application_id == later.application_id
    assert added.person.email == "priya.raman@acme.com"


def test_reuse_of_someone_else_is_refused(repo: Repository, acme: Interview) -> None:
    """A1: reuse_id must be one of the offers for that name."""
    priya = repo.find_person(acme.application_id, "Priya Raman")
    assert priya is not None
    with pytest.raises(ValueError, match="not a match"):
        quick_add(repo, acme.id or 0, "Marcus Chen", reuse_id=priya.id)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Jose Garcia", "José García", True),
        ("Garcia, Jose", "Jose Garcia", True),
        ("Jose Luis Garcia", "Jose Garcia", True),
        ("Jose Garica", "Jose Garcia", True),
        ("Jose Garcia", "Joseph Gordon", False),
        ("Ann Lee", "Ann Leeds", False),
        ("", "Ann Lee", False),
    ],
)
def test_same_name(a: str, b: str, same: bool) -> None:
    """A1: names match across case, accents, order, middle names and small typos."""
    assert same_name(a, b) is same


def test_save_field_normalises_or_keeps_as_typed_a1(repo: Repository, acme: Interview) -> None:
    """A1: each field is saved on its own; bad values kept with the reason."""
    marcus = repo.find_person(acme.application_id, "Marcus Chen")
    assert marcus is not None
    pid = marcus.id or 0
    assert save_field(repo, pid, "phone", "415 555 0100").person.phone == "+14155550100"
    bad = save_field(repo, pid, "phone", "415 555 01")
    assert (bad.person.phone, bool(bad.message)) == ("415 555 01", True)
    assert save_field(repo, pid, "title", "EM").person.title == "EM"
    assert save_field(repo, pid, "preferred_mode", "carrier pigeon").message
    assert repo.get_person(pid).preferred_mode.value == ""
    kept = save_field(repo, pid, "name", "  ")
    assert kept.message and kept.person.name == "Marcus Chen"
    with pytest.raises(ValueError):
        save_field(repo, pid, "application_id", "2")


def test_display_name_in_email_field_goes_to_the_name_a1(repo: Repository, acme: Interview) -> None:
    """A1: 'Marcus Chén <m@acme.com>' stores the address; the name takes the display name
    unless its spelling was confirmed."""
    marcus = repo.find_person(acme.application_id, "Marcus Chen")
    assert marcus is not None
    saved = save_field(repo, marcus.id or 0, "email", "Marcus Chén <mchen@acme.com>")
    assert (saved.person.email, saved.person.name) == ("mchen@acme.com", "Marcus Chén")
    assert "Name set" in saved.note
    save_field(repo, marcus.id or 0, "spelling_confirmed", True)
    again = save_field(repo, marcus.id or 0, "email", "Mark <mchen@acme.com>")
    assert again.person.name == "Marcus Chén"


def test_guess_accept_confirm_a2(repo: Repository, acme: Interview) -> None:
    """A2: a guess from the company's pattern; accepted it stays 'guessed' until confirmed."""
    marcus = repo.find_person(acme.application_id, "Marcus Chen")
    assert marcus is not None
    pid = marcus.id or 0
    guess = email_guess_for(repo, pid)
    assert guess is not None and guess.email == "marcus.chen@acme.com"
    accepted = accept_guess(repo, pid)
    assert (accepted.email, accepted.email_source) == ("marcus.chen@acme.com", "guessed")
    assert email_guess_for(repo, pid) is None
    with pytest.raises(NoGuess, match="already has"):
        accept_guess(repo, pid)
    assert confirm_email(repo, pid).email_source == EmailSource.CONFIRMED


def test_guesses_never_feed_guesses_a2(repo: Repository) -> None:
    """A2: an accepted guess is not evidence for another guess."""
    interview = capture(repo, "Globex", "Tom Baker, Ann Lee")
    tom = repo.find_person(interview.application_id, "Tom Baker")
    assert tom is not None
    save_field(repo, tom.id or 0, "email", "tom.baker@globex.io")
    ann = repo.find_person(interview.application_id, "Ann Lee")
    assert ann is not None
    accept_guess(repo, ann.id or 0)
    save_field(repo, tom.id or 0, "email", "")
    with pytest.raises(NoGuess, match="add one known address"):
        accept_guess(repo, tom.id or 0)


def test_editing_a_guess_drops_the_guessed_mark_a2(repo: Repository, acme: Interview) -> None:
    """A2: typing another address over a guess means it is no longer the guess."""
    marcus = repo.find_person(acme.application_id, "Marcus Chen")
    assert marcus is not None
    accept_guess(repo, marcus.id or 0)
    saved = save_field(repo, marcus.id or 0, "email", "marcus@acme.com")
    assert saved.person.email_source == EmailSource.UNKNOWN
    assert save_field(repo, marcus.id or 0, "email", "").person.email_source == ""


def test_scopes_and_rows(repo: Repository, acme: Interview) -> None:
    """The three scopes, with met-at, guesses, field messages and flags per row (A2, C9)."""
    round2 = capture(repo, "Acme", "Marcus Chen")
    quick_add(repo, round2.id or 0, "Dana Wu <dana@@acme.com>")
    capture(repo, "Initech", "Bill Lumbergh, Technical Recruiter")
    here = list_contacts(repo, Scope.INTERVIEW, round2.id)
    assert [r.person.name for r in here.rows] == ["Marcus Chen", "Dana Wu"]
    application = list_contacts(repo, Scope.APPLICATION, round2.id)
    assert [r.person.name for r in application.rows] == ["Dana Wu", "Marcus Chen", "Priya Raman"]
    everyone = list_contacts(repo, Scope.EVERYONE)
    assert len(everyone.rows) == 5
    rows = {r.person.name: r for r in everyone.rows}
    assert rows["Marcus Chen"].met_at == (acme.id, round2.id)
    assert rows["Marcus Chen"].guess is not None
    assert rows["Marcus Chen"].guess.email == "marcus.chen@acme.com"
    assert rows["Dana Wu"].messages.keys() == {"email"}
    assert rows["Dana Wu"].guess is None  # she has an (invalid) address, kept as typed
    assert "bad_email" in [f.code for f in rows["Dana Wu"].flags]
    with pytest.raises(ValueError):
        list_contacts(repo, Scope.INTERVIEW)


def test_only_recruiters_flagged_per_application_c9(repo: Repository) -> None:
    """C9: the contacts view flags the application that has only recruiters on record."""
    interview = capture(repo, "Initech", "")
    quick_add(repo, interview.id or 0, "Bill Lumbergh, Technical Recruiter")
    view = list_contacts(repo, Scope.APPLICATION, interview.id)
    assert [f.rule for f in view.application_flags[interview.application_id]] == ["C9"]
    quick_add(repo, interview.id or 0, "Peter Gibbons, Engineer")
    assert list_contacts(repo, Scope.APPLICATION, interview.id).application_flags == {}


def test_thanked_and_mailed_note_parameters_c3_c8(repo: Repository) -> None:
    """C3/C8: flags follow the thanked set and the mailed-note choices given by the caller."""
    interview = capture(repo, "Initech", "")
    milton = quick_add(repo, interview.id or 0, "Milton Waddams, Receptionist").person
    view = list_contacts(repo, Scope.INTERVIEW, interview.id, mailed_notes={milton.id or 0})
    assert {"thank_staff", "no_address"} <= {f.code for f in view.rows[0].flags}
    view = list_contacts(repo, Scope.INTERVIEW, interview.id, thanked={milton.id or 0})
    assert not {"thank_staff", "no_address"} & {f.code for f in view.rows[0].flags}
