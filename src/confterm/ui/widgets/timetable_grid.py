"""The timetable grid: time down the left, rooms as columns, a box per session.

A ``LineList`` whose rows are the lines of the timetable (15 minutes each): the
room names are its header, which stays put while the times scroll under it;
the time axis stays put while the rooms scroll sideways, a column at a time.
Only the lines on screen are drawn, and of them only the visible columns;
each box is rendered once per state and width and then reused. The layout is
pure (``confterm.model.timetable``); this widget draws it and moves a cursor
over its boxes. It reports the same messages as the session list, and asks its
screen to hide or move a room (the screen remembers the room layout).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from time import perf_counter
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import var
from textual.strip import Strip

from confterm.i18n import N_, _, ngettext
from confterm.model.agenda import conference_day
from confterm.model.programme import BACKGROUND_KINDS
from confterm.model.text import clip
from confterm.model.timetable import EMPTY, Box, Timetable, across, column_order, lay_out, nearest
from confterm.model.timetable import vertical as box_below
from confterm.model.view import ScheduleView
from confterm.timefmt import time_range
from confterm.ui.render import CHANGED_MARK, going_marks
from confterm.ui.widgets.legible import legible_on
from confterm.ui.widgets.line_list import MOVEMENT_BINDINGS
from confterm.ui.widgets.lines import line_strip
from confterm.ui.widgets.messages import RoomsChanged, SessionHighlighted, SessionSelected
from confterm.ui.widgets.room_layout import RoomLayout
from confterm.ui.widgets.session_lines import SessionLines
from confterm.wording import priority_marker

#: Cells of the time axis ("14:30 ").
AXIS_WIDTH = 6
#: The narrowest a room's column may be (fewer, wider rooms read better than
#: many cut to a word each; the rest are a sideways scroll away).
MIN_COLUMN = 16
_CACHE_SIZE = 2000



def _minute(moment: dt.datetime | None) -> dt.datetime | None:
    """What the grid shows of the time: the now line's hh:mm, boxes over or not."""
    return moment.replace(second=0, microsecond=0) if moment is not None else None


