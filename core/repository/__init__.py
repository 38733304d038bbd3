"""The repository: the only place that speaks SQL. Methods take and return pydantic models."""

from __future__ import annotations

from pathlib import Path

from core.repository.base import DatabaseProblem, connect
from core.repository.debrief import DebriefStore
from core.repository.dump import DumpStore
from core.repository.interviews import InterviewStore
from core.repository.learning import LearningStore
from core.repository.notes import NotesStore
from core.repository.people import PeopleStore
from core.repository.plan import PlanStore
from core.repository.search import SearchStore

__all__ = ["DatabaseProblem", "Repository"]


class Repository(
    InterviewStore,
    PeopleStore,
    DebriefStore,
    PlanStore,
    NotesStore,
    DumpStore,
    SearchStore,
    LearningStore,
):
    """Afterword's data in one SQLite file, one part per aggregate."""

    @classmethod
    def open(cls, path: Path | str) -> Repository:
        """Open (creating or migrating) the database at `path`; DatabaseProblem if unusable."""
        db, backups = connect(Path(path))
        repo = cls(db, Path(path))
        repo.ensure_search_index()  # F3: a table rebuilt by a migration lost its triggers
        repo.backups = backups
        return repo

    backups: list[Path] = []
