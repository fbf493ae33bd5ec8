"""Now: on a conference day the browser opens at what is on, `.` comes back to
it from anywhere, sessions that are over are dimmed; and screens close once
however many closing keys are queued."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from confterm.model.programme import Programme
from confterm.opening.files import load_programme
from confterm.ui.app import ConftermApp
from confterm.ui.screens.agenda import AgendaScreen
from confterm.ui.widgets.session_list import SessionList

from ..conftest import until
from .conftest import browser, listed, make_app

WIDE = (160, 40)
RIO = dt.timezone(dt.timedelta(hours=-3))
DAY2_AFTERNOON = dt.datetime(2024, 11, 13, 14, 5, tzinfo=RIO)


def expected_at(programme: Programme, moment: dt.datetime) -> str:
    """What an attendee looks for then: the first session of that day that started
    in the last quarter of an hour or is still to come, and takes their time (not
    the exhibition open all day)."""
    day = moment.astimezone(programme.zone).date()
    return next(s.id for s in sorted(programme.sessions, key=lambda s: (s.start, s.id))
                if s.day == day and s.start >= moment - dt.timedelta(minutes=15)
                and s.kind not in ("exhibition", "break"))


async def test_a_conference_day_opens_at_what_is_on(programme: Programme) -> None:
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = browser(app)
        assert screen.view.day == DAY2_AFTERNOON.date()
        target = expected_at(programme, DAY2_AFTERNOON)
        assert screen.current is not None and screen.current.id == target
        assert screen.current.start <= DAY2_AFTERNOON < screen.current.end


async def test_full_stop_comes_back_to_now(programme: Programme) -> None:
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("1", "down", "down")
        screen = browser(app)
        assert screen.view.day == dt.date(2024, 11, 12)
        await pilot.press("slash", *"ai")
        await pilot.press("full_stop")  # a character in the search line
        assert screen.view.query == "ai."
        await pilot.press("enter", "full_stop")  # in the results: back to now
        await pilot.pause()
        assert not screen.view.query and screen.view.day == DAY2_AFTERNOON.date()
        assert screen.current is not None
        assert screen.current.id == expected_at(programme, DAY2_AFTERNOON)


async def test_outside_the_conference_full_stop_says_so(programme: Programme) -> None:
    app = make_app(programme)  # before the conference
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        day = browser(app).view.day
        await pilot.press("full_stop")
        assert browser(app).view.day == day
        assert any("not on today" in n.message for n in app._notifications)


async def test_sessions_that_are_over_are_dimmed(programme: Programme) -> None:
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        sessions = browser(app).query_one(SessionList)
        day = browser(app).view.sessions
        over = next(s for s in day if s.end <= DAY2_AFTERNOON)
        running = next(s for s in day if s.start <= DAY2_AFTERNOON < s.end
                       and s.kind not in ("exhibition", "break"))  # those are quiet anyway

        def dimmed(session_id: str) -> bool:
            row = next(i for i, r in enumerate(sessions._rows)
                       if r.session and r.session.id == session_id)
            strips = sessions.render_row(row, "", sessions.size.width)
            return all(segment.style is not None and segment.style.dim
                       for strip in strips for segment in strip if segment.text.strip())

        assert dimmed(over.id) and not dimmed(running.id)


async def test_keys_queued_behind_a_closing_key_do_not_close_twice(
        programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("b", "a")
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        session = next(iter(agenda.catalogue.sessions.values()))
        # enter (go to a session) and an escape queued behind it, both handled
        # before the screen has gone: the first one counts.
        agenda.dismiss(session)
        agenda.dismiss(None)
        await until(pilot, lambda: app.screen is browser(app), "back to the browser")
        await pilot.pause()
        assert app.is_running and app.screen is browser(app)
        assert browser(app).current == session


async def test_the_list_marks_the_time_now(programme: Programme) -> None:
    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        headings = browser(app).query_one(SessionList).headings
        assert any(h.startswith("▶ now 14:05") for h in headings)
        browser(app).now = DAY2_AFTERNOON + dt.timedelta(minutes=30)
        await pilot.pause()
        headings = browser(app).query_one(SessionList).headings
        assert any(h.startswith("▶ now 14:35") for h in headings)
        await pilot.press("1")  # another day: no line
        assert not any("now" in h for h in browser(app).query_one(SessionList).headings)


async def test_now_is_near_the_top_when_the_browser_opens(programme: Programme) -> None:
    from confterm.ui.widgets.timetable_grid import TimetableGrid

    app = make_app(programme, DAY2_AFTERNOON)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        sessions = browser(app).query_one(SessionList)
        assert sessions.scroll_offset.y > 0
        # First on screen: the now line, then what you can still walk into (the
        # 14:00 workshops, started five minutes ago), then what is to come.
        shown = [sessions.render_line(y).text for y in range(sessions.size.height)]
        assert shown[0].startswith("▶ now 14:05")
        assert shown[1].startswith("14:00 · 2 sessions in parallel")
        await pilot.press("g", "full_stop")
        await pilot.pause()
        grid = browser(app).query_one(TimetableGrid)
        line = grid.table.line_of(DAY2_AFTERNOON)
        assert grid.scroll_offset.y == line - 1  # one line of what came before


BERLIN = dt.timezone(dt.timedelta(hours=1))


def all_day_congress(tmp_path: Path) -> Programme:
    """A congress day with items open all day (an info desk, the exhibition, a
    kids' workshop from 11:00 to 16:00), talks on the hour, and a film that runs
    past midnight; then a second day."""
    sessions = [
        {"id": "info-desk", "day": "2025-12-27", "start": "2025-12-27T09:00:00+01:00",
         "end": "2025-12-27T18:00:00+01:00", "kind": "other", "title": {"en": "Info desk"}},
        {"id": "expo", "day": "2025-12-27", "start": "2025-12-27T09:00:00+01:00",
         "end": "2025-12-27T18:00:00+01:00", "kind": "exhibition", "title": {"en": "Expo"}},
        {"id": "kids", "day": "2025-12-27", "start": "2025-12-27T11:00:00+01:00",
         "end": "2025-12-27T16:00:00+01:00", "kind": "workshop",
         "title": {"en": "Kids' workshop"}},
        {"id": "film", "day": "2025-12-27", "start": "2025-12-27T23:30:00+01:00",
         "end": "2025-12-28T02:15:00+01:00", "kind": "other", "title": {"en": "Late film"}},
        {"id": "d2-talk", "day": "2025-12-28", "start": "2025-12-28T11:30:00+01:00",
         "end": "2025-12-28T12:15:00+01:00", "title": {"en": "Day two talk"}},
    ] + [{"id": f"talk-{hour}", "day": "2025-12-27",
          "start": f"2025-12-27T{hour:02d}:00:00+01:00",
          "end": f"2025-12-27T{hour:02d}:45:00+01:00", "title": {"en": f"Talk at {hour}"}}
         for hour in range(9, 23)]
    data = {"id": "congress", "name": {"en": "Congress"}, "timezone": "Europe/Berlin",
            "days": [{"date": "2025-12-27"}, {"date": "2025-12-28"}], "sessions": sessions}
    path = tmp_path / "congress.json"
    path.write_text(json.dumps(data))
    return load_programme(path)


def on_screen(app: ConftermApp) -> list[str]:
    sessions = browser(app).query_one(SessionList)
    return [sessions.render_line(y).text for y in range(sessions.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_items_open_all_day_never_push_now_off_screen(
        tmp_path: Path, size: tuple[int, int]) -> None:
    programme = all_day_congress(tmp_path)
    moment = dt.datetime(2025, 12, 27, 14, 20, tzinfo=BERLIN)
    app = make_app(programme, moment)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = browser(app)
        assert screen.current is not None and screen.current.id == "talk-15"
        shown = on_screen(app)
        now_at = next(i for i, line in enumerate(shown) if line.startswith("▶ now 14:20"))
        assert any("Talk at 15" in line for line in shown[now_at:])
        # What started long ago is still there, above.
        assert listed(app).index("kids") < listed(app).index("talk-15")
        await pilot.press("1", "home", "full_stop")  # and back to now
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "talk-15"
        assert any(line.startswith("▶ now 14:20") for line in on_screen(app))


async def test_after_midnight_today_is_the_evening_before_while_it_runs(
        tmp_path: Path) -> None:
    programme = all_day_congress(tmp_path)
    late = dt.datetime(2025, 12, 28, 1, 30, tzinfo=BERLIN)
    app = make_app(programme, late)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = browser(app)
        assert screen.view.day == dt.date(2025, 12, 27)
        assert screen.current is not None and screen.current.id == "film"
        assert any(line.startswith("▶ now 01:30") for line in on_screen(app))
    after = make_app(programme, late + dt.timedelta(hours=1))  # the film is over
    async with after.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert browser(after).view.day == dt.date(2025, 12, 28)
