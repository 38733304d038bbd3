"""A1 and A2 worked out once per address, when a person is written (#8): whether the address is
valid and which of A2's patterns it follows, kept in people.email_facts. A page of contacts
seen for the first time then checks no address and matches no pattern: triggers count each
company's votes from the facts (core.repository.votes), its query reads the winning pattern,
and the line applies it. A change to the rules here comes with a new
core.repository.facts.FACTS_VERSION."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from core.coverage import email_valid
from core.email_guess import PATTERNS, _matching, best_pattern, local_part

INVALID = "!"
"""The facts of an address A1 finds invalid."""


class Facts(NamedTuple):
    """What facts_of found: A1's answer, and for a valid address its domain (lowercase) and
    the A2 patterns its local part follows from the person's name (maybe none)."""

    valid: bool
    domain: str
    patterns: tuple[str, ...]


def facts_of(name: str, email: str) -> str:
    """A1, A2: the facts of a person's address as stored: '' for none, INVALID for one A1
    rejects, else '@domain p1,p2' (the patterns it follows, in PATTERNS' order)."""
    if not email:
        return ""
    if not email_valid(email):
        return INVALID
    local, _, domain = email.rpartition("@")
    return f"@{domain.lower()} {','.join(_matching(name, local.lower()))}"


@lru_cache(maxsize=4096)
def parse_facts(text: str | None) -> Facts | None:
    """Stored facts read back; None when there are none (NULL: not worked out since the name
    or address changed) or they are not as facts_of writes them: the caller works them out."""
    if text == INVALID:
        return Facts(False, "", ())
    if not text or text[0] != "@":
        return None
    domain, space, joined = text[1:].partition(" ")  # a domain holds no space
    patterns = tuple(joined.split(",")) if joined else ()
    if not (space and domain.isprintable() and domain == domain.lower()):
        return None  # isprintable: no control character, no other kind of space
    return Facts(True, domain, patterns) if _KNOWN_PATTERNS.issuperset(patterns) else None


_KNOWN_PATTERNS = frozenset(PATTERNS)


STORED_VALID, NONE_STORED = 1, 2
"""A1's answer as a list reads it from the stored facts (contact_sql.A1_STORED): '@...' is
STORED_VALID, INVALID is 0, none stored (or another program's text) NONE_STORED."""


def address_valid(email: str, stored: int) -> bool:
    """A1 for a line: the answer stored with the address, else email_valid's."""
    return stored == STORED_VALID if stored != NONE_STORED else email_valid(email)


CompanyPattern = tuple[str, str] | None
"""A2's (pattern, domain) at a company, None when no known address follows a pattern."""


def pattern_from_facts(groups: Iterable[tuple[int, Facts]]) -> CompanyPattern:
    """A2: infer_pattern's pattern and domain from the facts of a company's known addresses,
    each with how many addresses hold them (invalid ones are not evidence)."""
    counts: dict[str, tuple[int, dict[str, int]]] = {}
    for n, facts in groups:
        if not facts.valid:
            continue
        known, votes = counts.get(facts.domain, (0, {}))
        for pattern in facts.patterns:
            votes[pattern] = votes.get(pattern, 0) + n
        counts[facts.domain] = (known + n, votes)
    found = best_pattern(counts)
    return None if found is None else (found[0], found[1])


def pattern_from_pairs(pairs: Iterable[tuple[str, str]]) -> CompanyPattern:
    """A2: pattern_from_facts of known (name, email) pairs whose facts are not stored."""
    facts = (parse_facts(facts_of(name, email)) for name, email in pairs)
    return pattern_from_facts((1, found) for found in facts if found is not None)


def guess_with(name: str, found: CompanyPattern) -> str:
    """A2: the address the company's pattern makes of `name` ('' when there is no pattern or
    the name lacks a part it needs)."""
    if found is None:
        return ""
    local = local_part(name, found[0])
    return "" if local is None else f"{local}@{found[1]}"
