"""Shared by the editable lists of the debrief (Q&A pairs, promises): find, add, remove items."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.containers import VerticalScroll
from textual.widget import Widget

from tui.saver import Saver, refusal_shown

W = TypeVar("W", bound=Widget)


def focused_item(pane: Widget, item_type: type[W], missing: str) -> W | None:
    """Return the item of `item_type` holding the focus, or say `missing` and return None."""
    focused = pane.app.focused
    ancestors = focused.ancestors_with_self if focused else []
    item = next((a for a in ancestors if isinstance(a, item_type)), None)
    if item is None:
        pane.notify(missing, markup=False)
    return item


def append_item(scroll: VerticalScroll, item: Widget, focus: Callable[[], Widget]) -> None:
    """Mount `item` at the end of the list and put the cursor in it."""
    scroll.mount(item)
    scroll.call_after_refresh(lambda: (focus().focus(), scroll.scroll_to_widget(item)))


def remove_after_confirm(
    item: Widget, question: str, saver: Saver, delete: Callable[[], None]
) -> None:
    """Ask `question`; on yes, save what is pending, delete from the database, drop the item."""
    from tui.screens.confirm import ConfirmScreen  # asked rarely: not on the debrief's first frame

    def answer(yes: bool | None) -> None:
        if yes:
            saver.flush()
            with refusal_shown(item.app):
                delete()
                item.remove()

    item.app.push_screen(ConfirmScreen(question), answer)
