"""The timetable grid (`g`): rooms across, time down; the cursor moves by session in
time and across rooms, the rooms scroll sideways under a header that stays, rooms
can be hidden and moved (remembered), filters apply, and it opens at now."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from confterm.model.clock import Clock
from confterm.model.loader import parse_programme
from confterm.model.programme import Line, Programme
from confterm.storage.settings import load_settings
from confterm.ui.screens.detail import DetailScreen
from confterm.ui.widgets.session_list import SessionList
from confterm.ui.widgets.timetable_grid import TimetableGrid

from ..conftest import until
from .conftest import browser, make_app, palette_lists

RIO = dt.timezone(dt.timedelta(hours=-3))
DAY2 = dt.date(2024, 11, 13)
DAY2_AFTERNOON = dt.datetime(2024, 11, 13, 14, 5, tzinfo=RIO)


def grid_of(app: Any) -> TimetableGrid:
    return browser(app).query_one(TimetableGrid)


def screen_text(app: Any) -> str:
    """The screen as drawn, as text (Textual's screenshot, unescaped)."""
    import html

    return html.unescape(app.export_screenshot()).replace("\u00a0", " ")


async def shown_grid(pilot: Any, app: Any) -> TimetableGrid:
    """The grid, shown with g."""
    await pilot.press("g")
    await pilot.pause()
    return grid_of(app)


async def hidden_grid(pilot: Any, app: Any) -> TimetableGrid:
    """The grid, once it is made (hidden, after the first frame) and first ready."""
    await until(pilot, lambda: browser(app).query(TimetableGrid)
                and grid_of(app).prepared, "the hidden grid made and ready")
    return grid_of(app)


def many_rooms(rooms: int = 12, per_room: int = 4) -> Programme:
    """A day in *rooms* rooms, *per_room* one-hour sessions each from 09:00."""
    sessions = [{"id": f"r{r}s{n}", "day": "2025-09-01",
                 "start": f"2025-09-01T{9 + n:02d}:00:00+02:00",
                 "end": f"2025-09-01T{10 + n:02d}:00:00+02:00",
                 "title": {"en": f"Talk {n} in room {r}"}, "room": f"room-{r}"}
                for r in range(rooms) for n in range(per_room)]
    data = {"format": "confterm-programme", "version": 1, "id": "rooms", "name": {"en": "Rooms"},
            "timezone": "Europe/Berlin", "days": [{"date": "2025-09-01"}],
            "rooms": [{"id": f"room-{r}", "name": f"Room {r}"} for r in range(rooms)],
            "sessions": sessions}
    return parse_programme(json.dumps(data).encode(), "rooms.json")


async def test_g_shows_the_day_as_a_grid_and_back(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        screen, grid = browser(app), grid_of(app)
        assert grid.display and not screen.query_one(SessionList).display
        assert screen.focused is grid
        header = grid.header_text()
        for room in ("Plenary Hall", "Workshop Room A", "Workshop Room B"):
            assert room in header
        # The time axis: a label per hour and half hour.
        labels = [grid.line_text(line)[:5] for line in range(grid.table.lines)]
        assert "09:00" in labels and "09:30" in labels and "14:00" in labels
        shown = sorted(box.session.id for box in grid.table.boxes)
        assert shown == sorted(s.id for s in screen.view.sessions)
        current = screen.current
        await pilot.press("g")
        assert screen.query_one(SessionList).display and not grid.display
        assert screen.current == current  # the same session, now in the list


async def test_the_cursor_moves_in_time_and_across_rooms(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("2", "g")
        screen, grid = browser(app), grid_of(app)
        room_a = grid.table.rooms.index("workshop-room-a")
        start = next(i for i, box in enumerate(grid.table.boxes) if box.column == room_a)
        grid.highlighted = start
        await pilot.pause()
        first = screen.current
        assert first is not None and first.room == "workshop-room-a"
        await pilot.press("right")
        beside = screen.current
        assert beside is not None and beside.room == "workshop-room-b"
        assert beside.start == first.start  # the parallel workshop
        await pilot.press("left", "down")
        below = screen.current
        assert below is not None and below.room == "workshop-room-a" and below.start > first.start
        await pilot.press("up")
        assert screen.current == first
        assert screen.view.day == DAY2  # left and right move across rooms, not days


async def test_enter_opens_details_and_b_bookmarks_from_the_grid(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "g", "down")
        screen, grid = browser(app), grid_of(app)
        session = screen.current
        assert session is not None
        await pilot.press("b")
        assert app.conference.agenda.get(session.id) is not None
        box = grid.table.boxes[grid.highlighted or 0]
        assert "★" in grid.line_text(box.top)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.session == session
        await pilot.press("escape", "g")
        assert screen.query_one(SessionList).highlighted_session_id == session.id


async def test_a_double_click_opens_a_box(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        grid = grid_of(app)
        target = next(i for i, box in enumerate(grid.table.boxes) if box.column == 1)
        box = grid.table.boxes[target]
        x = grid.region.x + 6 + grid.columns_in_sight()[1] * (box.column - grid.first_column) + 3
        y = grid.region.y + 1 + box.top - grid.scroll_offset.y
        await pilot.click(offset=(x, y), times=1)
        await pilot.pause()
        assert browser(app).current == box.session and app.screen is browser(app)
        await pilot.click(offset=(x, y), times=2)
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.session == box.session


async def test_rooms_scroll_sideways_under_a_fixed_time_axis() -> None:
    app = make_app(many_rooms(12), dt.datetime(2025, 8, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await shown_grid(pilot, app)
        shown, width = grid.columns_in_sight()
        assert 1 < shown < 12 and width >= 16
        assert "Room 0" in grid.header_text() and "Room 11" not in grid.header_text()
        assert grid.header_text().rstrip().endswith("▶")  # more rooms to the right
        for _ in range(11):
            await pilot.press("right")
        assert browser(app).current is not None and browser(app).current.room == "room-11"
        header = grid.header_text()
        assert "Room 11" in header and "Room 0" not in header and header.startswith("◀")
        assert grid.line_text(0).startswith("09:00")  # the time axis stays
        # The wheel scrolls sideways a column at a time.
        first = grid.first_column
        grid.post_message(_scroll_left(grid))
        await pilot.pause()
        assert grid.first_column == first - 1


def _scroll_left(grid: TimetableGrid) -> Any:
    from textual.events import MouseScrollLeft

    return MouseScrollLeft(grid, 10, 5, 0, 0, 0, False, False, False)


async def test_hidden_and_moved_rooms_are_remembered() -> None:
    programme = many_rooms(4)
    moment = dt.datetime(2025, 8, 1, tzinfo=dt.UTC)
    app = make_app(programme, moment)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("g")
        grid = grid_of(app)
        assert grid.table.rooms == ("room-0", "room-1", "room-2", "room-3")
        await pilot.press("minus")  # hide the room under the cursor
        assert grid.table.rooms == ("room-1", "room-2", "room-3")
        await pilot.press("greater_than_sign")  # move room-1 right
        assert grid.table.rooms == ("room-2", "room-1", "room-3")
        # Settings are written shortly after the last change.
        await until(pilot, lambda: load_settings().settings.state_for(programme.id).room_order,
                    "the room layout saved")
    saved = load_settings().settings.state_for(programme.id)
    assert saved.grid and saved.hidden_rooms == ("room-0",)
    app = make_app(programme, moment)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        assert grid.display  # opens as it was left: the grid
        assert grid.table.rooms == ("room-2", "room-1", "room-3")
        await pilot.press("plus")
        assert grid.table.rooms == ("room-0", "room-2", "room-1", "room-3")


async def test_filters_and_search_apply_to_the_grid(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("2", "g")
        grid, screen = grid_of(app), browser(app)
        every = len(grid.table.boxes)
        counts = screen.view.facet_counts["theme"]
        theme = next(t for t in counts if counts[t] > 0)
        screen.toggle_filter("theme", theme)
        await pilot.pause()
        themed = {box.session.id for box in grid.table.boxes}
        assert 0 < len(themed) < every
        assert themed == {s.id for s in screen.view.sessions}
        await pilot.press("x", "slash", *"blockchain", "enter")
        await pilot.pause()
        found = {box.session.id for box in grid.table.boxes}
        assert found and all("blockchain" in app.conference.catalogue.haystack(
            app.conference.catalogue.sessions[i]) for i in found)


async def test_the_grid_opens_at_now_with_a_now_line(programme: Programme) -> None:
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        grid, screen = grid_of(app), browser(app)
        assert screen.view.day == DAY2
        current = screen.current
        assert current is not None and current.start <= DAY2_AFTERNOON < current.end
        line = grid.table.line_of(DAY2_AFTERNOON)
        assert grid.line_text(line).startswith("14:05▶")
        assert grid.scroll_offset.y <= line < grid.scroll_offset.y + grid.size.height
        await pilot.press("1", "full_stop")
        assert screen.view.day == DAY2 and screen.current == current


async def test_on_another_day_the_grid_starts_at_its_first_session(programme: Programme) -> None:
    after = dt.datetime(2026, 12, 2, 7, 25, tzinfo=dt.UTC)  # long after the conference
    app = make_app(programme, after)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        grid = grid_of(app)
        # A session the grid does not show (keys typed together can bring the
        # previous day's): the day's first box, not the one nearest a "now" long past.
        grid.highlight_session("d1-opening")
        await pilot.pause()
        box = grid.table.boxes[grid.highlighted or 0]
        assert box.top == 0 and browser(app).current == box.session
        assert grid.scroll_offset.y == 0


async def test_the_hidden_grid_is_made_ready_for_the_day_shown(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        grid = await hidden_grid(pilot, app)
        prepared = grid.prepared
        await pilot.press("2")

        def ready_for_day_2() -> bool:
            return grid.prepared > prepared and sorted(
                box.session.id for box in grid.table.boxes) == sorted(
                s.id for s in browser(app).view.sessions)
        await until(pilot, ready_for_day_2, "a pause in the keys: ready for day 2")
        assert not grid.display
        drawn = len(grid._cache)
        assert drawn > 0  # the boxes in sight are drawn already
        await pilot.press("g")
        assert grid.display and grid.table.boxes


async def test_the_mouses_box_is_forgotten_with_its_day(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("2", "g")
        grid = grid_of(app)
        grid.hover = len(grid.table.boxes) - 1  # the pointer rests on a box
        await pilot.press("3")  # another day, by key: another table
        assert grid.hover is None


async def test_the_cursor_never_points_past_a_new_days_boxes(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        grid = await hidden_grid(pilot, app)
        await pilot.press("2", "g")
        grid.highlighted = len(grid.table.boxes) - 1  # the day's last box
        prepared = grid.prepared
        await pilot.press("g", "3")  # back to the list, to a day with fewer boxes
        await until(pilot, lambda: grid.prepared > prepared and not browser(app).pane.grid_pending,
                    "the hidden grid ready for day 3")
        assert grid.highlighted is None or grid.highlighted < len(grid.table.boxes)
        await pilot.press("g", "pageup", "end", "right", "up")
        assert app.is_running and grid.highlighted is not None
        assert grid.highlighted < len(grid.table.boxes)
        assert browser(app).current == grid.table.boxes[grid.highlighted].session


async def test_the_grid_opens_drawn_ahead_on_the_lists_session(monkeypatch: Any) -> None:
    """In a pause the hidden grid places its cursor where g will open it (the list's
    session, its room in sight) and draws those lines: g then draws nothing anew,
    and the first drawing already shows the rooms that stay (no jump a frame later)."""
    app = make_app(many_rooms(12), dt.datetime(2025, 8, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(120, 30)) as pilot:  # with the sidebar
        grid = await hidden_grid(pilot, app)
        screen = browser(app)
        prepared = grid.prepared
        screen.query_one(SessionList).highlight_session("r11s1")
        await until(pilot, lambda: grid.prepared > prepared
                    and grid.highlighted_session_id == "r11s1", "a pause in the keys: ready")
        firsts: list[int] = []
        drawn: list[int] = []
        header, draw = TimetableGrid.render_header, TimetableGrid._draw_row
        monkeypatch.setattr(TimetableGrid, "render_header", lambda self, y, width: (
            firsts.append(self.first_column), header(self, y, width))[1])
        monkeypatch.setattr(TimetableGrid, "_draw_row", lambda self, index, *rest: (
            drawn.append(index), draw(self, index, *rest))[1])
        await pilot.press("g")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "r11s1"
        shown, _ = grid.columns_in_sight()
        assert firsts and set(firsts) == {grid.first_column}  # one set of rooms, kept
        assert grid.first_column <= grid.table.rooms.index("room-11") < grid.first_column + shown
        assert drawn == []  # every line in sight was drawn while the list was shown
        # Back in the list, a bookmark (a ★ in the grid's box) and a pause: ready again.
        prepared = grid.prepared
        await pilot.press("g", "b")
        await until(pilot, lambda: grid.prepared > prepared and not screen.pane.grid_pending,
                    "ready again after the bookmark")
        drawn.clear()
        await pilot.press("g")
        await pilot.pause()
        assert app.conference.agenda.get("r11s1") is not None
        assert "★" in grid.line_text(grid.table.boxes[grid.highlighted or 0].top)
        assert drawn == []


async def test_the_grids_now_line_follows_the_clock(programme: Programme) -> None:
    """Left open, the grid moves its now line as time passes (the conference's
    clock ticks every few seconds), as the list does."""
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert "14:05▶" in app.export_screenshot()
        later = DAY2_AFTERNOON + dt.timedelta(minutes=31)
        app.conference.clock = Clock(later, frozen=True)
        app.conference.tick()
        await pilot.pause()
        shown = app.export_screenshot()
        assert "14:36▶" in shown and "14:05▶" not in shown


#: 14:05 in Rio, on this computer's clock (z shows its time).
HERE = f"{DAY2_AFTERNOON.astimezone():%H:%M}▶"


@pytest.mark.parametrize(("key", "before", "after"), [
    ("z", "14:05▶", HERE),  # the zone
    ("l", "Command-centre CONOPS", "CONOPS de centre de"),  # the language
])
async def test_the_shown_grid_is_redrawn_at_once(
        programme: Programme, key: str, before: str, after: str) -> None:
    if before == after:
        pytest.skip("this computer keeps Rio's time")
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert before in screen_text(app)
        await pilot.press(key)
        await pilot.pause()
        shown = screen_text(app)
        assert after in shown and before not in shown, shown


async def test_a_new_colour_theme_recolours_the_shown_grid(programme: Programme) -> None:
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        first = app.export_screenshot()
        app.theme = "gruvbox" if app.theme != "gruvbox" else "nord"
        await pilot.pause()
        assert app.export_screenshot() != first


async def test_a_box_whose_top_is_scrolled_off_shows_its_title(programme: Programme) -> None:
    """At 14:05 the grid opens at the now line; the exhibition, open since 09:00,
    is drawn from the first line in sight, title first, not as an empty edge."""
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=(220, 24)) as pilot:  # its room in sight
        grid = await shown_grid(pilot, app)
        expo = next(b for b in grid.table.boxes if b.session.id == "d2-exhibition")
        assert grid.scroll_offset.y > expo.top  # its top is out of sight
        assert "Exhibition: 54" in grid.line_text(grid.scroll_offset.y)
        assert "Exhibition: 54" in screen_text(app)


async def test_titles_wrap_at_word_boundaries_in_the_grid() -> None:
    """A word wider than its box is cut with "…", never split across two lines."""
    programme = many_rooms(12)
    title = Line({"en": "Elektrobausteinesammlungen und Schaltungen"})
    sessions = tuple(dataclasses.replace(s, title=title) for s in programme.sessions)
    programme = dataclasses.replace(programme, sessions=sessions)
    app = make_app(programme, dt.datetime(2025, 8, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await shown_grid(pilot, app)
        lines = [grid.line_text(y) for y in range(grid.table.lines)]
        pieces = {piece.strip("▏ ") for line in lines for piece in line.split("▏")}
        assert any(p.startswith("Elektrobau") for p in pieces), lines
        for piece in pieces:
            assert not piece.startswith(("ngen", "lungen", "mlungen")), lines  # not split
            if piece.startswith("Elektrobau"):
                assert piece.startswith("Elektrobausteinesammlungen") or piece.endswith("…"), piece


async def test_hiding_a_room_keeps_the_time_and_the_count_follows() -> None:
    programme = many_rooms(4)  # 4 sessions a room, on the hour from 09:00
    app = make_app(programme, dt.datetime(2025, 8, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(160, 40)) as pilot:
        grid = await shown_grid(pilot, app)
        grid.highlight_session("r1s2")  # room-1 at 11:00
        await pilot.pause()
        status = browser(app).query_one("#status")
        assert str(status.render()).startswith("16 sessions")
        await pilot.press("minus")
        await pilot.pause()
        assert grid.highlighted_session_id == "r2s2"  # the room now in its place, at 11:00
        said = str(status.render())
        assert said.startswith("12 sessions") and "4 more in hidden rooms" in said
        await pilot.press("plus")
        await pilot.pause()
        assert str(status.render()).startswith("16 sessions")
        assert grid.highlighted_session_id == "r2s2"


async def test_help_lists_the_grids_keys_when_the_grid_is_shown(programme: Programme) -> None:
    from confterm.ui.screens.help import HelpScreen

    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("question_mark")
        in_list = str(app.screen.query_one("Static").render())
        await pilot.press("escape", "g", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        in_grid = str(app.screen.query_one("Static").render())
    for said in ("show every hidden room", "Timetable: hide"):
        assert said.lower() in in_grid.lower() and said.lower() not in in_list.lower()


@pytest.mark.parametrize(("size", "at_least"), [((160, 48), 6), ((200, 60), 8)])
async def test_the_grid_takes_the_whole_width(size: tuple[int, int], at_least: int) -> None:
    """Sidebar and details get out of the way: many rooms in sight, columns sized
    to the width; s brings the sidebar back and takes it away; enter opens the
    details in a window."""
    from confterm.ui.screens.detail import DetailScreen

    app = make_app(many_rooms(60), dt.datetime(2025, 8, 1, tzinfo=dt.UTC))
    async with app.run_test(size=size) as pilot:
        grid = await shown_grid(pilot, app)
        shown, column_width = grid.columns_in_sight()
        assert shown >= at_least and column_width >= 16
        assert not browser(app).sidebar_shown
        await pilot.press("s")
        await pilot.pause()
        assert browser(app).sidebar_shown and grid.columns_in_sight()[0] < shown
        await pilot.press("s")
        await pilot.pause()
        assert not browser(app).sidebar_shown and grid.columns_in_sight()[0] == shown
        grid.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)


async def test_s_hides_the_sidebar_of_a_wide_list_too(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        assert browser(app).sidebar_shown
        await pilot.press("s")
        await pilot.pause()
        assert not browser(app).sidebar_shown
        await pilot.press("s")
        await pilot.pause()
        assert browser(app).sidebar_shown


async def test_j_jumps_to_a_room_by_its_name_at_the_same_time() -> None:
    app = make_app(many_rooms(60), dt.datetime(2025, 8, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(120, 40)) as pilot:
        grid = await shown_grid(pilot, app)
        grid.highlight_session("r0s2")  # room 0, at 11:00
        await pilot.pause()
        await pilot.press("j", *"room 42")
        await until(pilot, palette_lists(app, "Go to room: Room 42", first=True), "the room")
        await pilot.press("enter")
        await until(pilot, lambda: grid.highlighted_session_id == "r42s2", "room 42 at 11:00")
        shown, _ = grid.columns_in_sight()
        assert grid.first_column <= grid.table.rooms.index("room-42") < grid.first_column + shown


async def test_the_palette_goes_to_a_room_from_the_list_even_a_hidden_one() -> None:
    app = make_app(many_rooms(30), dt.datetime(2025, 8, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(120, 40)) as pilot:
        grid = await shown_grid(pilot, app)
        grid.highlight_session("r7s1")
        await pilot.press("minus", "g")  # room 7 hidden, back to the list
        await pilot.pause()
        assert "room-7" not in grid.table.rooms
        await pilot.press("ctrl+p", *"go to room 7")
        await until(pilot, palette_lists(app, "Go to room: Room 7", first=True), "the room")
        await pilot.press("enter")
        await until(pilot, lambda: browser(app).grid and grid.highlighted_session_id is not None
                    and grid.highlighted_session_id.startswith("r7s"), "in room 7")
        assert "room-7" in grid.table.rooms


async def test_marks_follow_quick_changes_in_the_list_and_the_grid(programme: Any) -> None:
    """b then p with no pause between them: the drawn marks are the last ones
    (drawn lines are kept by a count of changes, not by the id of a value that a
    quick second change may free and reuse)."""
    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = browser(app)
        session = screen.current
        assert session is not None
        await pilot.press("b", "p")
        await pilot.pause()
        assert app.conference.agenda.get(session.id).priority.value == "maybe"
        assert screen_text(app).count("☆") >= 1
        assert "☆" in browser(app).query_one(SessionList).row_text(session.id)
        await pilot.press("p", "b", "b")  # must, then removed, then must again
        await pilot.pause()
        assert "★" in browser(app).query_one(SessionList).row_text(session.id)
        grid = await shown_grid(pilot, app)
        await pilot.press("p")
        await pilot.pause()
        assert app.conference.agenda.get(session.id).priority.value == "maybe"
        assert grid.highlighted_session_id == session.id
        box = grid.table.boxes[grid.highlighted or 0]
        drawn = "".join(strip.text for strip in grid._box_lines(grid.highlighted or 0, 30))
        assert box.session.id == session.id and "☆" in drawn


async def test_a_second_enter_queued_in_a_palette_does_not_end_the_app(
        programme: Any) -> None:
    """j's room palette (Textual's own): two enters sent at once choose once."""
    from textual import events

    app = make_app(programme)
    async with app.run_test(size=(160, 48)) as pilot:
        await shown_grid(pilot, app)
        await pilot.press("j")
        await until(pilot, palette_lists(app, "Go to room"), "the rooms")
        for _ in range(3):
            app._driver.send_message(events.Key("enter", "\r"))  # type: ignore[union-attr]
        for _ in range(4):
            await pilot.pause()
        assert app.is_running and app.screen is browser(app)
