"""Remote programmes over a real HTTP server on loopback."""

from __future__ import annotations

import datetime as dt
import json
import socket
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.model.agenda import bookmark_for
from confterm.model.changes import compare
from confterm.model.errors import ProgrammeError
from confterm.opening.sources import open_location, reopen
from confterm.storage import remote
from confterm.wording import offline_note

from .conftest import CORPUS
from .http_fixture import Served, serve

PRETALX = (CORPUS / "formats" / "pretalx-schedule.json").read_bytes()


def changed_schedule() -> bytes:
    """The pretalx fixture with one talk moved, one cancelled and one added."""
    data = json.loads(PRETALX)
    day1 = data["schedule"]["conference"]["days"][0]["rooms"]["Saal 1"]
    day1[1]["date"] = "2025-06-06T15:00:00+02:00"  # 102 moves from 11:00 to 15:00
    day1[1]["start"] = "15:00"
    del day1[0]  # 101 is cancelled
    day2 = data["schedule"]["conference"]["days"][1]["rooms"]["Saal 1"]
    day2.append({**day2[0], "id": 299, "guid": "b1d0c3a2-0000-4000-8000-000000000299",
                 "title": "Surprise talk", "date": "2025-06-07T16:00:00+02:00",
                 "start": "16:00"})
    return json.dumps(data).encode()


def test_first_fetch_then_304_then_offline() -> None:
    served = Served(PRETALX)
    with serve(served) as (url, _):
        first = open_location(url)
        assert not first.offline and offline_note(first.fetched_at, first.offline) is None
        assert len(first.programme.sessions) == 7
        again = reopen(first)
        assert served.requests[-1].get("If-None-Match") == served.etag  # conditional
        assert again.programme == first.programme and not again.offline
    down = reopen(first)  # the server is gone
    assert down.offline and down.programme == first.programme
    note = offline_note(down.fetched_at, down.offline)
    assert note is not None and note.startswith("offline — cached at ")
    assert down.error


def test_no_network_and_no_cache_is_a_clear_error() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ProgrammeError, match="no copy is cached yet"):
        open_location(f"http://127.0.0.1:{port}/schedule.json")


def test_server_errors_fall_back_to_the_cache() -> None:
    served = Served(PRETALX)
    with serve(served) as (url, _):
        first = open_location(url)
        served.status = 500
        fallback = reopen(first)
    assert fallback.offline and "500" in (fallback.error or "")


def test_changes_after_a_reload_are_exactly_reported() -> None:
    served = Served(PRETALX)
    with serve(served) as (url, _):
        first = open_location(url)
        served.body = changed_schedule()
        second = reopen(first)
    sessions = {s.id[-3:]: s for s in first.programme.sessions}
    changes = compare(first.programme, second.programme, {sessions["102"].id})
    assert [s.id[-3:] for s in changes.added] == ["299"]
    assert [s.id[-3:] for s in changes.cancelled] == ["101"]
    assert [m.after.id[-3:] for m in changes.moved] == ["102"]
    assert changes.moved[0].time_changed and not changes.moved[0].room_changed


def test_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remote, "MAX_BYTES", 1000)
    with serve(Served(PRETALX)) as (url, _), pytest.raises(
            ProgrammeError, match="larger than the limit"):
        open_location(url)


def test_only_http_and_https(tmp_path: Path) -> None:
    with pytest.raises(ProgrammeError, match="only http"):
        remote.fetch("file:///etc/passwd")
    served = Served(PRETALX, redirect_to="file:///etc/passwd")
    with serve(served) as (url, _), pytest.raises(ProgrammeError, match="not allowed"):
        open_location(url)


def test_import_from_a_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "p.json"
    with serve(Served(PRETALX)) as (url, _):
        assert main(["import", url, "-o", str(output)]) == 0
    assert json.loads(output.read_text())["id"] == "democon-2025"


