"""A1/A2/#8: the contacts page's per-row checks made cheap answer exactly as they did: email_valid
(a plain domain judged without the full check) against check_email_value, and A2's name words,
patterns and inferred company pattern against the implementations they replaced (kept here),
on the demo database's addresses, odd text (unicode, empty, malformed, IDN, Punycode, special
names) and generated text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from core.contact_fields import check_email_value
from core.coverage import _domain_valid, email_valid
from core.demo import build_demo
from core.email_guess import (
    _PREFIXES,
    _SUFFIXES,
    PATTERNS,
    CompanyPattern,
    fold,
    infer_pattern,
    matching_patterns,
    name_parts,
    name_words,
)
from core.repository import Repository

_NEEDS_LAST = {key for key in PATTERNS if "l" in key.replace("first", "")}


def _old_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]", "", ascii_text)


def _old_words(name: str) -> list[str]:
    words = [_old_fold(w) for w in re.split(r"[\s,]+", name)]
    words = [w for w in words if w]
    while words and words[0] in _PREFIXES and len(words) > 1:
        words = words[1:]
    while words and words[-1] in _SUFFIXES and len(words) > 1:
        words = words[:-1]
    return words


def _old_matching(name: str, email: str) -> list[str]:
    parts = name_parts(name)
    local = email.rsplit("@", 1)[0].lower()
    if parts is None or not local:
        return []
    return [
        key
        for key, build in PATTERNS.items()
        if (parts.last or key not in _NEEDS_LAST) and build(parts) == local
    ]


def _old_infer(known: Iterable[tuple[str, str]]) -> CompanyPattern | None:
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
            for key in _old_matching(name, email):
                votes[key] += 1
                names.setdefault(key, []).append(name)
        if not votes:
            continue
        pattern = min(votes, key=lambda k: (-votes[k], order.index(k)))
        found = CompanyPattern(pattern, domain, votes[pattern], len(pairs), tuple(names[pattern]))
        if best is None or (found.support, -found.known) > (best.support, -best.known):
            best = found
    return best


ODD_NAMES = [
    "",
    " ",
    "Jane Doe",
    "jane  doe",
    "Dr. Jane Q. Doe Jr.",
    "Dr",
    "Jr",
    "Mary O'Neil",
    "Doe, Jane",
    "Anne-Marie  Dupont",
    "José Núñez",
    "Zoë Ó'Brien-Smith",
    "李",
    "李 Wei",
    "ﬁona ＦＵＬＬ",  # compatibility forms NFKD unfolds
    "Ann\tLee",
    "Ann\x1cLee",
    "Ann\u2003Lee",
    "Ann\nLee",
    "A B",
    "a",
    "007 Bond",
    "Zed \x1b[31mRed",
    "Dr Mr Jane",
    "Jane PhD MD",
    "[bold]Jane[/] Doe",
]
ODD_EMAILS = [
    "",
    "@",
    "jane.doe@acme.com",
    "JANE.DOE@ACME.COM",
    "jdoe@acme.com",
    "j.doe@acme.com",
    "doe_jane@acme.com",
    "jane-doe@acme.com",
    "jane.doe_x@acme.com",
    "jane@doe@acme.com",
    "a@b",
    "jane@acme",
    "jane.doe@xn--bcher-kva.example",
    "jane@xn--zz-zz.com",
    "jane@ab--cd.com",
    "jane@acme.test",
    "jane@acme.local",
    "jane@a.localhost",
    "jane@acme.onion",
    "jane@acme.invalid",
    "jane@1.arpa",
    "jane@acme.c0m",
    "jane@acme.123",
    "jane@acme.co-m",
    "jane@bücher.de",
    "jane@BÜCHER.DE",
    "jané@acme.com",
    "jane@acme.com.",
    "jane@.acme.com",
    "jane@acme..com",
    "jane@-acme.com",
    "jane@acme-.com",
    "Jane <jane@acme.com>",
    "jane@acme.com ",
    "jane@\x07acme.com",
    "jane@" + "b" * 63 + ".com",
    "jane@" + "b" * 64 + ".com",
    "x" * 64 + "@acme.com",
    "x" * 65 + "@acme.com",
    "a@" + ".".join(["b" * 63] * 3) + "." + "c" * 58,
    "a@" + ".".join(["b" * 63] * 3) + "." + "c" * 59,
    "jane@ＡＣＭＥ.com",
    "jane@acme。com",
]


def _same_check(email: str) -> None:
    email_valid.cache_clear()
    _domain_valid.cache_clear()
    assert email_valid(email) == check_email_value(email).ok, email


def _same_guess(known: list[tuple[str, str]]) -> None:
    assert infer_pattern(known) == _old_infer(known), known
    for name, email in known:
        assert matching_patterns(name, email) == _old_matching(name, email), (name, email)


def test_a1_email_valid_on_odd_addresses() -> None:
    """IDN and Punycode domains, special-use names, numeric top-level names, lengths at the
    limits, near-misses: answered as the full check answers."""
    assert {check_email_value(e).ok for e in ODD_EMAILS} == {True, False}
    for email in ODD_EMAILS:
        _same_check(email)


def test_a2_name_words_on_odd_names() -> None:
    """Names with titles, commas, unicode, control and compatibility characters: the same
    words as the full folding gives."""
    for name in ODD_NAMES:
        assert name_words(name) == _old_words(name), name
        assert fold(name) == _old_fold(name), name


def test_a2_patterns_on_odd_pairs() -> None:
    """Every odd name against every odd address, and lists of them: the same patterns."""
    pairs = [(name, email) for name in ODD_NAMES for email in ODD_EMAILS]
    assert any(_old_matching(n, e) for n, e in pairs)
    _same_guess(pairs)
    for n in range(0, len(pairs), 37):
        _same_guess(pairs[n : n + 37])


def test_a1_a2_the_demo_database_addresses(tmp_path: Path) -> None:
    """Every address and name of the demo database: the same check, words and pattern."""
    repo = Repository.open(tmp_path / "demo.db")
    build_demo(repo, datetime(2026, 11, 22, 15, 30, tzinfo=UTC))
    people = [(r["name"], r["email"]) for r in repo.rows("SELECT name, email FROM people")]
    repo.close()
    assert len(people) > 5 and any(email for _name, email in people)
    for name, email in people:
        _same_check(email)
        assert name_words(name) == _old_words(name)
    _same_guess(people)


NAME = st.text(alphabet="abAB zZ.,-'\t\x1c\u2003éﬁ李019", max_size=20)
LOCAL = st.text(alphabet="abAB.-_019@", max_size=12)
ADDRESS = st.builds(lambda local, domain: f"{local}@{domain}", LOCAL, st.sampled_from(ODD_EMAILS))
LABEL = st.sampled_from(["a", "B", "xn--a", "ab--c", "x-y", "0", "-a", "é", "local", "test"])
DOMAIN = st.builds(".".join, st.lists(LABEL, min_size=1, max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(NAME, LOCAL | ADDRESS), max_size=8))
def test_a2_patterns_on_generated_pairs(known: list[tuple[str, str]]) -> None:
    """Generated names and addresses (a list of them: one company's known addresses)."""
    for name, _email in known:
        assert name_words(name) == _old_words(name)
    _same_guess(known)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["a", "Jane.Doe", "x" * 64]), DOMAIN)
def test_a1_email_valid_on_generated_domains(local: str, domain: str) -> None:
    """Domains of Punycode, R-LDH, hyphenated, numeric, accented and special-use labels."""
    _same_check(f"{local}@{domain}")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abAB zZ.,-'\t\n\x1c\u2003éÉﬁ李019PhDrJ", max_size=30))
def test_a2_name_words_on_generated_names(name: str) -> None:
    """Generated names, titles and suffixes among them."""
    assert name_words(name) == _old_words(name)
