"""The conference service, driven without any interface: bookmarks saved and
announced, failures kept and retried, settings written after a pause, reloads
announced, exports written, quitting that loses nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from confterm.conference.service import SAVE_DELAY, Conference, Notice, Reloaded
from confterm.model.agenda import Agenda
from confterm.model.clock import Clock
from confterm.model.programme import Programme
from confterm.model.view import overlaps
from confterm.opening.sources import Opened
from confterm.storage.bookmarks import BookmarkStore
from confterm.storage.settings import load_settings

BEFORE = dt.datetime(2024, 11, 1, 9, 0, tzinfo=dt.UTC)


class Timer:
    def __init__(self, seconds: float, callback: Callable[[], object], repeat: bool) -> None:
        self.seconds, self.callback, self.repeat, self.stopped = seconds, callback, repeat, False

    def stop(self) -> None:
        self.stopped = True


class FakeScheduler:
    """Timers that fire when the test says; background work run at once."""

    def __init__(self) -> None:
        self.timers: list[Timer] = []

    def later(self, seconds: float, callback: Callable[[], object]) -> Timer:
        self.timers.append(Timer(seconds, callback, repeat=False))
        return self.timers[-1]

    def every(self, seconds: float, callback: Callable[[], object]) -> Timer:
        self.timers.append(Timer(seconds, callback, repeat=True))
        return self.timers[-1]

    def in_background(self, work: Callable[[], OSError | None],
                      done: Callable[[OSError | None], object]) -> None:
        error = work()
        if error is not None:
            done(error)

    def read_again(self, work: Callable[[], object], done: Callable[[object], object], *,
                   quiet: bool) -> None:
        done(work())

    breaths = 0

    def breathe(self) -> None:
        self.breaths += 1  # nothing else runs

    def live(self) -> list[Timer]:
        return [t for t in self.timers if not t.stopped]

    def fire(self) -> None:
        """Run each live one-shot timer once (they are then spent)."""
        for timer in self.live():
            if not timer.repeat:
                timer.stopped = True
            timer.callback()


@pytest.fixture
def scheduler() -> FakeScheduler:
    return FakeScheduler()


def open_conference(programme: Programme, scheduler: FakeScheduler, tmp_path: Path,
                    **options: object) -> tuple[Conference, list[Notice]]:
    conference = Conference(programme, scheduler, clock=Clock(BEFORE, frozen=True),
                            settings_file=tmp_path / "settings.json", **options)  # type: ignore[arg-type]
    notices: list[Notice] = []
    conference.notices.subscribe("test", notices.append)
    return conference, notices


def full_disk(*args: object) -> None:
    raise OSError(28, "No space left on device")


def test_a_bookmark_is_saved_and_announced(programme: Programme, scheduler: FakeScheduler,
                                           tmp_path: Path) -> None:
    conference, _ = open_conference(programme, scheduler, tmp_path)
    heard: list[Agenda] = []
    conference.agenda_changed.subscribe("screen", heard.append)
    session = programme.sessions[0]
    conference.toggle_bookmark(session)
    assert [session.id in agenda for agenda in heard] == [True]
    reopened, _ = BookmarkStore.open(programme.id)
    assert session.id in reopened.agenda  # on disk at once
    conference.agenda_changed.unsubscribe("screen")
    conference.toggle_bookmark(session)
    assert len(heard) == 1  # a screen that went away hears nothing more
    assert session.id not in BookmarkStore.open(programme.id)[0].agenda


def test_bookmarking_a_clash_says_with_what(programme: Programme, scheduler: FakeScheduler,
                                            tmp_path: Path) -> None:
    first, second = next((a, b) for a in programme.sessions for b in programme.sessions
                         if a.id < b.id and overlaps(a, b) and a.kind == b.kind == "workshop")
    conference, notices = open_conference(programme, scheduler, tmp_path)
    conference.toggle_bookmark(first)
    assert notices == []
    conference.toggle_bookmark(second)
    assert [n.title for n in notices] == ["Bookmarked, with a clash"]
    assert first.title.get("en") in notices[0].message


def test_bookmarks_the_disk_refuses_are_kept_and_retried(
        programme: Programme, scheduler: FakeScheduler, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    conference, notices = open_conference(programme, scheduler, tmp_path)
    with monkeypatch.context() as patched:
        patched.setattr(BookmarkStore, "save", full_disk)
        conference.toggle_bookmark(programme.sessions[0])
        conference.toggle_bookmark(programme.sessions[1])
        retries = [t for t in scheduler.live() if t.repeat]
        retries[0].callback()  # still full: nothing changes
    assert [n.severity for n in notices] == ["error"]  # said once, not on every change
    assert "No space left" in notices[0].message
    assert len(retries) == 1
    assert {programme.sessions[0].id, programme.sessions[1].id} <= set(conference.agenda.bookmarks)
    assert len(notices) == 1
    retries[0].callback()
    assert notices[-1].message == "Bookmarks saved."
    assert retries[0].stopped
    assert {programme.sessions[0].id, programme.sessions[1].id} <= set(
        BookmarkStore.open(programme.id)[0].agenda.bookmarks)


def test_settings_are_written_after_a_pause(programme: Programme, scheduler: FakeScheduler,
                                            tmp_path: Path) -> None:
    conference, _ = open_conference(programme, scheduler, tmp_path)
    conference.remember_language("fr")
    conference.remember_local_time(True)
    assert [t.seconds for t in scheduler.live()] == [SAVE_DELAY]  # one pending write
    assert not (tmp_path / "settings.json").exists()
    scheduler.fire()
    saved = load_settings(tmp_path / "settings.json").settings
    assert (saved.language, saved.local_time) == ("fr", True)
    assert conference.lang == "fr" and conference.zone is None


def test_settings_the_disk_refuses_are_retried(programme: Programme, scheduler: FakeScheduler,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import confterm.conference.service as service

    conference, notices = open_conference(programme, scheduler, tmp_path)
    with monkeypatch.context() as patched:
        patched.setattr(service, "save_settings", full_disk)
        conference.remember_language("fr")
        scheduler.fire()
    assert [n.severity for n in notices] == ["error"]
    scheduler.fire()  # the retry
    assert load_settings(tmp_path / "settings.json").settings.language == "fr"


def test_quitting_with_unsaved_bookmarks_asks_once(programme: Programme,
                                                   scheduler: FakeScheduler, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    conference, notices = open_conference(programme, scheduler, tmp_path)
    monkeypatch.setattr(BookmarkStore, "save", full_disk)
    conference.toggle_bookmark(programme.sessions[0])
    assert conference.close() is False
    assert "Quit again" in notices[-1].message
    assert conference.close() is True


def test_a_changed_programme_is_announced_with_its_changes(
        programme: Programme, scheduler: FakeScheduler, tmp_path: Path) -> None:
    conference, notices = open_conference(programme, scheduler, tmp_path)
    kept, dropped = programme.sessions[0], programme.sessions[1]
    conference.toggle_bookmark(dropped)
    heard: list[Reloaded] = []
    conference.programme_changed.subscribe("screen", heard.append)
    newer = dataclasses.replace(programme, sessions=tuple(
        s for s in programme.sessions if s is not dropped))
    conference.reloaded(Opened(newer, "programme.json"))
    assert len(heard) == 1
    assert [s.id for s in heard[0].changes.cancelled] == [dropped.id]
    assert conference.programme is newer and heard[0].after is conference.catalogue
    assert kept.id in conference.catalogue.sessions
    assert dropped.id in conference.agenda  # a cancelled bookmark is kept, to be seen
    notices.clear()
    conference.reloaded(Opened(newer, "programme.json"))
    assert len(heard) == 1 and [n.title for n in notices] == ["Up to date"]


def test_an_offline_reload_says_so(programme: Programme, scheduler: FakeScheduler,
                                   tmp_path: Path) -> None:
    conference, notices = open_conference(programme, scheduler, tmp_path)
    statuses: list[str | None] = []
    conference.status_changed.subscribe("screen", statuses.append)
    fetched = dt.datetime(2024, 11, 12, 8, 30, tzinfo=dt.UTC)
    conference.reloaded(Opened(programme, "https://example.org/p.json", None, fetched,
                               offline=True, error="timed out"))
    assert statuses and statuses[0] is not None and "offline" in statuses[0]
    assert [n.title for n in notices] == ["Offline"] and "timed out" in notices[0].message


def test_the_agenda_is_exported(programme: Programme, scheduler: FakeScheduler,
                                tmp_path: Path) -> None:
    conference, notices = open_conference(programme, scheduler, tmp_path)
    conference.toggle_bookmark(programme.sessions[0])
    target = tmp_path / "agenda.ics"
    assert conference.export_agenda(target)
    assert programme.sessions[0].id in target.read_text("utf-8")
    assert notices[-1].title == "Calendar exported"
    assert not conference.export_agenda(target / "not-a-folder.ics")
    assert notices[-1].severity == "error"


def test_reminders_are_given_once(programme: Programme, scheduler: FakeScheduler,
                                  tmp_path: Path) -> None:
    conference, notices = open_conference(programme, scheduler, tmp_path)
    session = programme.sessions[0]
    conference.toggle_bookmark(session)
    soon = session.start - dt.timedelta(minutes=5)
    conference.check_reminders(soon)
    conference.check_reminders(soon + dt.timedelta(minutes=1))
    assert [n.title for n in notices] == ["Starts in 5 min"]


def test_the_conference_follows_its_file_every_refresh_minutes(
        programme: Programme, scheduler: FakeScheduler, tmp_path: Path) -> None:
    """refresh_minutes 0.05: every 3 seconds the file is looked at; read again
    only when it changed, and then the new version is announced, quietly."""
    import json
    import os

    from confterm.model.validation import programme_to_json
    from confterm.opening.sources import open_location

    (tmp_path / "settings.json").write_text(json.dumps({"refresh_minutes": 0.05}))
    path = tmp_path / "programme.json"
    data = programme_to_json(programme)
    path.write_text(json.dumps(data))
    conference, notices = open_conference(programme, scheduler, tmp_path,
                                          source=open_location(str(path)))
    heard: list[Reloaded] = []
    conference.programme_changed.subscribe("screen", heard.append)
    conference.start_refreshing()
    refresh = next(t for t in scheduler.live() if t.repeat and t.callback == conference.refresh)
    assert refresh.seconds == pytest.approx(3.0)
    refresh.callback()  # untouched: nothing read
    assert conference.refreshed == 0 and not heard
    data["sessions"][0]["title"] = {"en": "Renamed", "fr": "Renommée"}
    path.write_text(json.dumps(data))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    refresh.callback()
    assert conference.refreshed == 1 and len(heard) == 1 and heard[0].quiet
    assert [m.after.title.get("en") for m in heard[0].changes.retitled] == ["Renamed"]
    assert not [n for n in notices if "Up to date" in n.title or "updated" in n.message]
    # Its search text and facets were made in the reading, which let the
    # interface go first between its steps: showing it costs a keystroke little.
    assert heard[0].after.search_ready and scheduler.breaths > 0
    assert heard[0].after.facet_values_made(0) is not None


def test_differences_found_while_reading_are_used_only_against_that_programme(
        programme: Programme, scheduler: FakeScheduler, tmp_path: Path) -> None:
    from confterm.conference.service import Compared
    from confterm.model.changes import Changes

    conference, _ = open_conference(programme, scheduler, tmp_path)
    heard: list[Reloaded] = []
    conference.programme_changed.subscribe("screen", heard.append)
    dropped = programme.sessions[1]
    newer = dataclasses.replace(programme, sessions=tuple(
        s for s in programme.sessions if s is not dropped))
    found = Changes(cancelled=(dropped,))
    conference.reloaded(Opened(newer, "programme.json"),
                        compared=Compared(Opened(newer, "programme.json"), programme, False,
                                          found))
    assert heard[-1].changes is found  # taken as the reading thread found it
    # Found against a programme that another one has replaced since: found again here.
    conference.reloaded(Opened(programme, "programme.json"),
                        compared=Compared(Opened(programme, "programme.json"), programme, True,
                                          Changes()))
    assert [s.id for s in heard[-1].changes.added] == [dropped.id]
