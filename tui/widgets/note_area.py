"""The note's body editor: a soft-wrapped TextArea that underlines what the findings are about."""

from __future__ import annotations

from rich.style import Style

from tui.widgets.safe_text_area import SafeTextArea

FINDING_STYLE = "afterword.finding"


def _locations(text: str, start: int, end: int) -> list[tuple[int, int, int | None]]:
    """Turn a (start, end) span of `text` into (row, start byte, end byte or None) per line,
    the form TextArea's highlight map takes (byte offsets within each UTF-8 line)."""
    lines = text.split("\n")
    found: list[tuple[int, int, int | None]] = []
    offset = 0
    for row, line in enumerate(lines):
        line_end = offset + len(line)
        if end <= offset:
            break
        if start <= line_end and end > offset:
            first = max(start, offset) - offset
            last = min(end, line_end) - offset
            stop: int | None = len(line[:last].encode()) if end <= line_end else None
            found.append((row, len(line[:first].encode()), stop))
        offset = line_end + 1
    return found


class NoteArea(SafeTextArea):
    """A TextArea whose finding spans are underlined until the text changes again."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)  # type: ignore[arg-type]
        self._spans: list[tuple[int, int]] = []
        self._spans_text = ""

    def show_spans(self, spans: list[tuple[int, int]]) -> None:
        """Underline these spans of the current text (dropped on the next edit)."""
        self._spans = spans
        self._spans_text = self.text
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        spans = getattr(self, "_spans", None)
        if not spans:
            return
        text = self.text
        if text != self._spans_text:
            return  # typed since the check ran: the spans would point at the wrong words
        for start, end in spans:
            for row, first, last in _locations(text, start, end):
                self._highlights[row].append((first, last, FINDING_STYLE))

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        styles = dict(self._theme.syntax_styles)
        styles[FINDING_STYLE] = Style(underline=True, bold=True, color="yellow")
        self._theme.syntax_styles = styles
