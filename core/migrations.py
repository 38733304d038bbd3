"""Schema versions of the Afterword database, applied in order by sqlite_utils.Migrations."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from core.schema import MIGRATION_SET, SCHEMA

migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_foundation")
def foundation(db: Database) -> None:
    """Applications, interviews, people, and the debrief (answers, Q&A, promises)."""
    _run(
        db,
        """
        CREATE TABLE applications (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open',
            created_at TEXT NOT NULL
        );
        CREATE INDEX applications_company ON applications (company COLLATE NOCASE);

        CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
            round INTEGER NOT NULL DEFAULT 1,
            ended_at TEXT NOT NULL,
            format TEXT NOT NULL DEFAULT 'in_person',
            decision_date TEXT,
            decision_phrase TEXT NOT NULL DEFAULT '',
            no_timeframe_given INTEGER NOT NULL DEFAULT 0,
            next_steps TEXT NOT NULL DEFAULT '',
            large_employer INTEGER NOT NULL DEFAULT 0,
            outcome TEXT NOT NULL DEFAULT 'pending',
            checklist TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX interviews_by_date ON interviews (ended_at);
        CREATE INDEX interviews_by_application ON interviews (application_id, round);

        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            spelling_confirmed INTEGER NOT NULL DEFAULT 0,
            role_kind TEXT NOT NULL DEFAULT 'interviewer',
            title TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            email_source TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            mailing_address TEXT NOT NULL DEFAULT '',
            best_time TEXT NOT NULL DEFAULT '',
            preferred_mode TEXT NOT NULL DEFAULT '',
            linkedin TEXT NOT NULL DEFAULT '',
            personal TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX people_by_application ON people (application_id, name COLLATE NOCASE);

        CREATE TABLE participants (
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            highlights TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (interview_id, person_id)
        );
        CREATE INDEX participants_by_person ON participants (person_id);

        CREATE TABLE answers (
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            prompt_id TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (interview_id, prompt_id)
        );

        CREATE TABLE qa (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            question TEXT NOT NULL DEFAULT '',
            answer TEXT NOT NULL DEFAULT '',
            stumped INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX qa_by_interview ON qa (interview_id, position);
        CREATE INDEX qa_stumped ON qa (stumped) WHERE stumped = 1;

        CREATE TABLE promises (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            text TEXT NOT NULL DEFAULT '',
            due_phrase TEXT NOT NULL DEFAULT '',
            due_at TEXT,
            done INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX promises_by_interview ON promises (interview_id);
        """,
    )


def _run(db: Database, script: str) -> None:
    # executescript() would COMMIT the migration's transaction half-way: run each statement.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def known_names() -> list[str]:
    """Return the names of every migration this code knows, in order."""
    return [m.name for m in migrations._migrations]


@migrations(name="0003_meta")
def meta(db: Database) -> None:
    """A key/value table; `database_id` (random, once) makes exported vCard UIDs stable."""
    import uuid

    _run(db, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta (key, value) VALUES ('database_id', ?)", [str(uuid.uuid4())])


@migrations(name="0002_plan")
def plan(db: Database) -> None:
    """The follow-up plan (actions) and the touches logged with employers (D1-D14, D7)."""
    _run(
        db,
        """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            rule TEXT NOT NULL,
            due TEXT NOT NULL,
            due_utc TEXT NOT NULL,
            window_start TEXT NOT NULL,
            window_end TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            flag TEXT NOT NULL DEFAULT '',
            optional INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'planned',
            user_changed INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            done_at TEXT,
            UNIQUE (interview_id, key)
        );
        CREATE INDEX actions_open_by_due ON actions (due_utc)
            WHERE state IN ('planned', 'snoozed');
        CREATE INDEX actions_by_interview ON actions (interview_id, due_utc);
        CREATE INDEX actions_by_person ON actions (person_id);

        CREATE TABLE touches (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            channel TEXT NOT NULL DEFAULT 'email',
            kind TEXT NOT NULL DEFAULT 'other',
            answered INTEGER NOT NULL DEFAULT 0,
            guard_overridden INTEGER NOT NULL DEFAULT 0,
            guard_reason TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX touches_by_interview ON touches (interview_id, at);
        CREATE INDEX touches_by_person ON touches (person_id);
        """,
    )


@migrations(name="0004_notes")
def notes(db: Database) -> None:
    """Notes to the people met (C1-C9, D4, D8, D10, D11, D13): drafts and sent ones."""
    _run(
        db,
        """
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            sent_at TEXT
        );
        CREATE INDEX notes_by_person ON notes (person_id, interview_id, kind);
        CREATE INDEX notes_by_interview ON notes (interview_id);
        CREATE INDEX notes_by_action ON notes (action_id) WHERE action_id IS NOT NULL;
        """,
    )


def search_index_intact(db: Database) -> bool:
    """F3: say whether every trigger keeping the search index (and F1 marks) is in place."""
    from core.repository.search_index import search_index_intact as intact

    return intact(db)


def ensure_search_index(db: Database, rebuild: bool = False) -> bool:
    """F3: put back any trigger a table rebuild dropped and re-index (see
    core.repository.search_index); say whether it did."""
    from core.repository.search_index import ensure_search_index as ensure

    return ensure(db, rebuild)


@migrations(name="0005_search")
def search(db: Database) -> None:
    """F3: full-text search over Q&A, debrief answers, highlights and notes, kept by triggers."""
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5(title, body, kind UNINDEXED, "
        "interview_id UNINDEXED, ref UNINDEXED, "
        "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    ensure_search_index(db, rebuild=True)


# The long lists' indexes (#8: 0006-0012) are registered, in order, by their own module.
from core import migrations_lists  # noqa: E402, F401

if tuple(known_names()) != SCHEMA:  # a migration added here must be named in core/schema.py
    raise RuntimeError(f"core.schema.SCHEMA {SCHEMA} is not the migrations {known_names()}")
