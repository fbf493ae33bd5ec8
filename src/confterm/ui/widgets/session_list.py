"""The session list: a virtual list, drawn line by line.

Only the rows on screen are ever rendered: building the list costs one small
tuple per row and a running sum of row heights, so a view of 10,000 sessions
opens and filters as fast as one of 30. Parallel sessions are grouped under
their time slot; while searching every day, under day headings.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from time import perf_counter
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from confterm.model.agenda import Agenda, clashing_pairs
from confterm.model.programme import Kind, Session
from confterm.model.text import clip
from confterm.model.view import ScheduleView
from confterm.timefmt import day_heading
from confterm.ui.render import MARKER_WIDTH, ROW_INDENT, Display, session_lines, slot_heading
from confterm.ui.widgets.hover import Hovering
from confterm.ui.widgets.lines import line_strip
from confterm.ui.widgets.list_keys import MOVEMENT_BINDINGS

# Sessions that run alongside everything and do not make a slot "parallel".
_BACKGROUND = (Kind.EXHIBITION, Kind.BREAK)
#: Rendered rows kept for redrawing (a few screens' worth).
_CACHE_SIZE = 400


class Row(NamedTuple):
    session: Session | None  # None: a heading
    heading: Content | None = None
    parallel: bool = False
    title_length: int = 0
    #: A heading over parallel sessions: their start and number (drawn when shown).
    slot: dt.datetime | None = None
    slot_size: int = 0


class SessionList(Hovering[int], ScrollView, can_focus=True, inherit_bindings=False):
    """Sessions of the current view. Reports ``Highlighted``, ``Selected`` and
    ``MarkerClicked`` with the session id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *MOVEMENT_BINDINGS, Binding("enter", "select", "Select", show=False, id="open")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "session-list--row", "session-list--highlighted", "session-list--heading",
        "session-list--hover"}
    DEFAULT_CSS = """
    SessionList {
        background: $surface;
        overflow-x: hidden;
        & > .session-list--highlighted { background: $block-cursor-blurred-background; }
        &:focus > .session-list--highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .session-list--heading { color: $text-accent; }
        & > .session-list--hover { background: $block-hover-background; }
    }
    """

    view: reactive[ScheduleView | None] = reactive(None, always_update=True)
    display_options: reactive[Display] = reactive(Display())
    agenda: reactive[Agenda] = reactive(Agenda())
    #: Rows are refreshed one by one as the highlight moves, never the whole list.
    highlighted: var[int | None] = var[int | None](None)

    class Highlighted(Message):
        def __init__(self, session_id: str | None) -> None:
            super().__init__()
            self.session_id = session_id

    class Selected(Message):
        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    class MarkerClicked(Message):
        """The bookmark marker at the start of a row was clicked."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        self._starts: list[int] = []  # first line of each row
        self._index: dict[str, int] = {}  # session id -> row
        self._clashing: frozenset[str] = frozenset()
        self._clashes_for: tuple[int, int] | None = None  # (agenda, catalogue) ids
        #: Drawn rows by what they show (not their place, which a filter changes),
        #: valid while width, display, programme and bookmarks stay the same.
        self._cache: dict[tuple[object, ...], list[Strip]] = {}
        self._cache_for: tuple[object, ...] | None = None
        self._built_for: tuple[int, int] | None = None  # (view id, width) of the layout
        self._rebuilt_for: tuple[int, Display] | None = None
        self._title_widths_for: tuple[int, str] | None = None
        self._title_width: dict[str, int] = {}
        #: When the rows were last rebuilt (perf_counter), for the benchmark.
        self.rebuilt_at = 0.0

    # -- building -----------------------------------------------------------------
    def watch_view(self) -> None:
        self._rebuild_if_changed()

    def watch_display_options(self) -> None:
        self._rebuild_if_changed()

    def watch_agenda(self) -> None:
        self._update_clashes()
        self.refresh()

    def _update_clashes(self) -> None:
        """Which bookmarks clash: only worked out again when the bookmarks or the
        programme change, not on every search keystroke."""
        if self.view is None:
            return
        catalogue = self.view.catalogue
        source = (id(self.agenda), id(catalogue))
        if source != self._clashes_for:
            self._clashes_for = source
            sessions = self.agenda.sessions(catalogue)
            self._clashing = frozenset(s.id for pair in clashing_pairs(sessions) for s in pair)

    def on_resize(self) -> None:
        # Titles longer than a line take a second one, so heights follow the width.
        self._layout()

    def _rebuild_if_changed(self) -> None:
        """Rebuild now (so the next frame shows the result), once per change of
        view or display, however many reactives announce it."""
        key = (id(self.view), self.display_options)
        if key != self._rebuilt_for:
            self._rebuilt_for = key
            self._rebuild()

    def _rebuild(self) -> None:
        view = self.view
        if view is None:
            return
        keep = self.highlighted_session_id
        self._rows, self._index = self._make_rows(view)
        self._update_clashes()
        self._built_for = None
        self._layout()
        self.highlight_session(keep)
        self.rebuilt_at = perf_counter()

    def _title_widths(self, view: ScheduleView) -> dict[str, int]:
        """Title widths in cells by session id (row heights depend on them), kept
        per programme and language and filled as sessions are first listed."""
        key = (id(view.catalogue), self.display_options.lang)
        if self._title_widths_for != key:
            self._title_widths_for = key
            self._title_width = {}
        return self._title_width

    def _make_rows(self, view: ScheduleView) -> tuple[list[Row], dict[str, int]]:
        """The rows, and the row of each session. One pass over what may be
        thousands of matches, once per keystroke."""
        programme, display = view.programme, self.display_options
        widths, sessions, lang = self._title_widths(view), view.sessions, display.lang
        rows: list[Row] = []
        index: dict[str, int] = {}
        add = rows.append
        day, count, start = None, len(sessions), 0
        while start < count:
            slot = sessions[start].start
            end = start + 1
            while end < count and sessions[end].start == slot:
                end += 1
            group = sessions[start:end]
            if view.day is None and group[0].day != day:  # a search over all days
                day = group[0].day
                add(Row(None, Content.styled(day_heading(programme, day, display.lang),
                                             "bold reverse")))
            foreground = sum(1 for s in group if s.kind not in _BACKGROUND)
            parallel = foreground > 1
            if parallel:
                add(Row(None, slot=slot, slot_size=foreground))
            for session in group:
                width = widths.get(session.id)
                if width is None:
                    title = clip(session.title.get(lang))
                    width = widths[session.id] = (
                        len(title) if title.isascii() else cell_len(title))
                index[session.id] = len(rows)
                add(Row(session, None, parallel and session.kind not in _BACKGROUND, width))
            start = end
        if not sessions:
            rows.append(Row(None, Content.styled(
                "No sessions match the filters. Press x to clear them.", "italic")))
        return rows, index

    def _layout(self) -> None:
        # Before the first layout the width is unknown: the terminal's is a fair
        # guess for the scrollbar, and the first render_line lays out exactly.
        width = self.scrollable_content_region.width or self.app.size.width
        if self._built_for == (id(self._rows), width):
            return
        self._built_for = (id(self._rows), width)
        title_width = max(width - ROW_INDENT, 10)
        starts, line = [], 0
        for row in self._rows:
            starts.append(line)
            # A heading is one line; a session two, three when its title is long.
            line += 1 if row.session is None else 2 if row.title_length <= title_width else 3
        self._starts = starts
        self.virtual_size = Size(width, line)
        self.refresh()

    # -- what the rest of the app reads ------------------------------------------------
    @property
    def session_ids(self) -> list[str]:
        return [row.session.id for row in self._rows if row.session is not None]

    @property
    def headings(self) -> list[str]:
        return [self._heading(row).plain for row in self._rows if row.session is None]

    def _heading(self, row: Row) -> Content:
        if row.heading is not None:
            return row.heading
        assert row.slot is not None
        return slot_heading(row.slot, row.slot_size, self.display_options)

    @property
    def highlighted_session_id(self) -> str | None:
        if self.highlighted is None or self.highlighted >= len(self._rows):
            return None
        session = self._rows[self.highlighted].session
        return session.id if session is not None else None

    def row_text(self, session_id: str) -> str:
        """The plain text of a session's row, as drawn at the current width."""
        index = self._index[session_id]
        return "\n".join(strip.text.rstrip() for strip in self._render_row(index, ""))

    def highlight_session(self, session_id: str | None) -> None:
        index = self._index.get(session_id or "")
        if index is None:
            index = next((i for i, row in enumerate(self._rows) if row.session), None)
        self.highlighted = index

    # -- highlight and movement ------------------------------------------------------
    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            self._refresh_row(index)
        if new is not None and new < len(self._starts):
            self._scroll_to_row(new)
        self.post_message(self.Highlighted(self.highlighted_session_id))

    def _refresh_row(self, index: int | None) -> None:
        if index is None or index >= len(self._starts):
            return
        top = self._starts[index] - self.scroll_offset.y
        self.refresh(Region(0, top, self.size.width, self._height_of(index)))

    def _height_of(self, index: int) -> int:
        end = self._starts[index + 1] if index + 1 < len(self._starts) else (
            self.virtual_size.height)
        return end - self._starts[index]

    def _scroll_to_row(self, index: int) -> None:
        top, height = self._starts[index], self._height_of(index)
        if index > 0 and self._rows[index - 1].session is None:  # keep its heading in sight
            top, height = self._starts[index - 1], height + self._height_of(index - 1)
        # force: right after a rebuild the list may be taller than it was, but
        # Textual only allows scrolling once the next layout shows the scrollbar.
        self.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True,
                              force=True)

    def _step(self, start: int, step: int) -> int | None:
        index = start + step
        while 0 <= index < len(self._rows):
            if self._rows[index].session is not None:
                return index
            index += step
        return None

    def action_cursor(self, step: int) -> None:
        current = self.highlighted if self.highlighted is not None else -step
        target = self._step(current, step)
        if target is not None:
            self.highlighted = target

    def action_page(self, direction: int) -> None:
        if self.highlighted is None:
            return
        line = self._starts[self.highlighted] + direction * max(self.size.height - 2, 1)
        index = min(max(bisect_right(self._starts, line) - 1, 0), len(self._rows) - 1)
        target = self._step(index - direction, direction) or self._step(index, -direction)
        if target is not None:
            self.highlighted = target

    def action_first(self) -> None:
        target = self._step(-1, 1)
        if target is not None:
            self.highlighted = target

    def action_last(self) -> None:
        target = self._step(len(self._rows), -1)
        if target is not None:
            self.highlighted = target

    def action_select(self) -> None:
        session_id = self.highlighted_session_id
        if session_id is not None:
            self.post_message(self.Selected(session_id))

    # -- mouse ------------------------------------------------------------------------
    def _row_at(self, y: int) -> int | None:
        line = y + self.scroll_offset.y
        if not self._starts or line >= self.virtual_size.height:
            return None
        return bisect_right(self._starts, line) - 1

    def on_click(self, event: events.Click) -> None:
        index = self._row_at(event.y)
        if index is None or self._rows[index].session is None:
            return
        session = self._rows[index].session
        assert session is not None
        self.highlighted = index
        if event.x < MARKER_WIDTH:
            self.post_message(self.MarkerClicked(session.id))
        else:
            self.post_message(self.Selected(session.id))

    def item_at(self, x: int, y: int) -> int | None:
        return self._row_at(y)

    def hover_changed(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)

    # -- drawing ----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        self._layout()  # the first frame is drawn before the first Resize arrives
        width = self.scrollable_content_region.width
        index = self._row_at(y)
        if index is None:
            return Strip.blank(width, self.rich_style)
        state = ("highlighted" if index == self.highlighted else
                 "hover" if index == self.hover else "")
        strips = self._render_row(index, state)
        line = y + self.scroll_offset.y - self._starts[index]
        return strips[line] if line < len(strips) else Strip.blank(width, self.rich_style)

    def _render_row(self, index: int, state: str) -> list[Strip]:
        width = self.scrollable_content_region.width or 80
        view = self.view
        assert view is not None
        # Rows are drawn in the colour theme's colours: a new theme, new rows.
        valid_for = (width, self.display_options, id(view.catalogue), id(self.agenda),
                     self.app.theme)
        if valid_for != self._cache_for or len(self._cache) > _CACHE_SIZE:
            self._cache.clear()
            self._cache_for = valid_for
        row = self._rows[index]
        key = ((row.session.id, row.parallel) if row.session else
               (row.heading.plain if row.heading else row.slot, row.slot_size),
               self._height_of(index), state)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if row.session is None:
            style = self.get_visual_style("session-list--heading")
            lines = [self._heading(row)]
        else:
            component = {"highlighted": "session-list--highlighted",
                         "hover": "session-list--hover"}.get(state, "session-list--row")
            style = self.get_visual_style("session-list--row", component)
            lines = session_lines(row.session, view.catalogue, self.display_options,
                                  width=width, parallel=row.parallel,
                                  bookmark=self.agenda.get(row.session.id),
                                  clash=row.session.id in self._clashing,
                                  height=self._height_of(index))
        strips = [line_strip(line, width, style) for line in lines]
        self._cache[key] = strips
        return strips
