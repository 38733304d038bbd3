"""Light rows for the long lists (#8): exactly the columns a screen or command shows, as
tuples, with what SQL can work out (order, counts, who was thanked, who needs a mailed note)
worked out there, through indexes. Models are built for one record at a time, never a list.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import lru_cache
from typing import Any

from core.coverage import THANK_TOO
from core.models import ActionKind, TouchKind
from core.repository.base import StoreBase, _safe
from core.repository.people import _ORDERS, CONTACTS_PAGE, nocase
from core.repository.plan import _OPEN, PLAN_LIMIT, utc_text
from core.repository.stored import read_tuples, unsafe

_THANK_TOO = ", ".join(f"'{kind.value}'" for kind in sorted(THANK_TOO))
CONTACT_COLUMNS = (
    "p.id, p.name, p.spelling_confirmed, p.role_kind, a.company, p.email, p.email_source, "
    "p.best_time, p.preferred_mode, "
    # C3: the mailing address matters only when a mailed note is planned (else NULL)
    "CASE WHEN EXISTS (SELECT 1 FROM actions m WHERE m.person_id = p.id "
    f"AND m.kind = '{ActionKind.MAILED_NOTE.value}' AND m.{_OPEN}) THEN p.mailing_address END, "
    # C8: whether a thank-you was logged, asked only of staff and others
    f"CASE WHEN p.role_kind IN ({_THANK_TOO}) THEN EXISTS (SELECT 1 FROM touches t "
    f"WHERE t.person_id = p.id AND t.kind = '{TouchKind.THANKS.value}') ELSE 0 END, a.id"
)
"""What a contacts line is read from: id, name, spelling confirmed, role, company, email, its
source, best time, preferred mode, the mailing address when a mailed note is planned (C3, else
NULL), thanked (C8, staff and others only), the application's id."""

DUE_COLUMNS = (
    "x.id, x.kind, x.rule, x.due, x.due_utc < :now, x.flag, x.user_changed, a.company, "
    "COALESCE(p.name, ''), "
    # A1/A2/C2 are findings of thank-you emails only: their email and window's end
    f"CASE WHEN x.kind = '{ActionKind.THANK_YOU.value}' THEN COALESCE(p.email, '') END, "
    f"CASE WHEN x.kind = '{ActionKind.THANK_YOU.value}' THEN COALESCE(p.email_source, '') END, "
    f"CASE WHEN x.kind = '{ActionKind.THANK_YOU.value}' THEN x.window_end END"
)
"""What a due line is read from: id, kind, rule, due, overdue (before :now, both UTC text,
which sorts as time does), the rule's flag, user changed, company, person, and for a thank-you
email its address, the address's source and the window's end."""


def _marks(values: Collection[Any]) -> str:
    return ", ".join("?" for _ in values)


@lru_cache(maxsize=4096)
def _pairs(count: int, text: str) -> tuple[tuple[str, str], ...] | None:
    """The `count` (name, email) pairs of 'name\\nemail\\nname...', each value cleaned as
    rows() cleans it; None when the text does not split into them (a value held a line break).
    Kept per text: a page read again splits nothing again."""
    parts = text.split("\n")
    if len(parts) != 2 * count:
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
        where, params = "", []
        if application_id is not None:
            where, params = "WHERE p.application_id = ?", [application_id]
        join = "FROM people p JOIN applications a ON a.id = p.application_id"
        inner = join if order == "company" else "FROM people p"
        return read_tuples(
            self,
            f"SELECT {CONTACT_COLUMNS} {join} WHERE p.id IN (SELECT p.id {inner} {where} "
            f"ORDER BY {by} LIMIT ? OFFSET ?) ORDER BY {by}",
            [*params, limit, max(0, offset)],
        )

    def panel_lines(
        self, interview_id: int, *, offset: int = 0, limit: int = CONTACTS_PAGE
    ) -> list[tuple[Any, ...]]:
        """The people met at an interview as CONTACT_COLUMNS, in the order given, each shown
        with the interview's application (as participants() pairs them)."""
        return read_tuples(
            self,
            f"SELECT {CONTACT_COLUMNS} FROM participants x JOIN people p ON p.id = x.person_id "
            "JOIN interviews i ON i.id = x.interview_id "
            "JOIN applications a ON a.id = i.application_id "
            "WHERE x.interview_id = ? ORDER BY x.position, p.id LIMIT ? OFFSET ?",
            [interview_id, limit, max(0, offset)],
        )

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
            "SELECT a.company, count(*), group_concat(p.name || char(10) || p.email, "
            "char(10)) FROM people p JOIN applications a ON a.id = p.application_id "
            f"WHERE a.company COLLATE NOCASE IN ({_marks(names)}) AND p.email != '' "
            "AND p.email_source != 'guessed' GROUP BY a.company COLLATE NOCASE",
            names,
        ).fetchall()
        groups = {}
        for company, count, text in found:
            pairs = _pairs(count, text)
            if pairs is None:  # a value holds a line break: read that company row by row
                rows = self.known_address_lines([company])
                pairs = tuple((name, email) for _company, name, email in rows)
            groups[nocase(_safe(company))] = pairs  # lower() per row cost more than the rest
        return groups

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
        by due date: the rows of open_rows_due_by, only the columns `afterword due` prints or
        warns from."""
        return read_tuples(
            self,
            f"SELECT {DUE_COLUMNS} FROM actions x JOIN interviews i ON i.id = x.interview_id "
            "JOIN applications a ON a.id = i.application_id "
            "LEFT JOIN people p ON p.id = x.person_id "
            f"WHERE x.{_OPEN} AND x.due_utc <= :moment ORDER BY x.due_utc, x.id LIMIT :limit",
            {"now": utc_text(now), "moment": utc_text(moment), "limit": limit},
        )
