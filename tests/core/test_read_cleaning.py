"""Text written to the file by other means is cleaned when read: escapes never reach a screen."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from core.repository import Repository
from core.services import Capture, capture_interview

NOW = datetime(2026, 11, 22, 15, 30, tzinfo=ZoneInfo("America/New_York"))


def test_escapes_written_behind_the_repositorys_back_are_cleaned_on_read(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    repo = Repository.open(db)
    interview = capture_interview(repo, Capture(company="Acme", people="Jane"), NOW)
    iid = interview.id or 0
    repo.close()
    raw = sqlite3.connect(db)  # as an old version or a hand edit might
    raw.execute(
        "INSERT INTO answers (interview_id, prompt_id, text) VALUES (?, 'B3', ?)",
        [iid, "went \x1b]0;PWNED\x07well\x1b[31m"],
    )
    raw.execute("UPDATE applications SET company = ?", ["Acme\x9b2J\x1b[2J"])
    raw.commit()
    raw.close()
    repo = Repository.open(db)
    assert repo.answers(iid) == {"B3": "went well"}
    assert repo.list_interviews()[0].company == "Acme"
    repo.close()
