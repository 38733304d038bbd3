"""The Afterword app: modes, global keys, start-up (first frame first, data right after)."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import unicodedata
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

# isort: off
import tui.fast_classes  # first: Textual's widget classes are then defined faster (#8)

# isort: on
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

import tui.partial_render  # noqa: F401  (installs what a partial update renders, #8)
from tui.commands import AfterwordCommands
from tui.learning import LEARNING_BINDINGS, LearningKeys
from tui.saver import Saver
from tui.screens.debrief import DataShown, DebriefScreen
from tui.session import AppConfig, Session
from tui.signals import install, read_what_was_typed, settle, terminal_gone
from tui.stylesheet import ReusingStylesheet, keep_new_styles

HOUSEKEEPING_DELAY = 1.0  # seconds after the data is shown; the user is reading, not typing
HOUSEKEEPING_AT_THE_LATEST = 5.0  # seconds after the database opened, data drawn or not
CHECK_AT_OPEN = 32 * 1024 * 1024  # bytes: reading every page of a bigger file takes over 0.1 s

if TYPE_CHECKING:
    from core.repository import Repository
    from core.settings import Settings


def _contacts_screen() -> Screen[None]:
    from tui.screens.contacts import ContactsScreen  # off the start-up path

    return ContactsScreen()


def _timeline_screen() -> Screen[None]:
    from tui.screens.timeline import TimelineScreen  # off the start-up path

    return TimelineScreen()


class AfterwordApp(LearningKeys, App[None]):
    """A workbook for the hours and weeks after a job interview."""

    TITLE = "Afterword"
    # The debrief's styles load with the app's: as the first screen's own CSS_PATH they made
    # Textual parse every stylesheet again before the first frame (~8 ms, #8).
    CSS_PATH = ["app.tcss", "screens/debrief.tcss"]
    MODES = {
        "debrief": DebriefScreen,
        "contacts": lambda: _contacts_screen(),
        "timeline": lambda: _timeline_screen(),
    }
    DEFAULT_MODE = "debrief"
    COMMANDS = App.COMMANDS | {AfterwordCommands}
    BINDINGS = [
        Binding("n", "new_interview", "New interview"),
        Binding("i", "switch_interview", "Switch"),
        Binding("d", "switch_mode('debrief')", "Debrief"),
        Binding("c", "switch_mode('contacts')", "Contacts"),
        Binding("t", "switch_mode('timeline')", "Timeline"),
        *LEARNING_BINDINGS,
        Binding("question_mark", "toggle_keys", "Keys"),
        Binding("f1", "help", "How it works"),
        # Priority: focus moves when the app takes the key, in order with the keys around it.
        # As the screen's (non-priority) binding, Tab waited for the focused field to pass it
        # on, and keys typed right after it still went to the field it was leaving.
        Binding("tab", "focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True),
    ]

    session: reactive[Session | None] = reactive(None, init=False)

    def __init__(
        self,
        config: AppConfig,
        repository: Repository | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.stylesheet = ReusingStylesheet(variables=self.get_css_variables())
        if config.styles_cache is not None:  # the styles parsed in the last run (#8)
            self.stylesheet.read_kept(config.styles_cache)
        self.config = config
        self._given_repository = repository
        self._given_settings = settings
        self.saver = Saver(self)
        self.failure: str | None = None
        self._deferred: Callable[[], object] | None = None
        self._leaving: asyncio.Future[None] | None = None
        self._restore_signals: Callable[[], None] | None = None
        self._housekeeping_due = False
        self.saver.on_error = self._save_failed

    def on_mount(self) -> None:
        """Paint first; open the database right after (in a thread, off the first frame)."""
        self._install_signal_handlers()
        if self._given_repository is not None:
            self._open_session(self._given_repository, self._given_settings)
        else:
            self.run_worker(self._load, thread=True, exit_on_error=False, name="open-db")

    def _load(self) -> None:
        from core.repository import DatabaseProblem, Repository
        from core.settings import SettingsError, load_settings

        try:
            settings = load_settings(self.config.db)
            repository = Repository.open(settings.db_path(), check_pages_up_to=CHECK_AT_OPEN)
        except (DatabaseProblem, SettingsError) as exc:
            self.failure = str(exc)
            self.call_from_thread(self.exit, None, 1)
            return
        self.call_from_thread(self._open_session, repository, settings)

    def _open_session(self, repository: Repository, settings: Settings | None) -> None:
        from core.clock import system_clock
        from core.settings import Settings

        settings = settings or Settings()
        clock = self.config.clock or system_clock(settings.tz or None)
        interview_id = self.config.interview_id
        if interview_id is None:
            interview_id = repository.latest_interview_id()
        self.session = Session(repository, settings, clock, self.saver, interview_id)
        if self._deferred is not None:
            self.call_after_refresh(self._deferred)
            self._deferred = None
        if self._given_repository is None:  # the data may be drawn on a screen not shown (the
            # user went on to contacts first): then the housekeeping waits no longer than this
            self.set_timer(HOUSEKEEPING_AT_THE_LATEST, lambda: self.post_message(DataShown()))

    def on_data_shown(self, _message: DataShown) -> None:
        """The user's data is on screen: the housekeeping follows a moment later (once, and
        only in the real start-up: tests pass their repository)."""
        if self._given_repository is None and not self._housekeeping_due:
            self._housekeeping_due = True
            self.set_timer(HOUSEKEEPING_DELAY, self._start_housekeeping)

    def _start_housekeeping(self) -> None:
        # Start-up objects (modules, the first screen's widgets) live as long as the app: keep
        # them out of every later collection, then collect again (tui.launch turned it off:
        # a start-up allocates much and frees little, and each pass cost time before the data).
        gc.freeze()
        gc.enable()
        from tui.housekeeping import housekeeping

        sheet = self.stylesheet  # what it parsed so far (the debrief's) is kept for the next start
        styles = sheet.take_new() if isinstance(sheet, ReusingStylesheet) else None
        work = partial(housekeeping, self, styles)
        self.run_worker(work, thread=True, exit_on_error=False, name="housekeeping")

    def _save_failed(self, key: object, exc: Exception) -> None:
        self.notify(f"Could not save: {exc}", severity="error", markup=False, timeout=10)

    def _install_signal_handlers(self) -> None:
        try:
            self._restore_signals = install(self, self._on_signal)
        except (RuntimeError, NotImplementedError, ValueError):
            self._restore_signals = None  # not the main thread: no handlers; the saver flushes

    def _on_signal(self, sig: int = signal.SIGTERM) -> None:
        """SIGTERM or SIGHUP (terminal closed): save everything, then leave cleanly."""
        self.saver.flush()  # at once: what the editors already hold is safe whatever follows
        self._leaving = asyncio.ensure_future(self._leave(sig))

    async def _leave(self, sig: int) -> None:
        await read_what_was_typed()
        await settle(self)
        self.saver.flush()
        if sig == signal.SIGHUP and terminal_gone():
            # Nothing left to restore, and Textual's shutdown would write to the dead tty and
            # block (seen as a process that never exits after the window closed). Everything is
            # saved: close the database and leave now.
            self._close_session()
            keep_new_styles(self.stylesheet, self.config.styles_cache)
            os._exit(0)
        self.exit()

    async def on_event(self, event: events.Event) -> None:
        """Clean a paste of escape sequences and controls before any widget shows it; let an
        invisible format character that was typed reach the editor."""
        if isinstance(event, events.Key) and _is_format_character(event):
            event = events.Paste(event.character or "")
        if isinstance(event, events.Paste) and not event.is_forwarded:
            from core.text import clean_text

            event.text = clean_text(event.text)
        await super().on_event(event)

    def open_interview(self, interview_id: int, prompt_id: str | None = None) -> None:
        """Show this interview's debrief (on this prompt, if given)."""
        self.saver.flush()
        if self.session is not None:
            self.session.interview_id = interview_id
        self.switch_mode("debrief")
        screen = self.screen
        if isinstance(screen, DebriefScreen):
            screen.show_interview(interview_id, prompt_id)

    def action_new_interview(self) -> None:
        """Open the New interview form."""
        from tui.screens.new_interview import NewInterviewScreen

        if self.session is None:
            self._deferred = self.action_new_interview  # pressed before the db was open
            return

        def created(interview_id: int | None) -> None:
            if interview_id is not None:
                self.open_interview(interview_id)

        self.push_screen(NewInterviewScreen(), created)

    def action_switch_interview(self) -> None:
        """Open the interview picker (fuzzy search)."""
        from tui.screens.picker import InterviewPicker

        if self.session is None:
            self._deferred = self.action_switch_interview
            return

        def picked(interview_id: int | None) -> None:
            if interview_id is not None:
                self.open_interview(interview_id)

        self.push_screen(InterviewPicker(), picked)

    def action_help(self) -> None:
        """Explain the rules behind the plan, each with its reason."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_keys(self) -> None:
        """Show or hide the keys panel."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    async def action_quit(self) -> None:
        """Save everything (keys typed just before ctrl+q included), then quit."""
        await settle(self)
        self.saver.flush()
        self.exit()

    def on_unmount(self) -> None:
        """Last way out: flush pending saves and close the database."""
        if self._restore_signals is not None:
            self._restore_signals()
        self.saver.flush()
        self._close_session()
        keep_new_styles(self.stylesheet, self.config.styles_cache)

    def _close_session(self) -> None:
        """Bring the plans of today's edits up to date (so `afterword due` sees them), close."""
        if self.session is None:
            return
        from core.repository.base import DatabaseProblem

        try:
            self.session.replan_changed()
        except DatabaseProblem:
            pass  # the file refused the write (damaged, full disk): already said on screen
        finally:
            self.session.repo.close()


def _is_format_character(key: events.Key) -> bool:
    """A key carrying one invisible format character: the joiner inside 👩‍💻, a right-to-left
    mark, a zero-width space, a flag's tag. Textual drops keys that are not printable, so
    typing (or an emoji picker typing for you) broke such text; as a paste it is kept."""
    char = key.character or ""
    return len(char) == 1 and unicodedata.category(char) == "Cf"


def build_app(
    config: AppConfig | None = None,
    repository: Repository | None = None,
    settings: Settings | None = None,
) -> AfterwordApp:
    """Build the app: the one factory the CLI, the tests and the screenshot script use."""
    return AfterwordApp(config or AppConfig(), repository=repository, settings=settings)
