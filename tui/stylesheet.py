"""The app's stylesheet, parsed again only when the theme's variables change.

Textual parses every stylesheet from scratch each time it refreshes the CSS: when a mode's
screen is first shown (twice: its own styles, then a refresh), and on a theme change. Each
full parse of Afterword's styles and the widgets' defaults costs 8-20 ms on the UI thread,
before the first frame and on the first visit to contacts and the timeline. The parsed rules
depend only on the sources and the variables, and Textual already keeps each source's rules
in a cache: so unless the variables changed, reuse them and parse only sources not seen yet.
The real start-up also takes the rules parsed in the last run, kept in the user's cache folder
(tui.css_cache), and keeps what it parsed that was new when it closes.
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path
from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from tui import css_cache

NewRules = tuple[dict[str, str], dict[tuple[Any, ...], list[RuleSet]]]
"""The variables and every source's rules, as `take_new` gives them for `write_rules`."""


class ReusingStylesheet(Stylesheet):
    """A Stylesheet whose full re-parse happens only when the variables change."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._variables_changed = False
        self._started_with = dict(self._variables)
        self._kept: set[tuple[Any, ...]] = set()

    def read_kept(self, path: Path) -> None:
        """Take the rules an earlier run kept at `path` for these variables (tui.css_cache)."""
        self.keep(css_cache.read_parsed(path, self._variables))

    def write_new(self, path: Path) -> None:
        """Keep this run's rules at `path` for the next start, if some are new (a cache: if it
        cannot be written, the next start parses them again)."""
        write_rules(path, self.take_new())

    def take_new(self) -> NewRules | None:
        """The variables and every source's rules, if some are new since the last call (or
        since the start); they count as kept from now on. None: nothing new to keep."""
        parsed = self.parsed_since()
        if parsed is None:
            return None
        self._kept = set(parsed)
        return dict(self._variables), parsed

    def keep(self, parsed: dict[tuple[Any, ...], list[RuleSet]]) -> None:
        """Take rules parsed in an earlier run (tui.css_cache), as if parsed here already."""
        for key, rules in parsed.items():
            self._parse_cache.set(key, rules)
        self._kept = set(parsed)

    def parsed_since(self) -> dict[tuple[Any, ...], list[RuleSet]] | None:
        """Every source's rules, if some were parsed in this run with the variables it started
        with (what is worth keeping for the next); None if there is nothing new to keep."""
        keys = set(self._parse_cache.keys())
        if self._variables != self._started_with or keys <= self._kept:
            return None
        return {key: self._parse_cache[key] for key in keys}

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


def write_rules(path: Path, new: NewRules | None) -> None:
    """Write what `take_new` gave (in any thread; a cache: if it cannot be written, the next
    start parses the styles again)."""
    if new is not None:
        with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
            css_cache.write_parsed(path, *new)


def keep_new_styles(sheet: Stylesheet, path: Path | None) -> None:
    """Keep what `sheet` parsed and did not keep yet at `path`, for the next start (None: the
    app keeps nothing; a plain Stylesheet, Textual's live reload of CSS in development: nothing
    to take)."""
    if path is not None and isinstance(sheet, ReusingStylesheet):
        sheet.write_new(path)
