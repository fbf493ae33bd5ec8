"""The line lists' rows, worked out without a screen, and kept current: the
session rows (slots, day headings, heights), the sidebar's choices, and the
sidebar after a reload."""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right

import pytest

from confterm.model.facets import BY_ID
from confterm.model.programme import Line, Programme
from confterm.model.view import ScheduleView
from confterm.opening.sources import Opened
from confterm.ui.render import ROW_INDENT, Display
from confterm.ui.widgets.session_rows import (
    NO_WORDS_MATCH,
    NOTHING_MATCHES,
    session_rows,
)
from confterm.ui.widgets.sidebar import ALL, FacetList, facet_choices

from .conftest import browser, make_app

DAY2 = dt.date(2024, 11, 13)
RIO = dt.timezone(dt.timedelta(hours=-3))


def test_parallel_sessions_sit_under_their_slot(view: ScheduleView) -> None:
    day2 = view.on_day(DAY2)
    rows, index = session_rows(day2, "en")
    sessions = [row.session.id for row in rows if row.session is not None]
    assert sessions == [s.id for s in day2.sessions]
    assert all(rows[index[i]].session is not None and rows[index[i]].session.id == i
               for i in sessions)
    slots = [row for row in rows if row.slot is not None]
    assert slots, "the two workshop tracks run in parallel on the second afternoon"
    for slot in slots:
        at = rows.index(slot)
        following = [r for r in rows[at + 1:at + 1 + slot.slot_size]]
        assert all(r.session is not None and r.session.start == slot.slot and r.parallel
                   for r in following)


def test_a_search_groups_matches_under_their_days(view: ScheduleView) -> None:
    rows, index = session_rows(view.matching("customs").searched(), "en")
    days = [row.heading.plain for row in rows if row.heading is not None]
    assert len(days) >= 2 and len(days) == len(set(days))
    assert rows[0].heading is not None  # a day heading comes first
    # Each session's row is found by its id, below the headings; others are not.
    listed = [(i, row.session.id) for i, row in enumerate(rows) if row.session is not None]
    assert dict(index) == {session_id: i for i, session_id in listed}
    missing = next(s.id for s in view.sessions if s.id not in dict(index))
    assert index.get(missing) is None and index.get("no-such-session") is None


def test_nothing_matching_says_how_to_clear(view: ScheduleView) -> None:
    """Filters are cleared with x; words with escape (x would type an x there)."""
    rows, index = session_rows(view.matching("zzzz-nothing").searched(), "en")
    assert index == {} and [r.heading.plain for r in rows if r.heading] == [NO_WORDS_MATCH]
    nothing = view.on_day(DAY2).with_themes("ai")  # AI Day's theme, on day 2
    rows, index = session_rows(nothing, "en")
    assert index == {} and [r.heading.plain for r in rows if r.heading] == [NOTHING_MATCHES]


def test_long_titles_take_a_third_line(view: ScheduleView) -> None:
    rows, _ = session_rows(view, "en")
    first = next(i for i, r in enumerate(rows) if r.session is not None)
    length = rows[first].title_length
    for width, height in ((ROW_INDENT + length, 2), (ROW_INDENT + length - 1, 3)):
        starts, _ = rows.line_starts(width)
        assert starts[first + 1] - starts[first] == height
    heading = next((i for i, r in enumerate(rows) if r.session is None), None)
    if heading is not None:
        starts, _ = rows.line_starts(40)
        assert starts[heading + 1] - starts[heading] == 1


@pytest.mark.parametrize("width", [30, 60, 120])
def test_line_starts_worked_out_by_slot_are_the_rows_heights_added_up(
        view: ScheduleView, width: int) -> None:
    """Every row's first line, as the list bisects them, equals the running sum
    of the heights row by row (a heading one line, a session two or three)."""
    for shown in (view.matching("customs").searched(), view.on_day(DAY2), view):
        rows, _ = session_rows(shown, "en", dt.datetime(2024, 11, 13, 14, 5, tzinfo=RIO))
        room = max(width - ROW_INDENT, 10)
        heights = [1 if r.session is None else 3 if r.title_length > room else 2 for r in rows]
        expected = [sum(heights[:i]) for i in range(len(rows))]
        starts, total = rows.line_starts(width)
        assert list(starts) == expected and total == sum(heights)
        assert [bisect_right(starts, line) - 1 for line in range(total)] == [
            i for i, h in enumerate(heights) for _ in range(h)]


