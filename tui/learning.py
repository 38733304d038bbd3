"""The app's keys for learning across interviews: / search (F3), p practice list (F1), v compare
(F2). The views are modals built on demand (off the start-up path); one replaces another."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.app import App

    from tui.session import Session

LEARNING_BINDINGS = [
    Binding("slash", "search", "Search"),
    Binding("p", "practice", "Practice"),
    Binding("v", "compare", "Compare"),
]


class LearningKeys:
    """Actions of the app that open the learning views and go to the place a result names."""

    session: Session | None
    _deferred: Any

    def _learning_view(self, action: Any) -> bool:
        """Close a learning view already open (one at a time); False until the db is open."""
        from tui.screens.learning_view import LearningView

        app: App[None] = self  # type: ignore[assignment]
        if self.session is None:
            self._deferred = action
            return False
        if isinstance(app.screen, LearningView):
            app.screen.dismiss(None)
        return True

    def action_search(self) -> None:
        """F3: search past questions, answers, debriefs, highlights and notes."""
        from tui.screens.search import SearchScreen

        if self._learning_view(self.action_search):
            self._push(SearchScreen())

    def action_practice(self) -> None:
        """F1: the practice list: stumpers and what you would do differently."""
        from tui.screens.practice import PracticeScreen

        if self._learning_view(self.action_practice):
            self._push(PracticeScreen())

    def action_compare(self) -> None:
        """F2: the open processes side by side."""
        from tui.screens.compare import CompareScreen

        if self._learning_view(self.action_compare):
            self._push(CompareScreen())

    def _push(self, screen: Any) -> None:
        app: App[None] = self  # type: ignore[assignment]

        def chosen(place: tuple[int, str | None, int | None] | None) -> None:
            if place is not None:
                self.go_to(*place)

        app.push_screen(screen, chosen)

    def go_to(self, interview_id: int, prompt_id: str | None, note_id: int | None = None) -> None:
        """Open the place a result names: a note in its editor, else the interview's debrief
        on that prompt."""
        app: Any = self
        if note_id is not None and self.session is not None:
            from core.services_notes import note_view
            from tui.screens.note_editor import NoteEditor

            app.saver.flush()
            app.push_screen(NoteEditor(note_view(self.session.repo, note_id)))
            return
        app.open_interview(interview_id, prompt_id)
