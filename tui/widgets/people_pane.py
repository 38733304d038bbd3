"""B2: the highlights of the conversation with each person met, for their thank-you note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static, TextArea

from core.records import MetRow
from tui.saver import refusal_shown
from tui.session import Session
from tui.text import line
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput
from tui.widgets.safe_text_area import SafeTextArea
from tui.widgets.text_pane import PromptPane, prompt_header

ROLE_LABELS = {
    "interviewer": "interviewer",
    "future_manager": "future manager",
    "recruiter": "recruiter / HR",
    "staff": "staff",
    "other": "other",
}


def person_heading(met: MetRow) -> list[str | tuple[str, str]]:
    """Name (bold), then title and role kind, as literal parts."""
    parts: list[str | tuple[str, str]] = [(met.name, "bold")]
    details = [d for d in (met.title, ROLE_LABELS.get(met.role_kind, "")) if d]
    if details:
        parts.append(("  ·  " + "  ·  ".join(details), "dim"))
    return parts


class HighlightsItem(Vertical):
    """One person and the highlights of your conversation with them."""

    def __init__(self, met: MetRow, session: Session) -> None:
        super().__init__(classes="highlights-item")
        self.met = met
        self.session = session

    def compose(self) -> ComposeResult:
        """Heading and editor."""
        yield Static(line(*person_heading(self.met)), classes="person-heading", markup=False)
        yield SafeTextArea(self.met.highlights, classes="highlights")

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        repo, iid, pid = self.session.repo, self.met.interview_id, self.met.person_id
        self.session.saver.schedule(
            ("highlights", iid, pid), lambda: repo.save_highlights(iid, pid, area.text)
        )


class PeoplePane(PromptPane):
    """Everyone met at this interview, and a line to add whoever is missing."""

    def compose(self) -> ComposeResult:
        """Header, one item per person, the add line."""
        yield from prompt_header(self.prompt)
        with VerticalScroll(classes="highlights-items"):
            yield from self._items()
        yield LineInput(
            placeholder="Add people met: Jane Doe <jane@acme.com>, John Smith (Enter)",
            id="add-people",
            compact=True,
        )
        yield FieldMessage("", id="add-people-msg")

    def _items(self) -> list[HighlightsItem]:
        return [
            HighlightsItem(met, self.session)
            for met in self.session.repo.met_rows(self.interview_id)
        ]

    def focus_editor(self) -> None:
        """Focus the first person's highlights, or the add line when nobody is recorded."""
        areas = list(self.query(".highlights"))
        (areas[0] if areas else self.query_one("#add-people")).focus()

    @on(Input.Submitted, "#add-people")
    def _add(self, event: Input.Submitted) -> None:
        from core.people import PersonLineError
        from core.services import add_people

        message = self.query_one("#add-people-msg", FieldMessage)
        added = None
        try:
            with refusal_shown(self.app):
                added = add_people(self.session.repo, self.interview_id, event.value)
        except PersonLineError as exc:
            message.show_error(str(exc))
            return
        if added is None:  # the file refused it (disk full, busy): said so
            return
        if not added:
            message.show_error("Type a name first, e.g. Jane Doe <jane@acme.com>.")
            return
        event.input.value = ""
        scroll = self.query_one(".highlights-items", VerticalScroll)
        self.session.saver.flush()
        scroll.remove_children()
        scroll.mount_all(self._items())
        message.show_ok("Added: " + ", ".join(p.name for p in added))
