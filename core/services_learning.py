"""Learning across interviews: search past answers (F3), the practice list (F1), guidance."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from core.guidance import Guidance, guidance_line
from core.prompts import PROMPTS_BY_ID
from core.repository import Repository
from core.repository.learning import PRACTICE_LIMIT, practice_key
from core.repository.search import MARK_END, MARK_START, SEARCH_LIMIT, SearchRow

Span = tuple[str, bool]
"""A piece of a hit's text, and whether it is a word that matched the search."""

MAX_WORDS = 12
_WORD = re.compile(r"\w+")
_MARKED = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)


def match_expression(text: str) -> str | None:
    """F3: turn what the user typed into an FTS5 query: every word, each as a prefix (so a
    word still being typed matches); punctuation and FTS syntax are never passed through."""
    words = _WORD.findall(text.lower())[:MAX_WORDS]
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def marked_spans(text: str) -> tuple[Span, ...]:
    """Split a text marked by the index (matches between MARK_START and MARK_END) into spans."""
    spans: list[Span] = []
    at = 0
    for found in _MARKED.finditer(text):
        if found.start() > at:
            spans.append((text[at : found.start()], False))
        if found.group(1):
            spans.append((found.group(1), True))
        at = found.end()
    rest = text[at:].replace(MARK_START, "").replace(MARK_END, "")
    if rest:
        spans.append((rest, False))
    return tuple(spans)


@dataclass(frozen=True)
class SearchHit:
    """F3: one ranked result: what it is, where it came from, and its texts with matches."""

    kind: str
    interview_id: int
    prompt_id: str | None
    note_id: int | None
    source: str
    company: str
    role: str
    round: int
    ended_at: datetime
    title: tuple[Span, ...]
    body: tuple[Span, ...]

    @property
    def where(self) -> str:
        """Company, role, round and date: where this came from."""
        role = f" · {self.role}" if self.role else ""
        return f"{self.company}{role} · round {self.round} · {self.ended_at:%d %b %Y}"


def _hit(row: SearchRow) -> SearchHit:
    prompt_id: str | None = None
    note_id: int | None = None
    if row.kind == "qa":
        prompt_id, source = "B1", "Question"
    elif row.kind == "answer":
        prompt_id = str(row.ref)
        prompt = PROMPTS_BY_ID.get(prompt_id)
        source = f"{prompt_id} {prompt.title}" if prompt else prompt_id
    elif row.kind == "highlights":
        prompt_id, source = "B2", f"Highlights · {row.person}"
    else:
        note_id, source = int(row.ref), f"Note to {row.person}"
    return SearchHit(
        kind=row.kind,
        interview_id=row.interview_id,
        prompt_id=prompt_id,
        note_id=note_id,
        source=source,
        company=row.company,
        role=row.role,
        round=row.round,
        ended_at=datetime.fromisoformat(row.ended_at),
        title=marked_spans(row.title),
        body=marked_spans(row.body),
    )


def search(repo: Repository, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """F3: past questions, answers, debriefs, highlights and notes matching every word typed,
    best first (bm25), at most `limit`; nothing for an empty query."""
    expression = match_expression(text)
    if expression is None:
        return []
    return [_hit(row) for row in repo.search_rows(expression, limit)]


@dataclass(frozen=True)
class PracticeItem:
    """F1: a question that stumped you (B5) or what you would do differently (B4)."""

    kind: str
    ref: int
    text: str
    detail: str
    interview_id: int
    company: str
    role: str
    round: int
    ended_at: datetime
    practised_at: datetime | None

    @property
    def label(self) -> str:
        """What kind of item this is, in words."""
        return "Stumped me" if self.kind == "stumper" else "Do differently"

    @property
    def prompt_id(self) -> str:
        """The debrief prompt where it was written (B5 or B4)."""
        return "B5" if self.kind == "stumper" else "B4"

    @property
    def where(self) -> str:
        """Company, role, round and date: where it came from."""
        role = f" · {self.role}" if self.role else ""
        return f"{self.company}{role} · round {self.round} · {self.ended_at:%d %b %Y}"


def practice_list(repo: Repository, limit: int = PRACTICE_LIMIT) -> list[PracticeItem]:
    """F1: every stumper (B5) and every 'do differently' (B4) across all interviews, newest
    first (at most `limit`), each with where it came from and whether it was practised."""
    items = [
        PracticeItem(
            kind=r.kind,
            ref=r.ref,
            text=r.text,
            detail=r.detail,
            interview_id=r.interview.id or 0,
            company=r.company,
            role=r.role,
            round=r.interview.round,
            ended_at=r.interview.ended_at,
            practised_at=datetime.fromisoformat(r.practised_at) if r.practised_at else None,
        )
        for r in repo.practice_rows(limit)
    ]
    # The query sorts ISO texts; offsets may differ (travel, DST): sort the moments themselves.
    return sorted(items, key=lambda i: (i.ended_at, i.interview_id), reverse=True)


def set_practised(repo: Repository, item: PracticeItem, now: datetime | None) -> PracticeItem:
    """F1: mark an item practised at `now`, or not practised (None); return it updated."""
    repo.set_mark(practice_key(item.kind, item.ref), now.isoformat() if now else None)
    return PracticeItem(**{**item.__dict__, "practised_at": now})


GUIDANCE_MARK = "guidance:"


def guidance_for(repo: Repository, interview_id: int, now: datetime) -> Guidance | None:
    """D14, E1, E3: the one line of guidance the debrief of this interview shows now, if any."""
    from core.debrief import answered_prompts

    interview = repo.get_interview(interview_id)
    status = repo.get_application(interview.application_id).status
    links = [link for _person, link in repo.participants(interview_id)]
    answered = answered_prompts(
        repo.answers(interview_id), repo.qa_list(interview_id), links, repo.promises(interview_id)
    )
    dismissed = repo.marks(GUIDANCE_MARK)
    return guidance_line(interview, status, answered, bool(links), dismissed, now)


def dismiss_guidance(repo: Repository, rule: str, now: datetime) -> None:
    """D14, E1, E3: never show this line again."""
    repo.set_mark(GUIDANCE_MARK + rule, now.isoformat())
