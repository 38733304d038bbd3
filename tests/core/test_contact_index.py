"""Where a person stands in the contacts list as sorted (a new sort opens on their page):
the index of each person in every order and scope is their position in the pages read."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.contacts_list import contact_lines, index_in_list
from core.models import Application, Interview, Person, RoleKind
from core.repository import Repository
from core.services_people import Scope

NOW = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)


@pytest.fixture
def tied(repo: Repository) -> Repository:
    """Three companies (two named alike but for case) and people with names tied in any case,
    across roles: every sort key has ties broken only by the id. Acme's second process has
    an interview."""
    roles = [RoleKind.INTERVIEWER, RoleKind.RECRUITER, RoleKind.STAFF]
    for n, company in enumerate(["acme", "Acme", "Blue"]):
        app = repo.add_application(Application(company=company, created_at=NOW))
        for k, name in enumerate(["ann lee", "Ann Lee", "Bob", "ANN LEE", "bob", "Zoe"]):
            role = roles[(n + k) % 3]
            repo.add_person(Person(application_id=app.id or 0, name=name, role_kind=role))
        if n == 1:
            repo.add_interview(Interview(application_id=app.id or 0, ended_at=NOW))
    return repo


@pytest.mark.parametrize("order", ["name", "company", "role"])
def test_everyones_index_is_the_position_in_the_pages(tied: Repository, order: str) -> None:
    """Read five at a time, everyone's list puts each person at the index found for them."""
    listed = []
    for offset in range(0, 18, 5):
        page = contact_lines(tied, Scope.EVERYONE, order=order, offset=offset, limit=5)
        listed += [line.id for line in page.lines]
    assert len(listed) == 18
    found = [index_in_list(tied, Scope.EVERYONE, None, pid, order) for pid in listed]
    assert found == list(range(18))


def test_an_applications_index_counts_its_own_people_only(tied: Repository) -> None:
    """In one process's list, a person's index counts that process's people; someone of
    another process has none (the list opens on its first page)."""
    interview = tied.latest_interview()
    assert interview is not None
    iid, app_id = interview.interview.id, interview.interview.application_id
    page = contact_lines(tied, Scope.APPLICATION, iid, order="company", limit=50)
    ids = [line.id for line in page.lines]
    assert len(ids) == 6
    for position, pid in enumerate(ids):
        assert index_in_list(tied, Scope.APPLICATION, iid, pid, "company") == position
    stranger = next(p.id for p, a in tied.people_with_application() if a.id != app_id)
    assert stranger is not None
    assert index_in_list(tied, Scope.APPLICATION, iid, stranger, "company") is None
    assert index_in_list(tied, Scope.INTERVIEW, iid, ids[0]) is None
    assert tied.contact_index(999_999) is None
