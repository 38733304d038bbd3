"""A one-line input that never silently drops part of a multi-line paste."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class LineInput(Input):
    """An Input whose multi-line pastes are joined into one line, with a notice (not cut)."""

    def _on_paste(self, event: events.Paste) -> None:
        lines = [part.strip() for part in event.text.splitlines() if part.strip()]
        if len(lines) > 1:
            joined = " ".join(lines)
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *selection)
            self.notify(f"Pasted {len(lines)} lines as one line.", markup=False, timeout=4)
            event.prevent_default()  # Textual would also run Input._on_paste: the first line again
            event.stop()
        # One line: Input._on_paste (run next by Textual, along the MRO) inserts it, once.
