"""What the app does a moment after the user's data is on screen, in a worker thread: the
checks and copies that must not compete with the first frames for the one interpreter lock."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from tui.stylesheet import write_rules

if TYPE_CHECKING:
    from tui.app import AfterwordApp
    from tui.session import Session
    from tui.stylesheet import NewRules


def housekeeping(app: AfterwordApp, styles: NewRules | None = None) -> None:
    """Keeping the styles parsed so far for the next start, the whole-file check of a big
    file, the daily backup, warming the date parser and importing the other prompts' editors."""
    if app.config.styles_cache is not None:
        write_rules(app.config.styles_cache, styles)
    session = app.session
    if session is None:
        return
    from core.backup import rolling_backup_problem

    if not session.repo.pages_checked and damaged(app, session):
        return  # damaged: the good copies in backups/ are kept as they are
    # Its own connection: the copy never holds up a save.
    problem = rolling_backup_problem(session.settings.db_path(), session.now())
    if problem:
        app.call_from_thread(app.notify, problem, severity="warning", markup=False)
    from core.dates import parse_when

    parse_when("tomorrow 9am", session.now())  # the first reading loads dateparser's data
    from tui.widgets.debrief_body import PANE_MODULES

    for module, _name in PANE_MODULES.values():  # the other prompts' editors, ready to show
        importlib.import_module(module)


def damaged(app: AfterwordApp, session: Session) -> bool:
    """A file too big to read whole before the first screen is read whole now; if it is
    damaged, nothing more is written to it (writing could spread the damage)."""
    from core.repository.opening import integrity_problem

    problem = integrity_problem(session.settings.db_path())
    if problem:
        session.repo.refusal = problem
        app.call_from_thread(app.notify, problem, severity="error", timeout=600, markup=False)
    return bool(problem)
