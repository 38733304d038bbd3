"""Command-palette entries for Afterword's actions."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

_COMMANDS = (
    ("New interview", "new_interview", "Capture the interview you just left"),
    ("Switch interview", "switch_interview", "Open another interview's debrief"),
    ("Debrief", "switch_mode('debrief')", "The debrief of the current interview"),
    ("Contacts", "switch_mode('contacts')", "Everyone you met, and what each follow-up needs"),
    ("Timeline", "switch_mode('timeline')", "The follow-up plan"),
    ("How Afterword follows up", "help", "The rules behind the plan, and why (f1)"),
    ("Keys", "toggle_keys", "Show or hide the keys panel"),
    ("Search past answers", "search", "Questions, answers, debriefs, highlights and notes (/)"),
    ("Practice list", "practice", "Questions that stumped you, what you would do differently (p)"),
    ("Compare processes", "compare", "Open processes side by side: red flags, fit, next step (v)"),
)


class AfterwordCommands(Provider):
    """Afterword's own commands, fuzzy-matched in the palette."""

    async def discover(self) -> Hits:
        """List every command when the palette opens empty."""
        for name, action, help_text in _COMMANDS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Yield the commands matching the query, best first."""
        matcher = self.matcher(query)
        for name, action, help_text in _COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self.app.run_action, action),
                    help=help_text,
                )
