"""The debrief mode: the closing checklist, prompts B1-B10 and an editor, saved as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Static

from tui.text import line
from tui.widgets.key_bar import KeyBar
from tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from tui.session import Session


class DebriefScreen(Screen[None]):
    """Debrief of one interview; the welcome panel when there is none yet (styles in
    debrief.tcss, loaded with the app's)."""

    def compose(self) -> ComposeResult:
        """The frame is painted at once; the body arrives when the database is open."""
        yield Static(line(("Afterword", "bold")), id="topbar", markup=False)
        yield Container(id="debrief-body")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the body now if the database is open, or as soon as it is."""
        self.watch(self.app, "session", self._session_ready, init=True)
        self.set_interval(30, self._tick)

    def _session_ready(self, session: Session | None) -> None:
        if session is not None:
            self.show_interview(session.interview_id)

    def show_interview(self, interview_id: int | None, prompt_id: str | None = None) -> None:
        """Show this interview's debrief, on a prompt if given (the welcome panel if none)."""
        session: Session | None = getattr(self.app, "session", None)
        if session is None:
            return
        body = self.query_one("#debrief-body", Container)
        body.remove_children()
        if interview_id is None:
            self._set_topbar(None)
            body.mount(Welcome())
            return
        from tui.widgets.debrief_body import DebriefBody  # every editor: not for the welcome

        session.interview_id = interview_id
        session.changed.add(interview_id)  # the plan is recomputed when the timeline shows
        self._set_topbar(session)
        body.mount(DebriefBody(session, interview_id, prompt_id))

    def _tick(self) -> None:
        session: Session | None = getattr(self.app, "session", None)
        if session is not None and session.interview_id is not None:
            self._set_topbar(session)

    def _set_topbar(self, session: Session | None) -> None:
        bar = self.query_one("#topbar", Static)
        if session is None or session.interview_id is None:
            bar.update(line(("Afterword", "bold"), "  ·  the workbook for after the interview"))
            return
        from tui.widgets.debrief_body import topbar_text

        bar.update(topbar_text(session, session.interview_id))
