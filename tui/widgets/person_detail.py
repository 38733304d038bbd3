"""Every field of one contact, editable in place and saved as typed, each with its message."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from core.services_people import ContactRow
from tui.session import Session
from tui.text import line, plain
from tui.widgets.field_message import FieldMessage
from tui.widgets.line_input import LineInput
from tui.widgets.safe_text_area import SafeTextArea

ROLE_KINDS = [
    ("Interviewer", "interviewer"),
    ("Future manager", "future_manager"),
    ("Recruiter / HR", "recruiter"),
    ("Staff", "staff"),
    ("Other", "other"),
]
MODES = [("Not known", ""), ("Email", "email"), ("Phone", "phone")]
SOURCES = [
    ("Not known", ""),
    ("Business card", "card"),
    ("Confirmed", "confirmed"),
    ("Company website", "website"),
    ("Guessed", "guessed"),
]
LINES = (
    ("name", "Name"),
    ("title", "Title"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("best_time", "Best time"),
    ("linkedin", "LinkedIn"),
)
PLACEHOLDERS = {
    "title": "e.g. VP Engineering",
    "email": "name@company.com",
    "phone": "+1 415 555 0100",
    "best_time": "e.g. mornings, Tue-Thu",
    "linkedin": "linkedin.com/in/…",
}
TEXTS = (("mailing_address", "Mailing address"), ("personal", "Something personal"))


def _row(label: str, field: Widget, name: str, message: str) -> ComposeResult:
    with Horizontal(classes="detail-row"):
        yield Label(label, classes="field-label")
        with Vertical(classes="field"):
            yield field
            yield FieldMessage(message, id=f"msg-{name}", classes="-error" if message else "")


class PersonDetail(VerticalScroll):
    """The detail panel of the contacts screen for one person."""

    class Saved(Message):
        """A field of the person was saved; `row` holds the person as stored."""

        def __init__(self, row: ContactRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, row: ContactRow, session: Session) -> None:
        super().__init__(classes="person-detail")
        self.row = row
        self.session = session

    def compose(self) -> ComposeResult:
        """Flags first, then every field."""
        person, messages = self.row.person, self.row.messages
        yield Static(self._flags_text(), id="person-flags", markup=False)
        values = {"phone": self.row.phone}
        for name, label in LINES:
            value = values.get(name, getattr(person, name))
            yield from _row(
                label,
                LineInput(
                    value, id=f"f-{name}", compact=True, placeholder=PLACEHOLDERS.get(name, "")
                ),
                name,
                messages.get(name, ""),
            )
            if name == "name":
                yield from _row(
                    "",
                    Checkbox(
                        "Spelling confirmed (A1)",
                        person.spelling_confirmed,
                        id="f-spelling_confirmed",
                        compact=True,
                    ),
                    "spelling_confirmed",
                    "",
                )
            if name == "email":
                yield from _row(
                    "Email from",
                    Select(
                        SOURCES,
                        value=person.email_source.value,
                        allow_blank=False,
                        id="f-email_source",
                        compact=True,
                    ),
                    "email_source",
                    "",
                )
        yield from _row(
            "Role",
            Select(
                ROLE_KINDS,
                value=person.role_kind.value,
                allow_blank=False,
                id="f-role_kind",
                compact=True,
            ),
            "role_kind",
            "",
        )
        yield from _row(
            "Reach by",
            Select(
                MODES,
                value=person.preferred_mode.value,
                allow_blank=False,
                id="f-preferred_mode",
                compact=True,
            ),
            "preferred_mode",
            "",
        )
        for name, label in TEXTS:
            yield from _row(
                label,
                SafeTextArea(
                    getattr(person, name),
                    id=f"f-{name}",
                    classes="detail-text",
                ),
                name,
                "",
            )

    def _flags_text(self) -> object:
        row = self.row
        parts: list[str | tuple[str, str]] = [(row.person.name, "bold"), f"  ·  {row.company}"]
        if row.guess is not None:
            parts += [
                "\n",
                ("? ", "bold $warning"),
                f"Guessed email: {row.guess.email} (g accepts it, marked guessed)",
            ]
        for flag in row.flags:
            parts += [
                "\n",
                ("! " if flag.blocking else "· ", "bold $warning"),
                f"{flag.reason} ({flag.rule})",
            ]
        if not row.flags and row.guess is None:
            parts += ["\n", ("✓ ", "bold $success"), "Everything the follow-ups need is here."]
        return line(*parts)

    @on(Input.Changed)
    def _line_changed(self, event: Input.Changed) -> None:
        if self._shown(event.input.id) != event.value:
            self._schedule(event.input.id or "", lambda: event.input.value)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if self._shown(event.text_area.id) != event.text_area.text:
            self._schedule(event.text_area.id or "", lambda: event.text_area.text)

    def _shown(self, widget_id: str | None) -> object:
        """The value the field was filled with (changes equal to it are not edits)."""
        name = (widget_id or "f-").removeprefix("f-")
        return self.row.phone if name == "phone" else getattr(self.row.person, name, None)

    @on(Checkbox.Changed)
    def _checked(self, event: Checkbox.Changed) -> None:
        self._schedule(event.checkbox.id or "", lambda: event.checkbox.value)
        self.session.saver.flush()

    @on(Select.Changed)
    def _selected(self, event: Select.Changed) -> None:
        if event.value != getattr(self.row.person, (event.select.id or "f-")[2:], None):
            self._schedule(event.select.id or "", lambda: str(event.value))
            self.session.saver.flush()

    def _schedule(self, widget_id: str, read: object) -> None:
        name = widget_id.removeprefix("f-")
        person_id = self.row.person.id or 0
        self.session.saver.schedule(
            ("person", person_id, name), lambda: self._save(person_id, name, read)
        )

    def _save(self, person_id: int, name: str, read: object) -> None:
        from core.services_people import save_field

        value = read() if callable(read) else read
        saved = save_field(
            self.session.repo, person_id, name, value, self.session.settings.phone_region
        )
        messages = self.query(f"#msg-{name}")
        if messages:
            message = messages.first(FieldMessage)
            if saved.message:
                message.show_error(saved.message)
            elif saved.note:
                message.show_ok(saved.note)
            else:
                message.show_info("")
        from core.contacts_list import contact_row

        # The flags, the guess and the table's "Needs" follow from the fields: read them again.
        self.row = contact_row(self.session.repo, person_id, self.session.settings.phone_region)
        self.query_one("#person-flags", Static).update(self._flags_text())
        self.post_message(self.Saved(self.row))

    def show(self, row: ContactRow) -> None:
        """Show another person in the same widgets (no rebuild: cheap on every arrow key)."""
        self.row = row
        person = row.person
        self.query_one("#person-flags", Static).update(self._flags_text())
        for name, _label in LINES:
            field = self.query_one(f"#f-{name}", Input)
            with field.prevent(Input.Changed):
                field.value = row.phone if name == "phone" else getattr(person, name)
        box = self.query_one("#f-spelling_confirmed", Checkbox)
        with box.prevent(Checkbox.Changed):
            box.value = person.spelling_confirmed
        for name in ("email_source", "role_kind", "preferred_mode"):
            select = self.query_one(f"#f-{name}", Select)
            with select.prevent(Select.Changed):
                select.value = getattr(person, name).value
        for name, _label in TEXTS:
            area = self.query_one(f"#f-{name}", TextArea)
            with area.prevent(TextArea.Changed):
                area.load_text(getattr(person, name))
        for message in self.query(FieldMessage):
            name = (message.id or "msg-").removeprefix("msg-")
            text = row.messages.get(name, "")
            message.show_error(text) if text else message.show_info("")
        self.scroll_home(animate=False)

    def focus_first(self) -> None:
        """Put the cursor in the name."""
        self.query_one("#f-name", Input).focus()


def empty_detail() -> Static:
    """What the panel shows when nobody is selected."""
    return Static(
        plain(
            "Nobody here yet. Press a to add someone: 'Jane Doe <jane@acme.com>' or "
            "'Jane Doe, VP Engineering, jane@acme.com, +1 415 555 0100'."
        ),
        classes="person-detail",
        markup=False,
    )
