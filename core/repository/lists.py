"""Light rows for the long lists (#8): exactly the columns a screen or command shows, as
tuples, with what SQL can work out (order, counts, who was thanked, who needs a mailed note)
worked out there, through indexes. Models are built for one record at a time, never a list.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from core.coverage import THANK_TOO
from core.kinds import ActionKind, TouchKind
from core.repository.base import StoreBase, _safe
from core.repository.due_sql import (
    DUE_COLUMNS,
    DUE_DETAIL_COLUMNS,
    DUE_FROM,
    WARN_LOOK,
    judged_line,
)
from core.repository.people import _ORDERS, CONTACTS_PAGE, nocase
from core.repository.plan import _OPEN, PLAN_LIMIT, utc_text
from core.repository.stored import read_checked, read_tuples, unsafe


def _known_text(alias: str) -> str:
    """SQL: the known addresses aggregated as one text: their count, then the name and the
    email of each by turns, a line each (NULL when there is none)."""
    return (
        f"count(*) || char(10) || group_concat({alias}.name || char(10) || {alias}.email, char(10))"
    )


_THANK_TOO = ", ".join(f"'{kind.value}'" for kind in sorted(THANK_TOO))
CONTACT_COLUMNS = (
    "p.id, p.name, p.spelling_confirmed, p.role_kind, a.company, p.email, p.email_source, "
    "p.best_time, p.preferred_mode, "
    # C3: the mailing address matters only when a mailed note is planned (else NULL)
    "CASE WHEN EXISTS (SELECT 1 FROM actions m WHERE m.person_id = p.id "
    f"AND m.kind = '{ActionKind.MAILED_NOTE.value}' AND m.{_OPEN}) THEN p.mailing_address END, "
    # C8: whether a thank-you was logged, asked only of staff and others
    f"CASE WHEN p.role_kind IN ({_THANK_TOO}) THEN EXISTS (SELECT 1 FROM touches t "
    f"WHERE t.person_id = p.id AND t.kind = '{TouchKind.THANKS.value}') ELSE 0 END, a.id, "
    # A2: for someone without an address, the known ones at their company (NOCASE), as one
    # text: their count, then name and email by turns, a line each (NULL when there is none)
    f"CASE WHEN p.email = '' THEN (SELECT {_known_text('k')} FROM applications c "
    "JOIN people k ON k.application_id = c.id WHERE c.company = a.company COLLATE NOCASE "
    "AND k.email != '' AND k.email_source != 'guessed') END"
)
"""What a contacts line is read from: id, name, spelling confirmed, role, company, email, its
source, best time, preferred mode, the mailing address when a mailed note is planned (C3, else
NULL), thanked (C8, staff and others only), the application's id and, for someone without an
address, the known addresses at their company (A2: read from people_known_addresses; turned
into (name, email) pairs by _with_known)."""

KNOWN = 12
"""The column of CONTACT_COLUMNS holding the known addresses (A2)."""


def _marks(values: Collection[Any]) -> str:
    return ", ".join("?" for _ in values)


@lru_cache(maxsize=4096)
def _pairs(text: str) -> tuple[tuple[str, str], ...] | None:
    """The (name, email) pairs of a _known_text, each value cleaned as rows() cleans it; None
    when the text does not split into them (a value held a line break). Kept per text: a page
    read again splits nothing again."""
    count, _, text = text.partition("\n")
    parts = text.split("\n")
    if len(parts) != 2 * int(count):
        return None
    if unsafe(text):
        parts = [_safe(part) for part in parts]
    return tuple(zip(parts[::2], parts[1::2], strict=True))


class ListStore(StoreBase):
    """The rows of the contacts table, the interview switcher and `afterword due`."""

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
        """contact_lines of everyone by name: the page's first person found in the index
        alone, then the page read on from them in the index's order (nothing sorted)."""
        by = _ORDERS["name"]
        first = self.conn.execute(
            f"SELECT p.name, p.id FROM people p ORDER BY {by} LIMIT 1 OFFSET ?", [max(0, offset)]
        ).fetchone()
        if first is None:
            return []
        return self._with_known(
            f"SELECT {CONTACT_COLUMNS} FROM people p JOIN applications a "
            "ON a.id = p.application_id WHERE p.name >= ?1 COLLATE NOCASE "
            f"AND (p.name > ?1 COLLATE NOCASE OR p.id >= ?2) ORDER BY {by} LIMIT ?3",
            [*first, limit],
        )

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
        """The rows of a CONTACT_COLUMNS query, cleaned, the last column as the known (name,
        email) pairs (A2, as known_address_groups gives them) of someone without an address,
        else None. The known addresses' text is cleaned value by value (in _pairs); a page
        that needed cleaning had its companies compared as stored, so theirs are read again
        by the cleaned names."""
        rows, cleaned = read_checked(self, sql, params, columns=KNOWN)
        groups = None
        if cleaned:
            groups = self.known_address_groups({row[4] for row in rows if not row[5]})
        for n, row in enumerate(rows):
            if row[5]:
                continue
            company, text = row[4], row[KNOWN]
            if groups is not None:
                pairs = groups.get(nocase(company), ())
            else:
                pairs = () if text is None else self._split_known(company, text)
            rows[n] = (*row[:KNOWN], pairs)
        return rows

    def count_panel(self, interview_id: int) -> int:
        """How many people were met at an interview."""
        found = read_tuples(
            self, "SELECT COUNT(*) FROM participants WHERE interview_id = ?", [interview_id]
        )
        return int(found[0][0])

    def known_address_groups(
        self, companies: Collection[str]
    ) -> dict[str, tuple[tuple[str, str], ...]]:
        """A2: the (name, email) pairs of known_address_lines by company (folded as nocase()
        folds it), in no set order: one row a company (its pairs as one text, split here),
        each value cleaned as rows() cleans it."""
        names = sorted(set(companies))
        if not names:
            return {}
        found = self.conn.execute(  # cleaned in _pairs, value by value
            f"SELECT a.company, {_known_text('p')} "
            "FROM people p JOIN applications a ON a.id = p.application_id "
            f"WHERE a.company COLLATE NOCASE IN ({_marks(names)}) AND p.email != '' "
            "AND p.email_source != 'guessed' GROUP BY a.company COLLATE NOCASE",
            names,
        ).fetchall()
        groups = {}
        for company, text in found:
            pairs = self._split_known(company, text)
            groups[nocase(_safe(company))] = pairs  # lower() per row cost more than the rest
        return groups

    def _split_known(self, company: str, text: str) -> tuple[tuple[str, str], ...]:
        """The pairs of one company's _known_text, cleaned (see _pairs); where a value holds a
        line break, read from known_address_lines instead."""
        pairs = _pairs(text)
        if pairs is None:
            rows = self.known_address_lines([company])
            pairs = tuple((name, email) for _company, name, email in rows)
        return pairs

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
        rows, cleaned = read_checked(self, f"SELECT {DUE_COLUMNS} {DUE_FROM}", params)
        if cleaned or WARN_LOOK in map(itemgetter(7), rows):
            found = read_tuples(self, f"SELECT {DUE_DETAIL_COLUMNS} {DUE_FROM}", params)
            return [judged_line(row) for row in found]
        return rows
