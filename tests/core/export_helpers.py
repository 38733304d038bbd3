"""A generated export document with a row in every table (any size), for import/export tests."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from core.export_json import FORMAT, FORMAT_VERSION
from core.repository import Repository

NY = ZoneInfo("America/New_York")
START = datetime(2024, 1, 8, 15, 0, tzinfo=NY)
DATABASE_ID = "5f0c6a55-2b1e-4e07-9a43-3c1c1b5d7e21"
TEXTS = [
    "Went well: the system design part. Rapport with the panel.",
    "Ask earlier about the roadmap 🚀; shorter STAR stories.",
    "Équipe de 6 personnes, migration au T1.",
    "مرحبا بكم — the recruiter wrote in Arabic too.",
    "Line one\nLine two\n\n\tindented *not bold* [not a link](x) <b>",
]


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def make_document(interviews: int, people_per_interview: int = 2) -> dict[str, Any]:
    """Return an export document of `interviews` interviews (two per application) with people,
    participants, answers, Q&A, promises, actions, touches and notes for each."""
    doc: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION}
    doc["meta"] = [
        {"key": "database_id", "value": DATABASE_ID},
        {"key": "people_high_water", "value": str(interviews * people_per_interview + 5)},
    ]
    for name in ("applications", "interviews", "people", "participants", "answers", "qa"):
        doc[name] = []
    for name in ("promises", "actions", "touches", "notes"):
        doc[name] = []
    person_id = action_id = 0
    for i in range(1, interviews + 1):
        app_id = (i + 1) // 2
        ended = START + timedelta(days=i, hours=i % 5)
        text = TEXTS[i % len(TEXTS)]
        if i % 2:
            doc["applications"].append(
                {
                    "id": app_id,
                    "company": f"Company {app_id}",
                    "role": "Engineer" if i % 3 else "",
                    "status": "open",
                    "created_at": _iso(ended - timedelta(days=20)),
                }
            )
        doc["interviews"].append(
            {
                "id": i,
                "application_id": app_id,
                "round": 1 if i % 2 else 2,
                "ended_at": _iso(ended),
                "format": ["in_person", "video", "phone", "other"][i % 4],
                "decision_date": (ended + timedelta(days=10)).date().isoformat() if i % 3 else None,
                "decision_phrase": "in 10 days" if i % 3 else "",
                "no_timeframe_given": i % 3 == 0,
                "next_steps": text,
                "large_employer": i % 4 == 0,
                "outcome": "pending",
                "checklist": ["A1", "A3", "A4"] if i % 2 else [],
            }
        )
        people = []
        for k in range(people_per_interview):
            person_id += 1
            people.append(person_id)
            doc["people"].append(
                {
                    "id": person_id,
                    "application_id": app_id,
                    "name": f"Person {person_id} Ünïcode",
                    "spelling_confirmed": k == 0,
                    "role_kind": "interviewer" if k else "recruiter",
                    "title": "Lead",
                    "email": f"p{person_id}@company{app_id}.example",
                    "email_source": "guessed" if k else "card",
                    "phone": "",
                    "mailing_address": "1 Main St\nSpringfield",
                    "best_time": "mornings",
                    "preferred_mode": "email",
                    "linkedin": "",
                    "personal": text,
                }
            )
            doc["participants"].append(
                {"interview_id": i, "person_id": person_id, "highlights": text, "position": k + 1}
            )
        for prompt in ("B3", "B4", "B6", "B7", "B8", "B9"):
            doc["answers"].append({"interview_id": i, "prompt_id": prompt, "text": text})
        for q in range(3):
            doc["qa"].append(
                {
                    "id": (i - 1) * 3 + q + 1,
                    "interview_id": i,
                    "position": q + 1,
                    "question": f"Question {q} of interview {i}?",
                    "answer": text,
                    "stumped": q == 1,
                }
            )
        due = ended + timedelta(days=2)
        doc["promises"].append(
            {
                "id": i,
                "interview_id": i,
                "text": "Send the portfolio",
                "due_phrase": "by thursday",
                "due_at": _iso(due),
                "done": i % 2 == 0,
            }
        )
        for kind, rule, who in (
            ("debrief", "D1", None),
            ("thank_you", "D2", people[0]),
            ("status_check", "D5", None),
            ("promise", "D9", None),
        ):
            action_id += 1
            at = ended + timedelta(hours=action_id % 48 + 1)
            doc["actions"].append(
                {
                    "id": action_id,
                    "interview_id": i,
                    "person_id": who,
                    "kind": kind,
                    "key": f"{kind}:{who or ''}",
                    "rule": rule,
                    "due": _iso(at),
                    "window_start": _iso(at - timedelta(hours=1)),
                    "window_end": _iso(at + timedelta(hours=1)),
                    "reason": "Because the playbook says so",
                    "flag": "",
                    "optional": kind == "status_check",
                    "state": "done" if kind == "debrief" else "planned",
                    "user_changed": False,
                    "note": "",
                    "done_at": _iso(at) if kind == "debrief" else None,
                }
            )
        doc["touches"].append(
            {
                "id": i,
                "interview_id": i,
                "person_id": people[0],
                "at": _iso(ended + timedelta(days=1)),
                "channel": "email",
                "kind": "thanks",
                "answered": False,
                "guard_overridden": False,
                "guard_reason": "",
                "note": "",
            }
        )
        doc["notes"].append(
            {
                "id": i,
                "interview_id": i,
                "person_id": people[0],
                "kind": "thank_you",
                "action_id": action_id - 2,
                "subject": "Thank you",
                "body": f"Dear Person {people[0]},\n\n{text}",
                "sent_at": _iso(ended + timedelta(days=1)),
            }
        )
    return doc


def other_database_id() -> str:
    """A database id that is not the generated document's."""
    return str(uuid.uuid4())


def open_in(folder: Path, name: str) -> Repository:
    """Open (or create) the database `name` in `folder`."""
    return Repository.open(folder / name)


def changes(repo: Repository) -> int:
    """How many rows the repository's connection has changed so far."""
    return int(repo.conn.total_changes)