async def test_reload_in_the_app_reports_changes_and_keeps_bookmarks() -> None:
    from confterm.model.clock import Clock
    from confterm.ui.app import ConftermApp
    from confterm.ui.screens.changes import ChangesScreen

    served = Served(PRETALX)
    with serve(served) as (url, _):
        opened = open_location(url)
        moved = next(s for s in opened.programme.sessions if s.id.endswith("102"))
        cancelled = next(s for s in opened.programme.sessions if s.id.endswith("101"))
        app = ConftermApp(opened.programme, source=opened,
                          clock=Clock(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), frozen=True))
        async with app.run_test(size=(120, 40)) as pilot:
            app.conference.bookmarks.set(bookmark_for(moved))
            app.conference.bookmarks.set(bookmark_for(cancelled))
            served.body = changed_schedule()
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, ChangesScreen)
            # The "Reloading…" toast went when the report opened.
            assert not [n for n in app._notifications if n.title == "Reloading"]
            report = str(app.screen.query_one("Static").render())
            assert "3 changes" in report and "2 of your bookmarked sessions changed" in report
            assert report.index("Lockpicking") < report.index("Cancelled")
            assert "your bookmark is kept" in report
            await pilot.press("escape")
            assert len(app.screen_stack[0].view.programme.sessions) == 7
            assert cancelled.id in app.conference.bookmarks.agenda  # kept though cancelled
            served.status = 503
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            notice = str(app.screen_stack[0].query_one("#notice").render())
            assert "offline — cached at" in notice


def test_redirects_to_other_schemes_are_refused() -> None:
    served = Served(PRETALX, redirect_to="ftp://127.0.0.1/schedule.json")
    with serve(served) as (url, _), pytest.raises(ProgrammeError, match="non-http"):
        open_location(url)


def test_a_server_that_does_not_answer_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/schedule.json"
        # It never answers: only the timeout can end the wait (a hang would fail
        # this test by pytest-timeout's ceiling).
        with pytest.raises(ProgrammeError, match="timed out"):
            remote.fetch(url, timeout=0.5)


async def test_a_refresh_by_itself_is_quiet_unless_a_bookmark_changed() -> None:
    """An automatic refresh: a 304 draws no frame and says nothing; a new version
    replaces the programme without a report, and a moved bookmark is named."""
    from confterm.model.clock import Clock
    from confterm.ui.app import ConftermApp
    from confterm.ui.screens.browser import BrowserScreen

    from .conftest import until

    class Counted(ConftermApp):
        frames = 0

        def _display(self, screen: object, renderable: object) -> None:
            if renderable is not None:
                Counted.frames += 1
            super()._display(screen, renderable)  # type: ignore[arg-type]

    served = Served(PRETALX)
    with serve(served) as (url, _):
        opened = open_location(url)
        moved = next(s for s in opened.programme.sessions if s.id.endswith("102"))
        app = Counted(opened.programme, source=opened,
                      clock=Clock(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), frozen=True))
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            app.conference.bookmarks.set(bookmark_for(moved))
            await pilot.pause()
            frames, told = Counted.frames, len(app._notifications)
            app.conference.refresh()  # the server answers 304
            await until(pilot, lambda: app.conference.refreshed == 1, "the first refresh")
            await pilot.pause()
            assert Counted.frames == frames and len(app._notifications) == told
            served.body = changed_schedule()
            app.conference.refresh()
            await until(pilot, lambda: app.conference.refreshed == 2, "the second refresh")
            await pilot.pause()
            assert isinstance(app.screen, BrowserScreen)  # no report over the list
            said = [str(n.message) for n in app._notifications][told:]
            assert len(said) == 1 and "Lockpicking for auditors" in said[0]
            assert "15:00" in said[0] or "13:00" in said[0]  # its new time
            assert len(app.screen.view.programme.sessions) == 7  # the new version shown


