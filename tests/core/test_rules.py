"""PLAYBOOK rules held as data or pure functions: A1-A7 checklist and outcomes, B1-B10, D1."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from core.checklist import CHECKLIST, CHECKLIST_IDS, timeframe_label, toggle
from core.debrief import answered_prompts, debrief_due, is_fresh
from core.models import QA, Outcome, Participant, Promise
from core.prompts import PROMPTS, PROMPTS_BY_ID, PromptKind, prompt
from tests.core.conftest import NOW, NY

EXPECTED_KINDS = {
    "B1": PromptKind.QA_LIST,
    "B2": PromptKind.PER_PERSON,
    "B3": PromptKind.TEXT,
    "B4": PromptKind.TEXT,
    "B5": PromptKind.STUMPERS,
    "B6": PromptKind.TEXT,
    "B7": PromptKind.TEXT,
    "B8": PromptKind.TEXT,
    "B9": PromptKind.TEXT,
    "B10": PromptKind.PROMISES,
}


def test_prompts_b1_to_b10_present_in_order() -> None:
    """B1-B10: the ten debrief prompts, in PLAYBOOK order, each once."""
    assert [p.id for p in PROMPTS] == [f"B{i}" for i in range(1, 11)]
    assert set(PROMPTS_BY_ID) == set(EXPECTED_KINDS)


@pytest.mark.parametrize(("prompt_id", "kind"), EXPECTED_KINDS.items())
def test_prompt_kind_and_wording(prompt_id: str, kind: PromptKind) -> None:
    """B1-B10: each prompt has its kind (text, Q&A list, per person, promises) and words."""
    p = prompt(prompt_id)
    assert p.kind is kind
    assert p.title.strip() and p.text.strip() and p.hint.strip()


@pytest.mark.parametrize(
    ("prompt_id", "words"),
    [
        ("B1", "questions"),
        ("B2", "each person"),
        ("B3", "went well"),
        ("B4", "differently"),
        ("B5", "stumped"),
        ("B6", "role"),
        ("B7", "red flags"),
        ("B8", "good place"),
        ("B9", "wish"),
        ("B10", "promise"),
    ],
)
def test_prompt_asks_what_the_playbook_says(prompt_id: str, words: str) -> None:
    """B1-B10: the question text carries the PLAYBOOK's key words."""
    assert words in prompt(prompt_id).text.lower()


def test_unknown_prompt_is_a_key_error() -> None:
    """Only B1..B10 exist."""
    with pytest.raises(KeyError):
        prompt("B11")


def test_checklist_a1_to_a6_in_order() -> None:
    """A1-A6: the closing checklist, in PLAYBOOK order, each with a label and hint."""
    assert CHECKLIST_IDS == ("A1", "A2", "A3", "A4", "A5", "A6")
    assert all(item.label and item.hint for item in CHECKLIST)


@pytest.mark.parametrize(
    ("ticked", "item", "expected"),
    [
        ([], "A3", ["A3"]),
        (["A3"], "A3", []),
        (["A5"], "A1", ["A1", "A5"]),
        (["A6", "A1"], "A4", ["A1", "A4", "A6"]),
        (["A1", "A2", "A3", "A4", "A5"], "A6", list(CHECKLIST_IDS)),
    ],
)
def test_toggle_flips_one_item_in_checklist_order(
    ticked: list[str], item: str, expected: list[str]
) -> None:
    """A1-A6: ticking is a flip; the result is always in checklist order."""
    assert toggle(ticked, item) == expected


def test_toggle_unknown_item_is_refused() -> None:
    """A1-A6 only; A7 is an outcome, not a checklist item."""
    with pytest.raises(ValueError, match="A7"):
        toggle([], "A7")


@pytest.mark.parametrize(
    ("decision", "none_given", "label"),
    [
        (date(2026, 12, 4), False, "decision by 2026-12-04"),
        (None, True, "none given"),
        (None, False, "not recorded"),
    ],
)
def test_timeframe_label_a4(decision: date | None, none_given: bool, label: str) -> None:
    """A4: the time frame reads as a date, 'none given', or not recorded yet."""
    assert timeframe_label(decision, none_given) == label


