"""The search line above the session list: Textual's ``Input``, so the words can
be edited anywhere (left/right, home/end, word keys, selection, paste).

The screen owns the query: each edit is reported with ``Edited`` (enter with
``Input.Submitted``, to go to the results) and the screen
binds its view back. Keys typed faster than the screen follows are all kept
(the field is ahead of the view until they arrive); a query changed elsewhere
(cleared, restored) replaces the text. Keys typed here never reach the
screen's bindings, and what was typed is shown literally, never as markup.
"""

from __future__ import annotations

from collections import deque
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input

from confterm.model.view import ScheduleView

PLACEHOLDER = "/ titles, people, themes… (enter: to the list, esc: clear)"


class SearchLine(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Results", show=False, id="search-results"),
        Binding("ctrl+u", "clear_words", "Clear the words", show=False,
                id="search-clear"),
        Binding("ctrl+w", "delete_left_word", "Delete a word", show=False,
                id="search-delete-word"),
    ]
    DEFAULT_CSS = """
    SearchLine {
        height: 1;
        padding: 0 1;
        background: $boost;
        &:focus { background: $block-cursor-blurred-background; }
    }
    """

    view: reactive[ScheduleView | None] = reactive(None, always_update=True)

    class Edited(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, compact=True, select_on_focus=False)
        self._in_flight: deque[str] = deque()  # reported, not yet in the view

    @property
    def text(self) -> str:
        """The words searched for: the view's query."""
        return self.view.query if self.view is not None else ""

    def watch_view(self, view: ScheduleView | None) -> None:
        query = view.query if view is not None else ""
        if query in self._in_flight:  # an edit of ours arrived
            while self._in_flight.popleft() != query:
                pass
        else:  # changed elsewhere (cleared, restored): start from it
            self._in_flight.clear()
        if not self._in_flight and query != self.value:
            with self.prevent(Input.Changed):
                self.value = query
                self.cursor_position = len(query)

    def action_clear_words(self) -> None:
        self.clear()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._in_flight.append(event.value)
        self.post_message(self.Edited(event.value))
