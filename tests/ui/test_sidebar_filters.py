"""The sidebar's rooms and spoken languages, counts on every choice, long lists
sorted and narrowed by typing; and the bookmarks-only and hide-finished keys."""

from __future__ import annotations

import datetime as dt
import json

from confterm.model.facets import BY_ID
from confterm.model.loader import parse_programme
from confterm.model.programme import Programme
from confterm.model.view import ScheduleView
from confterm.storage.settings import load_settings
from confterm.ui.render import Display
from confterm.ui.widgets.sidebar import FacetList, facet_choices

from ..conftest import until
from .conftest import browser, listed, make_app, row_text

WIDE = (160, 40)
DAY2 = dt.date(2024, 11, 13)
RIO = dt.timezone(dt.timedelta(hours=-3))


def congress(tracks: int = 3) -> Programme:
    """A day of talks in German, English or both, in *tracks* tracks and 3 rooms."""
    languages = [["de"], ["en"], ["de", "en"], ["en-GB"]]
    sessions = [{"id": f"s{n}", "day": "2025-12-27",
                 "start": f"2025-12-27T{10 + n % 8:02d}:00:00+01:00",
                 "end": f"2025-12-27T{10 + n % 8:02d}:45:00+01:00",
                 "title": {"en": f"Talk {n}"}, "room": f"room-{n % 3}",
                 "track": f"track-{n % tracks}", "language": languages[n % 4]}
                for n in range(24)]
    data = {"format": "confterm-programme", "version": 1, "id": "congress",
            "name": {"en": "Congress"}, "timezone": "Europe/Berlin",
            "days": [{"date": "2025-12-27"}],
            "tracks": [{"id": f"track-{n}", "name": {"en": f"Track {n:03d}"}}
                       for n in reversed(range(tracks))],
            "rooms": [{"id": f"room-{n}", "name": f"Saal {n}"} for n in range(3)],
            "sessions": sessions}
    return parse_programme(json.dumps(data).encode(), "congress.json")


BEFORE = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)


def test_choices_carry_counts_under_the_other_filters(view: ScheduleView) -> None:
    day2 = view.on_day(DAY2)
    rooms = {c.id: c.label.plain for c in facet_choices(BY_ID["room"], day2, Display())}
    room_a = sum(1 for s in day2.sessions if s.room == "workshop-room-a")
    assert rooms["workshop-room-a"].split()[0] == str(room_a) and room_a > 0
    tracks = facet_choices(BY_ID["track"], day2.in_rooms("workshop-room-a"), Display())
    counted = {c.id: int(c.label.plain.split()[0]) for c in tracks[1:]}
    assert counted["workshop-a"] == room_a and counted["workshop-b"] == 0


def test_spoken_languages_by_primary_tag_most_used_first() -> None:
    view = ScheduleView.of(congress())
    choices = facet_choices(BY_ID["language"], view, Display())
    assert [c.id for c in choices] == ["en", "de"]  # en-GB counts as en
    assert [c.label.plain.split()[0] for c in choices] == ["18", "12"]


def test_long_lists_are_sorted_short_ones_keep_the_programme_order() -> None:
    short = [c.id for c in facet_choices(BY_ID["track"], ScheduleView.of(congress(3)), Display())]
    assert short[1:] == ["track-2", "track-1", "track-0"]  # as the programme lists them
    long = [c.label.plain[3:] for c in facet_choices(BY_ID["track"], ScheduleView.of(congress(40)),
                                                      Display())[1:]]
    assert long == sorted(long)


async def test_rooms_filter_from_the_sidebar(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "w")
        rooms = browser(app).query_one("#rooms", FacetList)
        assert browser(app).focused is rooms
        index = next(i for i, c in enumerate(rooms.choices) if c.id == "workshop-room-a")
        await pilot.press("home", *["down"] * index, "space")
        shown = listed(app)
        assert shown and all(programme_session(programme, i).room == "workshop-room-a"
                             for i in shown)
        status = str(browser(app).query_one("#status").render())
        assert "rooms: Workshop Room A" in status
        await pilot.press("x")
        assert len(listed(app)) > len(shown)


def programme_session(programme: Programme, session_id: str):  # type: ignore[no-untyped-def]
    return next(s for s in programme.sessions if s.id == session_id)


async def test_spoken_language_filter_and_it_is_remembered() -> None:
    programme = congress()
    app = make_app(programme, BEFORE)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("v")
        spoken = browser(app).query_one("#languages", FacetList)
        assert browser(app).focused is spoken
        await pilot.press("down", "space")  # de
        shown = listed(app)
        assert len(shown) == 12
        assert all("de" in programme_session(programme, i).language for i in shown)
        assert "· talk · de, en" in row_text(app, "s2")  # rows say what is spoken
        await until(pilot, lambda: load_settings().settings.state_for("congress").filters
                    == {"language": ("de",)}, "the language filter saved")
    app = make_app(programme, BEFORE)
    async with app.run_test(size=WIDE) as pilot:
        assert len(listed(app)) == 12


