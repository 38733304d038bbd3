"""What the note editor shows beside the text: the findings, each with the words it is about,
and for C1 the shared sentences of the other note side by side."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.text import line, plain

if TYPE_CHECKING:
    from core.note_checks import NoteFinding, SharedSentence

_CONTEXT = 24
_SPACES = re.compile(r"\s+")
_MAX_PAIRS = 3
_HINTS = {
    "recipient": "  (contacts: c, then e to edit)",
    "subject": "",
}


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text)


def excerpt(body: str, span: tuple[int, int], width: int = 60) -> Content:
    """The words a finding is about, highlighted, with a little text around them."""
    start, end = span
    if end - start > width:
        return line(("“" + _flat(body[start : start + width]).strip() + "…”", "$warning"))
    lead = "…" if start > _CONTEXT else ""
    tail = "…" if end + _CONTEXT < len(body) else ""
    before = _flat(body[max(0, start - _CONTEXT) : start]).lstrip()
    after = _flat(body[end : end + _CONTEXT]).rstrip()
    return line(lead + before, (_flat(body[start:end]), "bold reverse $warning"), after + tail)


def findings_content(body: str, findings: list[NoteFinding], words: int, limit: int) -> Content:
    """The findings panel: a count line, then each finding with its rule and its words."""
    parts: list[Content] = [
        line(("Checks", "bold"), f"  ·  {words} words (up to {limit})"),
    ]
    if not findings:
        parts.append(plain("✓ Nothing to fix: it reads as yours.", "$success"))
    for finding in findings:
        parts.append(
            line(
                (f"! {finding.code} ", "bold $warning"),
                finding.message,
                (_HINTS.get(finding.field, ""), "dim"),
            )
        )
        if finding.span is not None and finding.field == "body" and finding.code != "C1":
            parts.append(line("   ", excerpt(body, finding.span)))
    return Content("\n").join(parts)


def _marked(mine: str, theirs: str) -> Content:
    """`mine` with the words it shares with `theirs` highlighted (difflib, word by word)."""
    a, b = mine.split(), theirs.split()
    same = [False] * len(a)
    matcher = SequenceMatcher(None, [w.casefold() for w in a], [w.casefold() for w in b])
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            same[i] = True
    pieces: list[str | tuple[str, str]] = []
    for i, word in enumerate(a):
        pieces.append((word, "$warning") if same[i] else (word, "bold"))
        pieces.append(" ")
    return line(*pieces[:-1]) if pieces else Content("")


class ComparePane(VerticalScroll):
    """C1: the sentences this note shares with the other person's note, pair by pair."""

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self._shown: tuple[str, tuple[SharedSentence, ...]] | None = None

    @staticmethod
    def _row(left: Content, right: Content) -> Horizontal:
        return Horizontal(
            Static(left, classes="compare-cell", markup=False),
            Static(right, classes="compare-cell", markup=False),
            classes="compare-row",
        )

    def show(self, finding: NoteFinding | None) -> None:
        """Show the first C1 finding's sentence pairs (hidden when there is none)."""
        shared = finding.shared[:_MAX_PAIRS] if finding is not None else ()
        self.display = bool(shared)
        shown = (finding.sibling, shared) if finding is not None and shared else None
        if shown == self._shown:
            return
        self._shown = shown
        self.remove_children()
        if finding is None or not shared:
            return
        more = len(finding.shared) - len(shared)
        rows = [
            self._row(
                plain("This note", "bold underline"),
                line(
                    (f"Your note to {finding.sibling}", "bold underline"),
                    (f"   (+{more} more)" if more > 0 else "", "dim"),
                ),
            )
        ]
        rows += [
            self._row(_marked(pair.mine, pair.theirs), _marked(pair.theirs, pair.mine))
            for pair in shared
        ]
        self.mount_all(rows)
