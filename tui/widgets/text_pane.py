"""A free-text debrief prompt (B3, B4, B6-B9): the question, a hint, and the answer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from core.prompts import Prompt
from tui.session import Session
from tui.text import line
from tui.widgets.safe_text_area import SafeTextArea


def prompt_header(prompt: Prompt) -> ComposeResult:
    """The prompt's question and hint, as the top of every pane (one widget: #8)."""
    head = line((f"{prompt.id}  {prompt.text}", "bold $foreground"), "\n", prompt.hint)
    yield Static(head, classes="prompt-head", markup=False)


class PromptPane(Vertical):
    """The editor of one debrief prompt for one interview (each kind of prompt subclasses it)."""

    def __init__(
        self,
        prompt: Prompt,
        session: Session,
        interview_id: int,
        *,
        first_frame: bool = False,
        **kwargs: str,
    ) -> None:
        super().__init__(**kwargs)
        self.prompt = prompt
        self.session = session
        self.interview_id = interview_id
        self.first_frame = first_frame  # built for the debrief's first frame (#8)


class TextPane(PromptPane):
    """One free-text prompt, its answer saved as it is typed."""

    def __init__(
        self,
        prompt: Prompt,
        session: Session,
        interview_id: int,
        text: str,
        *,
        first_frame: bool = False,
        **kwargs: str,
    ) -> None:
        super().__init__(prompt, session, interview_id, first_frame=first_frame, **kwargs)
        self._text = text

    def compose(self) -> ComposeResult:
        """Question, hint, editor."""
        yield from prompt_header(self.prompt)
        yield SafeTextArea(
            self._text,
            id=f"answer-{self.prompt.id}",
            classes="answer",
        )

    def focus_editor(self) -> None:
        """Put the cursor in the answer."""
        self.query_one(TextArea).focus()

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()  # handled here; it bubbled on through six widgets and the app per key
        area = event.text_area
        repo, iid, pid = self.session.repo, self.interview_id, self.prompt.id
        self.session.saver.schedule(
            ("answer", iid, pid), lambda: repo.save_answer(iid, pid, area.text)
        )

    @on(TextArea.SelectionChanged)
    def _moved(self, event: TextArea.SelectionChanged) -> None:
        event.stop()  # no one above the pane needs the cursor: it bubbled up to the app per key
