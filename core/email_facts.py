"""A1 and A2 worked out once per address, when a person is written (#8): whether the address is
valid and which of A2's patterns it follows, kept in people.email_facts. A page of contacts
seen for the first time then checks no address and matches no pattern: triggers count each
company's votes from the facts (core.repository.votes), its query reads the winning pattern,
and the line applies it. A change to the rules here comes with a new
core.repository.facts.FACTS_VERSION."""

from __future__ import annotations

from collections.abc import Iterable

from core.coverage import email_valid
from core.email_guess import _matching, infer_pattern, local_part

INVALID = "!"
"""The facts of an address A1 finds invalid."""


def facts_of(name: str, email: str) -> str:
    """A1, A2: the facts of a person's address as stored: '' for none, INVALID for one A1
    rejects, else '@domain p1,p2' (the patterns it follows, in PATTERNS' order)."""
    if not email:
        return ""
    if not email_valid(email):
        return INVALID
    local, _, domain = email.rpartition("@")
    return f"@{domain.lower()} {','.join(_matching(name, local.lower()))}"


STORED_VALID, NONE_STORED = 1, 2
"""A1's answer as a list reads it from the stored facts (contact_sql.A1_STORED): '@...' is
STORED_VALID, INVALID is 0, none stored (or another program's text) NONE_STORED."""


def address_valid(email: str, stored: int) -> bool:
    """A1 for a line: the answer stored with the address, else email_valid's."""
    return stored == STORED_VALID if stored != NONE_STORED else email_valid(email)


CompanyPattern = tuple[str, str] | None
"""A2's (pattern, domain) at a company, None when no known address follows a pattern."""


def pattern_from_pairs(pairs: Iterable[tuple[str, str]]) -> CompanyPattern:
    """A2: infer_pattern's pattern and domain over the valid ones of known (name, email)
    pairs, for a company some of whose addresses have no facts the votes could count."""
    found = infer_pattern((name, email) for name, email in pairs if email_valid(email))
    return None if found is None else (found.pattern, found.domain)


def guess_with(name: str, found: CompanyPattern) -> str:
    """A2: the address the company's pattern makes of `name` ('' when there is no pattern or
    the name lacks a part it needs)."""
    if found is None:
        return ""
    local = local_part(name, found[0])
    return "" if local is None else f"{local}@{found[1]}"
