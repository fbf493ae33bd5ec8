"""The session list: a virtual list, drawn line by line.

Only the rows on screen are ever rendered (see ``LineList``): building the list
costs one small tuple per row (``session_rows``) and a running sum of row
heights, so a view of 10,000 sessions opens and filters as fast as one of 30.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from time import perf_counter
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.strip import Strip

from confterm.i18n import N_, _
from confterm.model.agenda import conference_day
from confterm.model.view import Catalogue, ScheduleView
from confterm.ui.render import (
    MARKER_WIDTH,
    Display,
    going_marks,
    session_lines,
    slot_heading,
)
from confterm.ui.widgets.legible import legible_on
from confterm.ui.widgets.line_list import MOVEMENT_BINDINGS
from confterm.ui.widgets.lines import line_strip
from confterm.ui.widgets.messages import (
    MarkerClicked,
    SessionHighlighted,
    SessionSelected,
)
from confterm.ui.widgets.session_lines import SessionLines
from confterm.ui.widgets.session_rows import (
    Row,
    RowCache,
    SessionRows,
    fill_row_cache,
    new_row_cache,
    session_rows,
)

#: Rendered rows kept for redrawing (a few screens' worth).
_CACHE_SIZE = 400


class SessionList(SessionLines):
    """Sessions of the current view. Reports ``Highlighted``, ``Selected`` and
    ``MarkerClicked`` with the session id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *MOVEMENT_BINDINGS, Binding("enter", "select", N_("Select"), show=False, id="open")]
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

    Highlighted = SessionHighlighted
    Selected = SessionSelected
    MarkerClicked = MarkerClicked

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[Row] = []  # SessionRows once there is a view
        self._generation = 0  # of the rows, for the layout
        self._index: Mapping[str, int] = {}  # session id -> row
        #: Drawn rows by what they show (not their place, which a filter changes),
        #: valid while width, display, programme, bookmarks and colours stay the same.
        self._cache: dict[tuple[object, ...], list[Strip]] = {}
        self._cache_for: tuple[object, ...] | None = None
        self._rebuilt_for: tuple[ScheduleView | None, Display | None] = (None, None)
        self._row_cache_for: tuple[Catalogue, str] | None = None
        self._row_cache: RowCache = []
        #: When the rows were last rebuilt (perf_counter), for the benchmark.
        self.rebuilt_at = 0.0

    # -- building -----------------------------------------------------------------
    def watch_view(self) -> None:
        self._rebuild_if_changed()

    def watch_display_options(self) -> None:
        self._rebuild_if_changed()

    def watch_now(self) -> None:
        view = self.view
        if (view is not None and view.day is not None and self.now is not None
                and conference_day(view.catalogue, self.now) == view.day):
            self._rebuild()  # the now line moves (the cursor stays on its session)
        self.refresh()  # rows that have just finished are dimmed (cached per state)

    def _rebuild_if_changed(self) -> None:
        """Rebuild now (so the next frame shows the result), once per change of
        view or display, however many reactives announce it."""
        # The view itself, by identity: an id() of a freed view could come back.
        view, display = self.view, self.display_options
        if view is not self._rebuilt_for[0] or display != self._rebuilt_for[1]:
            self._rebuilt_for = (view, display)
            self._rebuild()

    def _rebuild(self) -> None:
        view = self.view
        if view is None:
            return
        keep = self.highlighted_session_id
        self._rows, self._index = session_rows(view, self.display_options.lang, self.now,
                                               self._rows_made(view))
        self._generation += 1
        self.lay_out()
        before = self.cursor
        self.highlight_session(keep)
        if self.cursor == before:  # no watcher ran, yet the row may hold another session
            self.cursor_moved(self.cursor)
        self.rebuilt_at = perf_counter()

    def row_maker(self, view: ScheduleView) -> Callable[[Callable[[], object]], None]:
        """What makes every session's rows ahead of the first search (to run in a
        thread: it reads nothing that changes)."""
        return partial(fill_row_cache, self._rows_made(view), view, self.display_options.lang)

    def _rows_made(self, view: ScheduleView) -> RowCache:
        """Sessions' rows made so far, kept per programme and language."""
        key = (view.catalogue, self.display_options.lang)
        if self._row_cache_for != key:
            self._row_cache_for = key
            self._row_cache = new_row_cache(view)
        return self._row_cache

    # -- the LineList contract ------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def line_starts(self, width: int) -> tuple[Sequence[int], int]:
        rows = self._rows
        return rows.line_starts(width) if isinstance(rows, SessionRows) else ([], 0)

    def can_choose(self, index: int) -> bool:
        return self._rows[index].session is not None

    def layout_key(self) -> object:
        return self._generation

    def scroll_region(self, index: int) -> tuple[int, int]:
        top, height = self._starts[index], self.height_of(index)
        if index > 0 and self._rows[index - 1].session is None:  # keep its heading in sight
            top, height = self._starts[index - 1], height + self.height_of(index - 1)
        return top, height

    def cursor_moved(self, index: int | None) -> None:
        if self.display:  # while the grid is shown instead, it tells what is highlighted
            self.post_message(self.Highlighted(self.highlighted_session_id, self))

    def clicked(self, index: int, x: int, chain: int) -> None:
        session = self._rows[index].session
        assert session is not None
        if x < MARKER_WIDTH:
            if chain == 1:  # the second click of a double click would undo the first
                self.post_message(self.MarkerClicked(session.id))
        elif chain >= 2:  # a click highlights, a double click opens
            self.post_message(self.Selected(session.id))

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
        if row.now_line:
            local = row.slot.astimezone(self.display_options.zone)
            return Content.styled("▶ " + _("now {time}").format(time=f"{local:%H:%M}") + " "
                                  + "─" * 60, "$accent bold")
        return slot_heading(row.slot, row.slot_size, self.display_options)

    @property
    def highlighted_session_id(self) -> str | None:
        if self.cursor is None or self.cursor >= len(self._rows):
            return None
        session = self._rows[self.cursor].session
        return session.id if session is not None else None

    def row_text(self, session_id: str) -> str:
        """The plain text of a session's row, as drawn at the current width."""
        index = self._index[session_id]
        width = self.scrollable_content_region.width or 80
        return "\n".join(strip.text.rstrip() for strip in self.render_row(index, "", width))

    def highlight_session(self, session_id: str | None) -> None:
        index = self._index.get(session_id or "")
        self.cursor = index if index is not None else self.step(-1, 1)

    def show_at_top(self, session_id: str) -> None:
        """Scroll so that the session (and its slot's heading) is at the top."""

        def scroll() -> None:
            index = self._index.get(session_id)
            if index is not None and index < len(self._starts):
                top, _ = self.scroll_region(index)
                if index > 0 and self._rows[index - 1].now_line:
                    top = self._starts[index - 1]  # the now line just above it too
                elif index > 1 and self._rows[index - 2].now_line:
                    top = self._starts[index - 2]
                self.scroll_to_top_line(top)

        self.when_sized(scroll)

    def action_select(self) -> None:
        session_id = self.highlighted_session_id
        if session_id is not None:
            self.post_message(self.Selected(session_id))

    # -- drawing ----------------------------------------------------------------------
    def render_row(self, index: int, state: str, width: int) -> list[Strip]:
        width = width or 80
        view = self.view
        assert view is not None
        # Rows are drawn in the colour theme's colours: a new theme, new rows.
        valid_for = (width, self.display_options, view.catalogue, self.marks_generation,
                     self.app.theme)
        if valid_for != self._cache_for or len(self._cache) > _CACHE_SIZE:
            self._cache.clear()
            self._cache_for = valid_for
        row = self._rows[index]
        finished = (row.session is not None and self.now is not None
                    and row.session.end <= self.now and row.session.end > row.session.start)
        key = ((row.session.id, row.parallel) if row.session else
               (row.heading.plain if row.heading else row.slot, row.slot_size, row.now_line),
               self.height_of(index), state, finished)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if row.session is None:
            style = self.get_visual_style("session-list--heading")
            lines = [self._heading(row)]
        else:
            component = {"cursor": "session-list--highlighted",
                         "hover": "session-list--hover"}.get(state, "session-list--row")
            style = self.get_visual_style("session-list--row", component)
            lines = session_lines(row.session, view.catalogue, self.display_options,
                                  width=width, parallel=row.parallel,
                                  bookmark=self.agenda.get(row.session.id),
                                  clash=row.session.id in self.clashing,
                                  height=self.height_of(index),
                                  going=going_marks(row.session.id, self.friends),
                                  changed=row.session.id in self.changed)
            if finished and state != "cursor":  # over: quieter, still there to read
                lines = [line.stylize("dim") for line in lines]
            if state == "cursor":
                # Under the cursor every part is in one colour, black or white,
                # whichever is more legible on it (an accent ★ or dim text there
                # fall below 4.5:1 in some themes).
                ink = legible_on(style.background)
                lines = [Content.styled(line.plain, f"{ink} bold" if number == 0 else ink)
                         for number, line in enumerate(lines)]
        strips = [line_strip(line, width, style) for line in lines]
        self._cache[key] = strips
        return strips

