"""The debrief mode: the closing checklist, prompts B1-B10 and an editor, saved as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from tui.text import line
from tui.widgets.key_bar import KeyBar
from tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from tui.session import Session


class DataShown(Message):
    """The user's data (a debrief or the welcome panel) has been drawn: what the start-up put
    off may run now (the app's housekeeping)."""


class DebriefScreen(Screen[None]):
    """Debrief of one interview; the welcome panel when there is none yet (styles in
    debrief.tcss, loaded with the app's)."""

    def compose(self) -> ComposeResult:
        """The frame is painted at once; the body arrives when the database is open."""
        yield Static(line(("Afterword", "bold")), id="topbar", markup=False)
        yield KeyBar()

    _shown: Widget | None = None  # the debrief or the welcome panel, between the bars
    _drawing: Widget | None = None  # mounted, not yet drawn

    def on_mount(self) -> None:
        """Fill the body now if the database is open, or as soon as it is."""
        self.watch(self.app, "session", self._session_ready, init=True)
        self.set_interval(30, self._tick)
        # Published after each frame of this screen is drawn (Textual's Show event was not
        # sent, now and then, to a widget that came into the layout another way).
        self.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    def _laid_out(self, _screen: Screen[None]) -> None:
        drawn = self._drawing
        if drawn is not None and drawn.is_attached and drawn.region.area:
            self._drawing = None
            self.data_drawn(drawn)

    def data_drawn(self, drawn: Widget) -> None:
        """The debrief or welcome panel just mounted is on screen: the debrief builds what it
        kept below the fold and decides its line of guidance (which reads the plan with its
        models: ~90 ms, kept off the frame that shows the data, #8), and the app is told."""
        from tui.widgets.debrief_body import DebriefBody

        if isinstance(drawn, DebriefBody):
            drawn.drawn()
        self.post_message(DataShown())

    def _session_ready(self, session: Session | None) -> None:
        if session is not None:
            self.show_interview(session.interview_id)

    def show_interview(self, interview_id: int | None, prompt_id: str | None = None) -> None:
        """Show this interview's debrief, on a prompt if given (the welcome panel if none)."""
        session: Session | None = getattr(self.app, "session", None)
        if session is None:
            return
        if interview_id is None:
            self._set_topbar(None)
            self._show(Welcome())
            return
        from tui.widgets.debrief_body import DebriefBody  # every editor: not for the welcome

        session.interview_id = interview_id
        session.changed.add(interview_id)  # the plan is recomputed when the timeline shows
        self._set_topbar(session)
        self._show(DebriefBody(session, interview_id, prompt_id))

    def _show(self, body: Widget) -> None:
        """Put `body` between the bars in place of the one there (no container around it: one
        widget less to build and draw before the data shows, #8)."""
        if self._shown is not None:
            self._shown.remove()
        self._shown = self._drawing = body
        self.mount(body, before=self.query_one(KeyBar))

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
