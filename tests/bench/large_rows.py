"""Rows of the large benchmark database (see large_db.py): people, interviews and debriefs in
their stored form (the one the JSON export holds), with realistic text from large_text.py."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from core.models import Person, Promise, RoleKind
from tests.bench import large_text as lt

ZONE = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 15, 30, tzinfo=ZONE)
"""The fixed clock: the history runs over the 3 years up to it."""


@dataclass
class Data:
    """Every table's rows in stored form, parents first (the JSON export's order)."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """Append a row (its id, if the table has one, is the next one) and return it."""
        rows = self.tables.setdefault(table, [])
        if table not in {"participants", "answers"}:
            row = {"id": len(rows) + 1, **row}
        rows.append(row)
        return row


def person_row(data: Data, w: lt.Writer, app: dict[str, Any], kind: RoleKind) -> Person:
    """A new person of an application (60% with an address from a card, 10% a guess)."""
    rng = w.rng
    first, last = rng.choice(lt.FIRST), rng.choice(lt.LAST)
    domain = app["company"].lower().replace(" ", "-") + ".com"
    pick = rng.random()
    email, source = "", ""
    if pick < 0.6:
        email, source = f"{first}.{last}@{domain}".lower(), rng.choice(("card", "confirmed"))
    elif pick < 0.7:
        email, source = f"{first[0]}{last}@{domain}".lower(), "guessed"
    row = data.add(
        "people",
        {
            "application_id": app["id"],
            "name": f"{first} {last}",
            "spelling_confirmed": rng.random() < 0.5,
            "role_kind": kind.value,
            "title": "Technical Recruiter" if kind is RoleKind.RECRUITER else rng.choice(lt.TITLES),
            "email": email,
            "email_source": source,
            "phone": f"+1617555{rng.randint(1000, 9999)}" if rng.random() < 0.2 else "",
            "mailing_address": f"{app['company']}\n{rng.randint(1, 999)} Main St\nBoston, MA"
            if rng.random() < 0.05
            else "",
            "best_time": rng.choice(("", "", "mornings", "after 2pm")),
            "preferred_mode": rng.choice(("", "", "email", "phone")),
            "linkedin": f"https://www.linkedin.com/in/{first}-{last}".lower()
            if rng.random() < 0.2
            else "",
            "personal": w.fill(rng.choice(lt.HIGHLIGHT), first) if rng.random() < 0.15 else "",
        },
    )
    return Person.model_construct(**row)


def debrief_rows(data: Data, w: lt.Writer, interview: dict[str, Any]) -> list[Promise]:
    """B1/B5 Q&A with stumpers, B3-B9 answers (B3 a few hundred words), B10 promises."""
    rng, iid = w.rng, interview["id"]
    for prompt_id, (bank, words) in lt.ANSWER_BANKS.items():
        text = w.text(bank, rng.randint(words // 2, words * 3 // 2))
        data.add("answers", {"interview_id": iid, "prompt_id": prompt_id, "text": text})
    for position in range(1, rng.randint(4, 8) + 1):
        data.add(
            "qa",
            {
                "interview_id": iid,
                "position": position,
                "question": w.fill(rng.choice(lt.QUESTIONS)),
                "answer": w.text(lt.ANSWERS, rng.randint(20, 70)),
                "stumped": rng.random() < 0.15,
            },
        )
    promises = []
    ended = datetime.fromisoformat(interview["ended_at"])
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        due = ended + timedelta(days=rng.randint(1, 5))
        row = data.add(
            "promises",
            {
                "interview_id": iid,
                "text": w.fill("Send {name} the write-up on {concept} and {tech}"),
                "due_phrase": "in a few days",
                "due_at": due.isoformat(),
                "done": due < NOW - timedelta(days=2) and rng.random() < 0.9,
            },
        )
        promises.append(Promise.model_construct(**{**row, "due_at": due}))
    return promises


def kind_of(rng: random.Random) -> RoleKind:
    """The part someone met played: mostly interviewers."""
    kinds = (RoleKind.INTERVIEWER, RoleKind.FUTURE_MANAGER, RoleKind.STAFF, RoleKind.OTHER)
    return rng.choices(kinds, (70, 12, 10, 8))[0]


def interview_row(
    data: Data, rng: random.Random, app: dict[str, Any], rnd: int, when: datetime, last: bool
) -> dict[str, Any]:
    """A new interview (round `rnd`); the last round of an older process gets its outcome."""
    recent = when > NOW - timedelta(days=21)
    outcome = "invited_back" if not last else "pending"
    if last and not recent:
        outcome = rng.choices(("not_selected", "offer", "pending"), (70, 10, 20))[0]
        app["status"] = {"not_selected": "rejected", "offer": "declined"}.get(outcome, "open")
    decided = rng.random() < 0.6
    decision = (when + timedelta(days=rng.randint(5, 14))).date() if decided else None
    return data.add(
        "interviews",
        {
            "application_id": app["id"],
            "round": rnd,
            "ended_at": when.isoformat(),
            "format": rng.choice(("in_person", "video", "video", "phone")),
            "decision_date": decision.isoformat() if decision else None,
            "decision_phrase": "in about two weeks" if decided else "",
            "no_timeframe_given": not decided and rng.random() < 0.5,
            "next_steps": "Reference checks, then a call with the VP." if rnd > 1 else "",
            "large_employer": rng.random() < 0.3,
            "outcome": outcome,
            "checklist": ",".join(sorted(rng.sample(["A1", "A2", "A3", "A4", "A6"], 3))),
        },
    )
