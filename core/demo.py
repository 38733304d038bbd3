"""A realistic demo database: three applications, five interviews, a panel of three."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.models import QA, Promise
from core.repository import Repository
from core.services import Capture, capture_interview, set_promise_due

_ANSWERS = {
    "B3": "The system design question went well: I drew the queue-based ingest and Priya "
    "nodded at the back-pressure part. Good rapport with Marcus about on-call.",
    "B4": "Answer the 'biggest failure' question with a shorter story and a clear lesson. "
    "Ask about the team's roadmap earlier.",
    "B6": "Platform team of 6, owns the ingest pipeline. They want someone to lead the "
    "migration off the legacy batch jobs in Q1.",
    "B7": "Third reorg in two years. Nobody could say who owns the on-call budget.",
    "B8": "Engineering-led, thoughtful people, fair pay band. Good fit if the reorg settles.",
    "B9": "How is success measured in the first 90 days? Who decides the migration order?",
}
_QA = [
    (
        "Design a rate limiter for our public API.",
        "Token bucket per key in Redis, with a sliding window fallback; talked through hot keys.",
        False,
    ),
    ("Tell me about your biggest failure.", "The 2023 billing outage; rambled a bit.", True),
    (
        "How would you migrate 40 batch jobs without downtime?",
        "Strangler pattern, one job a week, shadow runs and diff checks.",
        False,
    ),
    ("What is the CAP theorem, in your own words?", "Froze, then gave a textbook answer.", True),
]
_HIGHLIGHTS = [
    "Priya built the first ingest service herself; loved the back-pressure discussion. "
    "Mentioned her daughter's robotics team.",
    "Marcus cares about humane on-call; we agreed on runbooks before heroics.",
    "Lena (recruiter) said the team wants to decide before the holidays.",
]


def build_demo(repo: Repository, now: datetime) -> None:
    """Fill an empty repository with demo data placed relative to `now`."""
    capture_interview(
        repo,
        Capture(
            company="Globex",
            role="Backend Engineer",
            ended=_ago(now, days=16),
            people="Tom Baker <tom.baker@globex.io>",
            decision="none",
            format="video",
        ),
        now,
    )
    first = capture_interview(
        repo,
        Capture(
            company="Initech",
            role="Site Reliability Engineer",
            ended=_ago(now, days=9),
            people="Bill Lumbergh <bill@initech.com>, Milton Waddams",
            decision="in 1 week",
            format="phone",
        ),
        now - timedelta(days=9),
    )
    repo.update_interview(first.id or 0, outcome="invited_back", checklist=["A2", "A3", "A4"])
    capture_interview(
        repo,
        Capture(
            company="Initech",
            role="Site Reliability Engineer",
            ended=_ago(now, days=2),
            people="Bill Lumbergh, Peter Gibbons <peter.gibbons@initech.com>",
            decision="none",
        ),
        now,
    )
    capture_interview(
        repo,
        Capture(
            company="Hooli",
            role="Platform Engineer",
            ended=_ago(now, days=30),
            people="Gavin Belson",
            decision="none",
            large_employer=True,
        ),
        now - timedelta(days=30),
    )
    panel = capture_interview(
        repo,
        Capture(
            company="Acme Robotics",
            role="Staff Platform Engineer",
            ended=_ago(now, hours=1),
            people="Priya Raman <priya.raman@acme-robotics.com>, Marcus Chen, Lena Ortiz",
            decision="in 2 weeks",
        ),
        now,
    )
    _fill_debrief(repo, panel.id or 0, now)
    _plan_history(repo, now)


def _ago(now: datetime, days: int = 0, hours: int = 0) -> str:
    return (now - timedelta(days=days, hours=hours)).strftime("%Y-%m-%d %H:%M")


def _fill_debrief(repo: Repository, interview_id: int, now: datetime) -> None:
    repo.update_interview(
        interview_id,
        checklist=["A1", "A3", "A4", "A6"],
        next_steps="Reference checks, then a call with the VP.",
    )
    for prompt_id, text in _ANSWERS.items():
        repo.save_answer(interview_id, prompt_id, text)
    for question, answer, stumped in _QA:
        repo.add_qa(
            QA(interview_id=interview_id, question=question, answer=answer, stumped=stumped)
        )
    for (person, _link), text in zip(repo.participants(interview_id), _HIGHLIGHTS, strict=False):
        repo.save_highlights(interview_id, person.id or 0, text)
    people = repo.participants(interview_id)
    repo.update_person(
        people[0][0].id or 0,
        title="Director of Platform",
        spelling_confirmed=True,
        mailing_address="Acme Robotics\n500 Harbor Blvd, Floor 4\nBoston, MA 02210",
        preferred_mode="email",
    )
    repo.update_person(people[1][0].id or 0, title="Engineering Manager")
    repo.update_person(people[2][0].id or 0, title="Technical Recruiter", role_kind="recruiter")
    promise = repo.add_promise(
        Promise(interview_id=interview_id, text="Send Priya the back-pressure write-up")
    )
    set_promise_due(repo, promise.id or 0, "thursday", now)
    repo.add_promise(Promise(interview_id=interview_id, text="Share my portfolio link with Marcus"))


_DONE_BY_NOW = {
    "debrief",
    "thank_you",
    "mailed_note",
    "staff_thanks",
    "linkedin",
    "value_add",
    "promise",
    "prepare_round",
    "keep_searching",
}


def _plan_history(repo: Repository, now: datetime) -> None:
    """Plan every interview, then mark done what a diligent user did before `now`."""
    from zoneinfo import ZoneInfo

    from core.schedule import PlanContext
    from core.services_plan import ensure_plans, mark_done

    tz = now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else ZoneInfo("UTC")
    ctx = PlanContext(zone=tz)
    ensure_plans(repo, now, ctx)
    cutoff = now - timedelta(hours=6)
    for row in repo.plan_rows():
        action = row.action
        if action.is_open and action.kind.value in _DONE_BY_NOW and action.due < cutoff:
            mark_done(repo, action.id or 0, action.due, ctx, override=True)