def test_title_widths_are_counted_in_cells(view: ScheduleView, programme: Programme) -> None:
    wide = dataclasses.replace(programme.sessions[0],
                               title=Line({"en": "会議", "fr": "会議"}))
    other = dataclasses.replace(programme, sessions=(wide,))
    rows, _ = session_rows(ScheduleView.of(other).on_day(wide.day), "en")
    assert [r.title_length for r in rows if r.session] == [4]


def test_sidebar_choices_follow_the_view(view: ScheduleView) -> None:
    display = Display("en")
    tracks = facet_choices(BY_ID["track"], view.in_tracks("workshop-a"), display)
    assert tracks[0].id == ALL and not tracks[0].chosen
    assert [c.id for c in tracks if c.chosen] == ["workshop-a"]
    themes = facet_choices(BY_ID["theme"], view.on_day(DAY2).with_themes("blockchain"), display)
    labels = [c.label.plain[3:] for c in themes]  # after the count
    assert labels == sorted(labels, key=str.casefold)
    assert [c.id for c in themes if c.chosen] == ["blockchain"]
    french = facet_choices(BY_ID["theme"], view, Display("fr"))
    assert {c.id for c in french} == {c.id for c in themes}
    assert [c.label.plain for c in french] != [c.label.plain for c in themes]


async def test_the_sidebar_shows_a_reloaded_programme_at_once(programme: Programme) -> None:
    renamed = dataclasses.replace(
        programme, tracks=tuple(dataclasses.replace(t, name=Line({"en": f"New {t.id}",
                                                                  "fr": f"Nouveau {t.id}"}))
                                for t in programme.tracks),
        themes=programme.themes[1:])
    app = make_app(programme)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = browser(app)
        app.conference.reloaded(Opened(renamed, "programme.json"))
        await pilot.pause()
        tracks = [c.label.plain[3:]  # no count
                  for c in screen.query_one("#tracks", FacetList).choices]
        assert tracks[1:] == [f"New {t.id}" for t in programme.tracks]
        themes = {c.id for c in screen.query_one("#themes", FacetList).choices}
        assert themes == {t.id for t in renamed.themes}


def test_a_now_line_sits_above_what_you_can_still_walk_into(
        view: ScheduleView) -> None:
    """Above it, what started more than a quarter of an hour ago; below it, what
    started since (the 14:00 workshops at 14:05) and what is to come."""
    rio = dt.timezone(dt.timedelta(hours=-3))
    now = dt.datetime(2024, 11, 13, 14, 5, tzinfo=rio)
    rows, index = session_rows(view.on_day(DAY2), "en", now)
    lines = [i for i, row in enumerate(rows) if row.now_line]
    assert len(lines) == 1 and rows[lines[0]].slot == now
    before = [r.session for r in rows[:lines[0]] if r.session is not None]
    after = [r.session for r in rows[lines[0]:] if r.session is not None]
    assert before and after
    recent = now - dt.timedelta(minutes=15)
    assert all(s.start < recent for s in before) and all(s.start >= recent for s in after)
    assert any(s.start < now for s in after)  # the workshops that just started
    assert all(rows[i].session is not None and rows[i].session.id == s
               for s, i in index.items())
    # Not on another day, nor in a search over every day.
    assert not any(r.now_line for r in session_rows(view.on_day(DAY2 - dt.timedelta(1)),
                                                    "en", now)[0])
    assert not any(r.now_line for r in session_rows(view.matching("customs").searched(),
                                                    "en", now)[0])
    # Late in the day, after the last start, while the last sessions still run.
    late = dt.datetime(2024, 11, 13, 17, 0, tzinfo=rio)
    late_rows, _ = session_rows(view.on_day(DAY2), "en", late)
    assert late_rows[-1].now_line == any(s.end > late for s in view.on_day(DAY2).sessions)
