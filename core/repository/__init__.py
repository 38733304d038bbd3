"""The repository: the only place that speaks SQL. Methods take and return pydantic models
(the debrief's reads return plain records, core.records: the first screen imports no pydantic)."""

from __future__ import annotations

from pathlib import Path

from core.repository.base import DatabaseProblem
from core.repository.debrief import DebriefStore
from core.repository.debrief_view import DebriefViewStore
from core.repository.dump import DumpStore
from core.repository.interviews import InterviewStore
from core.repository.learning import LearningStore
from core.repository.lists import ListStore
from core.repository.notes import NotesStore
from core.repository.people import PeopleStore
from core.repository.plan import PlanStore
from core.repository.search import SearchStore

__all__ = ["DatabaseProblem", "Repository"]


class Repository(
    InterviewStore,
    PeopleStore,
    DebriefStore,
    DebriefViewStore,
    PlanStore,
    NotesStore,
    DumpStore,
    SearchStore,
    LearningStore,
    ListStore,
):
    """Afterword's data in one SQLite file, one part per aggregate."""

    @classmethod
    def open(cls, path: Path | str, check_pages_up_to: int | None = None) -> Repository:
        """Open (creating or migrating) the database at `path`; DatabaseProblem if unusable.
        Every page is checked first, unless the file holds more than `check_pages_up_to`
        bytes: then `pages_checked` is False and the caller runs integrity_problem() later."""
        from core.repository.opening import connect

        conn, backups, checked = connect(Path(path), check_pages_up_to)
        repo = cls(conn, Path(path))
        repo.ensure_search_index()  # F3: a table rebuilt by a migration lost its triggers
        repo.ensure_email_facts()  # #8: A1/A2 facts of people written by other means
        repo.backups = backups
        repo.pages_checked = checked
        return repo

    backups: list[Path] = []
    pages_checked = True
