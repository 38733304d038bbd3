"""A message shown next to a field: what was understood, or what is wrong."""

from __future__ import annotations

from textual.widgets import Static

from tui.text import plain


class FieldMessage(Static):
    """One line under or beside a field; error style when it reports a problem."""

    DEFAULT_CSS = """
    FieldMessage { height: auto; color: $text-muted; }
    FieldMessage.-error { color: $error; }
    FieldMessage.-ok { color: $success; }
    """

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(plain(text), id=id, classes=classes, markup=False)

    def show_error(self, text: str) -> None:
        """Show a problem with the field."""
        self.set_classes("-error")
        self.update(plain(text))

    def show_ok(self, text: str) -> None:
        """Show how the field was understood."""
        self.set_classes("-ok")
        self.update(plain(text))

    def show_info(self, text: str) -> None:
        """Show neutral guidance."""
        self.set_classes("")
        self.update(plain(text))
