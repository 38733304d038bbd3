"""The TextArea every editor uses: soft-wrapped, tab moves focus, and patched for Textual bugs
(what a key renders: tui/partial_render.py)."""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class SafeTextArea(TextArea):
    """A soft-wrapped TextArea that survives undoing a long paste (Textual #6686) and works out
    its colours only when its styles changed."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)
        self._styled: tuple[tuple[object, ...], tuple[int, ...]] | None = None

    def _style_sources(self) -> tuple[tuple[object, ...], tuple[int, ...]]:
        """Everything TextAreaTheme.apply_css reads: the theme objects, the styles of the editor,
        of its ancestors and of its components, and the change counters of those styles."""
        styles = [node.styles for node in self.ancestors_with_self]
        styles += self._component_styles.values()
        objects = (self._theme, self.app.current_theme, *styles)
        return objects, tuple(style._cache_key for style in styles)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Render, applying the styles to the theme only when they changed.

        TextArea applies them before every frame: the editor's rich style and six component
        styles, each combined over every ancestor (their cache is cleared at each repaint), so
        the deeper the editor sits the more a key costs (~0.5-0.8 ms a key in the debrief). A
        new theme, a focus or hover that restyles the editor or an ancestor, a CSS reload, all
        change a styles object or its change counter, and the styles are applied again."""
        theme = self._theme
        if theme:
            objects, counters = self._style_sources()
            seen = self._styled
            if (
                seen is None
                or seen[1] != counters
                or len(seen[0]) != len(objects)
                or any(a is not b for a, b in zip(seen[0], objects, strict=True))
            ):
                theme.apply_css(self)
                self._styled = (objects, counters)  # held: no id of theirs is reused meanwhile
        return super(TextArea, self).render_lines(crop)

    def _recompute_cursor_offset(self) -> None:
        # Textual 8.2.8 bug (Textualize/textual#6686): undoing a long paste refreshes the
        # scrollbars while the cursor still points past the restored text, and the app
        # crashed. Clamp the location used for the visual offset only (as PR #6687 does).
        location = self.clamp_visitable(self.cursor_location)
        self._cursor_offset = self.wrapped_document.location_to_offset(location)
