"""Gentle guidance in the debrief (D14, E1, E3): one short line when it helps, ctrl+g to dismiss
it for good. Hidden when there is nothing to say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from tui.text import line

if TYPE_CHECKING:
    from core.guidance import Guidance
    from tui.session import Session

DISMISS_KEY = "ctrl+g"
GUIDANCE_MODULE = "core.services_learning"  # what decides the line (imported by refresh_line)


class GuidanceLine(Static):
    """The one line of guidance for this interview now (core.guidance decides which)."""

    DEFAULT_CSS = """
    GuidanceLine { height: auto; padding: 0 1; color: $text-muted; display: none; }
    GuidanceLine.-shown { display: block; }
    """

    def __init__(self, session: Session, interview_id: int) -> None:
        super().__init__("", markup=False)
        self.session = session
        self.interview_id = interview_id
        self.current: Guidance | None = None
        self._painted = False  # refresh_line has shown (or hidden) self.current

    def on_mount(self) -> None:
        """Decide again after each save (the debrief may be done); the first time is when the
        debrief is on screen (DebriefBody.drawn)."""
        self.session.saver.after_flush.append(self.refresh_line)

    def on_unmount(self) -> None:
        """Stop listening to saves."""
        if self.refresh_line in self.session.saver.after_flush:
            self.session.saver.after_flush.remove(self.refresh_line)

    def refresh_line(self) -> None:
        """Show the line that applies now (or hide). Unchanged, it is left alone: this runs
        after every save while typing, and updating the text lays out the whole screen."""
        from core.services_learning import guidance_for

        session = self.session
        before = self.current
        self.current = guidance_for(session.repo, self.interview_id, session.now())
        if self.current == before and self._painted:
            return
        self._painted = True
        self.set_class(self.current is not None, "-shown")
        if self.current is not None:
            self.update(
                line(
                    (self.current.text, "italic"),
                    (f"  ({self.current.rule})", "dim"),
                    (f"  ·  {DISMISS_KEY} dismiss", "dim"),
                )
            )

    def dismiss_current(self) -> None:
        """Never show the current line again; the next one that applies may follow."""
        from core.services_learning import dismiss_guidance

        if self.current is not None:
            dismiss_guidance(self.session.repo, self.current.rule, self.session.now())
            self.refresh_line()
