"""A day's sessions laid out as a timetable: rooms as columns, time running down.

Pure: the grid widget draws a ``Timetable`` and moves its cursor with the
functions here, which tests check without a terminal.

Time is cut into lines of ``STEP`` (15 minutes); a session is a box from the
line it starts in to the line it ends in (at least one). Boxes that would
share a line in one room (sessions that overlap, or short ones that round into
the same line) split the column into lanes, only where they meet: the rest of
the room keeps the full width.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from confterm.model.programme import Session

#: The time one line of the grid stands for.
STEP = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Box:
    session: Session
    column: int
    lane: int
    #: Lanes the column is split into where this box is.
    lanes: int
    top: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class Timetable:
    #: Room id of each column (None: sessions without a room).
    rooms: tuple[str | None, ...]
    #: The time of line 0 (on the hour or half hour).
    origin: dt.datetime
    lines: int
    #: By column, then line, then lane.
    boxes: tuple[Box, ...]
    #: For each column, for each line, the boxes on that line (by lane).
    covering: tuple[tuple[tuple[int, ...], ...], ...]
    #: For each column, its boxes by line then lane.
    by_column: tuple[tuple[int, ...], ...]

    def line_of(self, moment: dt.datetime) -> int:
        return int((moment - self.origin) / STEP)

    def time_of(self, line: int) -> dt.datetime:
        return self.origin + line * STEP

    def column_boxes(self, column: int) -> list[int]:
        """The boxes of *column*, by line then lane."""
        return list(self.by_column[column])

    def index_of(self, session_id: str) -> int | None:
        return next((i for i, box in enumerate(self.boxes) if box.session.id == session_id),
                    None)


EMPTY = Timetable((), dt.datetime.min.replace(tzinfo=dt.UTC), 0, (), (), ())


def column_order(rooms: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """*rooms* (programme order) with those in *preferred* first, in its order."""
    rooms = list(rooms)
    present = set(rooms)
    first = [r for r in dict.fromkeys(preferred) if r in present]
    return first + [r for r in rooms if r not in set(first)]


def lay_out(sessions: Sequence[Session], rooms: Sequence[str], *,
            hidden: Iterable[str] = ()) -> Timetable:
    """A timetable of *sessions* (one day's, already filtered) in the order of
    *rooms*; rooms without sessions and *hidden* rooms are left out, sessions
    with no room (or one not in *rooms*) go to a last column."""
    hidden = set(hidden)
    shown = [s for s in sessions if s.room not in hidden or s.room is None]
    if not shown:
        return EMPTY
    start = min(s.start for s in shown)
    origin = start.replace(minute=start.minute // 30 * 30, second=0, microsecond=0)
    known = set(rooms)
    used = {s.room if s.room in known else None for s in shown}
    columns: list[str | None] = [r for r in rooms if r in used]
    if None in used:
        columns.append(None)
    place = {room: i for i, room in enumerate(columns)}
    by_column: list[list[Session]] = [[] for _ in columns]
    for session in shown:
        by_column[place[session.room if session.room in known else None]].append(session)
    last = max(s.end for s in shown)
    lines = max(-(-(last - origin) // STEP), 1)
    boxes: list[Box] = []
    covering: list[tuple[tuple[int, ...], ...]] = []
    members_of: list[tuple[int, ...]] = []
    for column, members in enumerate(by_column):
        first_box = len(boxes)
        boxes += _column_boxes(members, column, origin)
        on_line: list[list[int]] = [[] for _ in range(lines)]
        for index in range(first_box, len(boxes)):  # by line then lane: lists come out sorted
            box = boxes[index]
            for line in range(box.top, min(box.bottom, lines)):
                on_line[line].append(index)
        empty: tuple[int, ...] = ()
        covering.append(tuple(tuple(ids) if ids else empty for ids in on_line))
        members_of.append(tuple(range(first_box, len(boxes))))
    return Timetable(tuple(columns), origin, lines, tuple(boxes), tuple(covering),
                     tuple(members_of))


def _column_boxes(sessions: list[Session], column: int, origin: dt.datetime) -> list[Box]:
    zero, step = origin.timestamp(), STEP.total_seconds()
    # In seconds: much quicker than datetime arithmetic.
    times = sorted(((s.start.timestamp(), s.end.timestamp(), s) for s in sessions),
                   key=lambda item: item[0])
    starts = [start for start, _, _ in times]
    spans = []
    for start, end, session in times:
        top = int((start - zero) // step)
        bottom = max(-int(-(end - zero) // step), top + 1)
        # A session that starts after this one ends, but on the line where this one
        # ends (10:00-10:20, then 10:25): this box stops there rather than split
        # the room in two lanes. Only sessions that really overlap share lines.
        after = bisect_left(starts, end)
        if after < len(times):
            bottom = min(bottom, max(int((starts[after] - zero) // step), top + 1))
        spans.append((top, bottom, session))
    spans.sort(key=lambda span: (span[0], -span[1], span[2].id))
    boxes: list[Box] = []
    cluster: list[tuple[int, int, int, Session]] = []  # top, bottom, lane, session
    cluster_end = -1

    def close() -> None:
        lanes = max(lane for _, _, lane, _ in cluster) + 1
        boxes.extend(Box(session, column, lane, lanes, top, bottom - top)
                     for top, bottom, lane, session in cluster)

    for top, bottom, session in spans:
        if cluster and top >= cluster_end:
            close()
            cluster = []
        lane_ends: dict[int, int] = {}
        for _, end, lane, _ in cluster:
            lane_ends[lane] = max(lane_ends.get(lane, 0), end)
        lane = next((n for n in range(len(lane_ends) + 1) if lane_ends.get(n, -1) <= top), 0)
        cluster.append((top, bottom, lane, session))
        cluster_end = max(cluster_end, bottom) if len(cluster) > 1 else bottom
    if cluster:
        close()
    boxes.sort(key=lambda box: (box.top, box.lane))
    return boxes


# -- moving the cursor -----------------------------------------------------------------

def vertical(table: Timetable, current: int, step: int) -> int | None:
    """The box before (-1) or after (1) *current* in its column."""
    order = table.column_boxes(table.boxes[current].column)
    position = order.index(current) + step
    return order[position] if 0 <= position < len(order) else None


def nearest(table: Timetable, column: int, line: int) -> int | None:
    """The box of *column* on *line*, else the one starting closest to it."""
    on_line = table.covering[column][line] if 0 <= line < table.lines else ()
    if on_line:
        return on_line[0]
    order = table.column_boxes(column)
    if not order:
        return None
    return min(order, key=lambda i: (abs(table.boxes[i].top - line), table.boxes[i].top))


def across(table: Timetable, current: int, step: int) -> int | None:
    """The box in the next column to the left (-1) or right (1) at the same time."""
    box = table.boxes[current]
    column = box.column + step
    if not 0 <= column < len(table.rooms):
        return None
    return nearest(table, column, box.top)
