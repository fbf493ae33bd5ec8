"""Bookmarks, the agenda screen, now and next, reminders and export, in the app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input

from confterm.model.programme import Programme
from confterm.storage.bookmarks import BookmarkStore, decode
from confterm.ui.app import ConftermApp
from confterm.ui.screens.agenda import AgendaScreen
from confterm.ui.screens.now_next import NowNextScreen

from .conftest import browser, make_app, row_text

RIO = dt.timezone(dt.timedelta(hours=-3))
WIDE = (160, 40)
PROGRAMME_ID = "wco-technology-conference-2024"


def notifications(app: ConftermApp) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


async def highlight(pilot: object, app: ConftermApp, session_id: str) -> None:
    browser(app).query_one("#sessions").highlight_session(session_id)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_bookmark_persists_across_a_restart(programme: Programme) -> None:
    first = make_app(programme)
    async with first.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await highlight(pilot, first, "d2-wa-conops-data")
        await pilot.press("b")
        await highlight(pilot, first, "d2-wb-conops-detection")
        await pilot.press("space")
        assert set(browser(first).agenda.bookmarks) == {
            "d2-wa-conops-data", "d2-wb-conops-detection"}
        assert row_text(first, "d2-wa-conops-data").startswith("★")
        assert any("Clashes with Command-centre CONOPS: strategies that improved data "
                   "exchange" in n for n in notifications(first))
        await pilot.press("q")
    second = make_app(programme)
    async with second.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        assert set(browser(second).agenda.bookmarks) == {
            "d2-wa-conops-data", "d2-wb-conops-detection"}
        await highlight(pilot, second, "d2-wa-conops-data")
        detail = str(browser(second).query_one("#detail .detail-body").render())
        assert "★ Bookmarked: must attend" in detail
        assert "⚠ Clashes with Command-centre CONOPS" in detail


async def test_b_again_removes_and_p_cycles_priority(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("b")
        first = browser(app).current
        assert first is not None and first.id in browser(app).agenda
        await pilot.press("p")
        mark = browser(app).agenda.get(first.id)
        assert mark is not None and mark.priority.value == "maybe"
        assert row_text(app, first.id).startswith("☆")
        await pilot.press("b")
        assert first.id not in browser(app).agenda


async def test_clicking_the_marker_toggles_the_bookmark(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.click("#sessions", offset=(0, 0))
        await pilot.pause()
        assert "d1-opening" in browser(app).agenda
        await pilot.click("#sessions", offset=(8, 0))  # elsewhere on the row: no toggle
        await pilot.pause()
        assert "d1-opening" in browser(app).agenda


async def test_agenda_screen_shows_clashes_and_removes(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await highlight(pilot, app, "d2-wa-conops-data")
        await pilot.press("b")
        await highlight(pilot, app, "d2-wb-conops-detection")
        await pilot.press("b", "a")
        assert isinstance(app.screen, AgendaScreen)
        title = str(app.screen.query_one("#agenda-title").render())
        assert "2 bookmarked" in title and "2 sessions clash" in title
        await pilot.press("home", "b")
        assert len(app.screen.agenda) == 1
        await pilot.press("escape")
        assert len(browser(app).agenda) == 1


async def test_reminder_fires_once(programme: Programme) -> None:
    store, _ = BookmarkStore.open(PROGRAMME_ID)
    from confterm.model.agenda import bookmark_for
    from confterm.model.view import Catalogue

    store.set(bookmark_for(Catalogue(programme).sessions["d2-wa-iot"]))  # 16:30
    store.save()
    app = make_app(programme, dt.datetime(2024, 11, 13, 16, 21, tzinfo=RIO))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        reminders = [n for n in notifications(app) if "Starts in" in n]
        assert reminders == [
            "Starts in 9 min ≈16:30–17:30 The Internet of Things (IoT) and its deployment "
            "in customs · Workshop Room A"]
        app.conference.check_reminders(app.conference.clock.now())
        assert [n for n in notifications(app) if "Starts in" in n] == reminders


async def test_now_and_next_screen(programme: Programme) -> None:
    app = make_app(programme, dt.datetime(2024, 11, 13, 14, 52, tzinfo=RIO))
    async with app.run_test(size=WIDE) as pilot:
        assert browser(app).view.day == dt.date(2024, 11, 13)
        await pilot.press("n")
        assert isinstance(app.screen, NowNextScreen)
        text = str(app.screen.query_one("Static").render())
        now_part, next_part = text.split("\nNext\n")
        assert "improved data exchange" in now_part
        assert "Blockchain and its deployment in customs" in next_part


async def test_export_from_the_app(app: ConftermApp, tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("b", "e")
        field = app.screen.query_one("#export-path", Input)
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert b"d1-opening@wco-technology-conference-2024.confterm" in target.read_bytes()


async def test_export_from_the_app_through_a_symlink(app: ConftermApp, tmp_path: Path) -> None:
    target = tmp_path / "calendars" / "mine.ics"
    target.parent.mkdir()
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("b", "e")
        app.screen.query_one("#export-path", Input).value = str(link)
        await pilot.press("enter")
        await pilot.pause()
    assert link.is_symlink()
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_unsaveable_bookmarks_are_kept_and_reported(
        app: ConftermApp, monkeypatch: pytest.MonkeyPatch) -> None:
    import confterm.storage.bookmarks as module

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    async with app.run_test(size=WIDE) as pilot:
        # Only the write is undone afterwards: the fixtures' folders stay in place.
        with monkeypatch.context() as patched:
            patched.setattr(module, "atomic_write_text", disk_full)
            await pilot.press("b")
        assert "d1-opening" in browser(app).agenda
        assert any("could not be saved" in n for n in notifications(app))
        app.conference.retry_bookmarks()
        assert not app.conference.bookmarks.dirty
    path = app.conference.bookmarks.path
    assert "d1-opening" in decode(path.read_bytes()).bookmarks


async def test_clashing_bookmarks_are_marked_in_the_list(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        for session_id in ("d2-wa-conops-data", "d2-wb-conops-detection", "d2-wa-iot"):
            browser(app).go_to_session(browser(app).view.catalogue.sessions[session_id])
            await pilot.press("b")
        await pilot.pause()
        assert row_text(app, "d2-wa-conops-data").lstrip().startswith("★⚠")
        assert row_text(app, "d2-wb-conops-detection").lstrip().startswith("★⚠")
        assert row_text(app, "d2-wa-iot").lstrip().startswith("★ ")  # no clash


async def test_now_and_next_names_the_day_when_next_is_tomorrow(programme: Programme) -> None:
    evening = dt.datetime(2024, 11, 12, 22, 0, tzinfo=dt.UTC)  # 19:00 in Rio, day 1 over
    app = make_app(programme, evening)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NowNextScreen)
        text = str(app.screen.query_one("Static").render())
        _, next_part = text.split("\nNext\n")
        assert next_part.lstrip().startswith("Wed 13 Nov")
