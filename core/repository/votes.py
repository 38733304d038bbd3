"""A2's votes kept by company (#8): for each company (NOCASE), each domain of its known
addresses with how many are known there and how many follow each pattern, worked out from the
people's stored facts (core.email_facts), and the pattern they elect, kept by triggers in the
file, so that any program's write keeps them true. A page of contacts then reads each
company's pattern by its key in its own query: no known address is read, no vote counted."""

from __future__ import annotations

import sqlite3

from core.kinds import EMAIL_PATTERNS

TABLE = "company_votes"
TABLE_SQL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (company TEXT NOT NULL COLLATE NOCASE, "
    "domain TEXT NOT NULL, pattern TEXT NOT NULL, n INTEGER NOT NULL, "
    "PRIMARY KEY (company, domain, pattern)) WITHOUT ROWID"
)
"""One row per company and domain with pattern '' (how many valid known addresses are at the
domain), one per pattern followed there (how many follow it), and domain '' for the known
addresses whose facts are missing or not as facts_of writes them (the reader works those
companies out from their addresses)."""

ELECTED = "company_patterns"
ELECTED_SQL = (
    f"CREATE TABLE IF NOT EXISTS {ELECTED} (company TEXT PRIMARY KEY COLLATE NOCASE, "
    "elected TEXT) WITHOUT ROWID"
)
"""Each company's election as of its votes (election's text: 'domain pattern' or ' '; no row
when no known address there follows a pattern)."""

_PATTERNS = "[" + ",".join(f'"{name}"' for name in EMAIL_PATTERNS) + "]"
_RANK = "|" + "|".join(EMAIL_PATTERNS) + "|"
_COUNTED = "{0}.email != '' AND {0}.email_source != 'guessed'"
"""Who is a known address (A2): a person with an address that was not guessed."""


def _company_of(row: str) -> str:
    return f"(SELECT company FROM applications WHERE id = {row}.application_id)"


def _well_formed(facts: str) -> str:
    """SQL: whether `facts` are a valid address's facts as facts_of writes them: a plain
    lowercase ASCII domain (a domain facts_of writes otherwise fails too: its company is then
    worked out from its addresses), then the patterns it follows, each known and named once.
    What fails is counted as missing, and worked out from the address when read."""
    space = f"instr({facts}, ' ')"
    patterns = f"substr({facts}, {space} + 1)"
    return (
        f"(substr({facts}, 1, 1) = '@' AND {space} > 2 "
        f"AND substr({facts}, 2, {space} - 2) NOT GLOB '*[^a-z0-9.-]*' "
        f"AND ({patterns} = '' OR (SELECT sum(length(j.value) + 1) FROM json_each('{_PATTERNS}') j "
        f"WHERE instr(',' || {patterns} || ',', ',' || j.value || ',')) = length({patterns}) + 1))"
    )


def _add(source: str) -> str:
    """SQL: add to the votes the rows of `source` (company c, facts f, weight w: 1 or -1 each),
    a valid address's facts as a vote for its domain and each pattern it follows, missing or
    other facts as domain '', an invalid address's ('!') not at all."""
    # The rows are grouped by company and facts first: each distinct facts is checked once
    # (everyone's votes: 30,000 people, 5,000 groups). LIMIT -1 keeps each subquery whole:
    # flattened, SQLite would check the facts once for every pattern they are joined with
    # (0.4 ms a person written, not 0.07).
    return (
        f"INSERT INTO {TABLE} (company, domain, pattern, n) "
        "SELECT e.c, e.d, t.value, sum(e.w) FROM (SELECT k.c AS c, k.w AS w, "
        "CASE WHEN k.ok THEN substr(k.f, 2, instr(k.f, ' ') - 2) ELSE '' END AS d, "
        "CASE WHEN k.ok THEN substr(k.f, instr(k.f, ' ') + 1) ELSE '' END AS ps FROM ("
        f"SELECT g.c AS c, g.w AS w, g.f AS f, {_well_formed('g.f')} AS ok FROM ("
        f"SELECT s.c AS c, s.f AS f, sum(s.w) AS w FROM ({source}) s "
        "WHERE s.c IS NOT NULL AND s.f IS NOT '!' GROUP BY s.c COLLATE NOCASE, s.f) g "
        "LIMIT -1) k LIMIT -1) e, "
        f"(SELECT '' AS value UNION ALL SELECT value FROM json_each('{_PATTERNS}')) t "
        "WHERE t.value = '' OR instr(',' || e.ps || ',', ',' || t.value || ',') > 0 "
        "GROUP BY e.c COLLATE NOCASE, e.d, t.value "
        "ON CONFLICT (company, domain, pattern) DO UPDATE SET n = n + excluded.n"
    )


def _person(row: str, weight: int) -> str:
    """SQL: the source row of a person as a trigger sees them (`new` or `old`)."""
    return (
        f"SELECT {_company_of(row)} AS c, {row}.email_facts AS f, {weight} AS w "
        f"WHERE {_COUNTED.format(row)}"
    )


def _people_of(application: str, company: str, weight: int) -> str:
    """SQL: the source rows of the known addresses of one application, at `company`."""
    return (
        f"SELECT {company} AS c, p.email_facts AS f, {weight} AS w FROM people p "
        f"WHERE p.application_id = {application} AND {_COUNTED.format('p')}"
    )


def _drop_spent(*companies: str) -> str:
    return f"DELETE FROM {TABLE} WHERE n = 0 AND company IN ({', '.join(companies)})"


