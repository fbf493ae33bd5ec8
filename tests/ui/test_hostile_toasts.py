"""Toasts show programme text literally: a title is never an action, a link or a crash.

Each toast is driven as a user meets it: a reminder of a bookmarked session, the
clash warning when bookmarking, the time-zone toggle naming the city, a reload
whose error report names a session id that looks like a closing tag.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets._toast import Toast

from confterm.model.agenda import bookmark_for
from confterm.model.clock import Clock
from confterm.opening.sources import open_location
from confterm.ui.app import ConftermApp

from ..conftest import CORPUS, until
from .conftest import browser

CLICK = "[@click=app.screenshot('x.svg','/tmp')]Slides[/]"
BROKEN = "Broken [/nonexistent] markup"
LINK = "[link=http://evil.example/]here[/link]"
CITY = "Rio [/x]"


def hostile_programme(path: Path) -> Path:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["city"] = CITY
    first = data["sessions"][0]
    first["title"] = {"en": f"{CLICK} {LINK}"}
    clash = {**first, "id": "s3", "title": {"en": BROKEN}, "people": []}
    data["sessions"].append(clash)
    path.write_text(json.dumps(data))
    return path


async def toasts(app: ConftermApp, pilot: Pilot[object]) -> list[str]:
    """The toasts on screen, as drawn (they are mounted on the next refresh)."""
    await app.workers.wait_for_complete()
    await until(pilot, lambda: len(app.screen.query(Toast)) == len(app._notifications),
                "every toast mounted")
    return [toast.render().plain for toast in app.screen.query(Toast)]


async def test_reminder_clash_and_zone_toasts_show_titles_literally(tmp_path: Path) -> None:
    opened = open_location(str(hostile_programme(tmp_path / "p.json")))
    programme = opened.programme
    first = next(s for s in programme.sessions if s.id == "s1")
    app = ConftermApp(programme, source=opened,
                      clock=Clock(first.start - dt.timedelta(minutes=5), frozen=True))
    app.conference.bookmarks.set(bookmark_for(first))
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await pilot.pause()
        reminder = next(t for t in (await toasts(app, pilot)) if "Starts in" in t)
        assert CLICK in reminder and LINK in reminder
        browser(app).go_to_session(next(s for s in programme.sessions if s.id == "s3"))
        await pilot.press("b")
        await pilot.pause()
        clash = next(t for t in (await toasts(app, pilot)) if "with a clash" in t)
        assert CLICK in clash
        await pilot.press("z", "z")
        await pilot.pause()
        assert any(f"{CITY} time" in t for t in (await toasts(app, pilot)))
        assert app.is_running and app.return_code in (None, 0)
        assert not list(tmp_path.glob("*.svg"))


async def test_a_reload_error_naming_a_closing_tag_is_reported(tmp_path: Path) -> None:
    path = hostile_programme(tmp_path / "p.json")
    opened = open_location(str(path))
    app = ConftermApp(opened.programme, source=opened,
                      clock=Clock(dt.datetime(2025, 3, 1, tzinfo=dt.UTC), frozen=True))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        data = json.loads(path.read_text())
        data["sessions"][1]["id"] = "/oops"
        path.write_text(json.dumps(data))
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        failed = next(t for t in (await toasts(app, pilot)) if "Reload failed" in t)
        assert "sessions[/oops]" in failed
        assert app.is_running
