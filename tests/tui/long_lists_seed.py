"""A database with long lists, for the paging tests and the lists benchmark: many people, many
actions, many interviews, written through the repository's own methods in one transaction.

Names sort as they were made ("Person 00001" ...), companies too ("Company 0001" ...), so a test
knows which record sits on which page. The actions fall mostly in Later and Done, with a few in
Overdue, Today and This week, as a long history looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.models import Action, ActionKind, ActionState, Application, Interview, Person
from core.repository import Repository

KINDS = (
    ActionKind.THANK_YOU,
    ActionKind.VALUE_ADD,
    ActionKind.STATUS_CHECK,
    ActionKind.LINKEDIN,
    ActionKind.PROMISE,
    ActionKind.FEEDBACK_REQUEST,
)
URGENT = {"Overdue": 3, "Today": 2, "This week": 4}
"""How many open actions the seed puts in each short group (the rest go to Later or Done)."""


@dataclass(frozen=True)
class Seeded:
    """What was made: counts per group of the timeline, the first interview's id."""

    interviews: int
    people: int
    actions: int
    groups: dict[str, int]
    first_interview: int


def person_name(n: int) -> str:
    """The name of the n-th person made (from 0); names sort in the order they were made."""
    return f"Person {n:05d}"


def _due(n: int, total: int, now: datetime) -> tuple[str, datetime, ActionState]:
    """Where the n-th action goes: a few urgent ones first, then alternately Later and Done."""
    urgent = 0
    for group, count in URGENT.items():
        if n < urgent + count:
            offset = {"Overdue": -timedelta(hours=3 + n), "Today": timedelta(hours=2)}.get(
                group, timedelta(days=3)
            )
            return group, now + offset, ActionState.PLANNED
        urgent += count
    k = n - urgent
    if k % 2 == 0:
        return "Later", now + timedelta(days=10 + k // 2 % 300, minutes=k), ActionState.PLANNED
    return "Done", now - timedelta(days=1 + k // 2 % 900, minutes=k), ActionState.DONE


def seed_long_lists(
    repo: Repository, now: datetime, *, people: int, actions: int, interviews: int
) -> Seeded:
    """Add `interviews` interviews (one application each), `people` people spread over them
    and `actions` actions (one person's each), in one transaction."""
    groups: dict[str, int] = {g: 0 for g in ("Overdue", "Today", "This week", "Later", "Done")}
    interview_ids: list[int] = []
    person_ids: list[tuple[int, int]] = []  # (interview, person)
    with repo.write():
        for n in range(interviews):
            ended = now - timedelta(days=interviews - n, hours=2)
            app = repo.add_application(
                Application(company=f"Company {n:04d}", role="Engineer", created_at=ended)
            )
            interview = repo.add_interview(Interview(application_id=app.id or 0, ended_at=ended))
            interview_ids.append(interview.id or 0)
        for n in range(people):
            iid = interview_ids[n % interviews]
            app_id = repo.get_interview(iid).application_id
            email = f"p{n}@company{n % interviews}.example" if n % 3 else ""
            person = repo.add_person(
                Person(application_id=app_id, name=person_name(n), email=email)
            )
            repo.link_participant(iid, person.id or 0)
            person_ids.append((iid, person.id or 0))
        made: list[Action] = []
        for n in range(actions):
            group, due, state = _due(n, actions, now)
            groups[group] += 1
            iid, pid = person_ids[n % len(person_ids)]
            made.append(
                Action(
                    interview_id=iid,
                    person_id=pid,
                    kind=KINDS[n % len(KINDS)],
                    key=f"seed-{n}",
                    rule="D4",
                    due=due,
                    window_start=due - timedelta(hours=1),
                    window_end=due + timedelta(hours=1),
                    reason="Seeded for the long-list tests.",
                    state=state,
                    done_at=due if state is ActionState.DONE else None,
                )
            )
        repo.add_actions(made)
    return Seeded(interviews, people, actions, groups, interview_ids[0])
