"""Gentle guidance (D14, E1, E3): one line where it helps, shown until dismissed, never again."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core.guidance import D14, E1, E3, debrief_complete, guidance_line
from core.models import QA, ApplicationStatus, Interview, Outcome
from core.repository import Repository
from core.services_learning import dismiss_guidance, guidance_for

CORE = {"B1", "B3", "B4", "B6", "B8"}
OPEN = ApplicationStatus.OPEN


def _interview(now: datetime, hours_ago: float = 1, **fields: object) -> Interview:
    return Interview.model_validate(
        {"id": 1, "application_id": 1, "ended_at": now - timedelta(hours=hours_ago), **fields}
    )


@pytest.mark.parametrize(
    ("answered", "met", "complete"),
    [
        (CORE, False, True),
        (CORE, True, False),  # someone was met: their highlights (B2) are part of it
        (CORE | {"B2"}, True, True),
        (CORE - {"B4"}, False, False),
        (set(), False, False),
        ({"B5", "B7", "B9", "B10"}, False, False),  # the optional ones alone are not enough
    ],
)
def test_e1_e3_debrief_complete(answered: set[str], met: bool, complete: bool) -> None:
    """E1/E3: complete once every prompt that always has an answer has one."""
    assert debrief_complete(answered, met) is complete


def test_e1_then_e3_after_the_debrief_never_during_it(now: datetime) -> None:
    """E1: not while the debrief is being written (it is the place for it); once complete,
    E1 first, then E3 once E1 is dismissed; never two lines at once."""
    fresh = _interview(now)
    assert guidance_line(fresh, OPEN, {"B1", "B3"}, False, set(), now) is None
    assert guidance_line(fresh, OPEN, CORE, False, set(), now) == E1
    assert guidance_line(fresh, OPEN, CORE, False, {"E1"}, now) == E3
    assert guidance_line(fresh, OPEN, CORE, False, {"E1", "E3"}, now) == D14


def test_d14_while_the_outcome_is_pending(now: datetime) -> None:
    """D14: keep applying while waiting: after the debrief, or from the next day even if the
    debrief was left unfinished; not once the outcome is known or the process closed."""
    fresh, day_old = _interview(now), _interview(now, hours_ago=25)
    assert guidance_line(fresh, OPEN, set(), False, set(), now) is None  # still fresh
    assert guidance_line(day_old, OPEN, set(), False, set(), now) == D14
    offer = ApplicationStatus.OFFER
    assert guidance_line(day_old, offer, set(), False, set(), now) == D14  # still waiting
    known = _interview(now, hours_ago=25, outcome=Outcome.NOT_SELECTED)
    assert guidance_line(known, OPEN, set(), False, set(), now) is None
    for closed in (ApplicationStatus.ACCEPTED, ApplicationStatus.WITHDRAWN):
        assert guidance_line(day_old, closed, set(), False, set(), now) is None
    assert guidance_line(day_old, OPEN, set(), False, {"D14"}, now) is None
    upcoming = _interview(now, hours_ago=-3)  # captured ahead of time: nothing to wait for
    assert guidance_line(upcoming, OPEN, CORE, False, {"E1", "E3"}, now) is None


def test_every_line_is_short_and_names_its_rule() -> None:
    """D14, E1, E3: one short line each (fits one row of the debrief with its rule and key),
    never nagging."""
    for line in (D14, E1, E3):
        assert len(line.text) <= 90
        assert line.rule in {"D14", "E1", "E3"}
        assert "!" not in line.text


def test_e1_dismissed_once_is_never_shown_again(
    repo: Repository, interview: Interview, now: datetime, db_path: Path
) -> None:
    """E1/E3/D14: the use case reads the debrief's answers; a dismissal is stored (it
    survives reopening) and applies to every interview."""
    iid = interview.id or 0
    assert guidance_for(repo, iid, now) is None  # 30 minutes after, nothing written yet
    repo.add_qa(QA(interview_id=iid, question="Why us?"))
    for prompt in ("B3", "B4", "B6", "B8"):
        repo.save_answer(iid, prompt, "Written")
    for person, _link in repo.participants(iid):
        repo.save_highlights(iid, person.id or 0, "Something specific")
    assert guidance_for(repo, iid, now) == E1
    dismiss_guidance(repo, "E1", now)
    repo.close()
    again = Repository.open(db_path)
    assert guidance_for(again, iid, now) == E3
    dismiss_guidance(again, "E3", now)
    assert guidance_for(again, iid, now) == D14
    dismiss_guidance(again, "D14", now)
    assert guidance_for(again, iid, now + timedelta(days=3)) is None
    assert set(again.marks("guidance:")) == {"E1", "E3", "D14"}
    again.close()
