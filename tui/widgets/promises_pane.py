"""B10: promises made during the interview, each with a due phrase read back as a date (D9)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from core.records import PromiseRow
from tui.saver import refusal_shown
from tui.session import Session
from tui.text import plain
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput
from tui.widgets.list_items import append_item, focused_item, remove_after_confirm
from tui.widgets.text_pane import PromptPane, prompt_header

if TYPE_CHECKING:
    from core.models import Promise


class PromiseItem(Vertical):
    """One promise: what, by when, and how the 'by when' was read."""

    def __init__(self, promise: PromiseRow | Promise, session: Session) -> None:
        super().__init__(classes="promise-item")
        self.promise = promise
        self.session = session

    def compose(self) -> ComposeResult:
        """What was promised, the due phrase, and its reading."""
        with Horizontal(classes="promise-row"):
            yield LineInput(
                self.promise.text,
                placeholder="What you promised",
                classes="promise-text",
                compact=True,
            )
            yield LineInput(
                self.promise.due_phrase,
                placeholder="by when? e.g. thursday",
                classes="promise-due",
                compact=True,
            )
        yield FieldMessage(self._reading(), classes="promise-reading")

    def _reading(self) -> str:
        from core.dates import describe

        if self.promise.due_at is not None:
            return "due " + describe(self.promise.due_at, self.session.now())
        if self.promise.due_phrase:
            return f"Can't read {self.promise.due_phrase!r} as a date: try 'friday 5pm'."
        return "No date yet: a promise without a date is easy to forget."

    @on(Input.Changed, ".promise-text")
    def _text(self, event: Input.Changed) -> None:
        repo, pid, field = self.session.repo, self.promise.id or 0, event.input
        self.session.saver.schedule(
            ("promise", pid, "text"), lambda: repo.update_promise(pid, text=field.value)
        )

    @on(Input.Changed, ".promise-due")
    def _due(self, event: Input.Changed) -> None:
        field = event.input
        self.session.saver.schedule(
            ("promise", self.promise.id, "due"), lambda: self._save_due(field.value)
        )

    @on(Input.Submitted, ".promise-due")
    def _due_now(self, event: Input.Submitted) -> None:
        self.session.saver.flush()

    def _save_due(self, phrase: str) -> None:
        from core.dates import DatePhraseError, describe
        from core.services import set_promise_due

        message = self.query_one(FieldMessage)
        try:
            self.promise = set_promise_due(
                self.session.repo,
                self.promise.id or 0,
                phrase,
                self.session.now(),
                self.session.country,
            )
        except DatePhraseError as exc:
            message.show_error(str(exc))
            return
        if self.promise.due_at is None:
            message.show_info("No date yet.")
        else:
            message.show_ok("due " + describe(self.promise.due_at, self.session.now()))


class PromisesPane(PromptPane):
    """Every promise of this interview; ctrl+n adds one, ctrl+r removes the focused one."""

    BINDINGS = [
        Binding("ctrl+n", "add", "Add promise"),
        Binding("ctrl+r", "remove", "Remove promise"),
    ]

    def compose(self) -> ComposeResult:
        """Header, the promises, the keys."""
        yield from prompt_header(self.prompt)
        with VerticalScroll(classes="promise-items"):
            for promise in self.session.repo.promise_rows(self.interview_id):
                yield PromiseItem(promise, self.session)
        yield Static(
            plain(
                "ctrl+n add a promise  ·  ctrl+r remove the focused one  ·  "
                "dates: 'thursday', 'friday 5pm', 'in 3 days', '2 business days'"
            ),
            classes="pane-keys",
            markup=False,
        )

    def focus_editor(self) -> None:
        """Focus the first promise, or add one when there are none."""
        items = list(self.query(PromiseItem))
        if items:
            items[0].query_one(".promise-text").focus()
        else:
            self.action_add()

    def action_add(self) -> None:
        """Add an empty promise and put the cursor in it."""
        from core.models import Promise

        with refusal_shown(self.app):
            promise = self.session.repo.add_promise(Promise(interview_id=self.interview_id))
            item = PromiseItem(promise, self.session)
            append_item(
                self.query_one(".promise-items", VerticalScroll),
                item,
                lambda: item.query_one(".promise-text"),
            )

    def action_remove(self) -> None:
        """Remove the promise holding the focus, after a confirmation."""
        item = focused_item(self, PromiseItem, "Move to a promise first.")
        if item is not None:
            label = item.promise.text or "this empty promise"
            repo, promise_id = self.session.repo, item.promise.id or 0
            remove_after_confirm(
                item,
                f"Remove {label!r}?",
                self.session.saver,
                lambda: repo.delete_promise(promise_id),
            )
