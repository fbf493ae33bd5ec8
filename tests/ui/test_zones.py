"""Times you can trust: a zone the programme had to guess is said under the title
until the user chooses one (Z, or the palette), and the open dialog takes one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from confterm.model.clock import Clock
from confterm.opening.sources import open_location
from confterm.ui.app import ConftermApp
from confterm.ui.screens.open_programme import OpenScreen

from ..conftest import until
from .conftest import browser, palette_lists

UTC_ONLY = """BEGIN:VCALENDAR
VERSION:2.0
X-WR-CALNAME:Kiel Summer Sessions
BEGIN:VEVENT
UID:a@kiel
DTSTART:20250701T090000Z
DTEND:20250701T100000Z
SUMMARY:Morning talk
END:VEVENT
BEGIN:VEVENT
UID:b@kiel
DTSTART:20250701T120000Z
DTEND:20250701T130000Z
SUMMARY:Noon talk
END:VEVENT
END:VCALENDAR
"""


def calendar(tmp_path: Path) -> Path:
    path = tmp_path / "kiel.ics"
    path.write_text(UTC_ONLY.replace("\n", "\r\n"))
    return path


async def test_a_guessed_zone_is_said_until_the_user_chooses_one(tmp_path: Path) -> None:
    opened = open_location(str(calendar(tmp_path)))
    assert opened.programme.timezone == "UTC" and opened.programme.timezone_note
    app = ConftermApp(opened.programme, source=opened,
                      clock=Clock(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), frozen=True))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        notice = str(browser(app).query_one("#notice").render())
        assert "Time zone guessed" in notice and "Z sets it" in notice
        await pilot.press("Z", *"berlin")
        await until(pilot, palette_lists(app, "Europe/Berlin", first=True), "the zone")
        await pilot.press("enter")
        await until(pilot, lambda: app.return_value is not None, "opened again in it")
    chosen = app.return_value
    assert chosen is not None and chosen.timezone == "Europe/Berlin"
    assert chosen.programme.timezone == "Europe/Berlin" and chosen.programme.timezone_note is None
    morning = next(s for s in chosen.programme.sessions if s.id == "a@kiel")
    assert morning.start == dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC)  # the same instant


async def test_the_open_dialog_takes_a_zone(tmp_path: Path) -> None:
    path = calendar(tmp_path)
    opened = open_location(str(path))
    app = ConftermApp(opened.programme, source=opened,
                      clock=Clock(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), frozen=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        await pilot.press(*str(path), "tab", *"Nowhere/Land", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)  # refused, and said why
        assert "unknown time zone" in str(app.screen.query_one("#open-problem").render())
        await pilot.press("ctrl+u", *"Europe/Berlin", "enter")
        await until(pilot, lambda: app.return_value is not None, "opened in that zone")
    assert app.return_value is not None and app.return_value.timezone == "Europe/Berlin"
