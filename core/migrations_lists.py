"""Schema versions 0006-0012: the indexes and stored facts the long lists read (#8), in
order after core.migrations' own (which imports this module before checking the order)."""

from __future__ import annotations

from sqlite_utils import Database

from core.migrations import _run, migrations


@migrations(name="0006_list_indexes")
def list_indexes(db: Database) -> None:
    """Indexes for the lists of a long history (#8): done actions by date (the timeline's Done
    group, a page at a time), everyone by name and by role (contacts, a page at a time)."""
    _run(
        db,
        """
        CREATE INDEX actions_closed_by_due ON actions (due_utc)
            WHERE state NOT IN ('planned', 'snoozed');
        CREATE INDEX people_by_name ON people (name COLLATE NOCASE);
        CREATE INDEX people_by_role ON people (role_kind, name COLLATE NOCASE);
        """,
    )


@migrations(name="0007_contact_indexes")
def contact_indexes(db: Database) -> None:
    """Indexes for a page of contacts over a long history (#8): the known addresses of a
    company (A2's evidence, read from the index alone), the people a mailed note is planned for
    (C3) and those thanked (C8), each found without reading the rows."""
    _run(
        db,
        """
        CREATE INDEX people_known_addresses ON people (application_id, email_source, email, name)
            WHERE email != '' AND email_source != 'guessed';
        CREATE INDEX actions_mailed_notes ON actions (person_id)
            WHERE kind = 'mailed_note' AND state IN ('planned', 'snoozed');
        CREATE INDEX touches_thanks ON touches (person_id) WHERE kind = 'thanks';
        """,
    )


@migrations(name="0008_due_lines")
def due_lines_index(db: Database) -> None:
    """An index for `afterword due` over a long history (#8): the open actions by due date
    (then id, as the lines are ordered) with every column a due line reads from them, so
    those lines are read from the index alone, never from the actions' rows."""
    _run(
        db,
        """
        CREATE INDEX actions_due_lines ON actions (due_utc, id, interview_id, person_id, kind,
            rule, due, flag, user_changed, window_end, state)
            WHERE state IN ('planned', 'snoozed');
        """,
    )


@migrations(name="0009_known_text")
def known_text_index(db: Database) -> None:
    """A2's known addresses as a page of contacts reads them (#8): people_known_addresses
    (0007) holds each one's 'name<newline>email' too, the very text the page's known
    addresses are put together from, so it is read from the index, not made per address."""
    _run(
        db,
        """
        DROP INDEX IF EXISTS people_known_addresses;
        CREATE INDEX people_known_addresses ON people (application_id, email_source, email, name,
            name || char(10) || email) WHERE email != '' AND email_source != 'guessed';
        """,
    )


@migrations(name="0010_contact_page")
def contact_page_index(db: Database) -> None:
    """A page of everyone's contacts by name over a long history (#8): every column its lines
    read from people, in the order they are shown (name, then id), so the page is read from
    one run of the index, not from two hundred rows scattered in the table."""
    _run(
        db,
        """
        CREATE INDEX people_page_by_name ON people (name COLLATE NOCASE, id, application_id,
            spelling_confirmed, role_kind, email, email_source, best_time, preferred_mode,
            mailing_address);
        """,
    )


@migrations(name="0011_email_facts")
def email_facts(db: Database) -> None:
    """A1/A2 worked out when a person is written, not when a page of contacts is read (#8):
    people.email_facts (core.email_facts; NULL until worked out, as Repository.open does
    for whoever lacks them), emptied by a trigger whenever a name or address changes. The
    contacts page's index and the known addresses' index carry the facts, so both reads are
    still made from an index alone."""
    from core.repository.facts import STALE_SQL

    _run(
        db,
        """
        ALTER TABLE people ADD COLUMN email_facts TEXT;
        CREATE INDEX people_email_facts_missing ON people (id) WHERE email_facts IS NULL;
        DROP INDEX IF EXISTS people_known_addresses;
        CREATE INDEX people_known_addresses ON people (application_id, email_source, email,
            email_facts, name) WHERE email != '' AND email_source != 'guessed';
        DROP INDEX IF EXISTS people_page_by_name;
        CREATE INDEX people_page_by_name ON people (name COLLATE NOCASE, id, application_id,
            spelling_confirmed, role_kind, email, email_source, best_time, preferred_mode,
            mailing_address, email_facts);
        """,
    )
    db.execute(STALE_SQL)  # one statement: _run would split it at the ';' in its body


@migrations(name="0012_company_votes")
def company_votes(db: Database) -> None:
    """A2's votes kept by company (#8, core.repository.votes): each company's known addresses
    counted by domain and pattern from their stored facts, kept by triggers, so a page of
    contacts reads each company's pattern in its own query."""
    from core.repository.votes import install

    install(db.conn)
