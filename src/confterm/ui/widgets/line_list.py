"""The base of every list drawn line by line (sessions, sidebar choices).

A ``LineList`` is a ``ScrollView`` using Textual's line API: it only ever draws
the lines on screen, so a list of 10,000 rows costs no more per frame than one
of 30. It owns what every such list does the same way: a cursor over the rows
that can be chosen (headings are skipped), up/down, page up/down, first/last
(remappable by binding id), the mouse (click, hover), and scrolling the cursor
into view. Subclasses say how many rows there are, how tall each is, which can
be chosen, and how one is drawn, and react to ``cursor_moved`` and ``clicked``.
A list may keep lines at its top that do not scroll (``header_lines``, drawn by
``render_header``): the timetable's room names.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from confterm.i18n import N_
from confterm.ui.widgets.hover import Hovering

#: Moving through any list, with ids for remapping.
MOVEMENT_BINDINGS: list[BindingType] = [
    Binding("up", "cursor(-1)", N_("Up"), show=False, id="cursor-up"),
    Binding("down", "cursor(1)", N_("Down"), show=False, id="cursor-down"),
    Binding("pageup", "page(-1)", N_("Page up"), show=False, id="page-up"),
    Binding("pagedown", "page(1)", N_("Page down"), show=False, id="page-down"),
    Binding("home", "first", N_("First"), show=False, id="first"),
    Binding("end", "last", N_("Last"), show=False, id="last"),
]


class LineList(Hovering[int], ScrollView, can_focus=True, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = list(MOVEMENT_BINDINGS)
    #: Lines at the top that stay put while the rows scroll under them.
    header_lines: int = 0

    #: The row under the cursor (None: nothing to choose). Moving it redraws two
    #: rows, never the whole list.
    cursor: var[int | None] = var[int | None](None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._starts: Sequence[int] = []  # first line of each row
        self._laid_out_for: tuple[object, ...] | None = None
        self._when_sized: Callable[[], None] | None = None

    # -- what a list says about its rows -------------------------------------------
    def row_count(self) -> int:
        raise NotImplementedError

    def row_height(self, index: int, width: int) -> int:
        return 1

    def line_starts(self, width: int) -> tuple[Sequence[int], int]:
        """The first line of every row, and the lines in all (a list of thousands
        may work them out its own way, e.g. only where they are looked at)."""
        starts = [0, *accumulate(self.row_height(index, width)
                                 for index in range(self.row_count()))]
        return starts[:-1], starts[-1]

    def can_choose(self, index: int) -> bool:
        return True

    def render_row(self, index: int, state: str, width: int) -> list[Strip]:
        """The lines of row *index*; *state* is "cursor", "hover" or ""."""
        raise NotImplementedError

    def render_header(self, y: int, width: int) -> Strip:
        """Line *y* of the header (see ``header_lines``)."""
        return Strip.blank(width, self.rich_style)

    def row_state(self, index: int) -> str:
        """How row *index* is drawn: "cursor", "hover" or ""."""
        return "cursor" if index == self.cursor else "hover" if index == self.hover else ""

    def layout_key(self) -> object:
        """What the heights depend on besides the width (e.g. the rows' identity)."""
        raise NotImplementedError

    def cursor_moved(self, index: int | None) -> None:
        """The cursor is on a new row (or on none)."""

    def clicked(self, index: int, x: int, chain: int) -> None:
        """Row *index* was clicked at column *x* (the cursor is already on it);
        *chain* is 2 for a double click."""

    def scroll_region(self, index: int) -> tuple[int, int]:
        """The first line and height to keep in sight for row *index*."""
        return self._starts[index], self.height_of(index)

    # -- layout -------------------------------------------------------------------------
    @property
    def row_width(self) -> int:
        # Before the first layout the width is unknown: the terminal's is a fair
        # guess for the scrollbar, and the first render_line lays out exactly.
        return self.scrollable_content_region.width or self.app.size.width

    def lay_out(self) -> None:
        """Place the rows (again only when they or the width changed)."""
        width = self.row_width
        key = (self.layout_key(), width)
        if key == self._laid_out_for:
            return
        self._laid_out_for = key
        starts, line = self.line_starts(width)
        self._starts = starts
        self._resize_virtually(Size(width, line + self.header_lines))
        if self.cursor is not None and self.cursor >= len(starts):
            self.cursor = self.step(len(starts), -1)
        self.refresh()

    def _resize_virtually(self, size: Size) -> None:
        """A new virtual size. It is a layout reactive: setting it lays out the
        whole screen again (some 8 ms at 120×40). Where the scroll bar stays as
        it was, only the scroll bar needs to know (as a ScrollView's own resize
        does): a search keystroke at 10,000 sessions stays within a frame."""
        old, window = self.virtual_size, self.container_size.height
        if (self.is_mounted and window and old.width == size.width
                and (old.height > window) == (size.height > window)):
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size

    def on_resize(self) -> None:
        self.lay_out()
        waiting, self._when_sized = self._when_sized, None
        if waiting is not None:
            waiting()

    def when_sized(self, callback: Callable[[], None]) -> None:
        """Call *callback* now if the list has its size, else once it has it (a
        list just shown is sized in the next layout)."""
        if self.size.height and self.size.width:
            callback()
        else:
            self._when_sized = callback

    def height_of(self, index: int) -> int:
        end = self._starts[index + 1] if index + 1 < len(self._starts) else (
            self.virtual_size.height - self.header_lines)
        return end - self._starts[index]

    def row_at(self, y: int) -> int | None:
        """The row on line *y* of the widget, if any."""
        line = y + self.scroll_offset.y - self.header_lines
        if (not self._starts or y < self.header_lines or line < 0
                or line >= self.virtual_size.height - self.header_lines):
            return None
        return bisect_right(self._starts, line) - 1

    def refresh_row(self, index: int | None) -> None:
        if index is None or index >= len(self._starts):
            return
        self.redraw_lines(self._starts[index], self.height_of(index))

    def redraw_lines(self, first: int, count: int) -> None:
        """Redraw rows' lines *first* to *first + count* (where they are on screen)."""
        top = first + self.header_lines - self.scroll_offset.y
        self.refresh(Region(0, top, self.size.width, count))

    def scroll_to_lines(self, top: int, height: int) -> None:
        """Scroll so that lines *top* to *top + height* are in sight, under the header."""
        # force: right after a rebuild the list may be taller than it was, but
        # Textual only allows scrolling once the next layout shows the scrollbar.
        self.scroll_to_region(Region(0, top, 1, height + self.header_lines), animate=False,
                              immediate=True, force=True)

    def scroll_to_top_line(self, line: int) -> None:
        """Scroll so that line *line* of the rows is the first under the header."""
        self.scroll_to(y=line, animate=False, immediate=True, force=True)

    # -- cursor ---------------------------------------------------------------------------
    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        if new is not None and new < len(self._starts):
            self.scroll_to_lines(*self.scroll_region(new))
        self.cursor_moved(new)

    def step(self, start: int, step: int) -> int | None:
        """The first row that can be chosen from *start* (excluded) in direction *step*."""
        index, count = start + step, len(self._starts)
        while 0 <= index < count:
            if self.can_choose(index):
                return index
            index += step
        return None

    def action_cursor(self, step: int) -> None:
        current = self.cursor if self.cursor is not None else -step
        target = self.step(current, step)
        if target is not None:
            self.cursor = target

    def action_page(self, direction: int) -> None:
        if self.cursor is None or not self._starts:
            return
        line = self._starts[self.cursor] + direction * max(self.size.height - 2, 1)
        index = min(max(bisect_right(self._starts, line) - 1, 0), len(self._starts) - 1)
        target = self.step(index - direction, direction)
        if target is None:
            target = self.step(index, -direction)
        if target is not None:
            self.cursor = target

    def action_first(self) -> None:
        target = self.step(-1, 1)
        if target is not None:
            self.cursor = target

    def action_last(self) -> None:
        target = self.step(len(self._starts), -1)
        if target is not None:
            self.cursor = target

    # -- mouse ------------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        index = self.row_at(event.y)
        if index is not None and self.can_choose(index):
            self.cursor = index
            self.clicked(index, event.x, event.chain)

    def item_at(self, x: int, y: int) -> int | None:
        return self.row_at(y)  # the row under the pointer is drawn as such

    def hover_changed(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)

    # -- drawing ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        self.lay_out()  # the first frame is drawn before the first Resize arrives
        width = self.scrollable_content_region.width
        if y < self.header_lines:
            return self.render_header(y, width)
        index = self.row_at(y)
        if index is None:
            return Strip.blank(width, self.rich_style)
        strips = self.render_row(index, self.row_state(index), width)
        line = y + self.scroll_offset.y - self.header_lines - self._starts[index]
        return strips[line] if line < len(strips) else Strip.blank(width, self.rich_style)
