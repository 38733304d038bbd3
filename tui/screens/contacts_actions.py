"""The contacts mode's keys that act on the selected person: quick add, edit, delete, write a
note, accept a guessed email, export the list as vCards; and an edit in the details shown in
the table at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.saver import refusal_safe, refusal_shown

if TYPE_CHECKING:
    from textual.widget import Widget

    from core.contacts_list import ContactLine, ContactLines
    from core.models import Application, Person
    from core.services_people import ContactRow, Scope
    from tui.session import Session
    from tui.widgets.person_detail import PersonDetail


class ContactsActions:
    """Key actions of the contacts mode; the screen provides the selection, session, reload."""

    if TYPE_CHECKING:  # provided by the screen (and Textual)
        view: ContactLines | None
        session: Session | None
        app: Any
        _detail: Widget
        rows: dict[int, ContactLine]
        ordered: list[ContactLine]

        def reload(self, select: int | None = None) -> None: ...
        def _show_detail(self, force: bool = False) -> None: ...
        def _current_id(self) -> int | None: ...
        def _scope(self) -> Scope: ...
        def notify(self, message: str, **kwargs: Any) -> None: ...
        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...
        def _cells(self, row: ContactLine) -> tuple[object, ...]: ...
        def _page_lines(self) -> ContactLines | None: ...

    def on_person_detail_saved(self, event: PersonDetail.Saved) -> None:
        """A field was saved in the detail panel: show it in the table row at once, and the
        guesses (A2) of the others shown at that company, which rest on its addresses."""
        from core.contacts_list import line_of

        saved = line_of(event.row)
        changed, company = [saved], saved.company.casefold()
        if any(
            r.id != saved.id and not r.email and r.company.casefold() == company
            for r in self.ordered
        ):
            page = self._page_lines()
            fresh = {new.id: new for new in page.lines} if page is not None else {}
            shown = [(row, fresh.get(row.id)) for row in self.ordered if row.id != saved.id]
            changed += [new for row, new in shown if new is not None and new.guess != row.guess]
        from textual.widgets import DataTable

        table = self.query_one(DataTable)
        keys = {str(k.value) for k in table.rows}
        for new in changed:
            self.rows[new.id] = new
            self.ordered = [new if row.id == new.id else row for row in self.ordered]
            if str(new.id) in keys:
                for column, value in zip(table.columns, self._cells(new), strict=False):
                    table.update_cell(str(new.id), column, value)

    def _full_row(self, person_id: int | None, fresh: bool = False) -> ContactRow | None:
        """The full row of a listed person: the one in the details (unless `fresh`), else read
        (one person's flags, guess and messages; the table holds only what it shows)."""
        from core.contacts_list import contact_row
        from tui.widgets.person_detail import PersonDetail

        session = self.session
        if person_id is None or person_id not in self.rows or session is None:
            return None
        current = self._detail
        if not fresh and isinstance(current, PersonDetail) and current.row.person.id == person_id:
            return current.row
        try:
            return contact_row(session.repo, person_id, session.settings.phone_region)
        except KeyError:  # gone since the page was read
            return None

    def _selected(self) -> ContactRow | None:
        row = self._full_row(self._current_id())
        if row is None:
            self.notify("Nobody selected.", markup=False)
        return row

    def neighbour(self, row: ContactRow) -> int | None:
        """The id of the person listed after `row` (before it, if it is the last)."""
        ids = [r.id for r in self.ordered]
        at = ids.index(row.person.id) if row.person.id in ids else -1
        if at < 0 or len(self.ordered) < 2:
            return None
        return self.ordered[at + 1 if at + 1 < len(self.ordered) else at - 1].id

    def action_quick_add(self) -> None:
        """Add someone from one line, to the current interview."""
        from tui.screens.quick_add import QuickAddScreen

        session = self.session
        if session is None or session.interview_id is None:
            self.notify("Capture an interview first (n).", markup=False)
            return
        self.app.push_screen(
            QuickAddScreen(session.interview_id),
            lambda pid: self.reload(select=pid) if pid else None,
        )

    def action_edit(self) -> None:
        """Put the cursor in the selected person's details."""
        from tui.widgets.person_detail import PersonDetail

        detail = self._detail
        if isinstance(detail, PersonDetail):
            detail.focus_first()

    def action_delete(self) -> None:
        """Delete the selected person and everything about them, after asking."""
        from tui.screens.confirm import ConfirmScreen

        row, session = self._selected(), self.session
        if row is None or session is None:
            return

        def answer(yes: bool | None) -> None:
            from core.services_people import delete_contact

            if yes:
                session.saver.flush()
                with refusal_shown(self.app):
                    delete_contact(session.repo, row.person.id or 0)
                    session.changed.update(row.met_at)
                    self.reload(select=self.neighbour(row))  # the cursor stays in its place

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {row.person.name} and everything about them (details, highlights)?"
            ),
            answer,
        )

    def action_write_note(self) -> None:
        """Open the selected person's thank-you note (C8: staff get theirs), drafted once."""
        from core.models import NoteKind, RoleKind
        from tui.screens.note_editor import open_note_editor

        row, session = self._selected(), self.session
        if row is None or session is None:
            return
        staff = row.person.role_kind is RoleKind.STAFF
        here = session.interview_id if session.interview_id in row.met_at else None
        open_note_editor(
            self,
            person_id=row.person.id,
            kind=NoteKind.STAFF_THANKS if staff else NoteKind.THANK_YOU,
            interview_id=here,
        )

    @refusal_safe
    def action_accept_guess(self) -> None:
        """A2: take the guessed email, marked as a guess."""
        from core.services_people import NoGuess, accept_guess

        row, session = self._selected(), self.session
        if row is None or session is None:
            return
        try:
            accept_guess(session.repo, row.person.id or 0)
        except NoGuess as exc:
            self.notify(str(exc), markup=False, severity="warning")
            return
        self.reload(select=row.person.id)
        self._show_detail(force=True)  # the panel still showed no email and its flag

    def _listed(self, session: Session) -> list[tuple[Person, Application]]:
        """Everyone the scope lists (every page of it), with their application."""
        from core.services_people import Scope

        repo, scope = session.repo, self._scope()
        if scope is Scope.EVERYONE or session.interview_id is None:
            return repo.people_with_application()
        interview = repo.get_interview(session.interview_id)
        if scope is Scope.APPLICATION:
            return repo.people_with_application(interview.application_id)
        app = repo.get_application(interview.application_id)
        return [(person, app) for person, _link in repo.participants(session.interview_id)]

    def action_export(self) -> None:
        """Export everyone the scope lists (not only the page shown) as a vCard file in the
        data folder."""
        from core.export_vcard import vcards_text
        from core.private_file import write_private

        session = self.session
        if session is None or self.view is None:
            return
        repo = session.repo
        people = self._listed(session)
        target = Path(repo.path or Path.cwd()).with_name("contacts.vcf")
        try:
            text = vcards_text(people, repo.database_id(), session.settings.phone_region)
            write_private(target, text)
        except OSError as exc:
            self.notify(f"Could not write {target}: {exc.strerror}", markup=False, severity="error")
            return
        self.notify(f"{len(people)} contact(s) written to {target}", markup=False)
