"""Files as an older version of Afterword wrote them, for the tests of a migration."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from core.migrations import migrations


def old_acme(path: Path, stop_before: str) -> None:
    """A file migrated up to (not including) `stop_before`, holding Acme and three people:
    Ann Lee with a valid address, Bo Chan with an invalid one, Cy Dee with none (written with
    plain SQL, as that version would have: nothing worked out since)."""
    db = Database(path)
    migrations.apply(db, stop_before=stop_before)
    db.execute("INSERT INTO applications (company, created_at) VALUES ('Acme', '2026-11-20')")
    for name, email in (("Ann Lee", "ann.lee@acme.com"), ("Bo Chan", "bo@@acme"), ("Cy Dee", "")):
        db.execute(
            "INSERT INTO people (application_id, name, email, email_source) VALUES (1, ?, ?, ?)",
            [name, email, "card" if email else ""],
        )
    db.conn.commit()
    db.conn.close()
