"""Light rows for the long lists (#8): exactly the columns a screen or command shows, as
tuples, with what SQL can work out (order, counts, who was thanked, who needs a mailed note)
worked out there, through indexes. Models are built for one record at a time, never a list.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from core.kinds import EMAIL_PATTERNS
from core.repository.base import StoreBase
from core.repository.contact_sql import CONTACT_COLUMNS, CONTACT_TEXT, KNOWN
from core.repository.due_sql import (
    DUE_COLUMNS,
    DUE_DETAIL_COLUMNS,
    DUE_FROM,
    DUE_TEXT,
    WARN_LOOK,
    judged_line,
)
from core.repository.list_reads import Kept, cleaned_row, nocase, text_unsafe, watch_writes
from core.repository.people import _ORDERS, CONTACTS_PAGE, _marks
from core.repository.plan import PLAN_LIMIT, utc_text
from core.repository.stored import read_tuples

if TYPE_CHECKING:
    from core.email_facts import CompanyPattern


_KNOWN_PATTERNS = frozenset(EMAIL_PATTERNS)


class ListStore(StoreBase):
    """The rows of the contacts table, the interview switcher and `afterword due`."""

    _kept: Kept | None = None
    _list_writes = 0
    _watching = False

    def _kept_now(self) -> Kept | None:
        """What the long lists' reads kept, valid now (Kept.current): this connection's writes
        are watched from the first read on."""
        if not self._watching:
            watch_writes(self.conn, self._written)
            self._watching = True
        if self._kept is None:
            self._kept = Kept()
        return self._kept.current(self.conn, self._list_writes)

    def _written(self) -> None:
        self._list_writes += 1

    def contact_lines(
        self,
        application_id: int | None = None,
        *,
        order: str = "name",
        offset: int = 0,
        limit: int = CONTACTS_PAGE,
    ) -> list[tuple[Any, ...]]:
        """One page of people (of one application, or all) as CONTACT_COLUMNS, by name,
        company or role (then name): the page's ids found in an index alone, as people_page."""
        by = _ORDERS[order]
        join = "FROM people p JOIN applications a ON a.id = p.application_id"
        if application_id is None and order == "name":
            return self._everyone_by_name(offset, limit)
        where, params = "", []
        if application_id is not None:
            where, params = "WHERE p.application_id = ?", [application_id]
        inner = join if order == "company" else "FROM people p"
        return self._with_known(
            f"SELECT {CONTACT_COLUMNS} {join} WHERE p.id IN (SELECT p.id {inner} {where} "
            f"ORDER BY {by} LIMIT ? OFFSET ?) ORDER BY {by}",
            [*params, limit, max(0, offset)],
        )

    def _everyone_by_name(self, offset: int, limit: int) -> list[tuple[Any, ...]]:
        """contact_lines of everyone by name: the page's first person (their key as a page
        read before left it while the file is unchanged, else found in the narrow index
        alone), then the page read on from them in the index's order (nothing sorted)."""
        by, offset = _ORDERS["name"], max(0, offset)
        kept = self._kept_now()
        first = kept.starts.get(offset) if kept is not None else None
        if first is None:
            first = self.conn.execute(
                f"SELECT p.name, p.id FROM people p ORDER BY {by} LIMIT 1 OFFSET ?", [offset]
            ).fetchone()
            if first is None:
                return []
        rows = self.conn.execute(
            f"SELECT {CONTACT_COLUMNS} "
            "FROM people p JOIN applications a ON a.id = p.application_id "
            "WHERE p.name >= ?1 COLLATE NOCASE AND (p.name > ?1 COLLATE NOCASE OR p.id >= ?2) "
            f"ORDER BY {by} LIMIT ?3",
            [*first, limit],
        ).fetchall()
        if text_unsafe(rows, *CONTACT_TEXT):  # names shown cleaned: no key to seek by
            return self._known_by_cleaned_names([cleaned_row(row, KNOWN) for row in rows])
        if kept is not None and rows:
            kept.starts[offset] = first
            if len(rows) == limit:  # the next page starts after the last one shown
                kept.starts[offset + limit] = (rows[-1][1], rows[-1][0] + 1)
        return self._known_as_read(rows)

    def panel_lines(
        self, interview_id: int, *, offset: int = 0, limit: int = CONTACTS_PAGE
    ) -> list[tuple[Any, ...]]:
        """The people met at an interview as CONTACT_COLUMNS, in the order given, each shown
        with the interview's application (as participants() pairs them)."""
        return self._with_known(
            f"SELECT {CONTACT_COLUMNS} FROM participants x JOIN people p ON p.id = x.person_id "
            "JOIN interviews i ON i.id = x.interview_id "
            "JOIN applications a ON a.id = i.application_id "
            "WHERE x.interview_id = ? ORDER BY x.position, p.id LIMIT ? OFFSET ?",
            [interview_id, limit, max(0, offset)],
        )

    def _with_known(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        """The rows of a CONTACT_COLUMNS query, cleaned, the last column the pattern (A2) of
        the known addresses at the company of someone without an address, else None. A page
        that needed cleaning had its companies compared as stored, so theirs are read again by
        the cleaned names."""
        rows = self.conn.execute(sql, params).fetchall()
        if text_unsafe(rows, *CONTACT_TEXT):
            return self._known_by_cleaned_names([cleaned_row(row, KNOWN) for row in rows])
        return self._known_as_read(rows)

    def _known_as_read(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Clean CONTACT_COLUMNS rows, the elected text of each without an address made its
        company's pattern (each company's once)."""
        patterns: dict[str, CompanyPattern] = {}
        for n, row in enumerate(rows):
            if not row[5]:
                company = row[4]
                if company not in patterns:
                    patterns[company] = self._pattern_at(company, row[KNOWN])
                rows[n] = (*row[:KNOWN], patterns[company])
        return rows

    def _known_by_cleaned_names(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Cleaned rows, each without an address given the pattern of the known pairs of its
        company's cleaned name (known_address_lines, cleaned as read)."""
        from core.email_facts import pattern_from_pairs

        groups: dict[str, list[tuple[str, str]]] = {}
        for company, name, email in self.known_address_lines({r[4] for r in rows if not r[5]}):
            groups.setdefault(company, []).append((name, email))
        patterns = {company: pattern_from_pairs(pairs) for company, pairs in groups.items()}
        return [row if row[5] else (*row[:KNOWN], patterns.get(nocase(row[4]))) for row in rows]

    def _pattern_at(self, company: str, elected: str | None) -> CompanyPattern:
        """A2: the pattern of one company's known addresses from votes.election's text
        ('domain pattern'; None: no pattern); where someone's facts are missing or not as
        facts_of writes them (' '), or the text is not such, from their pairs."""
        if elected is None:
            return None
        domain, _, pattern = elected.partition(" ")
        if domain and pattern in _KNOWN_PATTERNS:
            return pattern, domain
        from core.email_facts import pattern_from_pairs

        rows = self.known_address_lines([company])
        return pattern_from_pairs((name, email) for _company, name, email in rows)

    def count_panel(self, interview_id: int) -> int:
        """How many people were met at an interview."""
        found = read_tuples(
            self, "SELECT COUNT(*) FROM participants WHERE interview_id = ?", [interview_id]
        )
        return int(found[0][0])

    def known_address_lines(self, companies: Collection[str]) -> list[tuple[str, str, str]]:
        """A2: addresses_at without the ids or an order: (company as nocase() folds it, name,
        email), read from an index alone (people_known_addresses)."""
        names = sorted(set(companies))
        if not names:
            return []
        return read_tuples(
            self,
            "SELECT lower(a.company), p.name, p.email FROM people p "
            "JOIN applications a ON a.id = p.application_id "
            f"WHERE a.company COLLATE NOCASE IN ({_marks(names)}) AND p.email != '' "
            "AND p.email_source != 'guessed'",
            names,
        )

    def contact_index(
        self, person_id: int, application_id: int | None = None, *, order: str = "name"
    ) -> int | None:
        """How many people (of one application, or all) come before this person in the order
        contact_lines pages by; None when the person is not among them."""
        by = _ORDERS[order]
        join = "FROM people p JOIN applications a ON a.id = p.application_id"
        person = f"SELECT {by} {join} WHERE p.id = :person"
        scope = "" if application_id is None else "p.application_id = :app AND"
        if application_id is not None:
            found = self.conn.execute(
                "SELECT 1 FROM people WHERE id = ? AND application_id = ?",
                [person_id, application_id],
            ).fetchone()
            if found is None:
                return None
        row = self.conn.execute(
            f"SELECT COUNT(*), EXISTS ({person}) {join} WHERE {scope} ({by}) < ({person})",
            {"person": person_id, "app": application_id},
        ).fetchone()
        return int(row[0]) if row[1] else None

    def interview_labels(self, limit: int = 500) -> list[tuple[int, str, str, int, str]]:
        """Interviews newest first as (id, company, role, round, ended_at as stored): what the
        switcher's labels show, without building the interviews."""
        return read_tuples(
            self,
            "SELECT i.id, a.company, a.role, i.round, i.ended_at FROM interviews i "
            "JOIN applications a ON a.id = i.application_id "
            "ORDER BY i.ended_at DESC, i.id DESC LIMIT ?",
            [limit],
        )

    def due_lines(
        self, now: datetime, moment: datetime, limit: int = PLAN_LIMIT
    ) -> list[tuple[Any, ...]]:
        """Open actions due at or before `moment` as DUE_COLUMNS (overdue: due before `now`),
        by due date: the rows of open_rows_due_by, only what `afterword due` prints or warns
        from. Where SQL cannot judge a warning (a value read, or one a warning rests on, holds
        a control character: a file written by other means), every row is read again as
        DUE_DETAIL_COLUMNS and its warning worked out once the values are cleaned."""
        params = {"now": utc_text(now), "moment": utc_text(moment), "limit": limit}
        rows = self.conn.execute(f"SELECT {DUE_COLUMNS} {DUE_FROM}", params).fetchall()
        if WARN_LOOK in map(itemgetter(7), rows) or text_unsafe(rows, *DUE_TEXT):
            found = read_tuples(self, f"SELECT {DUE_DETAIL_COLUMNS} {DUE_FROM}", params)
            return [judged_line(row) for row in found]
        return rows
