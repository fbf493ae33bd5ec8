"""The search line: '/ words…' above the session list.

It does not keep the query: each edit is reported with ``Edited`` and the
screen, which owns the query, binds its view back. The words typed and the
sessions they match are therefore drawn in the same frame, however fast the
keys come. What was typed is shown literally, never as markup.
"""

from __future__ import annotations

from collections import deque
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from confterm.model.view import ScheduleView

PLACEHOLDER = "titles, people, themes… (enter: to the list, esc: clear)"


class SearchLine(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Results", show=False, id="search-results"),
        Binding("ctrl+u", "edit('')", "Clear the words", show=False, id="search-clear"),
        Binding("ctrl+w", "delete_word", "Delete a word", show=False,
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

    class Submitted(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""  # the words as typed so far, ahead of the view
        self._in_flight: deque[str] = deque()  # reported, not yet in the view

    @property
    def text(self) -> str:
        """The words shown: the view's query."""
        return self.view.query if self.view is not None else ""

    def watch_view(self, view: ScheduleView | None) -> None:
        query = view.query if view is not None else ""
        if query in self._in_flight:  # an edit of ours arrived
            while self._in_flight.popleft() != query:
                pass
        else:  # changed elsewhere (cleared, restored): start from it
            self._in_flight.clear()
        if not self._in_flight:
            self._text = query

    def action_edit(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._in_flight.append(text)
            self.post_message(self.Edited(text))

    def action_delete_word(self) -> None:
        words = self._text.rstrip()
        self.action_edit(words[: words.rfind(" ") + 1])

    def action_submit(self) -> None:
        self.post_message(self.Submitted())

    def on_key(self, event: events.Key) -> None:
        if event.key == "backspace":
            self.action_edit(self._text[:-1])
        elif event.is_printable and event.character:
            self.action_edit(self._text + event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.action_edit(self._text + " ".join(event.text.split()))

    def on_click(self) -> None:
        self.focus()

    def render(self) -> Content:
        prompt = Content.styled("/ ", "$accent bold")
        if not self.text:
            return Content.assemble(prompt, Content.styled(PLACEHOLDER, "dim"))
        cursor = Content.styled("▏", "$accent") if self.has_focus else Content("")
        return Content.assemble(prompt, Content(self.text), cursor)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
