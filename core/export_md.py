"""A readable Markdown document of a debrief and its plan; user text is escaped, never markup."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from pathlib import Path

from core.checklist import CHECKLIST, timeframe_label
from core.models import ActionState, EmailSource, InterviewFormat, Outcome, RoleKind
from core.plan_view import KIND_LABELS
from core.private_file import write_private
from core.prompts import PROMPTS, PromptKind
from core.repository import Repository

# Characters that can start Markdown (CommonMark + GitHub: tables, strikethrough, math)
# anywhere in a line, and those that only matter at its start (lists, headings, rules).
_INLINE = re.compile(r"([\\`*_\[\]<>|~#$])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_LINE_START = "-+="
_NUMBERED = " " * 5  # continuation indent inside "1. " .. "999. " items
NOTHING = "*Nothing written.*"
_FORMATS = {
    InterviewFormat.IN_PERSON: "in person",
    InterviewFormat.VIDEO: "video",
    InterviewFormat.PHONE: "phone",
    InterviewFormat.OTHER: "other",
}
_OUTCOMES = {
    Outcome.PENDING: "pending",
    Outcome.INVITED_BACK: "invited back",
    Outcome.NOT_SELECTED: "not selected",
    Outcome.OFFER: "offer",
}
_ROLES = {
    RoleKind.INTERVIEWER: "interviewer",
    RoleKind.FUTURE_MANAGER: "future manager",
    RoleKind.RECRUITER: "recruiter",
    RoleKind.STAFF: "staff",
    RoleKind.OTHER: "met",
}


def md_line(text: str) -> str:
    """One line of user text escaped so that Markdown shows it exactly as typed."""
    line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text.strip()))
    line = _LIST_NUMBER.sub(r"\1\\\2", line)
    return "\\" + line if line and line[0] in _LINE_START else line


def md_block(text: str, indent: str = "") -> str:
    """User text of several lines, escaped: line breaks kept (hard breaks), blank lines kept
    as paragraph breaks, continuation lines indented by `indent` (inside a list item)."""
    paragraphs: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = md_line(raw)
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    kept = [p for p in paragraphs if p]
    return f"\n\n{indent}".join(f"\\\n{indent}".join(p) for p in kept)


def _when(moment: datetime | None, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%a %d %b %Y %H:%M") if moment else ""


def _text_or_nothing(text: str, indent: str = "") -> str:
    return md_block(text, indent) or NOTHING


def debrief_markdown(repo: Repository, interview_id: int, zone: tzinfo) -> str:
    """Return the Markdown of one interview: facts, people, checklist, debrief B1-B10, plan
    (KeyError if there is no such interview)."""
    summary = repo.summary(interview_id)
    interview = summary.interview
    people = repo.participants(interview_id)
    answers = repo.answers(interview_id)
    qa = repo.qa_list(interview_id)
    promises = repo.promises(interview_id)
    role = f" — {md_line(summary.role)}" if summary.role else ""
    out = [f"# {md_line(summary.company)}{role}, round {interview.round}", ""]
    out.append(f"- Ended: {_when(interview.ended_at, zone)}")
    out.append(f"- Format: {_FORMATS[interview.format]}")
    frame = timeframe_label(interview.decision_date, interview.no_timeframe_given)
    phrase = f" (“{md_line(interview.decision_phrase)}”)" if interview.decision_phrase else ""
    out.append(f"- Time frame: {frame}{phrase}")
    out.append(f"- Outcome: {_OUTCOMES[interview.outcome]}")
    if interview.next_steps.strip():
        out.append(f"- Next steps: {md_block(interview.next_steps, '  ')}")
    out += ["", "## People met", ""]
    for person, _link in people:
        facts = [_ROLES[person.role_kind], *(md_line(v) for v in (person.title,) if v)]
        if person.email:
            guessed = " (guessed)" if person.email_source is EmailSource.GUESSED else ""
            facts.append(md_line(person.email) + guessed)
        facts += [md_line(v) for v in (person.phone, person.linkedin) if v]
        out.append(f"- **{md_line(person.name)}**: {', '.join(facts)}")
    if not people:
        out.append(NOTHING)
    out += ["", "## Closing checklist", ""]
    for item in CHECKLIST:
        mark = "x" if item.id in interview.checklist else " "
        out.append(f"- [{mark}] {item.id} {item.label}")
    out += ["", "## Debrief"]
    for prompt in PROMPTS:
        out += ["", f"### {prompt.id} {prompt.title}", ""]
        if prompt.kind is PromptKind.TEXT:
            out.append(_text_or_nothing(answers.get(prompt.id, "")))
        elif prompt.kind is PromptKind.QA_LIST:
            for n, pair in enumerate(qa, 1):
                stumped = " *(stumped)*" if pair.stumped else ""
                question = _text_or_nothing(pair.question, _NUMBERED)
                answer = _text_or_nothing(pair.answer, _NUMBERED)
                out.append(f"{n}. Q: {question}{stumped}\\\n{_NUMBERED}A: {answer}")
            out += [] if qa else [NOTHING]
        elif prompt.kind is PromptKind.STUMPERS:
            stumpers = [pair for pair in qa if pair.stumped]
            out += [f"- {_text_or_nothing(p.question, '  ')}" for p in stumpers] or [NOTHING]
        elif prompt.kind is PromptKind.PER_PERSON:
            out += [
                f"- **{md_line(person.name)}**: {_text_or_nothing(link.highlights, '  ')}"
                for person, link in people
            ] or [NOTHING]
        else:
            for promise in promises:
                due = f" — due {_when(promise.due_at, zone)}" if promise.due_at else ""
                said = f" (“{md_line(promise.due_phrase)}”)" if promise.due_phrase else ""
                mark = "x" if promise.done else " "
                out.append(f"- [{mark}] {_text_or_nothing(promise.text, '  ')}{due}{said}")
            out += [] if promises else [NOTHING]
    out += ["", "## Follow-up plan", ""]
    rows = repo.plan_rows(interview_id)
    for row in rows:
        action = row.action
        mark = "x" if action.state is ActionState.DONE else " "
        who = f": {md_line(row.person)}" if row.person else ""
        state = action.state.value
        if action.done_at is not None:
            state += f" {_when(action.done_at, zone)}"
        lines = [
            f"{_when(action.due, zone)} — {KIND_LABELS[action.kind]}{who} [{action.rule}] — "
            f"{state}",
            md_line(action.reason),
        ]
        if action.note.strip():
            lines.append(f"Note: {md_block(action.note, '  ')}")
        out.append(f"- [{mark}] " + "\\\n  ".join(line for line in lines if line))
    out += [] if rows else ["*No follow-ups planned yet.*"]
    return "\n".join(out) + "\n"


def export_markdown(repo: Repository, zone: tzinfo, interview_id: int | None = None) -> str:
    """Return the Markdown of one interview, or of every interview (newest first)."""
    if interview_id is not None:
        return debrief_markdown(repo, interview_id, zone)
    ids = [s.interview.id or 0 for s in repo.list_interviews(limit=1_000_000)]
    return "\n---\n\n".join(debrief_markdown(repo, i, zone) for i in ids) or "*No interviews.*\n"


def export_md(
    repo: Repository, path: Path | str, zone: tzinfo, interview_id: int | None = None
) -> str:
    """Write the Markdown to `path` atomically with mode 0600 and return it."""
    text = export_markdown(repo, zone, interview_id)
    write_private(path, text)
    return text
