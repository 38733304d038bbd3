"""The note editor: one person's note, saved as typed, checked as typed (C1, C5, C6, D8 ...),
copied, saved as .eml, opened as mailto:, and marked sent (touch logged, action done)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from core.models import NoteKind
from tui.saver import refusal_safe
from tui.text import line, plain
from tui.widgets.key_bar import KeyBar
from tui.widgets.line_input import LineInput
from tui.widgets.note_area import NoteArea
from tui.widgets.note_findings import ComparePane, findings_content

if TYPE_CHECKING:
    from core.note_checks import NoteFinding
    from core.services_notes import NoteView
    from tui.session import Session

CHECK_DELAY = 0.15  # seconds of quiet typing before the checks run again
KIND_TITLES = {
    NoteKind.THANK_YOU: "Thank-you email",
    NoteKind.MAILED_NOTE: "Mailed note",
    NoteKind.STAFF_THANKS: "Thanks to the staff",
    NoteKind.VALUE_ADD: "Value-add follow-up",
    NoteKind.STATUS_CHECK: "Status check",
    NoteKind.FEEDBACK_REQUEST: "Feedback request",
    NoteKind.WITHDRAW: "Polite withdrawal",
    NoteKind.LINKEDIN: "LinkedIn message",
}
_NO_SUBJECT = frozenset({NoteKind.MAILED_NOTE, NoteKind.LINKEDIN})


class NoteEditor(ModalScreen[bool]):
    """Subject and body of one note with its findings; dismissed with True once sent."""

    CSS_PATH = "note_editor.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("ctrl+s", "mark_sent", "Mark sent", priority=True),
        Binding("ctrl+y", "copy", "Copy", priority=True),
        Binding("ctrl+e", "save_eml", "Save .eml", priority=True),
        Binding("ctrl+l", "mailto", "mailto: link", priority=True),
    ]

    def __init__(self, view: NoteView) -> None:
        super().__init__()
        self.view = view
        self.findings: list[NoteFinding] = []
        self._check_timer: Timer | None = None

    @property
    def session(self) -> Session:
        """The open database (the editor is only opened once it is)."""
        session: Session = self.app.session  # type: ignore[attr-defined]
        return session

    def compose(self) -> ComposeResult:
        """Title, recipient, subject and body beside the findings, comparison, status."""
        view, note = self.view, self.view.note
        with Vertical(id="note-box"):
            yield Static(self._title(), id="note-title", markup=False)
            yield Static(self._recipient(), id="note-to", markup=False)
            with Horizontal(id="note-main"):
                with Vertical(id="note-edit"):
                    subject = LineInput(note.subject, placeholder="Subject", id="note-subject")
                    subject.display = note.kind not in _NO_SUBJECT
                    yield subject
                    yield NoteArea(note.body, id="note-body")
                with VerticalScroll(id="note-findings"):
                    yield Static("", id="note-findings-text", markup=False)
            yield ComparePane(id="note-compare")
            yield Static(plain(f"Writing to {view.person.name}."), id="note-status", markup=False)
        yield KeyBar()

    def _title(self) -> object:
        view, note = self.view, self.view.note
        parts: list[str | tuple[str, str]] = [
            (KIND_TITLES[note.kind], "bold"),
            " to ",
            (view.person.name, "bold"),
            f"  ·  {view.company}",
        ]
        if view.role:
            parts.append(f"  ·  {view.role}")
        if note.sent_at is not None:
            parts.append((f"  ·  sent {note.sent_at:%a %d %b %H:%M}", "$success"))
        return line(*parts)

    def _recipient(self) -> object:
        person, kind = self.view.person, self.view.note.kind
        if kind is NoteKind.MAILED_NOTE:
            address = " / ".join(x.strip() for x in person.mailing_address.splitlines() if x)
            return line(("Mail to: ", "dim"), address or "no mailing address yet")
        if kind is NoteKind.LINKEDIN:
            return line(("LinkedIn: ", "dim"), person.linkedin or "no profile yet")
        if not person.email:
            return line(("To: ", "dim"), person.name, (" · no email address yet", "$warning"))
        source = f" ({person.email_source.value})" if person.email_source.value else ""
        return line(("To: ", "dim"), f"{person.name} <{person.email}>{source}")

    def on_mount(self) -> None:
        """Cursor in the body; run the checks once."""
        self.query_one(NoteArea).focus()
        self._run_checks()

    @property
    def subject(self) -> str:
        """The subject as typed."""
        return self.query_one("#note-subject", LineInput).value

    @property
    def body(self) -> str:
        """The body as typed."""
        return self.query_one(NoteArea).text

    @on(Input.Changed, "#note-subject")
    @on(TextArea.Changed, "#note-body")
    def _changed(self, event: Input.Changed | TextArea.Changed) -> None:
        from core.services_notes import save_note

        repo, note_id = self.session.repo, self.view.note.id or 0
        self.session.saver.schedule(
            ("note", note_id), lambda: save_note(repo, note_id, self.subject, self.body)
        )
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self._run_checks)

    def _run_checks(self) -> None:
        """Check the text as it is now and show the findings (and the C1 comparison)."""
        from core.note_text import words
        from core.notes import WORD_LIMITS

        self._check_timer = None
        body = self.body
        self.findings = self.view.findings(self.subject, body)
        limit = WORD_LIMITS[self.view.note.kind]
        self.query_one("#note-findings-text", Static).update(
            findings_content(body, self.findings, len(words(body)), limit)
        )
        spans = [f.span for f in self.findings if f.span is not None and f.field == "body"]
        spans += [s.span for f in self.findings for s in f.shared]
        self.query_one(NoteArea).show_spans(spans)
        similar = next((f for f in self.findings if f.code == "C1"), None)
        self.query_one(ComparePane).show(similar)

    def _status(self, text: str, style: str = "") -> None:
        self.query_one("#note-status", Static).update(plain(text, style))

    def action_copy(self) -> None:
        """Copy the body to the clipboard (OSC 52)."""
        self.app.copy_to_clipboard(self.body)
        self._status("Body copied to the clipboard (if your terminal allows OSC 52).")

    def action_save_eml(self) -> None:
        """Save the note as an .eml draft beside the database (0600) and say where."""
        from core.export_eml import eml_filename, write_eml

        session, person = self.session, self.view.person
        session.saver.flush()
        folder = Path(session.repo.path).parent if session.repo.path else Path.cwd()
        target = folder / eml_filename(person.name, self.view.note.kind.value)
        try:
            write_eml(target, person.name, person.email, self.subject, self.body, session.now())
        except OSError as exc:
            self._status(f"Could not write {target}: {exc.strerror}", "$error")
            return
        self._status(f"Saved {target} (0600): open it in your mail client as a draft.")

    def action_mailto(self) -> None:
        """Show the mailto: link (RFC 6068) and copy it."""
        from core.export_eml import mailto_link

        link = mailto_link(self.view.person.email, self.subject, self.body)
        self.app.copy_to_clipboard(link)
        self._status(f"Copied: {link}")

    @refusal_safe
    def action_mark_sent(self, override: bool = False) -> None:
        """Mark the note sent: the touch is logged and the action done (the D7 guard may ask)."""
        from core.services_notes import NoteProblem, mark_sent
        from core.services_plan import GuardWarning

        session = self.session
        session.saver.flush()
        try:
            mark_sent(
                session.repo,
                self.view.note.id or 0,
                session.now(),
                session.plan_ctx,
                override=override,
            )
        except GuardWarning as warning:
            self._ask_guard(warning)
            return
        except NoteProblem as exc:
            self._status(str(exc), "$warning")
            return
        label = KIND_TITLES[self.view.note.kind].lower()
        self.notify(f"Sent: {label} to {self.view.person.name}; logged and done.", markup=False)
        self.dismiss(True)

    def _ask_guard(self, warning: Exception) -> None:
        from tui.screens.confirm import ConfirmScreen

        findings = getattr(warning, "findings", [])
        text = "\n".join("• " + f.text() for f in findings)

        def decided(yes: bool | None) -> None:
            if yes:
                self.action_mark_sent(override=True)

        self.app.push_screen(
            ConfirmScreen(f"Hold on (D7, E2):\n{text}\n\nSend anyway? Your choice is recorded."),
            decided,
        )

    def action_close(self) -> None:
        """Save what is pending and close."""
        self.session.saver.flush()
        self.dismiss(False)


def open_note_editor(
    screen: Screen[object],
    *,
    action_id: int | None = None,
    person_id: int | None = None,
    kind: NoteKind = NoteKind.THANK_YOU,
    interview_id: int | None = None,
) -> None:
    """Open the editor on an action's note, or on a person's note of a kind (drafted once)."""
    from core.services_notes import NoteProblem, open_for_action, open_note

    session: Session | None = getattr(screen.app, "session", None)
    if session is None:
        return
    session.saver.flush()
    try:
        if action_id is not None:
            view = open_for_action(session.repo, action_id, session.now())
        else:
            view = open_note(
                session.repo, person_id or 0, kind, session.now(), interview_id=interview_id
            )
    except NoteProblem as exc:
        screen.notify(str(exc), markup=False, severity="warning")
        return
    screen.app.push_screen(NoteEditor(view))
