"""A2: work out a company's email pattern from the addresses known there, and guess the rest."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from core.kinds import EMAIL_PATTERNS

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq"}
_PREFIXES = {"dr", "mr", "mrs", "ms", "miss", "prof", "sir"}


class NameParts(NamedTuple):
    """A person's name folded to what email addresses use: lowercase ASCII letters and digits."""

    first: str
    last: str


_SPLIT = re.compile(r"[\s,]+")
_NOT_FOLDED = re.compile(r"[^a-z0-9]")
_NOT_FOLDED_OR_SPLIT = re.compile(r"[^a-z0-9\s,]")


def fold(text: str) -> str:
    """Lowercase ASCII of `text`: accents dropped ('José' -> 'jose'), other marks removed."""
    if text.isascii():  # #8: NFKD leaves ASCII as it is
        return _NOT_FOLDED.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_FOLDED.sub("", ascii_text)


def name_words(name: str) -> list[str]:
    """The words of a name, folded, without titles (Dr) and suffixes (Jr, PhD)."""
    if name.isascii() and name.replace(" ", "").isalnum():  # #8: words between spaces
        words = name.lower().split()
    elif name.isascii():  # folded whole: what fold drops, dropped before the split
        words = [w for w in _SPLIT.split(_NOT_FOLDED_OR_SPLIT.sub("", name.lower())) if w]
    else:
        words = [w for w in [fold(w) for w in _SPLIT.split(name)] if w]
    while words and words[0] in _PREFIXES and len(words) > 1:
        words = words[1:]
    while words and words[-1] in _SUFFIXES and len(words) > 1:
        words = words[:-1]
    return words


def name_parts(name: str) -> NameParts | None:
    """First and last name as used in addresses (middle names ignored); None if no letters."""
    found = _first_last(name)
    return None if found is None else NameParts(*found)


def _first_last(name: str) -> tuple[str, str] | None:
    """name_parts as a pair (first, last): no object built (#8: once per known address)."""
    words = name_words(name)
    if not words:
        return None
    return words[0], words[-1] if len(words) > 1 else ""


Builder = Callable[[NameParts], str]

PATTERNS: dict[str, Builder] = {
    "first.last": lambda n: f"{n.first}.{n.last}",
    "flast": lambda n: f"{n.first[:1]}{n.last}",
    "first": lambda n: n.first,
    "firstlast": lambda n: f"{n.first}{n.last}",
    "first_last": lambda n: f"{n.first}_{n.last}",
    "f.last": lambda n: f"{n.first[:1]}.{n.last}",
    "firstl": lambda n: f"{n.first}{n.last[:1]}",
    "first-last": lambda n: f"{n.first}-{n.last}",
    "first.l": lambda n: f"{n.first}.{n.last[:1]}",
    "last.first": lambda n: f"{n.last}.{n.first}",
    "lastf": lambda n: f"{n.last}{n.first[:1]}",
    "last": lambda n: n.last,
    "last_first": lambda n: f"{n.last}_{n.first}",
    "lastfirst": lambda n: f"{n.last}{n.first}",
}
"""Local-part patterns, most common first (the order breaks ties)."""
if tuple(PATTERNS) != EMAIL_PATTERNS:  # the stored votes' SQL orders by the names alone
    raise RuntimeError(f"PATTERNS {tuple(PATTERNS)} are not core.kinds.EMAIL_PATTERNS")

_NEEDS_LAST = {key for key in PATTERNS if "l" in key.replace("first", "")}
_ORDER = {key: n for n, key in enumerate(PATTERNS)}
_WITHOUT_LAST = tuple(key for key in PATTERNS if key not in _NEEDS_LAST)
_SEPARATORS = "._-"
_BY_SEPARATOR = {  # the patterns joined by each separator ('' for none), in PATTERNS' order
    joint: tuple(
        key
        for key in PATTERNS
        if (joint in key if joint else not any(mark in key for mark in _SEPARATORS))
    )
    for joint in ("", *_SEPARATORS)
}


@dataclass(frozen=True)
class EmailGuess:
    """A2: a guessed address, with the pattern and the known addresses it rests on."""

    email: str
    pattern: str
    domain: str
    support: int
    known: int
    based_on: tuple[str, ...]

    @property
    def reason(self) -> str:
        """Why this guess: the pattern and how many known addresses follow it."""
        who = ", ".join(self.based_on)
        return (
            f"Guessed: {self.pattern}@{self.domain}, the pattern of {self.support} of "
            f"{self.known} known address(es) there ({who}). Not confirmed."
        )


