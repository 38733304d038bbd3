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
        self.display = bool(text)

    def _state(self, state: str) -> None:
        """Set -error / -ok (or neither), keeping the classes the message was created with."""
        self.remove_class("-error", "-ok")
        if state:
            self.add_class(state)

    def show_error(self, text: str) -> None:
        """Show a problem with the field."""
        self._state("-error")
        self._show(text)

    def show_ok(self, text: str) -> None:
        """Show how the field was understood."""
        self._state("-ok")
        self._show(text)

    def show_info(self, text: str) -> None:
        """Show neutral guidance."""
        self._state("")
        self._show(text)

    def _show(self, text: str) -> None:
        """Show `text`; an empty message takes no room."""
        self.update(plain(text))
        self.display = bool(text)
