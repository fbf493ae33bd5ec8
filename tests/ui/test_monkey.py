"""A seeded monkey: 10,000 random keys and resizes, then the app still answers.

CONFTERM_MONKEY_EVENTS changes the number (for a quick local run, or a longer one).
"""

from __future__ import annotations

import datetime as dt
import os
import random

import pytest
from textual import events

from confterm.model.programme import Programme

from .conftest import browser, make_app

KEYS = [*"123456789[]/tfxslzbpaneh?r", "left", "right", "up", "down", "pageup",
        "pagedown", "home", "end", "enter", "escape", "space", "tab", "shift+tab",
        "backspace", *"abcdefghijkmorsuvwy ", "é", "会"]
# ctrl+p (the command palette) is left out: it is Textual's own widget, and under
# random keys it can fail inside Textual (a worker looking up a closed list).
EVENTS = int(os.environ.get("CONFTERM_MONKEY_EVENTS", "10000"))



async def test_random_keys_and_resizes(programme: Programme, tmp_path: object,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # where an export would go
    monkeypatch.chdir(tmp_path)  # and anything else typed as a relative path
    rng = random.Random(1113)
    app = make_app(programme, dt.datetime(2024, 11, 13, 15, 0, tzinfo=dt.UTC))
    app.animation_level = "none"
    sizes = 0
    async with app.run_test(size=(100, 30)) as pilot:
        for count in range(EVENTS):
            if rng.random() < 0.02:
                await pilot.resize_terminal(rng.randint(20, 300), rng.randint(5, 100))
                sizes += 1
            else:
                key = rng.choice(KEYS)
                character = key if len(key) == 1 else (" " if key == "space" else None)
                app._driver.send_message(events.Key(key, character))  # type: ignore[union-attr]
            if count % 50 == 0:
                await pilot.pause()
        for _ in range(5):  # let every queued key reach its widget before checking
            await pilot.pause(0.2)
        assert app.is_running
        # Responsive: back to the browser, clear everything, go to day 1.
        await pilot.resize_terminal(120, 40)
        for _ in range(6):
            if app.screen is browser(app):
                break
            await pilot.press("escape")
        while len(app.screen_stack) > 1:
            app.pop_screen()
            await pilot.pause()
        await pilot.pause(0.2)
        browser(app).set_focus(browser(app).query_one("#sessions"))
        await pilot.press("x", "1")
        await pilot.pause(0.2)
        assert browser(app).view.day == dt.date(2024, 11, 12)
        assert not browser(app).view.is_filtered
    assert sizes >= EVENTS // 100