def election(company: str) -> str:
    """SQL: the A2 pattern the votes at `company` elect, as 'domain pattern' (NULL when no
    known address follows a pattern; ' ' when some known address has no usable facts: then it
    is worked out from the addresses). email_guess.best_pattern's order: the most followers,
    then the fewest known at the domain, then the domain first in order, then the pattern
    first in PATTERNS."""
    return (
        f"(SELECT v.domain || ' ' || v.pattern FROM {TABLE} v JOIN {TABLE} k "
        "ON k.company = v.company AND k.domain = v.domain AND k.pattern = '' "
        f"WHERE v.company = {company} AND (v.pattern != '' OR v.domain = '') "
        f"ORDER BY v.domain = '' DESC, v.n DESC, k.n, v.domain, "
        f"instr('{_RANK}', '|' || v.pattern || '|') LIMIT 1)"
    )


def _elect(company: str, unless: str = "false") -> str:
    """SQL: store `company`'s election as its votes now stand (no row: no pattern), unless
    `unless` holds (the same company's election stored by the trigger already)."""
    return (
        f"DELETE FROM {ELECTED} WHERE company = {company} AND NOT ({unless}); "
        f"INSERT INTO {ELECTED} (company, elected) SELECT c, e FROM (SELECT c, {election('c')} "
        f"AS e FROM (SELECT {company} AS c WHERE NOT ({unless}))) "
        "WHERE c IS NOT NULL AND e IS NOT NULL"
    )


TRIGGERS = {
    "company_votes_person_added": (
        "AFTER INSERT ON people",
        [_add(_person("new", 1)), _elect(_company_of("new"))],
    ),
    "company_votes_person_removed": (
        "AFTER DELETE ON people",
        [_add(_person("old", -1)), _drop_spent(_company_of("old")), _elect(_company_of("old"))],
    ),
    "company_votes_person_changed": (
        "AFTER UPDATE OF email, email_source, email_facts, application_id ON people WHEN "
        "old.email IS NOT new.email OR old.email_source IS NOT new.email_source "
        "OR old.email_facts IS NOT new.email_facts OR old.application_id IS NOT new.application_id",
        [
            _add(f"{_person('old', -1)} UNION ALL {_person('new', 1)}"),
            _drop_spent(_company_of("old"), _company_of("new")),
            _elect(_company_of("old"), unless="old.application_id IS new.application_id"),
            _elect(_company_of("new")),
        ],
    ),
    "company_votes_application_added": (  # people of an id reused (written by other means)
        "AFTER INSERT ON applications",
        [_add(_people_of("new.id", "new.company", 1)), _elect("new.company")],
    ),
    "company_votes_application_changed": (
        "AFTER UPDATE OF id, company ON applications",
        [
            _add(
                f"{_people_of('old.id', 'old.company', -1)} UNION ALL "
                f"{_people_of('new.id', 'new.company', 1)}"
            ),
            _drop_spent("old.company", "new.company"),
            _elect("old.company", unless="old.company = new.company COLLATE NOCASE"),
            _elect("new.company"),
        ],
    ),
    # BEFORE: its people, deleted with it, no longer find its company
    "company_votes_application_removed": (
        "BEFORE DELETE ON applications",
        [
            _add(_people_of("old.id", "old.company", -1)),
            _drop_spent("old.company"),
            _elect("old.company"),
        ],
    ),
}
"""The triggers keeping the votes, by name: when, and what they run."""


def trigger_sql(name: str) -> str:
    """SQL: create one of TRIGGERS."""
    event, body = TRIGGERS[name]
    return f"CREATE TRIGGER IF NOT EXISTS {name} {event} BEGIN {'; '.join(body)}; END"


REBUILD = (
    f"DELETE FROM {TABLE}",
    f"DELETE FROM {ELECTED}",
    _add(
        "SELECT a.company AS c, p.email_facts AS f, 1 AS w FROM people p "
        f"JOIN applications a ON a.id = p.application_id WHERE {_COUNTED.format('p')}"
    ),
    f"INSERT INTO {ELECTED} (company, elected) SELECT c, e FROM (SELECT x.company AS c, "
    f"{election('x.company')} AS e FROM {TABLE} x GROUP BY x.company) WHERE e IS NOT NULL",
)
"""SQL: the votes and elections worked out again from everyone's stored facts (set-based:
after a bulk write made with the triggers paused, or when a trigger was lost)."""

INTACT = (
    f"SELECT count(*) = {len(TRIGGERS) + 2} FROM sqlite_master WHERE "
    f"(type = 'trigger' AND name IN ({', '.join(repr(name) for name in TRIGGERS)})) "
    f"OR (type = 'table' AND name IN ('{TABLE}', '{ELECTED}'))"
)
"""SQL: whether both tables and every trigger keeping them are in place (another program may
drop either; a table rebuilt by other means drops its triggers)."""


STORED_ELECTION = f"(SELECT r.elected FROM {ELECTED} r WHERE r.company = {{}})"
"""SQL: a company's election as stored (format it with the company), NULL when none is."""


def install(conn: sqlite3.Connection) -> None:
    """Create the tables and every trigger missing, and work the votes out again (inside the
    caller's transaction). A trigger in place is kept as it is: a later change to a trigger's
    SQL comes with a migration that drops the old one."""
    conn.execute(TABLE_SQL)
    conn.execute(ELECTED_SQL)
    for name in TRIGGERS:
        conn.execute(trigger_sql(name))
    for sql in REBUILD:
        conn.execute(sql)
