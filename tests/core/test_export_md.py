"""Markdown of a debrief and its plan: complete, readable, user text shown as typed."""

from __future__ import annotations

import html
import stat
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from core.clock import Clock
from core.demo import build_demo
from core.export_md import NOTHING, debrief_markdown, export_markdown, export_md, md_block
from core.models import QA, Interview, Promise
from core.repository import Repository
from core.schedule import PlanContext
from core.services import set_promise_due, toggle_checklist
from core.services_plan import replan

NY = ZoneInfo("America/New_York")
HOSTILE = (
    "# Not a heading\n**not bold** _nor this_ `code` <script>alert(1)</script>\n"
    "[a link](http://evil.example) ![img](x.png) | a | table |\n1. not a list\n- nor this\n"
    "> nor a quote\n    not code\n=====\n~~not struck~~ $x^2$ &amp; \\ end\\"
)


def _markdown() -> MarkdownIt:
    """CommonMark with GitHub's tables and strikethrough, as most viewers render it."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _paragraphs(text: str) -> list[str]:
    """What a reader should see: lines stripped, blank lines separating paragraphs."""
    found: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            found[-1].append(line.strip())
        elif found[-1]:
            found.append([])
    return ["\n".join(p) for p in found if p]


def _rendered(markdown: str) -> list[str]:
    """The paragraphs markdown-it makes of `markdown`, failing on any other construct."""
    paragraphs = []
    for token in _markdown().parse(markdown):
        assert token.type in {"paragraph_open", "inline", "paragraph_close"}, token.type
        if token.type == "inline":
            parts = []
            for child in token.children or []:
                assert child.type in {"text", "text_special", "hardbreak"}, child.type
                parts.append("\n" if child.type == "hardbreak" else child.content)
            paragraphs.append("".join(parts))
    return paragraphs


def test_hostile_text_is_shown_as_typed() -> None:
    """Headings, emphasis, code, HTML, links, images, tables, lists, quotes, rules, math and
    entities typed by the user all come out as the very characters typed."""
    assert _rendered(md_block(HOSTILE)) == _paragraphs(HOSTILE)


_ALPHABET = st.sampled_from(
    [*list("aZ09 .,;:!?\"'()[]{}<>*_`~#|\\/-+=&$%^@\n\t"), "é", "🚀", "א", "\xa0", "&amp;"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_any_text_renders_as_itself(text: str) -> None:
    """For any text, a Markdown viewer shows exactly the text (lines and paragraphs kept)."""
    assert _rendered(md_block(text)) == _paragraphs(text)


@pytest.fixture
def acme(repo: Repository, interview: Interview, clock: Clock) -> Interview:
    """The Acme interview with a full debrief, hostile text in it, and a plan."""
    iid = interview.id or 0
    toggle_checklist(repo, iid, "A1")
    toggle_checklist(repo, iid, "A4")
    repo.save_answer(iid, "B3", "Drew the **queue** design.\nGood rapport.")
    repo.save_answer(iid, "B7", HOSTILE)
    repo.add_qa(QA(interview_id=iid, question="Design a rate limiter", answer="Token bucket"))
    repo.add_qa(QA(interview_id=iid, question="CAP theorem?", answer="Froze", stumped=True))
    (jane, _), (_john, _) = repo.participants(iid)
    repo.save_highlights(iid, jane.id or 0, "Loves <b>robotics</b>")
    promise = repo.add_promise(Promise(interview_id=iid, text="Send the write-up"))
    set_promise_due(repo, promise.id or 0, "thursday 5pm", clock())
    replan(repo, iid, clock(), PlanContext(zone=NY))
    return interview


def test_debrief_document_has_everything(repo: Repository, acme: Interview) -> None:
    """Facts, people, checklist ticks, every prompt B1-B10 with its answer, stumped marks,
    highlights per person, promises with due dates, and the plan with due dates and state."""
    text = debrief_markdown(repo, acme.id or 0, NY)
    assert text.startswith("# Acme — Platform engineer, round 1\n")
    for prompt in ("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10"):
        assert f"\n### {prompt} " in text
    assert "- [x] A1 Cards" in text and "- [ ] A2 Names" in text and "- [x] A4 " in text
    assert "1. Q: Design a rate limiter\\\n     A: Token bucket" in text
    assert "2. Q: CAP theorem? *(stumped)*" in text
    assert "### B5 Stumpers\n\n- CAP theorem?\n" in text
    assert "- **Jane Doe**: Loves \\<b\\>robotics\\</b\\>" in text
    assert "- **John Smith**: " + NOTHING in text
    assert "- [ ] Send the write-up — due Thu 26 Nov 2026 17:00 (“thursday 5pm”)" in text
    assert "### B4 Do differently\n\n" + NOTHING in text
    assert "Thank-you email: Jane Doe [D2] — planned" in text
    assert "- Time frame: decision by 2026-11-27 (“next friday”)" in text


def test_document_renders_user_text_literally(repo: Repository, acme: Interview) -> None:
    """Rendered to HTML, the user's markup stays text: no script, link, image, table, or
    heading but the document's own."""
    page = _markdown().render(debrief_markdown(repo, acme.id or 0, NY))
    for tag in ("<script", "<a ", "<img", "<table", "<del", "<code", "<blockquote", "<hr"):
        assert tag not in page
    assert page.count("<h1>") == 1
    assert html.escape("<script>alert(1)</script>", quote=False) in page
    assert "**queue**" in page


def test_every_interview_newest_first(repo: Repository, now: datetime) -> None:
    """Without an interview id: every interview, newest first, separated by rules."""
    build_demo(repo, now)
    text = export_markdown(repo, NY)
    titles = [line for line in text.splitlines() if line.startswith("# ")]
    assert len(titles) == repo.count_interviews() == text.count("\n---\n") + 1
    newest = repo.list_interviews()[0]
    assert titles[0].startswith(f"# {newest.company}")


def test_file_is_private(repo: Repository, acme: Interview, tmp_path: Path) -> None:
    """Written atomically with mode 0600."""
    target = tmp_path / "debrief.md"
    text = export_md(repo, target, NY, acme.id)
    assert target.read_text("utf-8") == text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_missing_interview(repo: Repository) -> None:
    """An unknown id is a KeyError (the CLI turns it into one line); no interviews at all
    is a short document saying so."""
    with pytest.raises(KeyError):
        export_markdown(repo, NY, 42)
    assert export_markdown(repo, NY) == "*No interviews.*\n"
