"""A one-line input that never silently drops part of a multi-line paste."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import Input


class LineInput(Input):
    """An Input whose multi-line pastes are joined into one line, with a notice (not cut).

    Focus puts the cursor at the end and selects nothing: Textual's Input selected its whole
    value, so the first key typed replaced it (no undo), and the saving kept the loss.

    It also keeps quiet about the value it opened with: Textual reports that value as a
    change once the field is mounted, and a field that saved on it would write at every
    opening and read a relative date ('in 2 weeks', 'by friday') again against today."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        self._opened_with = value or ""
        self._edited = False
        # The classes Input gives itself (no validators: valid; compact), given now: added by
        # Textual after creation, each restyled the field once more before the first frame (#8).
        compact = bool(kwargs.pop("compact", False))
        kwargs.setdefault("select_on_focus", False)
        kwargs["classes"] = f"{kwargs.get('classes') or ''} -valid".strip()
        super().__init__(value, *args, **kwargs)
        if compact:  # the value behind the class, set without the reactive's class toggling
            self.add_class("-textual-compact", update=False)
            self.set_reactive(Input.compact, True)

    def post_message(self, message: Message) -> bool:
        """Post, except the Changed that only reports the value the field opened with."""
        if isinstance(message, Input.Changed) and not self._edited:
            if message.value == self._opened_with:
                return False
            self._edited = True
        return super().post_message(message)

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