def columns_that_fit(width: int, count: int) -> tuple[int, int]:
    """How many columns of *count* fit in *width* cells, and how wide each is."""
    room = max(width - AXIS_WIDTH, MIN_COLUMN)
    shown = max(1, min(count, room // MIN_COLUMN))
    return shown, room // shown


def _lane_width(lane: int, lanes: int, column_width: int) -> int:
    """The cells of *lane* of *lanes* in a column: equal shares, the last takes the rest."""
    share = max(column_width // lanes, 1)
    return share if lane < lanes - 1 else column_width - share * (lanes - 1)


class TimetableGrid(SessionLines):
    header_lines = 1
    BINDINGS: ClassVar[list[BindingType]] = [
        *MOVEMENT_BINDINGS,
        Binding("left", "across(-1)", N_("Room left"), show=False, id="room-left",
                tooltip=N_("Timetable: the session in the room to the left")),
        Binding("right", "across(1)", N_("Room"), key_display="←→", id="room-right",
                tooltip=N_("Timetable: the session in the room to the right (← to the left)")),
        Binding("enter", "select", N_("Select"), show=False, id="open"),
        Binding("minus", "hide_room", N_("Hide room"), show=False, id="hide-room",
                tooltip=N_("Timetable: hide the room of the session under the cursor")),
        Binding("plus,equals_sign", "show_rooms", N_("Show rooms"), show=False, id="show-rooms",
                tooltip=N_("Timetable: show every hidden room again")),
        Binding("less_than_sign", "move_room(-1)", N_("Room earlier"), show=False,
                id="room-earlier", tooltip=N_("Timetable: move this room's column left")),
        Binding("greater_than_sign", "move_room(1)", N_("Room later"), show=False,
                id="room-later", tooltip=N_("Timetable: move this room's column right")),
        Binding("j", "jump_to_room", N_("Jump to room"), show=False, id="jump-to-room",
                tooltip=N_("Timetable: jump to a room by typing its name")),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timetable--box", "timetable--box-alt", "timetable--quiet", "timetable--cursor",
        "timetable--hover", "timetable--axis", "timetable--header", "timetable--now",
        "timetable--marker", "timetable--clash"}
    DEFAULT_CSS = """
    TimetableGrid {
        background: $surface;
        overflow-x: hidden;
        & > .timetable--box { background: $panel; }
        & > .timetable--box-alt { background: $panel-lighten-1; }
        & > .timetable--quiet { color: $text-muted; }
        & > .timetable--cursor { background: $block-cursor-blurred-background; }
        &:focus > .timetable--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .timetable--hover { background: $block-hover-background; }
        & > .timetable--axis { color: $text-muted; }
        & > .timetable--header { text-style: bold; color: $text-accent; }
        & > .timetable--now { color: $accent; text-style: bold; }
        & > .timetable--marker { color: $accent; text-style: bold; }
        & > .timetable--clash { color: $warning; text-style: bold; }
    }
    """

    #: The screen's view: the grid shows its day, with its filters and search.
    view: var[ScheduleView | None] = var[ScheduleView | None](None, always_update=True)
    room_layout: var[RoomLayout] = var(RoomLayout())
    #: The box under the cursor.
    highlighted: var[int | None] = var[int | None](None)
    #: The first room shown (the time axis stays; rooms scroll by column).
    first_column: var[int] = var(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table: Timetable = EMPTY
        self._built_for: tuple[object, ...] | None = None
        self._generation = 0
        self._cache: dict[tuple[object, ...], list[Strip]] = {}
        self._cache_for: tuple[object, ...] | None = None
        self._style_cache: dict[tuple[str, str, bool], dict[str, RichStyle]] = {}
        self._blank = RichStyle()
        #: When the day was last laid out (perf_counter), for the benchmark.
        self.rebuilt_at = 0.0
        #: The width the grid will have when shown (the list's), until it has its own.
        self._width_hint = 0
        #: How many times it was made ready while hidden (see ``prepare``).
        self.prepared = 0

    # -- building --------------------------------------------------------------------
    def watch_view(self) -> None:
        self.rebuild()

    def watch_display_options(self) -> None:
        self.rebuild()
        self.refresh()  # the axis, the boxes' times and titles: another zone or language

    def watch_room_layout(self) -> None:
        self.rebuild()

    def watch_now(self, old: dt.datetime | None, new: dt.datetime | None) -> None:
        # The now line and the boxes that are over follow the clock, a minute at a time.
        if _minute(old) != _minute(new):
            self.refresh()

    def on_show(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Lay the day out again when what it shows changed (and it is on screen)."""
        if self.view is None or not self.display:
            return
        keep, near = self.highlighted_session_id, self._cursor_place()
        if not self._lay_out_day() and self.highlighted is not None:
            return  # the same day as before, the cursor on it
        self.lay_out()
        self.refresh()
        before = self.highlighted
        self.highlight_session(keep, near=near)
        if self.highlighted == before:
            self._report()

    def _lay_out_day(self) -> bool:
        """The view's day as a timetable, again only when it changed (True then)."""
        view = self.view
        assert view is not None
        key = (view.catalogue, view.day, view.browsing_key(), view.query, self.room_layout)
        if key == self._built_for:
            return False
        self._built_for = key
        rooms = column_order((r.id for r in view.programme.rooms), self.room_layout.order)
        sessions = [s for s in view.sessions if s.day == view.day]
        self.table = lay_out(sessions, rooms, hidden=self.room_layout.hidden)
        # The cursor's box (and the mouse's) was the old table's: none until the
        # caller places it (or the mouse moves).
        self.set_reactive(TimetableGrid.highlighted, None)
        self.hover = None
        self._generation += 1
        self.rebuilt_at = perf_counter()
        return True

    def prepare(self, width: int, height: int, session_id: str | None) -> None:
        """While hidden, in a pause: lay out the day the screen shows and draw the
        lines that will be in sight at *width* × *height* (the list's, whose place
        the grid takes) when it opens on *session_id*, so that showing the grid
        costs only the switch."""
        if self.display or self.view is None or width <= 0:
            return
        self._width_hint = width
        self._lay_out_day()
        self._check_cache(width)
        # The cursor where showing the grid will put it, on the rooms in sight then.
        self.highlight_session(session_id)
        table = self.table
        top = self._top_line(self.highlighted) if self.highlighted is not None else 0
        rows = max(height - self.header_lines, 0)
        top = min(top, max(table.lines - rows, 0))
        for line in range(top, min(top + rows, table.lines)):
            self.render_row(line, "", width)
        self.prepared += 1

    def _report(self) -> None:
        if self.display:
            self.post_message(SessionHighlighted(self.highlighted_session_id, self))

    # -- what the screen asks and tells ---------------------------------------------------
    @property
    def highlighted_session_id(self) -> str | None:
        if self.highlighted is None or self.highlighted >= len(self.table.boxes):
            return None
        return self.table.boxes[self.highlighted].session.id

    def _cursor_place(self) -> tuple[int, int] | None:
        """The cursor's column and time (line), to find its place again."""
        if self.highlighted is None or self.highlighted >= len(self.table.boxes):
            return None
        box = self.table.boxes[self.highlighted]
        return box.column, box.top

    def highlight_session(self, session_id: str | None,
                          near: tuple[int, int] | None = None) -> None:
        """The cursor on *session_id*; when the grid does not show it (its room
        hidden), on the box nearest in time in the room that took its place
        (*near*: the column and line it was at), else on the box closest to now
        on the day it is, else to the start of the day."""
        table = self.table
        index = table.index_of(session_id) if session_id else None
        if index is None and near is not None and table.rooms:
            column, line = min(near[0], len(table.rooms) - 1), near[1]
            index = nearest(table, column, line)
            if index is None:  # that room has nothing that day: the closest in time
                found = [i for c in range(len(table.rooms))
                         if (i := nearest(table, c, line)) is not None]
                index = min(found, key=lambda i: (abs(table.boxes[i].top - line),
                                                  abs(table.boxes[i].column - column)),
                            default=None)
        if index is None and table.boxes:
            line = self._now_line() or 0
            closest = [i for column in range(len(table.rooms))
                       if (i := nearest(table, column, line)) is not None]
            index = min(closest, key=lambda i: (abs(table.boxes[i].top - line), i),
                        default=None)
        self.highlighted = index

    def show_at_top(self, session_id: str) -> None:
        """Scroll so that the session's box starts near the top (a line of what
        came before above it)."""

        def scroll() -> None:
            index = self.table.index_of(session_id)
            if index is not None:
                self.scroll_to_top_line(self._top_line(index))

        self.when_sized(scroll)

    def _top_line(self, index: int) -> int:
        """The first line in sight when box *index* is shown at the top."""
        return max(self.table.boxes[index].top - 1, 0)

    def room_name(self, column: int) -> str:
        room = self.table.rooms[column]
        if room is None:
            return _("No room")
        found = self.view.catalogue.rooms.get(room) if self.view is not None else None
        return clip(found.name.get(self.display_options.lang)) if found else room

    # -- the LineList contract -------------------------------------------------------------
    def row_count(self) -> int:
        return self.table.lines

    def layout_key(self) -> object:
        return self._generation

    def row_state(self, index: int) -> str:
        return ""  # a line of the grid holds many boxes: each is drawn in its own state

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_box(old)
        self._refresh_box(new)
        self._reveal()
        self._report()

    def _reveal(self) -> None:
        """Scroll the box under the cursor into sight, down and across."""
        if self.highlighted is None or self.highlighted >= len(self.table.boxes):
            return
        box = self.table.boxes[self.highlighted]
        self.scroll_to_lines(box.top, min(box.height, max(self.size.height - 2, 1)))
        shown, _ = self.columns_in_sight()
        if box.column < self.first_column:
            self.first_column = box.column
        elif box.column >= self.first_column + shown:
            self.first_column = box.column - shown + 1

    def on_resize(self) -> None:
        # Fewer or more rooms fit: keep the cursor's in sight (also when the grid
        # first gets its size, after being shown).
        self._reveal()

    def watch_first_column(self) -> None:
        self.refresh()

    @property
    def row_width(self) -> int:
        # Just shown, the grid is drawn once before its Resize arrives: the rooms in
        # sight are chosen for the width it takes, not the terminal's.
        return self.scrollable_content_region.width or self._width_hint or super().row_width

    def columns_in_sight(self) -> tuple[int, int]:
        """How many rooms are in sight at this width, and each one's width."""
        return columns_that_fit(self.row_width, len(self.table.rooms))

    def _refresh_box(self, index: int | None) -> None:
        if index is not None and index < len(self.table.boxes):
            box = self.table.boxes[index]
            self.redraw_lines(box.top, box.height)

    # -- moving ------------------------------------------------------------------------------
    def _go(self, target: int | None) -> None:
        if target is None:
            self.app.bell()
        else:
            self.highlighted = target

    def action_cursor(self, step: int) -> None:
        if self.highlighted is None:
            self.highlight_session(None)
            return
        self._go(box_below(self.table, self.highlighted, step))

    def action_across(self, step: int) -> None:
        if self.highlighted is not None:
            self._go(across(self.table, self.highlighted, step))

    def action_page(self, direction: int) -> None:
        if self.highlighted is None:
            return
        box = self.table.boxes[self.highlighted]
        line = min(max(box.top + direction * max(self.size.height - 2, 1), 0),
                   self.table.lines - 1)
        self._go(nearest(self.table, box.column, line))

    def action_first(self) -> None:
        if self.highlighted is not None:
            self._go(nearest(self.table, self.table.boxes[self.highlighted].column, 0))

    def action_last(self) -> None:
        if self.highlighted is not None:
            column = self.table.boxes[self.highlighted].column
            self._go(self.table.column_boxes(column)[-1])

    def action_select(self) -> None:
        session_id = self.highlighted_session_id
        if session_id is not None:
            self.post_message(SessionSelected(session_id))

    # -- rooms -------------------------------------------------------------------------------
    def _current_room(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.table.rooms[self.table.boxes[self.highlighted].column]

    def action_jump_to_room(self) -> None:
        from confterm.ui.commands import RoomJump
        from confterm.ui.screens.once import palette

        self.app.push_screen(palette(providers=[RoomJump],
                                            placeholder=_("Type a room's name…")))

    def go_to_room(self, room_id: str) -> None:
        """The cursor into *room_id*'s column (shown again if it was hidden), at
        the time it is at, the column in sight."""
        if room_id in self.room_layout.hidden:
            layout = RoomLayout(self.room_layout.hidden - {room_id}, self.room_layout.order)
            self.post_message(RoomsChanged(layout, _("{room} shown again").format(
                room=self._room_label(room_id))))
            self.call_after_refresh(self.go_to_room, room_id)
            return
        if room_id not in self.table.rooms:
            self.app.bell()
            return
        column = self.table.rooms.index(room_id)
        line = (self.table.boxes[self.highlighted].top if self.highlighted is not None
                else self._now_line() or 0)
        target = nearest(self.table, column, line)
        shown, _width = self.columns_in_sight()
        most = max(len(self.table.rooms) - shown, 0)
        self.first_column = min(max(column - shown // 2, 0), most)  # in the middle
        if target is not None:
            self.highlighted = target

    def _room_label(self, room_id: str) -> str:
        found = self.view.catalogue.rooms.get(room_id) if self.view is not None else None
        return clip(found.name.get(self.display_options.lang)) if found else room_id

    def action_hide_room(self) -> None:
        room = self._current_room()
        if room is None:
            self.app.bell()
            return
        layout = RoomLayout(self.room_layout.hidden | {room}, self.room_layout.order)
        name = self.room_name(self.table.boxes[self.highlighted or 0].column)
        self.post_message(RoomsChanged(layout, _("{room} hidden (+ shows every room)").format(
            room=name)))

    def action_show_rooms(self) -> None:
        if not self.room_layout.hidden:
            self.app.bell()
            return
        count = len(self.room_layout.hidden)
        said = ngettext("{count} hidden room shown", "{count} hidden rooms shown", count)
        self.post_message(RoomsChanged(RoomLayout(frozenset(), self.room_layout.order),
                                       said.format(count=count)))

    def action_move_room(self, step: int) -> None:
        room = self._current_room()
        if room is None or self.highlighted is None or self.view is None:
            self.app.bell()
            return
        column = self.table.boxes[self.highlighted].column
        other = column + step
        if not 0 <= other < len(self.table.rooms) or self.table.rooms[other] is None:
            self.app.bell()
            return
        neighbour = self.table.rooms[other]
        order = column_order((r.id for r in self.view.programme.rooms), self.room_layout.order)
        a, b = order.index(room), order.index(neighbour)  # type: ignore[arg-type]
        order[a], order[b] = order[b], order[a]
        self.post_message(RoomsChanged(RoomLayout(self.room_layout.hidden, tuple(order)),
                                       _("{room} moved").format(room=self.room_name(column))))

    # -- mouse ---------------------------------------------------------------------------------
    def item_at(self, x: int, y: int) -> int | None:
        line = self.row_at(y)
        if line is None or x < AXIS_WIDTH:
            return None
        shown, width = self.columns_in_sight()
        column = self.first_column + (x - AXIS_WIDTH) // width
        if column >= min(len(self.table.rooms), self.first_column + shown):
            return None
        ids = self.table.covering[column][line]
        if not ids:
            return None
        lanes = self.table.boxes[ids[0]].lanes
        lane = min((x - AXIS_WIDTH) % width // max(width // lanes, 1), lanes - 1)
        return next((i for i in ids if self.table.boxes[i].lane == lane), None)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        index = self.item_at(event.x, event.y)
        if index is None:
            return
        self.highlighted = index
        session_id = self.table.boxes[index].session.id
        if event.chain >= 2:  # a double click opens it
            self.post_message(SessionSelected(session_id))

    def hover_changed(self, old: int | None, new: int | None) -> None:
        self._refresh_box(old)
        self._refresh_box(new)

    def _scroll_columns(self, step: int) -> None:
        shown, _ = self.columns_in_sight()
        most = max(len(self.table.rooms) - shown, 0)
        self.first_column = min(max(self.first_column + step, 0), most)

    def on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        event.stop()
        self._scroll_columns(-1)

    def on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        event.stop()
        self._scroll_columns(1)

    # -- drawing -------------------------------------------------------------------------------
    def _now_line(self) -> int | None:
        if self.now is None or not self.table.boxes or self.view is None:
            return None
        if conference_day(self.view.catalogue, self.now) != self.view.day:
            return None
        line = self.table.line_of(self.now)
        return line if 0 <= line < self.table.lines else None

    def render_header(self, y: int, width: int) -> Strip:
        self._blank = self.rich_style  # drawn first in a frame: the colours of empty cells
        shown, column_width = self.columns_in_sight()
        count = len(self.table.rooms)
        first = min(self.first_column, max(count - shown, 0))
        header = self.get_visual_style("timetable--header")
        axis = self.get_visual_style("timetable--axis")
        parts = [line_strip(Content("◀" if first > 0 else ""), AXIS_WIDTH, axis)]
        for column in range(first, min(first + shown, count)):
            more = "▶" if column == first + shown - 1 and column < count - 1 else ""
            name = Content.assemble("▏", self.room_name(column))
            name = name.truncate(column_width - len(more), ellipsis=True, pad=True)
            parts.append(line_strip(Content.assemble(name, more), column_width, header))
        return self._join(parts, width)

    def _join(self, parts: list[Strip], width: int) -> Strip:
        strip = Strip.join(parts)
        if strip.cell_length < width:
            strip = Strip.join([strip, Strip.blank(width - strip.cell_length, self._blank)])
        return strip.crop(0, width)

    def render_row(self, index: int, state: str, width: int) -> list[Strip]:
        table = self.table
        assert self.view is not None
        self._check_cache(width)
        count = len(table.rooms)
        shown, column_width = columns_that_fit(width, count)
        first = min(self.first_column, max(count - shown, 0))
        now_line = self._now_line()
        # A box whose top is scrolled off is drawn from the first line in sight,
        # title first: else a long one (the exhibition at 14:05) shows only its edge.
        top = self.scroll_offset.y
        from_top = top if index >= top and self._starts_above(index, top, first, shown) else None
        # A line is drawn again only when something on it changed: the cursor's or
        # the mouse's box on it, the now line, the minute (boxes that are over).
        key = ("line", index, first, index == now_line, _minute(self.now),
               self._box_on(self.highlighted, index), self._box_on(self.hover, index), from_top)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._draw_row(index, width, first, shown,
                                                       column_width, now_line, from_top)
        return cached

    def _starts_above(self, line: int, top: int, first: int, shown: int) -> bool:
        """Whether a box in sight on *line* starts above line *top*."""
        table = self.table
        for column in range(first, min(first + shown, len(table.rooms))):
            if any(table.boxes[i].top < top for i in table.covering[column][line]):
                return True
        return False

    def _box_on(self, box_index: int | None, line: int) -> int | None:
        """*box_index* if that box covers *line*."""
        if box_index is None or box_index >= len(self.table.boxes):
            return None
        box = self.table.boxes[box_index]
        return box_index if box.top <= line < box.bottom else None

    def _draw_row(self, index: int, width: int, first: int, shown: int, column_width: int,
                  now_line: int | None, from_top: int | None = None) -> list[Strip]:
        table, display = self.table, self.display_options
        count = len(table.rooms)
        moment = table.time_of(index).astimezone(display.zone)
        if index == now_line and self.now is not None:
            axis = line_strip(Content(f"{self.now.astimezone(display.zone):%H:%M}▶"),
                              AXIS_WIDTH, self.get_visual_style("timetable--now"))
        else:
            label = f"{moment:%H:%M}" if moment.minute in (0, 30) else ""
            style = "bold" if moment.minute == 0 else ""
            axis = line_strip(Content.styled(label, style), AXIS_WIDTH,
                              self.get_visual_style("timetable--axis"))
        parts = [axis]
        for column in range(first, min(first + shown, count)):
            ids = table.covering[column][index]
            if not ids:
                blank = "┄" * column_width if index == now_line else ""
                parts.append(line_strip(Content(blank), column_width,
                                        self.get_visual_style("timetable--now")))
                continue
            lanes = table.boxes[ids[0]].lanes
            by_lane = {table.boxes[i].lane: i for i in ids}
            for lane in range(lanes):
                cells = _lane_width(lane, lanes, column_width)
                box_index = by_lane.get(lane)
                if box_index is None:
                    parts.append(Strip.blank(cells, self._blank))
                else:
                    box = table.boxes[box_index]
                    starts = box.top if from_top is None else max(box.top, from_top)
                    parts.append(self._box_lines(box_index, cells)[index - starts])
        return [self._join(parts, width)]

    def _check_cache(self, width: int) -> None:
        """Drawn boxes and lines stay valid while the width, language, programme,
        bookmarks (and their clashes), friends, colours and layout stay the same."""
        assert self.view is not None
        valid_for = (width, self.display_options, self.view.catalogue, self.marks_generation,
                     self.app.theme, self._generation)
        if valid_for != self._cache_for or len(self._cache) > _CACHE_SIZE:
            self._cache.clear()
            if valid_for[4] != (self._cache_for or (None,) * 5)[4]:
                self._style_cache.clear()  # a new colour theme
            self._cache_for = valid_for
            # The widget's own style, for empty cells: worked out once, not per cell.
            self._blank = self.rich_style

    def _box_lines(self, index: int, width: int) -> list[Strip]:
        box = self.table.boxes[index]
        session = box.session
        state = ("cursor" if index == self.highlighted else
                 "hover" if index == self.hover else "")
        finished = (self.now is not None and session.end <= self.now
                    and session.end > session.start)
        key = (index, width, state, finished)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        quiet = session.kind in BACKGROUND_KINDS or session.cancelled
        # Neighbouring boxes in a room take turns between two shades.
        base = ("timetable--quiet" if quiet else
                "timetable--box-alt" if index % 2 else "timetable--box")
        styles = self._styles(base, state, dim=finished and state != "cursor")
        # Drawn as segments straight away: dozens of boxes come into sight at once
        # when the grid opens or scrolls, and each must cost next to nothing.
        strips = []
        for parts in self._box_text(box, width - 1):
            segments = [Segment("▏", styles["edge"])]
            used = 1
            for text, role in parts:
                role = "plain" if role == "title" and quiet else role
                room = width - used
                if cell_len(text) > room:  # cut, and said so
                    text = set_cell_size(text, room - 1) + "…" if room > 0 else ""
                segments.append(Segment(text, styles[role]))
                used += cell_len(text)
            if used < width:
                segments.append(Segment(" " * (width - used), styles["plain"]))
            strips.append(Strip(segments, width))
        self._cache[key] = strips
        return strips

    def _styles(self, base: str, state: str, *, dim: bool) -> dict[str, RichStyle]:
        """The rich styles of a box's parts, made once per colour theme and state."""
        key = (base, state, dim)
        found = self._style_cache.get(key)
        if found is None:
            plain = self.get_visual_style(base, *([f"timetable--{state}"] if state else []))
            rich = plain.rich_style + RichStyle(dim=True) if dim else plain.rich_style
            if state == "cursor":  # one legible colour for all of it (see the list)
                ink = rich + RichStyle(color=legible_on(plain.background))
                found = self._style_cache[key] = {
                    "plain": ink, "title": ink + RichStyle(bold=True), "dim": ink,
                    "edge": ink, "marker": ink + RichStyle(bold=True),
                    "clash": ink + RichStyle(bold=True)}
                return found
            found = self._style_cache[key] = {
                "plain": rich, "title": rich + RichStyle(bold=True),
                "dim": rich + RichStyle(dim=True), "edge": rich + RichStyle(dim=True),
                "marker": rich + self.get_visual_style("timetable--marker").rich_style,
                "clash": rich + self.get_visual_style("timetable--clash").rich_style,
            }
        return found

    def _box_text(self, box: Box, width: int) -> list[list[tuple[str, str]]]:
        """The lines of a box as (text, role) parts: title lines, people, time."""
        assert self.view is not None
        session, height = box.session, box.height
        display, catalogue = self.display_options, self.view.catalogue
        bookmark = self.agenda.get(session.id)
        marker = ""
        if bookmark is not None:
            marker = priority_marker(bookmark.priority) + ("⚠" if session.id in
                                                           self.clashing else "")
        title = clip(session.title.get(display.lang))
        # At word boundaries only: a word wider than the box is cut ("…"), not split.
        wrapped = textwrap.wrap(title, max(width - len(marker) - 1, 4),
                                break_on_hyphens=False, break_long_words=False) or [""]
        people = ", ".join(clip(p.name) for p in catalogue.session_people(session))
        extra = [people] if people else []
        extra.append(time_range(session, display.zone))
        room_for_title = max(height - min(len(extra), max(height - 1, 0)), 1)
        title_lines = wrapped[:room_for_title]
        if len(wrapped) > room_for_title:
            title_lines[-1] = title_lines[-1] + "…"
        first = [(marker + " ", "clash" if "⚠" in marker else "marker")] if marker else []
        going = going_marks(session.id, self.friends)
        if going:  # friends who picked it, by initial
            first.append((going + " ", "marker"))
        if session.cancelled:  # said, not left out (and drawn quiet)
            first.insert(0, ("✕ " + _("cancelled") + " ", "clash"))
        if session.id in self.changed:  # changed by a refresh, not looked at yet
            first.insert(0, (CHANGED_MARK + " ", "clash"))
        lines = [[*first, (title_lines[0], "title")]]
        lines += [[(text, "title")] for text in title_lines[1:]]
        lines += [[(text, "dim")] for text in extra]
        lines = lines[:height]
        while len(lines) < height:
            lines.append([])
        return lines

    def line_text(self, line: int) -> str:
        """Line *line* of the grid as plain text at the current width (for tests)."""
        width = self.scrollable_content_region.width or 80
        return "".join(segment.text for segment in self.render_row(line, "", width)[0]
                       ).rstrip()

    def header_text(self) -> str:
        width = self.scrollable_content_region.width or 80
        return "".join(s.text for s in self.render_header(0, width)).rstrip()