async def test_no_spoken_languages_no_section(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        assert not browser(app).query("#languages")  # no section
        await pilot.press("v")
        assert any("nothing to choose under “Spoken in”" in str(n.message)
                   for n in app._notifications)


async def test_a_long_list_narrows_as_you_type_after_slash() -> None:
    app = make_app(congress(40), BEFORE)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("t")
        tracks = browser(app).query_one("#tracks", FacetList)
        every = len(tracks.choices)
        await pilot.press("slash", *"03", "1")
        labels = [c.label.plain[3:] for c in tracks.choices]
        assert labels == ["Track 031"]
        assert "031" in "".join(s.text for s in tracks.render_header(0, 40))
        assert browser(app).view.query == ""  # not the session search
        await pilot.press("backspace")
        # Track 003 and Track 030 … 039 (the names, not the counts before them)
        assert len(tracks.choices) == 11
        await pilot.press("enter", "down", "down", "space")  # keep the filter, pick from it
        assert browser(app).view.tracks == {"track-31"}
        await pilot.press("escape")
        assert len(tracks.choices) == every


async def test_m_shows_only_my_bookmarks(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("m")  # nothing bookmarked yet: says how
        assert browser(app).view.only is None
        assert any("No bookmarks yet" in str(n.message) for n in app._notifications)
        await pilot.press("b", "down", "down", "b", "m")
        mine = listed(app)
        assert len(mine) == 2 and set(mine) == set(app.conference.agenda.bookmarks)
        await pilot.press("b")  # removing one: it goes from the list
        assert len(listed(app)) == 1
        await pilot.press("m")
        assert len(listed(app)) > 2


async def test_h_hides_sessions_that_are_over_and_follows_the_clock(
        programme: Programme) -> None:
    moment = dt.datetime(2024, 11, 13, 14, 5, tzinfo=RIO)
    app = make_app(programme, moment)
    async with app.run_test(size=WIDE) as pilot:
        every = listed(app)
        await pilot.press("h")
        left = listed(app)
        sessions = {s.id: s for s in programme.sessions}
        assert 0 < len(left) < len(every)
        assert all(sessions[i].end > moment for i in left)
        assert all(sessions[i].end <= moment for i in set(every) - set(left))
        later = moment + dt.timedelta(hours=2)
        browser(app).now = later  # the clock moves on: more are over
        await pilot.pause()
        assert all(sessions[i].end > later for i in listed(app))
        assert len(listed(app)) < len(left)


def test_long_lists_read_numbers_as_numbers() -> None:
    from confterm.ui.widgets.sidebar import natural_key

    names = ["Room 10", "room 2", "Room 1", "Saal Zuse", "Écran 3", "Room 2a"]
    assert sorted(names, key=natural_key) == [
        "Écran 3", "Room 1", "room 2", "Room 2a", "Room 10", "Saal Zuse"]


async def test_kind_and_recording_sections_filter_and_are_remembered() -> None:
    """k and R focus their lists (scrolled into sight); a choice filters the
    sessions, is counted, named in the status line and remembered."""
    from ..test_facets import PROGRAMME

    app = make_app(PROGRAMME, BEFORE)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = browser(app)
        await pilot.press("k")
        kinds = screen.query_one("#kinds", FacetList)
        assert screen.focused is kinds
        assert [c.id for c in kinds.choices] == ["keynote", "panel", "talk", "workshop"]
        await pilot.press("down", "space")  # panel
        assert screen.view.chosen("kind") == {"panel"}
        assert all(s.kind == "panel" for s in screen.results.sessions)
        await pilot.press("R")
        recording = screen.query_one("#recording", FacetList)
        assert screen.focused is recording and recording.region.y < 30  # in sight
        counted = {c.id: int(c.label.plain.split()[0]) for c in recording.choices}
        day = screen.view.on_day(screen.view.day).choose("kind", {"panel"})
        assert counted["no"] == sum(1 for s in day.sessions if s.recorded is False)
        await pilot.press("down", "space")  # not recorded
        assert all(s.recorded is False and s.kind == "panel" for s in screen.results.sessions)
        status = str(screen.query_one("#status").render())
        assert "kinds: panel" in status and "recording: not recorded" in status
        await until(pilot, lambda: load_settings().settings.state_for("congress").filters
                    == {"kind": ("panel",), "recorded": ("no",)}, "the filters saved")
    app = make_app(PROGRAMME, BEFORE)
    async with app.run_test(size=(100, 30)):
        assert browser(app).view.chosen_filters() == {"kind": {"panel"}, "recorded": {"no"}}


async def test_a_key_brings_its_list_into_sight_in_a_folded_sidebar() -> None:
    """At 80×24 the sidebar comes back over the list: k's kinds, below the
    fold, are scrolled into sight."""
    from ..test_facets import PROGRAMME

    app = make_app(PROGRAMME, BEFORE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        kinds = browser(app).query_one("#kinds", FacetList)
        await until(pilot, lambda: 0 <= kinds.region.y < 24 and kinds.region.height > 0,
                    "the kinds in sight")
        assert browser(app).focused is kinds
