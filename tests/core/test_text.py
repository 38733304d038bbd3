"""User text is cleaned before storage: no escape sequence or control character survives."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.models import QA, Application, Interview, Participant, Person, Promise
from core.text import clean_line, clean_text
from tests.core.conftest import NOW

FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

CLEANED = [
    ("CSI colour", "\x1b[31mred\x1b[0m", "red"),
    ("CSI cursor move", "a\x1b[2J\x1b[10;20Hb", "ab"),
    ("CSI private mode", "x\x1b[?1049hy", "xy"),
    ("8-bit CSI", "a\x9b31mb", "ab"),
    ("OSC 0 title, BEL", "\x1b]0;pwned\x07Acme", "Acme"),
    ("OSC 0 title, ST", "\x1b]0;pwned\x1b\\Acme", "Acme"),
    ("OSC 52 clipboard", "hi\x1b]52;c;cm0gLXJmIH4=\x07there", "hithere"),
    ("OSC 8 hyperlink", "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),
    ("8-bit OSC", "a\x9d0;t\x9cb", "ab"),
    ("DCS", "a\x1bP1$r0m\x1b\\b", "ab"),
    ("8-bit DCS", "a\x90q#0\x9cb", "ab"),
    ("APC", "a\x1b_payload\x1b\\b", "ab"),
    ("C1 controls", "a\x85b\x8dc\x9fd", "abcd"),
    ("lone ESC at end", "done\x1b", "done"),
    ("lone ESC before non-ASCII", "a\x1b€b", "a€b"),
    ("ESC with intermediate byte", "a\x1b Fb", "ab"),
    ("unterminated OSC keeps later words", "a\x1b]0;t\nnext line", "a0;t\nnext line"),
    ("unterminated DCS keeps later words", "Notes\x1bPmore words", "Notesmore words"),
    ("OSC cut short by another ESC", "a\x1b]0;t\x1b[1mb", "a0;tb"),
    ("two-char ESC sequence", "a\x1bcb", "ab"),
    ("NUL and BEL", "a\x00b\x07c", "abc"),
    ("backspace and DEL", "ab\x08\x7fc", "abc"),
    ("form feed, vertical tab", "a\x0cb\x0bc", "abc"),
    ("CRLF and CR become newlines", "one\r\ntwo\rthree", "one\ntwo\nthree"),
    ("tab and newline kept", "col1\tcol2\nline2", "col1\tcol2\nline2"),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in CLEANED], ids=[c[0] for c in CLEANED])
def test_clean_text_removes_escapes_and_controls(raw: str, expected: str) -> None:
    """Escape sequences (CSI, OSC 0/8/52, DCS, APC), C0/C1 controls, DEL and ESC are removed."""
    assert clean_text(raw) == expected


KEPT = [
    "Café 🎉 👩‍💻 naïve",
    "北京の面接 — 東京",
    "שלום עולם مرحبا",
    "e\u0301 a\u0308 n\u0303",  # combining marks
    "[bold]Acme[/] [@click=app.quit]x [TODO] ask Bob",
    "Zero\u200bwidth and family 👨‍👩‍👧",
    "",
]


@pytest.mark.parametrize("text", KEPT)
def test_clean_text_keeps_printable_unicode(text: str) -> None:
    """Emoji, CJK, right-to-left scripts, combining marks and markup-like text are untouched."""
    assert clean_text(text) == text
    assert clean_line(text) == text.strip()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Jane\nDoe\t(HR)  ", "Jane Doe (HR)"),
        ("\x1b[1mAcme\x1b[0m Corp\r\n", "Acme Corp"),
        ("\x1b]0;x\x07", ""),
        ("東京\tオフィス", "東京 オフィス"),
    ],
)
def test_clean_line_is_one_stripped_line(raw: str, expected: str) -> None:
    """clean_line: newlines and tabs become spaces, edges stripped, escapes gone."""
    assert clean_line(raw) == expected


# Text biased towards the dangerous characters, mixed with any other code point.
_DANGEROUS = st.sampled_from(
    ["\x1b", "\x1b[", "\x1b]", "\x1bP", "\x1b\\", "\x07", "\x9b", "\x9c", "\x9d", "\x90", "\r"]
)
_TEXT = st.lists(st.one_of(st.text(max_size=8), _DANGEROUS), max_size=20).map("".join)


@settings(max_examples=300, deadline=None, database=None)
@given(_TEXT)
def test_cleaned_text_never_holds_controls_and_is_idempotent(raw: str) -> None:
    """Property: no ESC, C0 (bar tab/newline), DEL or C1 survives; cleaning twice is a no-op."""
    once = clean_text(raw)
    assert "\x1b" not in once
    assert not FORBIDDEN.search(once)
    assert clean_text(once) == once
    line = clean_line(raw)
    assert not FORBIDDEN.search(line)
    assert "\n" not in line and "\t" not in line
    assert clean_line(line) == line


@pytest.mark.parametrize(
    "hostile",
    [
        "\x1b]" * 10_000,
        "\x9d" * 20_000,
        ("\x9f" + "word " * 10) * 400,
        "\x1bP" + "a" * 20_000,
    ],
)
def test_cleaning_a_hostile_paste_stays_fast(hostile: str) -> None:
    """A 20 KB paste full of unterminated introducers is cleaned in linear time (< 0.2 s)."""
    started = time.perf_counter()
    cleaned = clean_text(hostile)
    assert time.perf_counter() - started < 0.2
    assert not FORBIDDEN.search(cleaned)


_DIRTY = "\x1b]0;pwned\x07Ac\x1b[31mme\x00"


@pytest.mark.parametrize(
    ("model", "fields", "checked"),
    [
        (
            Application,
            {"company": _DIRTY, "role": "Dev\x1b[0m\nOps", "created_at": NOW},
            {
                "company": "Acme",
                "role": "Dev Ops",
            },
        ),
        (
            Interview,
            {
                "application_id": 1,
                "ended_at": NOW,
                "next_steps": "a\x1b[2Jb\nc",
                "decision_phrase": _DIRTY,
            },
            {"next_steps": "ab\nc", "decision_phrase": "Acme"},
        ),
        (
            Person,
            {
                "application_id": 1,
                "name": _DIRTY,
                "title": "CTO\x07",
                "mailing_address": "1 Main St\r\nNYC\x1b[0m",
            },
            {"name": "Acme", "title": "CTO", "mailing_address": "1 Main St\nNYC"},
        ),
        (
            Participant,
            {"interview_id": 1, "person_id": 1, "highlights": "robots\x9b1m!"},
            {"highlights": "robots!"},
        ),
        (
            QA,
            {"interview_id": 1, "question": "Why\x1b[5m?", "answer": "Because\x1bP1\x1b\\."},
            {
                "question": "Why?",
                "answer": "Because.",
            },
        ),
        (
            Promise,
            {"interview_id": 1, "text": "send\x00 portfolio", "due_phrase": "fri\x1b[0mday"},
            {
                "text": "send portfolio",
                "due_phrase": "friday",
            },
        ),
    ],
)
def test_models_clean_user_text_on_construction(
    model: Any, fields: dict[str, Any], checked: dict[str, str]
) -> None:
    """User text is cleaned at the model layer, before anything can store or show it."""
    instance = model(**fields)
    for name, expected in checked.items():
        assert getattr(instance, name) == expected


def test_models_clean_on_assignment() -> None:
    """validate_assignment: a later edit is cleaned too."""
    app = Application(company="Acme", created_at=NOW)
    app.company = "\x1b[31mGlobex\x1b[0m"
    assert app.company == "Globex"


def test_company_made_only_of_escapes_is_rejected() -> None:
    """A company name that is empty once cleaned fails validation."""
    with pytest.raises(ValueError):
        Application(company="\x1b[31m\x1b[0m", created_at=NOW)
