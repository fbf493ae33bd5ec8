"""The sessions: the list, or the timetable grid of the day (``grid``).

Bound from the browser screen once; the pane owns the switching between the two
and the grid's life. The grid is made when first asked for, or hidden once the
first frame is out, and made ready while the keys pause (its day laid out, the
lines it would open on drawn) whenever what it would show changes, so that g
only has to show it. Both report the session under their cursor
(``SessionHighlighted``); after a switch the one shown says it again.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.timer import Timer

from confterm.model.agenda import Agenda
from confterm.model.programme import Session
from confterm.model.view import ScheduleView
from confterm.ui.render import Display
from confterm.ui.widgets.messages import SessionHighlighted
from confterm.ui.widgets.room_layout import RoomLayout
from confterm.ui.widgets.session_list import SessionList

if TYPE_CHECKING:
    from confterm.ui.widgets.timetable_grid import TimetableGrid

#: How long the keys must pause before the hidden grid is made ready.
PAUSE = 0.05


class SessionsPane(Vertical):
    DEFAULT_CSS = """
    SessionsPane { height: 1fr; }
    """

    #: The browsing view (the grid shows its day) and what the list shows (while
    #: searching, matches from every day).
    view: var[ScheduleView | None] = var[ScheduleView | None](None, always_update=True)
    results: var[ScheduleView | None] = var[ScheduleView | None](None, always_update=True)
    display_options: var[Display] = var(Display())
    agenda: var[Agenda] = var[Agenda](Agenda)
    now: var[dt.datetime | None] = var[dt.datetime | None](None)
    friends: var[dict[str, Agenda]] = var[dict[str, Agenda]](dict)
    clashing: var[frozenset[str]] = var(frozenset())
    changed: var[frozenset[str]] = var(frozenset())
    room_layout: var[RoomLayout] = var(RoomLayout())
    #: The grid rather than the list.
    grid: var[bool] = var(False)
    #: The session highlighted (the grid opens on it).
    current: var[Session | None] = var[Session | None](None)

    def __init__(self, *, grid: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(SessionsPane.grid, grid)
        #: Columns the sidebar takes over the grid when it is brought back (s).
        self.sidebar_over = 0
        self._grid: TimetableGrid | None = None
        self._grid_timer: Timer | None = None
        #: Whether the search has everything it needs ready (see ``prepare_search``).
        self.search_prepared = False

    def compose(self) -> ComposeResult:
        yield SessionList(id="sessions").data_bind(
            view=SessionsPane.results, display_options=SessionsPane.display_options,
            agenda=SessionsPane.agenda, now=SessionsPane.now, friends=SessionsPane.friends,
            clashing=SessionsPane.clashing, changed=SessionsPane.changed)
        if self.grid:  # else made when first asked for (g): a quicker start
            yield self._make_grid()

    def on_mount(self) -> None:
        self.query_one(SessionList).display = not self.grid
        self.set_timer(0.5, self._make_hidden_grid)  # once the first frame is out

    def prepare_search(self) -> None:
        """Ahead of the first search, in a thread: every session's text folded,
        and its rows in the list made."""
        view = self.view
        if view is None:
            return
        prepare, make_rows = view.catalogue.prepare_search, self.list.row_maker(view)
        breathe = getattr(self.app, "breathe", lambda: None)  # (see ConftermApp.breathe)

        def work() -> None:
            prepare(breathe)
            make_rows(breathe)
            self.search_prepared = True

        self.search_prepared = False
        self.run_worker(work, thread=True, exclusive=True, group="search-index")

    # -- what is shown ------------------------------------------------------------
    @property
    def shown(self) -> SessionList | TimetableGrid:
        """The list or the grid, whichever is shown."""
        if self.grid and self._grid is not None:
            return self._grid
        return self.query_one(SessionList)

    @property
    def list(self) -> SessionList:
        return self.query_one(SessionList)

    def watch_grid(self, grid: bool) -> None:
        if not self.is_mounted:
            return
        if grid and self._grid is None:
            self.call_later(self._mount_grid, self.current)
        else:
            self._switch(self.current)

    async def _mount_grid(self, current: Session | None) -> None:
        """The grid's first showing: mounted (and bound to the pane) first."""
        await self.mount(self._make_grid())
        if self.grid:
            self._switch(current)

    def _switch(self, current: Session | None) -> None:
        """Show the list or the grid (``grid``), on the same session."""
        self.query_one(SessionList).display = not self.grid
        if self._grid is not None:
            self._grid.display = self.grid
        shown = self.shown
        if shown is self._grid:
            self._grid.rebuild()
        if current is not None:
            shown.highlight_session(current.id)
            shown.show_at_top(current.id)  # (once it has its size)
        shown.focus()
        # What the shown one highlights now (it may not hold the last session).
        self.post_message(SessionHighlighted(shown.highlighted_session_id, shown))

    def go_to_room(self, room_id: str) -> None:
        """The grid at *room_id*'s column (the grid shown first if it is not)."""
        if not self.grid or self._grid is None:
            self.call_after_refresh(self.go_to_room, room_id)
        else:
            self._grid.go_to_room(room_id)

    # -- the grid, made and made ready ahead ---------------------------------------
    def _make_grid(self) -> TimetableGrid:
        from confterm.ui.widgets.timetable_grid import TimetableGrid

        self._grid = TimetableGrid(id="grid").data_bind(
            view=SessionsPane.view, display_options=SessionsPane.display_options,
            agenda=SessionsPane.agenda, now=SessionsPane.now,
            room_layout=SessionsPane.room_layout, friends=SessionsPane.friends,
            clashing=SessionsPane.clashing, changed=SessionsPane.changed)
        return self._grid

    def _make_hidden_grid(self) -> None:
        """Make the grid, hidden, so that the first g is as quick as the next."""
        if self._grid is None:
            grid = self._make_grid()
            grid.display = False
            self.mount(grid)
            self.prepare_grid_soon()

    def prepare_grid_soon(self) -> None:
        """Once the keys pause, get the hidden grid ready for what it would show.
        Not while the grid is shown, nor while a search is typed."""
        view = self.view
        if self.grid or not self.is_mounted or view is None or view.query.strip():
            return
        if self._grid_timer is not None:
            self._grid_timer.stop()
        self._grid_timer = self.set_timer(PAUSE, self._prepare_hidden_grid)

    # Whatever the grid would show changes: its day, marks, words, times, cursor.
    watch_view = watch_agenda = watch_friends = watch_now = watch_display_options = (
        watch_current) = watch_room_layout = watch_changed = prepare_grid_soon

    @property
    def grid_pending(self) -> bool:
        """Whether the hidden grid is to be made ready once the keys pause."""
        return self._grid_timer is not None

    def _prepare_hidden_grid(self) -> None:
        self._grid_timer = None
        sessions = self.query_one(SessionList)
        size = sessions.scrollable_content_region.size
        # Shown, the grid takes the whole width but the sidebar's, if open, and
        # the list's scroll bar.
        gutter = sessions.size.width - size.width
        current = self.current.id if self.current is not None else None
        if self._grid is not None:
            self._grid.prepare(self.app.size.width - self.sidebar_over - gutter, size.height,
                               current)
