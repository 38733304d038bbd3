"""F3: full-text search over what the user wrote (Q&A, debrief answers, highlights, notes)."""

from __future__ import annotations

from typing import Any, NamedTuple

from core.repository.base import StoreBase

MARK_START = "\ue000"  # around each matched word in a hit's text: private-use characters, not
MARK_END = "\ue001"  # controls (StoreBase.rows() strips controls from everything it reads)
ELLIPSIS = "…"
SEARCH_LIMIT = 50
MAX_LIMIT = 500
SNIPPET_TOKENS = 16
_TITLE_WEIGHT, _BODY_WEIGHT = 2.0, 1.0  # a word in the question counts more than in the answer

# The ranked page comes straight from the index: as a top-level query SQLite marks the texts of
# the page's rows only (the same SELECT as a subquery marked every match first: 4x slower).
_PAGE = f"""
SELECT kind, interview_id, ref, bm25(search, {_TITLE_WEIGHT}, {_BODY_WEIGHT}) AS score,
       highlight(search, 0, :start, :end) AS title,
       snippet(search, 1, :start, :end, '{ELLIPSIS}', {SNIPPET_TOKENS}) AS body
FROM search WHERE search MATCH :match
ORDER BY score LIMIT :limit
"""


class SearchRow(NamedTuple):  # a frozen dataclass cost ~0.9 ms at start-up
    """One ranked hit as stored: where it is, and its texts with the matches marked."""

    kind: str
    interview_id: int
    ref: int | str
    score: float
    title: str
    body: str
    round: int
    ended_at: str
    company: str
    role: str
    person: str


class SearchStore(StoreBase):
    """The FTS5 index kept in step by triggers (see core.migrations.ensure_search_index)."""

    def search_rows(self, match: str, limit: int = SEARCH_LIMIT) -> list[SearchRow]:
        """Return the best hits of an FTS5 MATCH expression (bm25 ranking), at most `limit`."""
        limit = max(1, min(limit, MAX_LIMIT))
        page = self.rows(
            _PAGE, {"match": match, "limit": limit, "start": MARK_START, "end": MARK_END}
        )
        places = self._places({r["interview_id"] for r in page})
        people = self._people(
            {r["ref"] for r in page if r["kind"] == "highlights"},
            {r["ref"] for r in page if r["kind"] == "note"},
        )
        return [
            SearchRow(
                **row,
                **places[row["interview_id"]],
                person=people.get((row["kind"], row["ref"]), ""),
            )
            for row in page
        ]

    def _places(self, interview_ids: set[int]) -> dict[int, dict[str, Any]]:
        """Round, date, company and role of each interview."""
        ids = sorted(interview_ids)
        rows = self.rows(
            "SELECT i.id, i.round, i.ended_at, a.company, a.role FROM interviews i "
            f"JOIN applications a ON a.id = i.application_id WHERE i.id IN ({_marks(ids)})",
            ids,
        )
        return {r.pop("id"): r for r in rows}

    def _people(self, person_ids: set[int], note_ids: set[int]) -> dict[tuple[str, int], str]:
        """The person's name behind each highlights entry (by person) and note (by note)."""
        found: dict[tuple[str, int], str] = {}
        if person_ids:
            ids = sorted(person_ids)
            for r in self.rows(f"SELECT id, name FROM people WHERE id IN ({_marks(ids)})", ids):
                found[("highlights", r["id"])] = r["name"]
        if note_ids:
            ids = sorted(note_ids)
            for r in self.rows(
                "SELECT n.id, p.name FROM notes n JOIN people p ON p.id = n.person_id "
                f"WHERE n.id IN ({_marks(ids)})",
                ids,
            ):
                found[("note", r["id"])] = r["name"]
        return found

    def search_entries(self) -> int:
        """Return how many entries the index holds (one per source row with text)."""
        return int(self.rows("SELECT COUNT(*) AS n FROM search")[0]["n"])

    def ensure_search_index(self, rebuild: bool = False) -> bool:
        """Put back missing triggers and re-index (or, with `rebuild`, re-index anyway);
        return whether the index was rebuilt."""
        from core.repository.search_index import ensure_search_index, search_index_intact

        if not rebuild and search_index_intact(self.conn):
            return False  # the usual case: no write lock taken on open
        with self.write():
            return ensure_search_index(self.conn, rebuild=True)


def forget_deleted_words(store: StoreBase) -> None:
    """Merge the search index into one segment, inside the caller's write: FTS5 keeps a deleted
    row's words in its older segments until a merge, and secure_delete zeroes only pages that
    are freed. Called after deleting personal data (a person, a question and its answer)."""
    store.run("INSERT INTO search (search) VALUES ('optimize')")


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)
