"""A2: work out a company's email pattern from the addresses known there, and guess the rest."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq"}
_PREFIXES = {"dr", "mr", "mrs", "ms", "miss", "prof", "sir"}


@dataclass(frozen=True)
class NameParts:
    """A person's name folded to what email addresses use: lowercase ASCII letters and digits."""

    first: str
    last: str


def fold(text: str) -> str:
    """Lowercase ASCII of `text`: accents dropped ('José' -> 'jose'), other marks removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]", "", ascii_text)


def name_words(name: str) -> list[str]:
    """The words of a name, folded, without titles (Dr) and suffixes (Jr, PhD)."""
    words = [fold(w) for w in re.split(r"[\s,]+", name)]
    words = [w for w in words if w]
    while words and words[0] in _PREFIXES and len(words) > 1:
        words = words[1:]
    while words and words[-1] in _SUFFIXES and len(words) > 1:
        words = words[:-1]
    return words


def name_parts(name: str) -> NameParts | None:
    """First and last name as used in addresses (middle names ignored); None if no letters."""
    words = name_words(name)
    if not words:
        return None
    return NameParts(first=words[0], last=words[-1] if len(words) > 1 else "")


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

_NEEDS_LAST = {key for key in PATTERNS if "l" in key.replace("first", "")}


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
    parts = name_parts(name)
    local = email.rsplit("@", 1)[0].lower()
    if parts is None or not local:
        return []
    return [
        key
        for key, build in PATTERNS.items()
        if (parts.last or key not in _NEEDS_LAST) and build(parts) == local
    ]


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
        if "@" not in email:
            continue
        domain = email.rsplit("@", 1)[1].lower()
        by_domain.setdefault(domain, []).append((name, email))
    best: CompanyPattern | None = None
    order = list(PATTERNS)
    for domain, pairs in sorted(by_domain.items()):
        votes: Counter[str] = Counter()
        names: dict[str, list[str]] = {}
        for name, email in pairs:
            for key in matching_patterns(name, email):
                votes[key] += 1
                names.setdefault(key, []).append(name)
        if not votes:
            continue
        pattern = min(votes, key=lambda k: (-votes[k], order.index(k)))
        found = CompanyPattern(pattern, domain, votes[pattern], len(pairs), tuple(names[pattern]))
        if best is None or (found.support, -found.known) > (best.support, -best.known):
            best = found
    return best


@lru_cache(maxsize=1024)
def _pattern_of(known: tuple[tuple[str, str], ...]) -> CompanyPattern | None:
    """infer_pattern, kept per list of known addresses: everyone without an address at one
    company is guessed from the same list (#8: a page of contacts guesses for many)."""
    return infer_pattern(known)


def guess_email(name: str, known: Iterable[tuple[str, str]]) -> EmailGuess | None:
    """A2: guess `name`'s address from the addresses known at the company; None when no known
    address follows a pattern, or the name lacks the part the pattern needs."""
    found = _pattern_of(tuple(known))
    parts = name_parts(name)
    if found is None or parts is None:
        return None
    if found.pattern in _NEEDS_LAST and not parts.last:
        return None
    local = PATTERNS[found.pattern](parts)
    return EmailGuess(
        email=f"{local}@{found.domain}",
        pattern=found.pattern,
        domain=found.domain,
        support=found.support,
        known=found.known,
        based_on=found.based_on,
    )
