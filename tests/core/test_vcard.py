"""vCard 3.0 export: parsed back with vobject, every field compared; stable UIDs; 0600 files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import vobject

from core.export_vcard import export_vcards, name_parts, person_uid, vcard_note
from core.models import Interview
from core.private_file import write_private
from core.repository import Repository
from core.services import Capture, capture_interview

NOW = datetime(2026, 11, 23, 14, 30, tzinfo=ZoneInfo("America/New_York"))
TRICKY = {
    "name": "Zoë O'Brien-Nuñez",
    "title": "VP, Engineering; Platform \\ Infra",
    "email": "zoe.obrien@acme.com",
    "email_source": "guessed",
    "phone": "+14155550100;ext=12",
    "mailing_address": "Acme, Inc.\n500 Harbor Blvd; Floor 4\nBoston, MA 02210",
    "linkedin": "https://www.linkedin.com/in/zoe-obrien",
    "personal": 'Sails; has a dog, "Biscuit".\nAsked about our Rust migration — 中文 ok',
    "best_time": "Tue, Thu mornings",
    "preferred_mode": "email",
}


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    """A fresh repository, closed after the test."""
    repository = Repository.open(tmp_path / "afterword.db")
    yield repository
    repository.close()


@pytest.fixture
def acme(repo: Repository) -> Interview:
    """An interview at 'Acme, Inc; Robotics' with one tricky contact and one bare one."""
    interview = capture_interview(
        repo,
        Capture(company="Acme, Inc; Robotics", role="SRE", people="Zoë, 王小明"),
        NOW,
    )
    zoe = repo.find_person(interview.application_id, "Zoë")
    assert zoe is not None
    repo.update_person(zoe.id or 0, **TRICKY)
    return interview


def cards(path: Path) -> dict[str, Any]:
    """The vCards in a file, by FN."""
    return {card.fn.value: card for card in vobject.readComponents(path.read_text("utf-8"))}


def test_round_trip_every_field(repo: Repository, acme: Interview, tmp_path: Path) -> None:
    """FN/N, ORG, TITLE, EMAIL, TEL, ADR, URL, NOTE, UID survive commas, semicolons,
    backslashes, newlines and non-ASCII."""
    out = tmp_path / "contacts.vcf"
    assert export_vcards(repo, out) == 2
    found = cards(out)
    assert set(found) == {TRICKY["name"], "王小明"}
    card = found[TRICKY["name"]]
    assert card.version.value == "3.0"
    assert (card.n.value.family, card.n.value.given) == ("O'Brien-Nuñez", "Zoë")
    assert card.org.value == ["Acme, Inc; Robotics"]
    assert card.title.value == TRICKY["title"]
    assert card.email.value == TRICKY["email"]
    assert card.email.params["TYPE"] == ["INTERNET", "WORK"]
    assert card.x_afterword_email_source.value == "guessed"
    assert card.tel.value == "+1 415-555-0100 ext. 12"
    assert card.adr.value.street == TRICKY["mailing_address"]
    assert card.url.value == TRICKY["linkedin"]
    assert card.note.value == (
        f"{TRICKY['personal']}\n\nAfterword: interviewer at Acme, Inc; Robotics (SRE). "
        "Email guessed from the company's pattern, not confirmed. "
        "Best time: Tue, Thu mornings. Prefers email."
    )
    person = repo.find_person(acme.application_id, TRICKY["name"])
    assert person is not None
    assert card.uid.value == person_uid(repo.database_id(), person.id or 0)


def test_bare_contact_has_only_what_is_known(
    repo: Repository, acme: Interview, tmp_path: Path
) -> None:
    """A name alone exports FN/N/ORG/NOTE/UID and no empty EMAIL, TEL, ADR or URL."""
    out = tmp_path / "c.vcf"
    export_vcards(repo, out)
    card = cards(out)["王小明"]
    assert (card.n.value.family, card.n.value.given) == ("", "王小明")
    names = {child.name for child in card.getChildren()}
    assert names == {"VERSION", "UID", "FN", "N", "ORG", "NOTE"}


def test_uid_is_stable_across_exports_and_edits(
    repo: Repository, acme: Interview, tmp_path: Path
) -> None:
    """Re-export (after an edit) gives the same UIDs: address books update, not duplicate."""
    first, second = tmp_path / "1.vcf", tmp_path / "2.vcf"
    export_vcards(repo, first)
    person = repo.find_person(acme.application_id, "王小明")
    assert person is not None
    repo.update_person(person.id or 0, name="Wang Xiaoming")
    export_vcards(repo, second)
    uids_1 = {c.uid.value for c in cards(first).values()}
    uids_2 = {c.uid.value for c in cards(second).values()}
    assert uids_1 == uids_2 and len(uids_1) == 2


def test_uids_differ_between_databases(tmp_path: Path) -> None:
    """Two databases never give the same UID to their person 1 (random database id)."""
    ids = []
    for name in ("a.db", "b.db"):
        repo = Repository.open(tmp_path / name)
        ids.append(person_uid(repo.database_id(), 1))
        repo.close()
    assert ids[0] != ids[1]


def test_one_application_only(repo: Repository, acme: Interview, tmp_path: Path) -> None:
    """--application: only that application's people; an unknown one is a KeyError."""
    other = capture_interview(repo, Capture(company="Globex", people="Tom Baker"), NOW)
    out = tmp_path / "g.vcf"
    assert export_vcards(repo, out, other.application_id) == 1
    assert set(cards(out)) == {"Tom Baker"}
    with pytest.raises(KeyError):
        export_vcards(repo, out, 999)


def test_file_is_private_and_replaced_atomically(
    repo: Repository, acme: Interview, tmp_path: Path
) -> None:
    """Exports are 0600, replace the old file whole, and leave no temp file behind."""
    out = tmp_path / "contacts.vcf"
    out.write_text("old")
    os.chmod(out, 0o644)
    old_umask = os.umask(0)
    try:
        export_vcards(repo, out)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text("utf-8").startswith("BEGIN:VCARD")
    assert sorted(p.name for p in tmp_path.iterdir() if "contacts" in p.name) == ["contacts.vcf"]


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails half-way keeps the previous file intact and removes the temp file."""
    out = tmp_path / "contacts.vcf"
    out.write_text("previous")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_private(out, "new")
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["contacts.vcf"]


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Jane Doe", ("Doe", "Jane", "")),
        ("Jane Q. Public Doe", ("Doe", "Jane", "Q. Public")),
        ("Madonna", ("", "Madonna", "")),
    ],
)
def test_name_parts(name: str, parts: tuple[str, str, str]) -> None:
    """N: the last word is the family name, the first the given name."""
    assert name_parts(name) == parts


def test_note_without_personal_text(repo: Repository, acme: Interview) -> None:
    """NOTE: only the facts when there is no personal note."""
    person = repo.find_person(acme.application_id, "王小明")
    assert person is not None
    app = repo.get_application(acme.application_id)
    assert vcard_note(person, app) == "Afterword: interviewer at Acme, Inc; Robotics (SRE)."
