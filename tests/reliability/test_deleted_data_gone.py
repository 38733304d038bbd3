"""Issue #7, privacy 16: deleted personal data is gone from the file, tested on its bytes.

A person, a question/answer pair and a promise, each holding words found nowhere else, are
stored (and indexed for search), then deleted through the repository. After a checkpoint, no
trace of those words is in the database file nor in its -wal: not the text, not the search
index's lowercased terms. What was not deleted is still findable, so the search does look.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.models import QA, Promise
from core.repository import Repository
from core.services import Capture, capture_interview
from core.services_people import delete_contact
from tests.core.conftest import NOW

PERSON = "Qzxjkv Wvbnmq"
QUESTION = "Tell me about Plorvix"
ANSWER = "I rebuilt the Grumbleflax pipeline"
PROMISE = "Send the Vexquorn portfolio"
HIGHLIGHTS = "Talked about Dromzelk sailing"
KEPT = "Kept answer about Zandrovia"
GONE = ["Qzxjkv", "Wvbnmq", "Plorvix", "Grumbleflax", "Vexquorn", "Dromzelk"]


def _traces(path: Path) -> list[str]:
    """The deleted words (as written, and as the search index lowercases them) in the bytes
    of the database file and its -wal."""
    found = []
    for file in (path, path.with_name(path.name + "-wal")):
        if not file.exists():
            continue
        data = file.read_bytes()
        for word in GONE:
            for form in {word, word.lower()}:
                if form.encode() in data:
                    found.append(f"{file.name}: {form}")
    return found


def _store_and_delete(repo: Repository) -> None:
    interview = capture_interview(repo, Capture(company="Acme", people=f"{PERSON}, Ann Lee"), NOW)
    iid = interview.id or 0
    person = next(p for p, _ in repo.participants(iid) if p.name == PERSON)
    repo.save_highlights(iid, person.id or 0, HIGHLIGHTS)
    qa = repo.add_qa(QA(interview_id=iid, question=QUESTION, answer=ANSWER))
    promise = repo.add_promise(Promise(interview_id=iid, text=PROMISE))
    repo.save_answer(iid, "B3", KEPT)
    repo.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the words reach the main file
    assert _traces(repo.path or Path()), "the words were stored in the first place"

    delete_contact(repo, person.id or 0)
    repo.delete_qa(qa.id or 0)
    repo.delete_promise(promise.id or 0)


@pytest.mark.parametrize("way", ["checkpoint while open", "closed"])
def test_deleted_person_pair_and_promise_leave_no_bytes(db_path: Path, way: str) -> None:
    repo = Repository.open(db_path)
    try:
        _store_and_delete(repo)
        if way == "checkpoint while open":
            repo.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            assert not _traces(db_path)
    finally:
        repo.close()
    assert not _traces(db_path)
    assert KEPT.encode() in db_path.read_bytes()  # the search does look at live data