def matching_patterns(name: str, email: str) -> list[str]:
    """The patterns that produce this address's local part from this name."""
    return _matching(name, email.rsplit("@", 1)[0].lower())


def _matching(name: str, local: str) -> list[str]:
    """matching_patterns given the local part, lowercased. A folded name holds no '.', '_' or
    '-': a local part with one of them can follow only the patterns joined by it, one with
    none only those joined by nothing, one with two kinds none (#8: ~4 built, not 14)."""
    parts = _first_last(name)
    if parts is None or not local:
        return []
    names = NameParts(*parts)
    keys = _BY_SEPARATOR.get(_separator(local), ()) if names.last else _WITHOUT_LAST
    return [key for key in keys if PATTERNS[key](names) == local]


def _separator(local: str) -> str | None:
    """The one separator a local part holds ('' for none), None if it holds two kinds."""
    held = [separator for separator in _SEPARATORS if separator in local]
    return held[0] if len(held) == 1 else (None if held else "")


@dataclass(frozen=True)
class CompanyPattern:
    """The pattern a company's addresses follow at one domain."""

    pattern: str
    domain: str
    support: int
    known: int
    based_on: tuple[str, ...]


def infer_pattern(known: Iterable[tuple[str, str]]) -> CompanyPattern | None:
    """A2: from (name, email) pairs known at a company, the most followed pattern and domain."""
    by_domain: dict[str, list[tuple[str, str]]] = {}
    for name, email in known:
        local, at, domain = email.rpartition("@")
        if at:
            by_domain.setdefault(domain.lower(), []).append((name, local.lower()))
    counts: dict[str, tuple[int, dict[str, int]]] = {}
    followers: dict[tuple[str, str], list[str]] = {}  # (domain, pattern): who follows it
    for domain, pairs in by_domain.items():
        votes: dict[str, int] = {}
        for name, local in pairs:
            for key in _matching(name, local):
                votes[key] = votes.get(key, 0) + 1
                followers.setdefault((domain, key), []).append(name)
        counts[domain] = (len(pairs), votes)
    found = best_pattern(counts)
    if found is None:
        return None
    pattern, domain, support, known_there = found
    return CompanyPattern(
        pattern, domain, support, known_there, tuple(followers[(domain, pattern)])
    )


def best_pattern(
    counts: dict[str, tuple[int, dict[str, int]]],
) -> tuple[str, str, int, int] | None:
    """A2: (pattern, domain, followers, known) from each domain's count of known addresses and
    votes by pattern: at each domain the most followed pattern (ties: the more common one),
    then the domain whose pattern has the most followers (ties: fewer known there, then the
    domain first in order); None when no address follows a pattern."""
    best: tuple[str, str, int, int] | None = None
    for domain in sorted(counts):
        known, votes = counts[domain]
        if not votes:
            continue
        pattern = min(votes, key=lambda k: (-votes[k], _ORDER[k]))
        if best is None or (votes[pattern], -known) > (best[2], -best[3]):
            best = (pattern, domain, votes[pattern], known)
    return best


def local_part(name: str, pattern: str) -> str | None:
    """A2: the local part `pattern` makes of `name`; None when the name lacks a part it needs
    (no letters, or no last name for a pattern using one)."""
    parts = name_parts(name)
    if parts is None or (pattern in _NEEDS_LAST and not parts.last):
        return None
    return PATTERNS[pattern](parts)


@lru_cache(maxsize=1024)
def _pattern_of(known: tuple[tuple[str, str], ...]) -> CompanyPattern | None:
    """infer_pattern, kept per list of known addresses: everyone without an address at one
    company is guessed from the same list (#8: a page of contacts guesses for many)."""
    return infer_pattern(known)


def guess_email(name: str, known: Iterable[tuple[str, str]]) -> EmailGuess | None:
    """A2: guess `name`'s address from the addresses known at the company; None when no known
    address follows a pattern, or the name lacks the part the pattern needs."""
    found = _pattern_of(tuple(known))
    local = None if found is None else local_part(name, found.pattern)
    if found is None or local is None:
        return None
    return EmailGuess(
        email=f"{local}@{found.domain}",
        pattern=found.pattern,
        domain=found.domain,
        support=found.support,
        known=found.known,
        based_on=found.based_on,
    )