def test_outcome_a7_three_outcomes_plus_pending() -> None:
    """A7: invited back, not selected, offer; 'pending' until one is known."""
    assert {o.value for o in Outcome} == {"pending", "invited_back", "not_selected", "offer"}
    assert Outcome("offer") is Outcome.OFFER


@pytest.mark.parametrize(
    ("ended", "due"),
    [
        (datetime(2026, 11, 23, 9, 0, tzinfo=NY), datetime(2026, 11, 23, 23, 59, tzinfo=NY)),
        (datetime(2026, 11, 23, 23, 30, tzinfo=NY), datetime(2026, 11, 23, 23, 59, tzinfo=NY)),
    ],
)
def test_debrief_due_same_day_d1(ended: datetime, due: datetime) -> None:
    """D1: the debrief is due by the end of the day the interview ended."""
    assert debrief_due(ended) == due
    assert debrief_due(ended).tzinfo is NY


@pytest.mark.parametrize(
    ("ended", "now", "fresh"),
    [
        (NOW, NOW, True),
        (NOW, datetime.combine(NOW.date(), time(23, 59), tzinfo=NY), True),
        (NOW, NOW + timedelta(days=1), False),
        # Ended late: still fresh for at least 3 hours, past midnight.
        (
            datetime(2026, 11, 23, 22, 30, tzinfo=NY),
            datetime(2026, 11, 24, 1, 29, tzinfo=NY),
            True,
        ),
        (
            datetime(2026, 11, 23, 22, 30, tzinfo=NY),
            datetime(2026, 11, 24, 1, 31, tzinfo=NY),
            False,
        ),
    ],
)
def test_is_fresh_d1(ended: datetime, now: datetime, fresh: bool) -> None:
    """D1: memory counts as fresh for the rest of that day, and at least 3 hours."""
    assert is_fresh(ended, now) is fresh


def _qa(question: str = "", stumped: bool = False) -> QA:
    return QA(interview_id=1, question=question, stumped=stumped)


def _link(highlights: str = "", person_id: int = 1) -> Participant:
    return Participant(interview_id=1, person_id=person_id, highlights=highlights)


@pytest.mark.parametrize(
    ("answers", "qa", "links", "promises", "expected"),
    [
        ({}, [], [], [], set()),
        ({"B3": "ok", "B7": "  \n", "B9": "ask about on-call"}, [], [], [], {"B3", "B9"}),
        ({}, [_qa("Why us?")], [], [], {"B1"}),
        ({}, [_qa("   ")], [], [], set()),
        ({}, [_qa("CAP?", stumped=True)], [], [], {"B1", "B5"}),
        ({}, [], [_link("robots")], [], {"B2"}),
        # B2 is answered only when every person met has highlights.
        ({}, [], [_link("robots"), _link("", person_id=2)], [], set()),
        ({}, [], [], [Promise(interview_id=1, text="send portfolio")], {"B10"}),
        ({}, [], [], [Promise(interview_id=1, text=" ")], set()),
    ],
)
def test_answered_prompts_per_kind(
    answers: dict[str, str],
    qa: list[QA],
    links: list[Participant],
    promises: list[Promise],
    expected: set[str],
) -> None:
    """B1-B10: a prompt is marked answered by the kind of answer it takes."""
    assert answered_prompts(answers, qa, links, promises) == expected


def test_all_prompts_answered() -> None:
    """B1-B10: a complete debrief marks all ten prompts."""
    texts = {p.id: "noted" for p in PROMPTS if p.kind is PromptKind.TEXT}
    done = answered_prompts(
        texts,
        [_qa("Why us?", stumped=True)],
        [_link("robots")],
        [Promise(interview_id=1, text="send portfolio")],
    )
    assert done == set(PROMPTS_BY_ID)
