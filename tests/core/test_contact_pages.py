"""#8: a page of everyone by name is read on from its first person (found in the narrow name
index) in one run of the wide one (0010, nothing sorted), its guesses' known addresses (A2) in
the same query, each address's text read from people_known_addresses (0009); pages that cut
through people of one name (any case) still hold what contacts_page holds (A1, A2, A5, C3, C8
counts, guesses), and a page whose values need cleaning matches its companies' known addresses
by the cleaned names."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.contacts_list import contact_lines, line_of
from core.models import Application
from core.repository import Repository
from core.repository.lists import CONTACT_COLUMNS
from core.services_people import Scope, contacts_page
from tests.core.conftest import NOW
from tests.core.tied_people import add_tied_people


def _same_names(repo: Repository) -> None:
    """Thirty people of three names spelt in two cases (tests.core.tied_people)."""
    names = ["Ann Lee", "ann lee", "Bo Chan", "BO CHAN", "Cy Dee", "cy dee"]
    add_tied_people(repo, names, 30)


def _lines_of_contacts_page(repo: Repository, offset: int, limit: int) -> object:
    page = contacts_page(repo, Scope.EVERYONE, None, order="name", offset=offset, limit=limit)
    return page.total, [line_of(row) for row in page.view.rows]


@pytest.mark.parametrize("limit", [1, 4, 7, 30])
def test_a1_a2_pages_cut_through_one_name_as_contacts_page(tmp_path: Path, limit: int) -> None:
    """Every page from every offset (ties of a name in any case across its edges) is
    contacts_page's, guesses included; past the end, none."""
    repo = Repository.open(tmp_path / "names.db")
    _same_names(repo)
    for offset in range(0, 32):
        page = contact_lines(repo, Scope.EVERYONE, offset=offset, limit=limit)
        assert (page.total, page.lines) == _lines_of_contacts_page(repo, offset, limit)
    assert any(line.guess for line in contact_lines(repo, Scope.EVERYONE, limit=30).lines)
    repo.close()


def test_a2_a_dirty_company_is_matched_by_its_cleaned_name(tmp_path: Path) -> None:
    """A company stored with a control character shows cleaned; its people's guesses rest on
    the addresses of the companies its cleaned name matches, as contacts_page's do."""
    repo = Repository.open(tmp_path / "dirty.db")
    _same_names(repo)
    repo.conn.execute("UPDATE applications SET company = 'Glo\x1bbex' WHERE company = 'Globex'")
    repo.add_application(Application(company="globex", created_at=NOW))
    for offset in range(0, 30, 7):
        page = contact_lines(repo, Scope.EVERYONE, offset=offset, limit=7)
        assert (page.total, page.lines) == _lines_of_contacts_page(repo, offset, 7)
    repo.close()


def test_a2_everyone_by_name_is_read_in_index_order_with_its_companys_pattern(
    tmp_path: Path,
) -> None:
    """No sort for the page; each company's pattern, as its votes elect it, found by its key."""
    repo = Repository.open(tmp_path / "plan.db")
    sql = (
        f"SELECT {CONTACT_COLUMNS} FROM people p JOIN applications a ON a.id = p.application_id "
        "WHERE p.name >= ?1 COLLATE NOCASE AND (p.name > ?1 COLLATE NOCASE OR p.id >= ?2) "
        "ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3"
    )
    steps = list(repo.conn.execute("EXPLAIN QUERY PLAN " + sql, ["", 0, 9]))
    plan = " ".join(str(r[3]) for r in steps)
    assert "SEARCH p USING COVERING INDEX people_page_by_name" in plan  # 0010
    assert "TEMP B-TREE" not in plan
    assert "SEARCH r USING PRIMARY KEY (company=?)" in plan  # 0012
    first = (
        "SELECT p.name, p.id FROM people p ORDER BY p.name COLLATE NOCASE, p.id LIMIT 1 OFFSET 9"
    )
    plan = " ".join(str(r[3]) for r in repo.conn.execute("EXPLAIN QUERY PLAN " + first))
    assert "COVERING INDEX people_by_name" in plan  # the narrow one, to skip the offset
    index = repo.conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'people_known_addresses'"
    ).fetchone()[0]
    assert "email_facts" in index  # 0011
    repo.close()
