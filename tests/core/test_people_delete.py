"""Deleting a person removes their details and highlights, down to the bytes of the file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_people import delete_contact
from core.services_quick_add import quick_add

NOW = datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("America/New_York"))
SECRETS = (
    b"Zyxwvuta Quillfeather",
    b"zyxwvuta.q@example.org",
    b"Loves sailing off Nantucket 7Q3",
    b"Highlight only she knows 9K2",
)


def _file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            data += side.read_bytes()
    return data


def test_deleted_person_leaves_no_bytes_behind(tmp_path: Path) -> None:
    """Delete: details and B2 highlights are gone from the file (secure_delete + checkpoint)."""
    path = tmp_path / "afterword.db"
    repo = Repository.open(path)
    interview = capture_interview(repo, Capture(company="Acme", people="Jane Doe"), NOW)
    added = quick_add(repo, interview.id or 0, "Zyxwvuta Quillfeather, zyxwvuta.q@example.org")
    person_id = added.person.id or 0
    repo.update_person(person_id, personal=SECRETS[2].decode())
    repo.save_highlights(interview.id or 0, person_id, SECRETS[3].decode())
    repo.close()  # the last close checkpoints the WAL into the file
    before = _file_bytes(path)
    assert all(secret in before for secret in SECRETS)

    repo = Repository.open(path)
    delete_contact(repo, person_id)
    assert repo.participants(interview.id or 0)[0][0].name == "Jane Doe"
    assert len(repo.participants(interview.id or 0)) == 1
    repo.close()
    after = _file_bytes(path)
    assert [s for s in SECRETS if s in after] == []
    assert b"Jane Doe" in after


def test_ids_of_deleted_people_are_never_given_again(tmp_path: Path) -> None:
    """A deleted person's id (and so their vCard UID) never names someone else."""
    repo = Repository.open(tmp_path / "afterword.db")
    interview = capture_interview(repo, Capture(company="Acme", people="Ann, Bo"), NOW)
    bo = repo.find_person(interview.application_id, "Bo")
    assert bo is not None and bo.id is not None
    delete_contact(repo, bo.id)
    cy = quick_add(repo, interview.id or 0, "Cy").person
    assert cy.id is not None and cy.id > bo.id
    delete_contact(repo, cy.id)
    delete_contact(repo, bo.id - 1)  # Ann: deleting a lower id keeps the high-water mark
    dee = quick_add(repo, interview.id or 0, "Dee").person
    assert dee.id == cy.id + 1
    repo.close()
