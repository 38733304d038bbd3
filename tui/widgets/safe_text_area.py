"""The TextArea every editor uses: soft-wrapped, tab moves focus, and patched for a Textual bug."""

from __future__ import annotations

from typing import Any

from textual.widgets import TextArea


class SafeTextArea(TextArea):
    """A soft-wrapped TextArea that survives undoing a long paste (Textual #6686)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)

    def _recompute_cursor_offset(self) -> None:
        # Textual 8.2.8 bug (Textualize/textual#6686): undoing a long paste refreshes the
        # scrollbars while the cursor still points past the restored text, and the app
        # crashed. Clamp the location used for the visual offset only (as PR #6687 does).
        location = self.clamp_visitable(self.cursor_location)
        self._cursor_offset = self.wrapped_document.location_to_offset(location)