def test_refresh_minutes_is_read_and_checked(tmp_path: Path) -> None:
    from confterm.storage.settings import Settings, SettingsError

    assert Settings().refresh_minutes == 15
    assert Settings.from_json(b'{"refresh_minutes": 0.05}').refresh_minutes == 0.05
    assert Settings.from_json(b'{"refresh_minutes": 0}').refresh_minutes == 0
    for bad in (b'{"refresh_minutes": -1}', b'{"refresh_minutes": "15"}',
                b'{"refresh_minutes": true}'):
        with pytest.raises(SettingsError, match="refresh_minutes"):
            Settings.from_json(bad)


async def test_a_file_is_read_again_only_when_it_changed(tmp_path: Path) -> None:
    import os

    from confterm.model.clock import Clock
    from confterm.ui.app import ConftermApp

    from .conftest import until

    path = tmp_path / "programme.json"
    data = json.loads((CORPUS / "minimal.json").read_text())
    path.write_text(json.dumps(data))
    opened = open_location(str(path))
    app = ConftermApp(opened.programme, source=opened,
                      clock=Clock(dt.datetime(2025, 3, 1, tzinfo=dt.UTC), frozen=True))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.conference.refresh_work() is None  # untouched: nothing to read
        data["sessions"][0]["title"] = {"en": "Opening, renamed"}
        path.write_text(json.dumps(data))
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a later time
        app.conference.refresh()
        await until(pilot, lambda: app.conference.refreshed == 1, "the refresh")
        titles = {s.title.get("en") for s in app.screen.view.programme.sessions}
        assert "Opening, renamed" in titles
        assert app.conference.refresh_work() is None  # read: untouched again


async def test_changes_are_marked_until_looked_at_and_listed_for_scripts(
        capsys: pytest.CaptureFixture[str]) -> None:
    """A refresh's changes are kept: Δ on the rows until c shows them, and
    ``confterm changes --format json`` lists them by session id."""
    from confterm.model.clock import Clock
    from confterm.ui.app import ConftermApp
    from confterm.ui.screens.change_log import ChangeLogScreen
    from confterm.ui.widgets.session_list import SessionList

    from .conftest import until
    from .ui.conftest import palette_lists

    served = Served(PRETALX)
    with serve(served) as (url, _):
        opened = open_location(url)
        app = ConftermApp(opened.programme, source=opened,
                          clock=Clock(dt.datetime(2025, 6, 6, 8, tzinfo=dt.UTC), frozen=True))
        data = json.loads(changed_schedule())
        night = data["schedule"]["conference"]["days"][1]["rooms"]["Saal 1"][0]
        night["title"] = f"{night['title']}, renamed"  # in place
        served.body = json.dumps(data).encode()
        async with app.run_test(size=(160, 48)) as pilot:
            app.conference.refresh()
            await until(pilot, lambda: app.conference.refreshed == 1, "the refresh")
            await pilot.pause()
            moved = next(s.id for s in app.conference.programme.sessions if s.id.endswith("102"))
            rows = app.screen.query_one(SessionList)
            assert "Δ" in rows.row_text(moved)
            app.screen.go_to_session(app.conference.catalogue.sessions[moved])
            await pilot.pause()
            detail = str(app.screen.query_one("#detail .detail-body").render())
            assert "Changed: was" in detail and "11:00" in detail  # where it was before
            await pilot.press("ctrl+p", *"changes")
            await until(pilot, palette_lists(app, "Changes in the programme…"), "the entry")
            await pilot.press("escape", "c")
            assert isinstance(app.screen, ChangeLogScreen)
            log = str(app.screen.query_one("#changes-dialog Static").render())
            assert "Lockpicking" in log and "renamed" in log and "delayed" in log
            await pilot.press("escape")
            await pilot.pause()
            assert "Δ" not in rows.row_text(moved)  # looked at
        code = main(["-p", url, "changes", "--format", "json"])
    listed = json.loads(capsys.readouterr().out)
    assert code == 0
    what = {item["session"][-3:]: item["what"] for item in listed}
    assert what == {"102": "delayed", night["guid"][-3:]: "retitled", "101": "cancelled",
                    "299": "added"}
    assert all(item["looked_at"] for item in listed)
