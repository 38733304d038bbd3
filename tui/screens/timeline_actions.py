"""The timeline's keys: done, skip, undo, snooze, log a touch, set an outcome (with the guard)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.plan_view import PlanItem
    from tui.session import Session

from tui.saver import refusal_safe


class TimelineActions:
    """Key actions of the timeline; the screen provides the selection, the session and reload."""

    if TYPE_CHECKING:  # provided by the screen (and Textual)
        items: dict[int, PlanItem]
        session: Session | None
        app: Any

        def reload(self) -> None: ...
        def _selected(self) -> PlanItem | None: ...
        def _current_id(self) -> int | None: ...
        def notify(self, message: str, **kwargs: Any) -> None: ...

    @refusal_safe
    def action_done(self, override: bool = False) -> None:
        """Mark the action done (a thank-you or status check also logs its touch)."""
        from core.services_plan import GuardWarning, mark_done

        item, session = self._selected(), self.session
        if item is None or session is None:
            return
        try:
            mark_done(
                session.repo,
                item.action.id or 0,
                session.now(),
                session.plan_ctx,
                override=override,
            )
        except GuardWarning as warning:
            self._ask_guard(warning, lambda: self.action_done(override=True))
            return
        self.reload()

    @refusal_safe
    def action_skip(self) -> None:
        """Skip the action; it stays skipped whatever the plan recomputes."""
        from core.services_plan import skip

        item, session = self._selected(), self.session
        if item is not None and session is not None:
            skip(session.repo, item.action.id or 0)
            self.reload()

    @refusal_safe
    def action_reopen(self) -> None:
        """Undo done or skipped."""
        from core.services_plan import reopen

        item, session = self._selected(), self.session
        if item is not None and session is not None:
            reopen(session.repo, item.action.id or 0)
            self.reload()

    def action_snooze(self) -> None:
        """Snooze until a moment given as a phrase."""
        from tui.screens.when_prompt import WhenPrompt

        item = self._selected()
        if item is None:
            return

        def chosen(when: datetime | None) -> None:
            if when is not None:
                self._snooze(item, when)

        self.app.push_screen(WhenPrompt(f"Snooze “{item.label}” until…", "tomorrow 9am"), chosen)

    @refusal_safe
    def _snooze(self, item: PlanItem, when: datetime, override: bool = False) -> None:
        from core.services_plan import GuardWarning, snooze

        session = self.session
        if session is None:
            return
        try:
            snooze(session.repo, item.action.id or 0, when, session.plan_ctx, override=override)
        except GuardWarning as warning:
            self._ask_guard(warning, lambda: self._snooze(item, when, override=True))
            return
        self.reload()

    def _ask_guard(self, warning: Exception, go_ahead: object) -> None:
        from tui.screens.confirm import ConfirmScreen

        findings = getattr(warning, "findings", [])
        text = "\n".join("• " + f.text() for f in findings)

        def decided(yes: bool | None) -> None:
            if yes and callable(go_ahead):
                go_ahead()

        self.app.push_screen(
            ConfirmScreen(
                f"Hold on (D7, E2):\n{text}\n\nGo ahead anyway? Your choice is recorded."
            ),
            decided,
        )

    def action_log_touch(self) -> None:
        """Log a message or a call for the highlighted action's interview."""
        from tui.screens.touch_form import TouchForm

        session = self.session
        item = self.items.get(self._current_id() or -1)
        interview_id = item.action.interview_id if item else (session and session.interview_id)
        if not interview_id:
            self.notify("Move to an action first.", markup=False)
            return
        kind = {"status_check": "status", "value_add": "value_add", "thank_you": "thanks"}.get(
            item.action.kind.value if item else "", "status"
        )
        self.app.push_screen(
            TouchForm(interview_id, kind, item.action.person_id if item else None),
            lambda logged: self.reload() if logged else None,
        )

    def action_outcome(self) -> None:
        """Set the outcome of the highlighted action's interview (A7, D11-D13)."""
        from tui.screens.outcome_picker import OutcomePicker

        item, session = self._selected(), self.session
        if item is None or session is None:
            return
        interview_id = item.action.interview_id

        def chosen(value: str | None) -> None:
            if value is not None:
                self._set_outcome(interview_id, value)

        self.app.push_screen(OutcomePicker(f"Outcome of {item.company}?"), chosen)

    @refusal_safe
    def _set_outcome(self, interview_id: int, value: str) -> None:
        from core.models import Outcome
        from core.services_outcome import accept_offer, set_outcome

        session = self.session
        if session is None:
            return
        if value == "accepted":
            count = len(accept_offer(session.repo, interview_id, session.now(), session.plan_ctx))
            self.notify(
                f"Congratulations. {count - 1} other interview(s) get a polite withdrawal (D13).",
                markup=False,
            )
        else:
            result = set_outcome(
                session.repo, interview_id, Outcome(value), session.now(), session.plan_ctx
            )
            if result.new_round is not None:
                self.notify(
                    f"Round {result.new_round.round} added, with a prep action (D12).", markup=False
                )
        self.reload()
