"""The app's stylesheet, parsed again only when the theme's variables change.

Textual parses every stylesheet from scratch each time it refreshes the CSS: when a mode's
screen is first shown (twice: its own styles, then a refresh), and on a theme change. Each
full parse of Afterword's styles and the widgets' defaults costs 8-20 ms on the UI thread,
before the first frame and on the first visit to contacts and the timeline. The parsed rules
depend only on the sources and the variables, and Textual already keeps each source's rules
in a cache: so unless the variables changed, reuse them and parse only sources not seen yet.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class ReusingStylesheet(Stylesheet):
    """A Stylesheet whose full re-parse happens only when the variables change."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._variables_changed = False

    def set_variables(self, variables: dict[str, str]) -> None:
        """Set the CSS variables; the same ones again keep every parsed rule."""
        if variables == self._variables:
            return
        self._variables_changed = True
        super().set_variables(variables)

    def reparse(self) -> None:
        """Parse from scratch after a change of variables; otherwise parse only new sources
        (the rules of the others are kept in the parse cache, as Textual's parse keeps them)."""
        if self._variables_changed:
            super().reparse()
            self._variables_changed = False
            return
        self.parse()
