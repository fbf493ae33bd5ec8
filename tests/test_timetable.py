"""The timetable layout: rooms as columns, time as lines, overlaps split into lanes,
and moving between boxes; worked out without a screen."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.model.programme import Line, Programme, Session
from confterm.model.timetable import (
    STEP,
    across,
    column_order,
    lay_out,
    nearest,
    vertical,
)
from confterm.model.view import ScheduleView

ZONE = dt.timezone(dt.timedelta(hours=-3))
DAY = dt.date(2024, 11, 13)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, 11, 13, hour, minute, tzinfo=ZONE)


def session(sid: str, start: dt.datetime, end: dt.datetime, room: str | None) -> Session:
    return Session(id=sid, day=DAY, start=start, end=end, title=Line({"en": sid}), room=room)


def test_the_bundled_workshops_sit_side_by_side(programme: Programme) -> None:
    view = ScheduleView.of(programme).on_day(DAY)
    rooms = [r.id for r in programme.rooms]
    table = lay_out(view.sessions, rooms)
    assert "workshop-room-a" in table.rooms and "workshop-room-b" in table.rooms
    a, b = table.rooms.index("workshop-room-a"), table.rooms.index("workshop-room-b")
    workshops_a = [box for box in table.boxes if box.column == a]
    workshops_b = [box for box in table.boxes if box.column == b]
    assert [box.top for box in workshops_a] == [box.top for box in workshops_b]
    # Sessions without a room come last, in a column of their own.
    assert table.rooms[-1] is None
    # Every session of the day is in exactly one box.
    assert sorted(box.session.id for box in table.boxes) == sorted(s.id for s in view.sessions)


def test_boxes_span_their_time_from_a_half_hour_origin() -> None:
    table = lay_out([session("a", at(9, 10), at(10, 10), "r1"),
                     session("b", at(11), at(11, 30), "r2")], ["r1", "r2"])
    assert table.origin == at(9)
    a, b = table.boxes
    assert (a.column, a.top, a.height) == (0, 0, 5)  # 09:00–09:15 … 10:00–10:15
    assert (b.column, b.top, b.height) == (1, 8, 2)
    assert table.lines == 10
    assert table.time_of(b.top) == at(11)
    assert table.covering[1][8] == (1,) and table.covering[0][8] == ()


def test_rooms_without_sessions_and_hidden_rooms_are_left_out() -> None:
    sessions = [session("a", at(9), at(10), "r1"), session("b", at(9), at(10), "r3"),
                session("c", at(9), at(10), "r4")]
    table = lay_out(sessions, ["r1", "r2", "r3", "r4"], hidden={"r3"})
    assert table.rooms == ("r1", "r4")
    assert {box.session.id for box in table.boxes} == {"a", "c"}


def test_overlapping_sessions_split_only_where_they_meet() -> None:
    sessions = [session("long", at(9), at(11), "r"), session("clash", at(10), at(10, 30), "r"),
                session("later", at(12), at(13), "r")]
    table = lay_out(sessions, ["r"])
    boxes = {box.session.id: box for box in table.boxes}
    assert (boxes["long"].lane, boxes["long"].lanes) == (0, 2)
    assert (boxes["clash"].lane, boxes["clash"].lanes) == (1, 2)
    assert (boxes["later"].lane, boxes["later"].lanes) == (0, 1)  # full width again


def test_short_sessions_in_one_line_do_not_hide_each_other() -> None:
    sessions = [session("first", at(9), at(9, 5), "r"), session("second", at(9, 5), at(9, 10), "r")]
    table = lay_out(sessions, ["r"])
    assert sorted((box.lane, box.lanes) for box in table.boxes) == [(0, 2), (1, 2)]


def test_back_to_back_sessions_off_the_quarter_hours_keep_the_whole_room() -> None:
    """10:00-10:20 then 10:25-10:45 meet on the 10:15 line but do not overlap: the
    first box stops where the second starts instead of splitting the room."""
    sessions = [session("first", at(10), at(10, 20), "r"),
                session("second", at(10, 25), at(10, 45), "r"),
                session("third", at(10, 50), at(11, 10), "r")]
    table = lay_out(sessions, ["r"])
    boxes = {box.session.id: box for box in table.boxes}
    assert all(box.lanes == 1 for box in table.boxes)
    assert boxes["first"].bottom == boxes["second"].top
    assert boxes["second"].bottom == boxes["third"].top
    assert all(box.height >= 1 for box in table.boxes)


def test_a_deadline_of_no_length_still_has_a_line() -> None:
    table = lay_out([session("deadline", at(17), at(17), "r")], ["r"])
    assert table.boxes[0].height == 1 and table.lines == 1


def test_the_users_order_comes_first() -> None:
    assert column_order(["a", "b", "c", "d"], ["c", "gone", "a"]) == ["c", "a", "b", "d"]


def test_moving_by_box_down_a_room_and_across_rooms() -> None:
    sessions = [session("a1", at(9), at(10), "a"), session("a2", at(10), at(11), "a"),
                session("b1", at(9, 30), at(10, 30), "b"), session("c1", at(15), at(16), "c")]
    table = lay_out(sessions, ["a", "b", "c"])
    index = {box.session.id: i for i, box in enumerate(table.boxes)}
    assert vertical(table, index["a1"], 1) == index["a2"]
    assert vertical(table, index["a2"], 1) is None
    assert vertical(table, index["a1"], -1) is None
    # Across: the box at the same time, else the closest in time.
    assert across(table, index["a2"], 1) == index["b1"]  # b1 runs at 10:00
    assert across(table, index["b1"], 1) == index["c1"]  # the only one in room c
    assert across(table, index["c1"], 1) is None
    assert across(table, index["a1"], -1) is None
    assert nearest(table, 0, table.line_of(at(10, 15))) == index["a2"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12), st.sampled_from("abc")),
                min_size=1, max_size=25))
def test_boxes_never_share_a_cell(spans: list[tuple[int, int, str]]) -> None:
    sessions = [session(f"s{i}", at(8) + start * dt.timedelta(minutes=5),
                        at(8) + (start + length) * dt.timedelta(minutes=5), room)
                for i, (start, length, room) in enumerate(spans)]
    table = lay_out(sessions, ["a", "b", "c"])
    assert len(table.boxes) == len(sessions)
    taken: set[tuple[int, int, int]] = set()
    for box in table.boxes:
        assert 0 <= box.lane < box.lanes and box.height >= 1
        assert table.time_of(box.top) <= box.session.start < table.time_of(box.top) + STEP
        for line in range(box.top, box.bottom):
            cell = (box.column, line, box.lane)
            assert cell not in taken
            taken.add(cell)
    # Every box can be reached from the first by moving down and across.
    seen, todo = {0}, [0]
    while todo:
        current = todo.pop()
        for step in (-1, 1):
            for target in (vertical(table, current, step), across(table, current, step)):
                if target is not None and target not in seen:
                    seen.add(target)
                    todo.append(target)
    assert seen == set(range(len(table.boxes)))
