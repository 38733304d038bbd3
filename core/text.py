"""Cleaning of user text before it is stored: no escape sequence ever reaches a terminal."""

from __future__ import annotations

import re

# Whole escape sequences first (so their parameters do not survive as stray text),
# then any remaining C0 control (except tab and newline), DEL and C1 controls.
# A string sequence (OSC, DCS...) ends at its terminator; an unterminated one loses only
# its introducer, never the words after it (and the scan stays linear).
_ESCAPE_SEQUENCES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI ... final byte
  | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
  | \x1b[\]PX^_][^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)  # OSC, DCS, SOS, PM, APC
  | [\x90\x98\x9d-\x9f][^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)  # their 8-bit forms
  | \x1b[ -/]*[0-~]?                   # other ESC sequences (and a lone ESC)
    """,
    re.VERBOSE | re.DOTALL,
)
_C1 = re.compile(r"[\x80-\x9f]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """Return `value` without escape sequences or control characters (tab, newline kept).

    Line ends become "\n", Unicode line and paragraph separators too: the editor shows
    them as line breaks and would save them as "\n" at the next key (no exact round trip)."""
    if not value:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    if "\x1b" in value or _C1.search(value):
        value = _ESCAPE_SEQUENCES.sub("", value)
    return _CONTROLS.sub("", value)


def clean_line(value: str) -> str:
    """Return `value` cleaned and made one line (newlines and tabs become spaces), stripped."""
    return " ".join(clean_text(value).replace("\t", " ").split("\n")).strip()


def clean_any(value: object) -> object:
    """clean_text() for a string; anything else as is (the model's validation judges it)."""
    return clean_text(value) if isinstance(value, str) else value


def clean_any_line(value: object) -> object:
    """clean_line() for a string; anything else as is."""
    return clean_line(value) if isinstance(value, str) else value
