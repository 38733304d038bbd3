"""#8: contacts a page at a time give the rows the whole list gave (A1, A2, C3, C8, C9 flags and
guesses included), and the bulk import into an empty database keeps everything searchable."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.demo import build_demo
from core.export_json import ImportProblem, export_document, export_text, import_text
from core.migrations import search_index_intact
from core.models import (
    QA,
    Action,
    ActionKind,
    Application,
    EmailSource,
    Interview,
    Person,
    RoleKind,
    Touch,
    TouchKind,
)
from core.repository import Repository
from core.repository.list_reads import nocase
from core.services_learning import search
from core.services_people import ContactRow, Scope, contacts_page, list_contacts
from tests.core.conftest import NOW

COMPANIES = ("acme", "Acme", "Globex", "Initech", "Zeta")  # two spellings of one company


def _seed(repo: Repository) -> int:
    """Five processes with people of every kind, some addresses known (guesses follow them),
    thanks logged for some, a mailed note planned for one; return the last interview's id."""
    iid = 0
    for n, company in enumerate(COMPANIES):
        app = repo.add_application(Application(company=company, created_at=NOW))
        iid = repo.add_interview(Interview(application_id=app.id or 0, ended_at=NOW)).id or 0
        for k, (name, kind) in enumerate(
            [
                (f"Ann Lee{n}", RoleKind.INTERVIEWER),
                (f"bob Stone{n}", RoleKind.RECRUITER),
                (f"Émile Roy{n}", RoleKind.STAFF),
                (f"Carl Diaz{n}", RoleKind.FUTURE_MANAGER),
            ]
        ):
            email = f"{name.split()[0].lower()}.{name.split()[1].lower()}@{company.lower()}.com"
            person = repo.add_person(
                Person(
                    application_id=app.id or 0,
                    name=name,
                    role_kind=kind,
                    email=email if (n + k) % 3 else "",
                    email_source=EmailSource.CARD if (n + k) % 3 else EmailSource.UNKNOWN,
                    spelling_confirmed=k % 2 == 0,
                )
            )
            repo.link_participant(iid, person.id or 0)
            if k == 2 and n % 2:
                repo.add_touch(
                    Touch(interview_id=iid, person_id=person.id, at=NOW, kind=TouchKind.THANKS)
                )
        pid = repo.participants(iid)[0][0].id
        repo.add_actions(
            [
                Action(
                    interview_id=iid,
                    person_id=pid,
                    kind=ActionKind.MAILED_NOTE,
                    key="mailed_note:1",
                    rule="C3",
                    due=NOW + timedelta(days=1),
                    window_start=NOW,
                    window_end=NOW + timedelta(days=2),
                )
            ]
        )
    return iid


def _same(a: ContactRow, b: ContactRow) -> None:
    assert (a.person, a.company, a.met_at, a.flags, a.guess) == (
        b.person,
        b.company,
        b.met_at,
        b.flags,
        b.guess,
    )
    assert (a.phone, a.messages) == (b.phone, b.messages)


@pytest.mark.parametrize("order", ["name", "company", "role"])
def test_contacts_page_by_page_are_the_whole_list_sorted_in_the_database(
    repo: Repository, order: str
) -> None:
    iid = _seed(repo)
    whole = list_contacts(
        repo,
        Scope.EVERYONE,
        thanked=repo.thanked_person_ids(),
        mailed_notes=repo.mailed_note_person_ids(),
    ).rows
    keys = {
        "name": lambda r: (nocase(r.person.name), r.person.id),
        "company": lambda r: (nocase(r.company), r.person.application_id, nocase(r.person.name)),
        "role": lambda r: (r.person.role_kind.value, nocase(r.person.name), r.person.id),
    }
    expected = sorted(whole, key=keys[order])
    assert any(r.guess for r in expected) and any(r.flags for r in expected)
    paged: list[ContactRow] = []
    for offset in range(0, len(expected), 6):
        page = contacts_page(repo, Scope.EVERYONE, iid, order=order, offset=offset, limit=6)
        assert (page.total, page.offset) == (len(expected), offset)
        assert page.view.application_flags == {}  # a page holds parts of many processes
        paged += page.view.rows
    assert len(paged) == len(expected)
    for got, want in zip(paged, expected, strict=True):
        _same(got, want)


