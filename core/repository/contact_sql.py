"""The contacts lines' SQL (#8): what a line is read from, the pattern its guess (A2) is made
with included (elected from the votes kept by company: core.repository.votes)."""

from __future__ import annotations

from core.kinds import THANK_TOO, ActionKind, TouchKind
from core.repository.plan import _OPEN
from core.repository.votes import STORED_ELECTION

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
"""CONTACT_COLUMNS but A2's pattern."""

CONTACT_COLUMNS = (
    # A2: for someone without an address, the pattern the votes at their company elect
    f"{CONTACT_LINE}, CASE WHEN p.email = '' THEN {STORED_ELECTION.format('a.company')} END"
)
"""What a contacts line is read from: id, name, spelling confirmed, role, company, email, its
source, best time, preferred mode, the mailing address when a mailed note is planned (C3, else
NULL), thanked (C8, staff and others only), the application's id, A1's stored answer and,
for someone without an address, the pattern of their company's known addresses (A2:
votes.election's text; made a pattern by ListStore._pattern_at)."""

KNOWN = 13
"""The column of CONTACT_COLUMNS holding A2's pattern."""
CONTACT_TEXT = (KNOWN, (1, 3, 4, 5, 6, 7, 8), (9,))
"""Where CONTACT_COLUMNS hold text, but A2's pattern (list_reads.text_unsafe's width,
text, text or NULL): name, role, company, email, source, best time, mode; mailing address."""
