"""The debrief's records (core.records) hold what the validated models hold, field for field,
and reading them imports no pydantic (#8: the debrief is the first screen)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.repository import Repository


def _interview_ids(repo: Repository) -> list[int]:
    ids = [s.interview.id for s in repo.list_interviews(limit=50)]
    assert len(ids) >= 6
    return [i for i in ids if i is not None]


def test_head_is_the_interview_with_its_company_and_role(demo_repo: Repository) -> None:
    """Top bar and checklist: the same values as the summary's models, of the same types."""
    for iid in _interview_ids(demo_repo):
        head, summary = demo_repo.debrief_head(iid), demo_repo.summary(iid)
        interview = summary.interview
        assert head.interview_id == iid
        assert (head.company, head.role) == (summary.company, summary.role)
        assert (head.round, head.ended_at) == (interview.round, interview.ended_at)
        assert head.ended_at.tzinfo is not None
        assert list(head.checklist) == interview.checklist
        assert (head.next_steps, head.decision_phrase) == (
            interview.next_steps,
            interview.decision_phrase,
        )
        assert head.decision_date == interview.decision_date
        assert head.no_timeframe_given is interview.no_timeframe_given


def test_pairs_promises_and_people_are_the_models_values(demo_repo: Repository) -> None:
    """B1/B5, B10 and B2 records equal the models read from the same rows (bools as bools)."""
    for iid in _interview_ids(demo_repo):
        pairs = [(q.id, q.question, q.answer, q.stumped) for q in demo_repo.qa_list(iid)]
        assert [(q.id, q.question, q.answer, q.stumped) for q in demo_repo.qa_rows(iid)] == pairs
        assert all(type(q.stumped) is bool for q in demo_repo.qa_rows(iid))
        promises = [(p.id, p.text, p.due_phrase, p.due_at, p.done) for p in demo_repo.promises(iid)]
        rows = demo_repo.promise_rows(iid)
        assert [(p.id, p.text, p.due_phrase, p.due_at, p.done) for p in rows] == promises
        assert all(type(p.done) is bool for p in rows)
        met = [
            (
                link.interview_id,
                person.id,
                person.name,
                person.title,
                person.role_kind,
                link.highlights,
            )
            for person, link in demo_repo.participants(iid)
        ]
        assert [
            (m.interview_id, m.person_id, m.name, m.title, m.role_kind, m.highlights)
            for m in demo_repo.met_rows(iid)
        ] == met


def test_latest_interview_id_is_the_latest_interviews(
    demo_repo: Repository, tmp_path: Path
) -> None:
    """The debrief opens on the interview that ended last; none in an empty file."""
    latest = demo_repo.latest_interview()
    assert latest is not None
    assert demo_repo.latest_interview_id() == latest.interview.id
    assert Repository.open(tmp_path / "empty.db").latest_interview_id() is None


def test_a_missing_interview_is_a_key_error(demo_repo: Repository) -> None:
    """As get_interview: a KeyError naming the id, never a half-filled record."""
    with pytest.raises(KeyError, match="999999"):
        demo_repo.debrief_head(999_999)


def test_stored_escape_sequences_never_come_back(demo_repo: Repository) -> None:
    """Text written by other means (a hand edit) is cleaned on the way out, as every read is."""
    iid = _interview_ids(demo_repo)[0]
    demo_repo.conn.execute(
        "UPDATE qa SET question = ? WHERE interview_id = ?", ["\x1b]0;pwned\x07Why?", iid]
    )
    demo_repo.conn.execute("UPDATE applications SET company = ?", ["\x1b[2JAcme"])
    assert {q.question for q in demo_repo.qa_rows(iid)} == {"Why?"}
    assert demo_repo.debrief_head(iid).company == "Acme"


def test_the_debrief_reads_import_no_pydantic(demo_repo: Repository) -> None:
    """Opening the file, the settings and every debrief read leave pydantic unimported."""
    db = demo_repo.path
    code = (
        "import sys\n"
        "from core.repository import Repository\n"
        "from core.settings import load_settings\n"
        f"load_settings({str(db)!r})\n"
        f"repo = Repository.open({str(db)!r})\n"
        "iid = repo.latest_interview_id()\n"
        "repo.debrief_head(iid); repo.qa_rows(iid); repo.promise_rows(iid)\n"
        "repo.met_rows(iid); repo.answers(iid)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    env_root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=env_root,
        env={"PATH": "/usr/bin:/bin", "AFTERWORD_CONFIG": str(db) + ".none.toml"},
        check=True,
    )
    assert out.stdout.strip() == "[]"
