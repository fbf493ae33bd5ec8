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
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar, Self

from textual import events, on
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.strip import Strip
from textual.widgets import Input

from confterm.i18n import N_, _
from confterm.model.view import ScheduleView

SEARCH_PLACEHOLDER = N_("/ titles, people, themes… (enter: to the list, esc: clear)")


class SearchLine(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", N_("Results"), show=False, id="search-results"),
        Binding("ctrl+u", "clear_words", N_("Clear the words"), show=False,
                id="search-clear"),
        Binding("ctrl+w", "delete_left_word", N_("Delete a word"), show=False,
                id="search-delete-word"),
    ]
    DEFAULT_CSS = """
    SearchLine {
        width: 1fr;  /* a fixed size: an edit needs no new layout (and frame) */
        height: 1;
        padding: 0 1;
        background: $boost;
        &:focus { background: $block-cursor-blurred-background; }
    }
    """

    view: reactive[ScheduleView | None] = reactive(None, always_update=True)
    # The field's size is fixed (above): the width of its words, its virtual size,
    # needs no new layout of the screen (some 6 ms at 10,000 sessions, each key).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Edited(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        self._in_flight: deque[str] = deque()  # reported, not yet in the view
        self._from_view = True  # the initial value is no edit
        self._held = False
        self._held_layout = False
        self._typing = False
        #: The lines last drawn in step with the view, by (line, width).
        self._drawn: dict[tuple[int, int], Strip] = {}
        super().__init__(placeholder=_(SEARCH_PLACEHOLDER), id=id, compact=True,
                         select_on_focus=False)
        self._from_view = False

    def watch_value(self, value: str) -> None:
        if not self._from_view:
            self._in_flight.append(value)
            self.post_message(self.Edited(value))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()  # reported as Edited

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        # While an edit is on its way to the screen, the field waits for it: the
        # words and the sessions they match are then drawn in the same frame.
        # (Drawn alone, the words would take a frame of their own and hold the
        # results back by another.)
        if (self._in_flight or self._typing) and not recompose:
            self._held = True
            self._held_layout = self._held_layout or layout
            return self
        self._held = self._held_layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def render_line(self, y: int) -> Strip:
        # Whatever else redraws the screen meanwhile (a layout, a toast), the field
        # shows the words whose sessions are shown until the new ones arrive.
        key = (y, self.size.width)
        if self._in_flight or self._typing:
            drawn = self._drawn.get(key)
            if drawn is not None:
                return drawn
        strip = self._drawn[key] = super().render_line(y)
        return strip

    async def _on_key(self, event: events.Key) -> None:
        with self._editing():  # the cursor shown again: part of the same frame
            await super()._on_key(event)
        # Not released here: a key bound to an edit (backspace) changes the words
        # after this, and the field then waits for them; any other redraw of the
        # field (a cursor movement) draws what was held too.

    def replace(self, text: str, start: int, end: int) -> None:
        with self._editing():  # every edit comes here (typing, deleting, pasting)
            super().replace(text, start, end)

    def clear(self) -> None:
        with self._editing():
            super().clear()

    @contextmanager
    def _editing(self) -> Iterator[None]:
        """Redraws wait while the words change (the change is then on its way)."""
        self._typing = True
        try:
            yield
        finally:
            self._typing = False

    def watch_view(self, view: ScheduleView | None) -> None:
        query = view.query if view is not None else ""
        if query in self._in_flight:  # an edit of ours arrived
            while self._in_flight.popleft() != query:
                pass
        else:  # changed elsewhere (cleared, restored): start from it
            self._in_flight.clear()
        if self._in_flight:
            return
        if query != self.value:
            self._from_view = True
            try:
                self.value = query
                self.cursor_position = len(query)
            finally:
                self._from_view = False
        self._release()

    def on_blur(self) -> None:
        self._in_flight.clear()
        self._release()

    def _release(self) -> None:
        if self._held:
            layout, self._held, self._held_layout = self._held_layout, False, False
            super().refresh(layout=layout)

    def action_clear_words(self) -> None:
        self.clear()
