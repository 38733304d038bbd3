"""The contacts lines' SQL (#8): what a line is read from, and the known addresses its guess
(A2) rests on as one text per company (their stored facts, grouped)."""

from __future__ import annotations

from core.kinds import THANK_TOO, ActionKind, TouchKind
from core.repository.plan import _OPEN


def _known_at(company: str) -> str:
    """SQL: the known addresses at `company` (NOCASE; read from people_known_addresses) as the
    text core.email_facts.pattern_from_text adds up: a line for each distinct stored facts,
    how many hold them, a space, the facts ('' when there is none; NULL when someone's facts
    are missing: their pairs are read then)."""
    return (
        "(SELECT CASE WHEN count(g.f) = count(*) THEN "
        "coalesce(group_concat(g.n || ' ' || g.f, char(10)), '') END FROM ("
        "SELECT count(*) AS n, k.email_facts AS f FROM applications c JOIN people k "
        f"ON k.application_id = c.id WHERE c.company = {company} COLLATE NOCASE "
        "AND k.email != '' AND k.email_source != 'guessed' GROUP BY k.email_facts) g)"
    )


A1_STORED = (
    "CASE WHEN p.email_facts = '!' THEN 0 WHEN substr(p.email_facts, 1, 1) = '@' THEN 1 ELSE 2 END"
)
"""SQL: A1 as a person's stored facts answer it (core.email_facts.address_valid: 0 invalid,
1 valid, 2 none stored, or another program's text: worked out when read)."""

_THANK_TOO = ", ".join(f"'{kind.value}'" for kind in sorted(THANK_TOO))
CONTACT_LINE = (
    "p.id, p.name, p.spelling_confirmed, p.role_kind, a.company, p.email, p.email_source, "
    "p.best_time, p.preferred_mode, "
    # C3: the mailing address matters only when a mailed note is planned (else NULL)
    "CASE WHEN EXISTS (SELECT 1 FROM actions m WHERE m.person_id = p.id "
    f"AND m.kind = '{ActionKind.MAILED_NOTE.value}' AND m.{_OPEN}) THEN p.mailing_address END, "
    # C8: whether a thank-you was logged, asked only of staff and others
    f"CASE WHEN p.role_kind IN ({_THANK_TOO}) THEN EXISTS (SELECT 1 FROM touches t "
    f"WHERE t.person_id = p.id AND t.kind = '{TouchKind.THANKS.value}') ELSE 0 END, a.id, "
    f"{A1_STORED}"
)
"""CONTACT_COLUMNS but the known addresses (their column is read apart, by company)."""

CONTACT_COLUMNS = (
    # A2: for someone without an address, the known ones at their company (NOCASE), as the
    # count of each distinct stored facts (_known_at)
    f"{CONTACT_LINE}, CASE WHEN p.email = '' THEN {_known_at('a.company')} END"
)
"""What a contacts line is read from: id, name, spelling confirmed, role, company, email, its
source, best time, preferred mode, the mailing address when a mailed note is planned (C3, else
NULL), thanked (C8, staff and others only), the application's id, A1's stored answer and,
for someone without an address, the known addresses at their company (A2: _known_at; turned
into the company's pattern by ListStore._with_known)."""

KNOWN = 13
"""The column of CONTACT_COLUMNS holding the known addresses (A2)."""
CONTACT_TEXT = (KNOWN, (1, 3, 4, 5, 6, 7, 8), (9,))
"""Where CONTACT_COLUMNS hold text, but the known addresses (list_reads.text_unsafe's width,
text, text or NULL): name, role, company, email, source, best time, mode; mailing address."""

KNOWN_OF = f"SELECT j.value, {_known_at('j.value')} FROM json_each(?1) j"
"""SQL: each company of a JSON list with the _known_at text of the known addresses there."""
