"""The debrief prompts B1..B10 as data: what to ask right after the interview, in order."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class PromptKind(StrEnum):
    """How a prompt is answered."""

    TEXT = "text"
    QA_LIST = "qa_list"
    STUMPERS = "stumpers"
    PER_PERSON = "per_person"
    PROMISES = "promises"


class Prompt(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """One debrief prompt: its PLAYBOOK ID, a short title, the question and a hint."""

    id: str
    title: str
    text: str
    hint: str
    kind: PromptKind


PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "B1",
        "Questions asked",
        "Which questions were you asked, and what did you answer?",
        "One pair per question. Rough notes are fine; you can polish later.",
        PromptKind.QA_LIST,
    ),
    Prompt(
        "B2",
        "Highlights",
        "What stood out in the conversation with each person?",
        "Something specific to mention in the thank-you note to that person.",
        PromptKind.PER_PERSON,
    ),
    Prompt(
        "B3",
        "What went well",
        "What went well?",
        "Answers that landed, moments of rapport, points you made clearly.",
        PromptKind.TEXT,
    ),
    Prompt(
        "B4",
        "Do differently",
        "What would you do differently? How could you have answered better?",
        "These join your practice list across interviews.",
        PromptKind.TEXT,
    ),
    Prompt(
        "B5",
        "Stumpers",
        "Which questions stumped you?",
        "Mark the questions that caught you out; they feed the practice list.",
        PromptKind.STUMPERS,
    ),
    Prompt(
        "B6",
        "Key points",
        "Key points covered: the role, the team, plans for the position.",
        "What the job really is, as they described it.",
        PromptKind.TEXT,
    ),
    Prompt(
        "B7",
        "Red flags",
        "Did you notice any red flags?",
        "Write them down now; they matter when you compare offers.",
        PromptKind.TEXT,
    ),
    Prompt(
        "B8",
        "Company and fit",
        "What did you learn about the company? All things considered, is it a good place for you?",
        "Don't let a missing personal connection with one interviewer decide it.",
        PromptKind.TEXT,
    ),
    Prompt(
        "B9",
        "Wish I'd asked",
        "Which questions do you wish you had asked?",
        "Kept for a second interview.",
        PromptKind.TEXT,
    ),
    Prompt(
        "B10",
        "Promises made",
        'What did you promise? ("I will send my portfolio by Thursday")',
        "Each promise gets a due date and joins your follow-up plan.",
        PromptKind.PROMISES,
    ),
)

PROMPTS_BY_ID: dict[str, Prompt] = {p.id: p for p in PROMPTS}


def prompt(prompt_id: str) -> Prompt:
    """Return the prompt with this PLAYBOOK ID (B1..B10)."""
    return PROMPTS_BY_ID[prompt_id]