def test_a_process_page_keeps_its_c9_flags_and_an_interview_page_its_panel(
    repo: Repository,
) -> None:
    iid = _seed(repo)
    app_id = repo.get_interview(iid).application_id
    repo.update_person(repo.participants(iid)[0][0].id or 0, role_kind=RoleKind.RECRUITER)
    repo.update_person(repo.participants(iid)[3][0].id or 0, role_kind=RoleKind.STAFF)
    for scope in (Scope.APPLICATION, Scope.INTERVIEW):
        whole = list_contacts(
            repo,
            scope,
            iid,
            thanked=repo.thanked_person_ids(),
            mailed_notes=repo.mailed_note_person_ids(),
        )
        page = contacts_page(repo, scope, iid, order="name")
        assert [f.rule for f in page.view.application_flags[app_id]] == ["C9"]
        assert page.view.application_flags == whole.application_flags
        by_id = {r.person.id: r for r in whole.rows}
        assert page.total == len(whole.rows) == len(page.view.rows)
        for row in page.view.rows:
            _same(row, by_id[row.person.id])


def test_who_was_thanked_or_needs_a_mailed_note_is_read_for_the_ids_asked(
    repo: Repository,
) -> None:
    _seed(repo)
    thanked = repo.thanked_person_ids()
    mailed = repo.mailed_note_person_ids()
    assert thanked and mailed
    some = sorted(thanked)[:1] + sorted(mailed)[:1] + [99_999]
    assert repo.thanked_person_ids(some) == thanked & set(some)
    assert repo.mailed_note_person_ids(some) == mailed & set(some)
    assert repo.thanked_person_ids([]) == set()


@pytest.fixture
def demo(tmp_path: Path) -> Repository:
    """The demo database."""
    repo = Repository.open(tmp_path / "demo.db")
    build_demo(repo, NOW)
    return repo


def test_a_bulk_import_into_an_empty_database_is_whole_and_searchable(
    demo: Repository, tmp_path: Path
) -> None:
    text = export_text(demo)
    fresh = Repository.open(tmp_path / "fresh.db")
    import_text(fresh, text)
    assert export_text(fresh) == text
    assert search_index_intact(fresh.db)
    assert fresh.search_entries() == demo.search_entries() > 0
    for word in ("back-pressure", "robotics", "rate limiter", "lumbergh"):
        assert [h.kind for h in search(fresh, word)] == [h.kind for h in search(demo, word)]
    fresh.add_qa(QA(interview_id=1, question="Quokka farming at scale?"))
    assert [h.kind for h in search(fresh, "quokka")] == ["qa"]  # the trigger is back


def test_a_bulk_import_refused_leaves_the_empty_database_empty_with_its_triggers(
    demo: Repository, tmp_path: Path
) -> None:
    document = export_document(demo)
    document["participants"][0]["person_id"] = 424_242  # nobody
    fresh = Repository.open(tmp_path / "fresh.db")
    with pytest.raises(ImportProblem, match="person_id"):
        import_text(fresh, json.dumps(document))
    assert not fresh.holds_data(["applications", "participants", "qa", "notes"])
    assert search_index_intact(fresh.db)
    assert fresh.search_entries() == 0


def test_the_demo_interviews_read_back_the_same_after_the_import(
    demo: Repository, tmp_path: Path
) -> None:
    fresh = Repository.open(tmp_path / "fresh.db")
    import_text(fresh, export_text(demo))
    assert fresh.list_interviews() == demo.list_interviews()
    assert fresh.latest_interview() == demo.latest_interview()
    ended = [s.interview.ended_at for s in fresh.list_interviews()]
    assert ended == sorted(ended, reverse=True) and isinstance(ended[0], datetime)
