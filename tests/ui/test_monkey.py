"""A seeded monkey: random keys and resizes, checking the app's invariants as it goes.

2,000 events in ``make test``, 10,000 in ``make soak``. Every 50 events, once
the queued keys have been handled: one browser at the bottom of a short screen
stack with no screen twice, a highlighted session whenever the list shows any,
the list showing exactly the view's sessions, and the sidebar's choices the
view's filters. At the end the app still answers: back to day 1, unfiltered.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from textual import events

from confterm.model.programme import Programme
from confterm.ui.app import ConftermApp
from confterm.ui.screens.browser import BrowserScreen
from confterm.ui.widgets.session_list import SessionList
from confterm.ui.widgets.sidebar import ALL, FacetList
from confterm.ui.widgets.timetable_grid import TimetableGrid

from ..conftest import until
from .conftest import browser, make_app

KEYS = [*"123456789[]/tfxslzbpaneh?rkR", "left", "right", "up", "down", "pageup",
        "pagedown", "home", "end", "enter", "escape", "space", "tab", "shift+tab",
        "backspace", *"abcdefghijkmorsuvwy ", "é", "会"]
# ctrl+p (the command palette) is left out: it is Textual's own widget, and under
# random keys it can fail inside Textual (a worker looking up a closed list).


def check_invariants(app: ConftermApp, when: int) -> None:
    stack = app.screen_stack
    assert isinstance(stack[0], BrowserScreen), when
    assert not any(isinstance(s, BrowserScreen) for s in stack[1:]), when
    kinds = [type(s) for s in stack]
    assert len(kinds) == len(set(kinds)) and len(stack) <= 4, (when, kinds)
    screen = browser(app)
    view = screen.view
    listed = screen.query_one(SessionList).session_ids
    assert listed == [s.id for s in view.sessions], when
    shown = listed
    if screen.grid:  # the timetable of the view's day
        grid = screen.query_one(TimetableGrid)
        assert grid.display and not screen.query_one(SessionList).display, when
        shown = [box.session.id for box in grid.table.boxes]
        assert sorted(shown) == sorted(s.id for s in view.sessions if s.day == view.day), (
            when, view.day)
    if shown:
        assert screen.current is not None and screen.current.id in shown, (
            when, screen.grid, screen.current.id)
    tracks = {c.id for c in screen.query_one("#tracks", FacetList).choices if c.chosen}
    assert tracks == (set(view.tracks) or {ALL}), when
    themes = {c.id for c in screen.query_one("#themes", FacetList).choices if c.chosen}
    assert themes == set(view.themes), when


async def run_monkey(programme: Programme, events_count: int, tmp_path: object,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # where an export would go
    monkeypatch.chdir(tmp_path)  # and anything else typed as a relative path
    rng = random.Random(1113)
    app = make_app(programme, dt.datetime(2024, 11, 13, 15, 0, tzinfo=dt.UTC))
    app.animation_level = "none"
    sizes = 0
    async with app.run_test(size=(100, 30)) as pilot:
        for count in range(events_count):
            if rng.random() < 0.02:
                await pilot.resize_terminal(rng.randint(20, 300), rng.randint(5, 100))
                sizes += 1
            else:
                key = rng.choice(KEYS)
                character = key if len(key) == 1 else (" " if key == "space" else None)
                app._driver.send_message(events.Key(key, character))  # type: ignore[union-attr]
            if count % 50 == 49:
                await pilot.pause()
                await pilot.pause()  # the screen's own follow-ups of those keys
                check_invariants(app, count)
        for _ in range(5):  # let every queued key reach its widget before checking
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        check_invariants(app, events_count)
        # Responsive: back to the browser, clear everything, go to day 1.
        await pilot.resize_terminal(120, 40)
        for _ in range(6):
            if app.screen is browser(app):
                break
            await pilot.press("escape")
        while len(app.screen_stack) > 1:
            app.pop_screen()
            await pilot.pause()
        await pilot.pause()
        browser(app).set_focus(browser(app).query_one("#sessions"))
        await pilot.press("x", "1")
        await until(pilot, lambda: browser(app).view.day == dt.date(2024, 11, 12), "day 1")
        assert browser(app).view.day == dt.date(2024, 11, 12)
        assert not browser(app).view.is_filtered
    assert sizes >= events_count // 100


async def test_random_keys_and_resizes(programme: Programme, tmp_path: object,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    await run_monkey(programme, 2_000, tmp_path, monkeypatch)


@pytest.mark.soak
async def test_ten_thousand_random_keys_and_resizes(programme: Programme, tmp_path: object,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    await run_monkey(programme, 10_000, tmp_path, monkeypatch)
