"""Generated interviews with debriefs (Q&A, stumpers, answers, highlights), any number of them,
for the learning tests and the search benchmark. Written through the repository's own methods,
in one transaction."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from core.models import QA, Application, Interview, Person
from core.repository import Repository

FIRST_TOPIC = "conflict with a teammate"  # asked once in every interview, and a stumper
TOPICS = (
    "a distributed cache outage",
    "kubernetes upgrades and rollbacks",
    "salary expectations and the range",
    "why you left your last job",
    "mentoring junior engineers",
    "a project that failed and what you learned",
    "designing a rate limiter for the public api",
    "the hardest bug of your career",
    "how you prioritise a crowded backlog",
)
WORDS = [
    "latency",
    "throughput",
    "ownership",
    "roadmap",
    "migration",
    "postgres",
    "kafka",
    "observability",
    "stakeholder",
    "estimate",
    "deadline",
    "feedback",
    "hiring",
    "onboarding",
    "incident",
    "runbook",
    "retro",
    "customer",
    "pairing",
    "refactor",
    "testing",
    "coverage",
    "release",
    "canary",
    "budget",
    "trade-off",
    "équipe",
    "naïve",
    "café",
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def add_interviews(
    repo: Repository, count: int, start: datetime, seed: int = 6, questions: int = 6
) -> list[Interview]:
    """Add `count` interviews (a new company every second one), each with `questions` Q&A pairs
    (the first a stumper on a conflict), answers to B3/B4/B7/B8 and a person's highlights."""
    rng = random.Random(seed)
    made: list[Interview] = []
    with repo.write():
        app: Application | None = None
        for n in range(count):
            ended = start + timedelta(days=n, hours=n % 7)
            if n % 2 == 0:
                app = repo.add_application(
                    Application(company=f"Company {n // 2}", role="Engineer", created_at=ended)
                )
            assert app is not None and app.id is not None
            interview = repo.add_interview(
                Interview(application_id=app.id, round=1 + n % 2, ended_at=ended)
            )
            iid = interview.id or 0
            for k in range(questions):
                topic = FIRST_TOPIC if k == 0 else rng.choice(TOPICS)
                repo.add_qa(
                    QA(
                        interview_id=iid,
                        question=f"Tell me about {topic}",
                        answer=_sentence(rng, 25),
                        stumped=k == 0,
                    )
                )
            repo.save_answer(iid, "B3", _sentence(rng, 15))
            repo.save_answer(iid, "B4", "Rehearse shorter stories. " + _sentence(rng, 10))
            repo.save_answer(iid, "B7", _sentence(rng, 8))
            repo.save_answer(iid, "B8", _sentence(rng, 12))
            person = repo.add_person(Person(application_id=app.id, name=f"Person {n}"))
            repo.link_participant(iid, person.id or 0)
            repo.save_highlights(iid, person.id or 0, _sentence(rng, 12))
            made.append(interview)
    return made
