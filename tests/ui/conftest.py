"""Building the app for UI tests: bundled programme, frozen clock, isolated settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from confterm.model.clock import Clock
from confterm.model.programme import Programme
from confterm.ui.app import ConftermApp
from confterm.ui.screens.browser import BrowserScreen
from confterm.ui.widgets.session_list import SessionList

#: Before the conference: the app opens on day 1.
BEFORE = dt.datetime(2024, 11, 1, 12, 0, tzinfo=dt.UTC)


def make_app(programme: Programme, now: dt.datetime = BEFORE) -> ConftermApp:
    return ConftermApp(programme, clock=Clock(now, frozen=True))


def browser(app: ConftermApp) -> BrowserScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, BrowserScreen)
    return screen


def listed(app: ConftermApp) -> list[str]:
    """Session ids in the list, in order, as the user sees them."""
    return browser(app).query_one(SessionList).session_ids


def row_text(app: ConftermApp, session_id: str) -> str:
    """A session's row as drawn (marker, time, title; track, room, themes)."""
    return browser(app).query_one(SessionList).row_text(session_id)


@pytest.fixture
def app(programme: Programme) -> ConftermApp:
    return make_app(programme)


def palette_prompts(app: ConftermApp) -> list[str]:
    """The command palette's entries, as listed (empty before it has any)."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists:
        return []
    options = lists.first()
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def palette_lists(app: ConftermApp, start: str, *, first: bool = False) -> Callable[[], bool]:
    """A condition: the palette lists an entry starting with *start* (the first one)."""
    def holds() -> bool:
        prompts = palette_prompts(app)
        return (bool(prompts) and prompts[0].startswith(start)) if first else any(
            p.startswith(start) for p in prompts)
    return holds
