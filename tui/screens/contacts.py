"""The contacts mode: everyone met, with exactly what the follow-ups will need."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from tui.screens.contacts_actions import ContactsActions
from tui.screens.mode_screen import ModeScreen
from tui.text import line, plain
from tui.widgets.key_bar import KeyBar
from tui.widgets.paged_table import PAGE, PagedTable, Window, pages_line
from tui.widgets.person_detail import PersonDetail

if TYPE_CHECKING:
    from core.contacts_list import ContactLine, ContactLines
    from core.services_people import Scope
    from tui.session import Session

COLUMNS = (("Name", 17), ("Role", 12), ("Company", 11), ("Email", 20), ("Needs", 5))
ROLE_SHORT = {
    "interviewer": "interviewer",
    "future_manager": "future mgr",
    "recruiter": "recruiter/HR",
    "staff": "staff",
    "other": "other",
}
SOURCE_SHORT = {"guessed": " (guess)", "card": "", "confirmed": " ✓", "website": "", "": ""}
SORTS = ("name", "company", "role", "needs")


class ContactsScreen(ContactsActions, ModeScreen):
    """A table of people (this interview, its process, or everyone) and the selected one; a long
    list shows a page of PAGE people at a time (#8), with a line saying what is left."""

    CSS_PATH = "contacts.tcss"
    BINDINGS = [
        Binding("a", "quick_add", "Quick add"),
        Binding("e", "edit", "Edit"),
        Binding("w", "write_note", "Write note"),
        Binding("delete", "delete", "Delete"),
        Binding("g", "accept_guess", "Accept guess"),
        Binding("x", "export", "Export vCard"),
        Binding("s", "scope", "Scope"),
        Binding("o", "sort", "Sort"),
        Binding("escape", "focus_table", "List", show=False),
        Binding("right_square_bracket", "page(1)", "Next page", show=False),
        Binding("left_square_bracket", "page(-1)", "Previous page", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.scope_index = 0
        self.sort_index = 0
        self.rows: dict[int, ContactLine] = {}
        self.ordered: list[ContactLine] = []
        self.window = Window(PAGE)
        self._listing: tuple[object, int] | None = None  # scope and sort of the page shown
        self.view: ContactLines | None = None
        self._detail: Widget = Static("", classes="person-detail", markup=False)

    def compose(self) -> ComposeResult:
        """Title, table and detail side by side."""
        yield Static("", id="contacts-title", markup=False)
        with Horizontal(id="contacts-main"):
            with Vertical(id="contacts-list"):
                table = PagedTable(id="contacts-table", cursor_type="row")
                for label, width in COLUMNS:
                    table.add_column(label, width=width)
                yield table
                yield Static("", id="contacts-pages", markup=False)
            yield self._detail
        yield KeyBar()

    def _scope(self) -> Scope:
        from core.services_people import Scope

        session = self.session
        order = [Scope.INTERVIEW, Scope.APPLICATION, Scope.EVERYONE]
        if session is None or session.interview_id is None:
            return Scope.EVERYONE
        return order[self.scope_index % 3]

    def reload(self, select: int | None = None) -> None:
        """Read the scope's contacts (the page shown) and redraw, keeping (or moving to) the
        selected person, on the page that holds them after a new sort; another scope starts
        from its first page."""
        session = self.session
        if session is None:
            return
        session.saver.flush()
        keep = select if select is not None else self._current_id()
        listing = (self._scope(), self.sort_index % len(SORTS))
        if listing != self._listing:
            resorted = self._listing is not None and self._listing[0] == listing[0]
            self._listing = listing  # a new sort opens where the person is; a scope, on top
            self.window.offset = self._page_holding(keep) if resorted else 0
        self._read()
        self._set_title(session, self._scope())
        self._fill(str(keep) if keep is not None else None)

    def _page_holding(self, person_id: int | None) -> int:
        """The offset of the page that holds this person in the list as sorted now (the first
        page when they are not in it): a new sort keeps the cursor on the same person."""
        from core.contacts_list import index_in_list

        session = self.session
        if person_id is None or session is None:
            return 0
        order = SORTS[self.sort_index % len(SORTS)]
        order = "name" if order == "needs" else order
        found = index_in_list(session.repo, self._scope(), session.interview_id, person_id, order)
        return 0 if found is None else found - found % PAGE

    def _read(self) -> None:
        """Read the window's page of the scope as lines (what the columns show), sorted in the
        database (a scope that fits on one page is sorted here); by what is missing only when it
        fits (flags are counted per person, not in the database)."""
        page = self._page_lines()
        if page is None:
            return
        order = SORTS[self.sort_index % len(SORTS)]
        self.window.total = page.total
        if not page.lines and page.total and self.window.offset:
            self.window.resize(page.total)  # the list shrank under the page shown
            self._read()
            return
        if order == "needs" and page.total > PAGE:
            self.sort_index = 0
            self._listing = (self._scope(), 0)
            self.notify(
                "Sorting by what is missing works on one page of people: sorted by name.",
                markup=False,
            )
            self._read()
            return
        self.view = page
        whole = page.total <= PAGE  # then sorted here, the same way in every scope
        self.ordered = sorted(page.lines, key=self._sort_key) if whole else page.lines
        self.rows = {row.id: row for row in self.ordered}

    def _page_lines(self) -> ContactLines | None:
        """The window's page of the scope as lines, sorted in the database by the sort shown
        (by name when sorting by what is missing)."""
        from core.contacts_list import contact_lines

        session, order = self.session, SORTS[self.sort_index % len(SORTS)]
        if session is None:
            return None
        scope, offset = self._scope(), self.window.offset
        order = "name" if order == "needs" else order
        return contact_lines(
            session.repo, scope, session.interview_id, order=order, offset=offset, limit=PAGE
        )

    def _fill(self, key: str | None = None, last: bool = False) -> None:
        """Show the page read, the cursor on `key` (else the first row, or the `last`)."""
        table = self.query_one(PagedTable)
        window = self.window
        table.clear()
        for row in self.ordered:
            table.add_row(*self._cells(row), key=str(row.id))
        table.more_before, table.more_after = bool(window.before), bool(window.after)
        pages = self.query_one("#contacts-pages", Static)
        pages.update(pages_line(window, "people"))
        pages.display = bool(window.before or window.after)
        if last and table.row_count:
            table.move_cursor(row=table.row_count - 1)
        else:
            self.move_to_key(key)
        self._show_detail()

    def on_paged_table_page_requested(self, event: PagedTable.PageRequested) -> None:
        """Moving past the end of the page (down, up, PgDn, PgUp) shows the next one."""
        if self.window.step(event.step):
            self._read()
            self._fill(last=event.step < 0)

    def action_page(self, step: int) -> None:
        """] / [: the next or previous page of a long list, the cursor on its first row."""
        if self.window.step(step):
            self._read()
            self._fill()
        elif self.window.total > self.window.size:
            self.notify(f"That was the {'last' if step > 0 else 'first'} page.", markup=False)

    def _sort_key(self, row: ContactLine) -> tuple[object, ...]:
        field = SORTS[self.sort_index % len(SORTS)]
        name = row.name.casefold()
        if field == "company":
            return (row.company.casefold(), name)
        if field == "role":
            return (row.role_kind.value, name)
        if field == "needs":
            return (-row.needs, name)
        return (name,)

    def _cells(self, row: ContactLine) -> tuple[object, ...]:
        name = line((row.name, "bold"), (" ✓" if row.spelling_confirmed else "", "$success"))
        if row.email:
            email = row.email + SOURCE_SHORT.get(row.email_source.value, "")
            if row.email_source.value == "guessed":
                email = "? " + row.email
        else:
            email = f"? {row.guess}" if row.guess else "—"
        needs = plain(
            f"! {row.needs}" if row.needs else "✓",
            "bold $warning" if row.needs else "$success",
        )
        return (
            name,
            plain(ROLE_SHORT.get(row.role_kind.value, "")),
            plain(row.company),
            plain(email, "dim" if not row.email else ""),
            needs,
        )

    def action_focus_table(self) -> None:
        """Back from the detail panel to the list."""
        self.query_one(DataTable).focus()

    def _set_title(self, session: Session, scope: Scope) -> None:
        from core.services_people import Scope

        title = self.query_one("#contacts-title", Static)
        parts: list[str | tuple[str, str]] = [("Contacts", "bold")]
        if scope is Scope.EVERYONE:
            parts.append("  ·  everyone")
        else:
            summary = session.repo.summary(session.interview_id or 0)
            where = "this interview" if scope is Scope.INTERVIEW else "this process"
            parts += ["  ·  ", (summary.company, "bold"), f"  ·  {where}"]
        parts.append(f"  ·  sorted by {SORTS[self.sort_index % len(SORTS)]}  ·  s: scope")
        for flags in self.view.application_flags.values() if self.view else []:
            for flag in flags:
                parts += ["  ·  ", (f"! {flag.reason} ({flag.rule})", "$warning")]
        title.update(line(*parts))

    def _current_id(self) -> int | None:
        key = self.current_key()
        return int(key) if key is not None else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the highlighted person's details."""
        self._show_detail()

    def _show_detail(self, force: bool = False) -> None:
        """Show the highlighted person; kept as is when it is the same one, unless `force`."""
        from tui.widgets.person_detail import empty_detail

        session = self.session
        person_id = self._current_id()
        listed = person_id is not None and person_id in self.rows
        current = self._detail
        shown = isinstance(current, PersonDetail) and current.row.person.id == person_id
        if listed and shown and not force:
            return
        if session is not None:
            session.saver.flush()
        row = self._full_row(person_id, fresh=True) if listed else None
        if isinstance(current, PersonDetail) and row is not None:
            current.show(row)
            return
        current.remove()
        self._detail = PersonDetail(row, session) if row is not None and session else empty_detail()
        self.query_one("#contacts-main", Horizontal).mount(self._detail)

    def action_scope(self) -> None:
        """Switch between this interview, this process and everyone."""
        self.scope_index += 1
        self.reload()

    def action_sort(self) -> None:
        """Sort by the next column: name, company, role, what is missing."""
        self.sort_index += 1
        self.reload()
