"""The open conference: what every screen shows and changes.

A ``Conference`` holds the programme and where it came from, the bookmarks
(saved at once, retried on failure), the settings (saved shortly after a change,
off the drawing thread), the clock, reminders, reloading and export. Screens are
given it in their constructors, call its methods and subscribe to its
announcements; it knows nothing of the interface toolkit: the app lends it a
``Scheduler`` for timers and threads and shows its ``Notice``s.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Literal, NamedTuple, Protocol, TypeVar

from confterm.conference.announcer import Announcer
from confterm.conference.sharing import Sharing
from confterm.i18n import _, ngettext
from confterm.model.agenda import (
    Agenda,
    Priority,
    bookmark_for,
    conference_day,
    due_reminders,
)
from confterm.model.changes import Changes, Seen, seen_changes
from confterm.model.clock import Clock
from confterm.model.errors import ProgrammeError
from confterm.model.programme import Programme, Session
from confterm.model.text import clip, shown
from confterm.model.view import Catalogue, ScheduleView
from confterm.opening.sources import Opened
from confterm.storage.bookmarks import BookmarkStore
from confterm.storage.change_log import add_changes, load_changes, mark_seen
from confterm.storage.settings import BrowseState, Settings, load_settings, save_settings
from confterm.timefmt import time_range
from confterm.wording import offline_note

#: Remembered state is written this long after the last change (and on quit).
SAVE_DELAY = 0.5
#: Seconds between attempts to save bookmarks or settings after a failure.
RETRY_SECONDS = 30.0

Severity = Literal["information", "warning", "error"]


@dataclass(frozen=True)
class Notice:
    """Something to tell the user in passing (a toast)."""

    message: str
    title: str = ""
    severity: Severity = "information"
    timeout: float = 4
    bell: bool = False


@dataclass(frozen=True)
class Reloaded:
    """A new version of the programme replaced the old one."""

    before: Catalogue
    after: Catalogue
    changes: Changes
    #: Why the bookmarks moved to a new programme id, if they did.
    moved_note: str | None
    #: Found by an automatic refresh (told only where a bookmark changed), not by r.
    quiet: bool = False

    def bookmarks_changed(self, bookmarks: Collection[str],
                          lang: str) -> list[tuple[Session, str]]:
        """Each bookmarked session that moved, changed room, was retitled or was
        cancelled, with what it is now (or was), to tell the user."""
        changes, found = self.changes, []
        for move in changes.moved:
            if move.after.id in bookmarks:
                room = self.after.room_name(move.after, lang)
                found.append((move.after, time_range(move.after, self.after.programme.zone)
                              + (f" · {room}" if room else "")))
        for change in changes.retitled:
            if change.after.id in bookmarks:
                found.append((change.after, _("retitled")))
        for change in changes.people:
            if change.after.id in bookmarks:
                found.append((change.after, _("people changed")))
        for session in changes.cancelled:
            if session.id in bookmarks:
                found.append((session, _("cancelled")))
        return found


T = TypeVar("T")


class Stoppable(Protocol):
    def stop(self) -> object: ...


class Scheduler(Protocol):
    """Timers and threads, lent by the interface that runs the conference."""

    def later(self, seconds: float, callback: Callable[[], object]) -> Stoppable: ...

    def every(self, seconds: float, callback: Callable[[], object]) -> Stoppable: ...

    def in_background(self, work: Callable[[], OSError | None],
                      done: Callable[[OSError | None], object]) -> None:
        """Run *work* off the interface's thread; when it returns an error, pass it
        to *done* on the interface's thread."""

    def read_again(self, work: Callable[[], T], done: Callable[[T], object], *,
                   quiet: bool) -> None:
        """Run *work* (reading a programme again: maybe a slow download) in a
        thread that quitting does not wait for; pass what it gives to *done* on
        the interface's thread. One at a time of each kind (*quiet* or not)."""

    def breathe(self) -> None:
        """Called by work in a thread between its steps (a few milliseconds each):
        the interface goes first (and keys pressed meanwhile)."""


class Compared(NamedTuple):
    """A programme read again, how it differs from the one it replaces, and its
    catalogue with the search text and facets made (all in the reading thread:
    the interface's thread has only to show it)."""

    opened: Opened
    before: Programme
    same: bool
    changes: Changes
    catalogue: Catalogue | None = None


def _attempt(work: Callable[[], Opened], before: Programme, bookmarks: Collection[str],
             breathe: Callable[[], object]) -> Callable[[], Compared | ProgrammeError]:
    """*work*, compared with *before*; its ``ProgrammeError`` given back, not raised."""
    from confterm.model.changes import compare

    def attempt() -> Compared | ProgrammeError:
        try:
            opened = work()
        except ProgrammeError as error:
            return error
        same = _same(opened.programme, before, breathe)
        if same:
            return Compared(opened, before, same, Changes())
        breathe()
        changes = compare(before, opened.programme, bookmarks)
        breathe()
        catalogue = Catalogue(opened.programme, translate=_)
        catalogue.prepare_search(breathe)
        return Compared(opened, before, same, changes, catalogue)

    return attempt


def _same(one: Programme, other: Programme, breathe: Callable[[], object]) -> bool:
    """``one == other``, breathing between pieces of the sessions (a millisecond each)."""
    if len(one.sessions) != len(other.sessions) or (
            replace(one, sessions=()) != replace(other, sessions=())):
        return False
    for start in range(0, len(one.sessions), 250):
        breathe()
        if one.sessions[start:start + 250] != other.sessions[start:start + 250]:
            return False
    return True


def _stamp(source: Opened | None) -> tuple[int, int] | None:
    """A file's modification time and size (None for a URL, or a file gone)."""
    if source is None or source.is_remote:
        return None
    try:
        found = Path(source.location).stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def opening_day(catalogue: Catalogue, now: dt.datetime, remembered: dt.date | None) -> dt.date:
    """Today while the conference runs (its day, in its own zone: after midnight
    the evening before while its sessions run); else the remembered day; else day 1."""
    dates = [d.date for d in catalogue.programme.days]
    today = conference_day(catalogue, now)
    if today is not None:
        return today
    return remembered if remembered is not None and remembered in dates else dates[0]


class Conference:
    def __init__(self, programme: Programme, scheduler: Scheduler, *, settings_file: Path,
                 clock: Clock | None = None, bookmarks_file: Path | None = None,
                 source: Opened | None = None) -> None:
        self.scheduler = scheduler
        self.catalogue = Catalogue(programme, translate=_)
        #: Where the programme came from, for reloading (None: not reloadable).
        self.source = source
        #: The file's modification time and size when it was read (a refresh reads
        #: it again only when they change).
        self._file_stamp = _stamp(source)
        self.clock = clock or Clock()
        self.settings_file = settings_file
        loaded = load_settings(settings_file)
        self.settings: Settings = loaded.settings
        self.bookmarks, bookmarks_problem = BookmarkStore.open(programme.id, bookmarks_file)
        #: Problems found while opening (of the bookmarks, of the settings).
        self._opening_problems = [(problem, timeout) for problem, timeout in (
            (bookmarks_problem, 20), (loaded.problem, 15)) if problem]
        #: Friends' agendas, and importing agendas (see ``sharing``).
        self.sharing = Sharing(self)
        #: Sessions already reminded of in this run.
        self.reminded: set[str] = set()
        #: Refreshes and reloads done (a test waits on it).
        self.refreshed = 0
        #: The changes refreshes saw, kept per programme (``storage.change_log``).
        self.changes_seen: list[Seen] = load_changes(programme.id)
        self.changes_noted: Announcer[list[Seen]] = Announcer()

        self.agenda_changed: Announcer[Agenda] = Announcer()
        self.programme_changed: Announcer[Reloaded] = Announcer()
        self.status_changed: Announcer[str | None] = Announcer()
        self.time_passed: Announcer[dt.datetime] = Announcer()
        self.notices: Announcer[Notice] = Announcer()

        self._bookmark_retry: Stoppable | None = None
        self._save_timer: Stoppable | None = None
        self._dirty = False
        self._save_lock = threading.Lock()
        self._quit_asked = False

    # -- what is open -------------------------------------------------------------
    @property
    def programme(self) -> Programme:
        return self.catalogue.programme

    @property
    def agenda(self) -> Agenda:
        return self.bookmarks.agenda

    @property
    def lang(self) -> str:
        """The language chosen (before any choice, the environment's, LANG), when
        the programme has it; else its first."""
        from confterm.i18n import system_language

        chosen = self.settings.language or system_language() or "en"
        languages = self.programme.languages
        if chosen in languages or not languages:
            return chosen
        return languages[0]

    @property
    def zone(self) -> dt.tzinfo | None:
        """The zone times are shown in: the conference's, or None for the user's own."""
        return None if self.settings.local_time else self.programme.zone

    def browse_state(self) -> BrowseState:
        """Where the user was in this programme (day, filters, list or grid, rooms)."""
        return self.settings.state_for(self.programme.id)

    def today(self) -> dt.date | None:
        """Today in the conference's zone, when it is one of its days (after
        midnight, the evening before while its sessions run)."""
        return conference_day(self.catalogue, self.clock.now())

    def opening_view(self) -> ScheduleView:
        """Today (or the remembered day) with the filters remembered for this programme."""
        state = self.settings.state_for(self.programme.id)
        return (ScheduleView(self.catalogue)
                .on_day(opening_day(self.catalogue, self.clock.now(), state.day))
                .keeping(state.filters)
                .not_over_at(self.clock.now() if state.hide_finished else None))

    @property
    def status(self) -> str | None:
        """'offline — cached at …' when the programme could not be refreshed."""
        return offline_note(self.source.fetched_at, self.source.offline) if (
            self.source is not None) else None

    def opening_notices(self) -> list[Notice]:
        """What to tell once the interface is up (and speaks its language): problems
        found while opening, the schedule found under an event page, bookmarks that
        moved with a renamed programme."""
        notices = [Notice(problem, severity="warning", timeout=timeout)
                   for problem, timeout in self._opening_problems]
        source = self.source
        found = source.found_note() if source is not None else None
        if found:
            notices.append(Notice(shown(found), title=_("Schedule found"), timeout=10))
        moved = source.moved_note() if source is not None else None
        if moved:
            notices.append(Notice(moved, title=_("Bookmarks moved"), timeout=15))
        return notices

    def _tell(self, message: str, **details: object) -> None:
        self.notices.publish(Notice(message, **details))  # type: ignore[arg-type]

    # -- time -----------------------------------------------------------------------
    def tick(self) -> None:
        """Tell what time it is, and remind of sessions about to start."""
        now = self.clock.now()
        self.time_passed.publish(now)
        self.check_reminders(now)

    def check_reminders(self, now: dt.datetime) -> None:
        """Tell once of each bookmarked session starting soon."""
        due = due_reminders(self.catalogue, self.agenda, now, self.settings.reminder_minutes,
                            frozenset(self.reminded))
        for session in due:
            self.reminded.add(session.id)
            minutes = max(1, round((session.start - now).total_seconds() / 60))
            room = clip(self.catalogue.room_name(session, self.lang))
            title = clip(session.title.get(self.lang))
            message = f"{time_range(session, self.zone)} {title}" + (f" · {room}" if room else "")
            self._tell(message, title=_("Starts in {minutes} min").format(minutes=minutes),
                       timeout=60,
                       bell=self.settings.bell)

    # -- bookmarks (saved at once; kept and retried when the disk refuses) ------------
    def toggle_bookmark(self, session: Session) -> Agenda:
        if session.id in self.agenda:
            return self.remove_bookmark(session.id)
        self.bookmarks.set(bookmark_for(session, Priority.MUST, self.clock.now()))
        agenda = self._save_bookmarks()
        clashes = agenda.clashes_with(session, self.catalogue)
        if clashes:
            names = "; ".join(f"{clip(s.title.get(self.lang))} ({time_range(s, self.zone)})"
                              for s in clashes)
            self._tell(_("Clashes with {names}").format(names=names),
                       title=_("Bookmarked, with a clash"),
                       severity="warning", timeout=8)
        return agenda

    def add_bookmarks(self, sessions: list[Session],
                      priorities: dict[str, Priority] | None = None) -> int:
        """Bookmark those of *sessions* not bookmarked yet (mine stay as they are);
        saved once. Returns how many were added."""
        added = [s for s in sessions if s.id not in self.agenda]
        for session in added:
            priority = (priorities or {}).get(session.id, Priority.MUST)
            self.bookmarks.set(bookmark_for(session, priority, self.clock.now()))
        if added:
            self._save_bookmarks()
        return len(added)

    def remove_bookmark(self, session_id: str) -> Agenda:
        self.bookmarks.remove(session_id)
        return self._save_bookmarks()

    def cycle_priority(self, session_id: str) -> Agenda:
        """Must attend ↔ maybe; a session not yet bookmarked becomes 'must attend'."""
        mark = self.agenda.get(session_id)
        session = self.catalogue.sessions.get(session_id)
        if mark is not None:
            self.bookmarks.set(replace(mark, priority=mark.priority.next()))
        elif session is not None:
            self.bookmarks.set(bookmark_for(session, Priority.MUST, self.clock.now()))
        return self._save_bookmarks()

    def _save_bookmarks(self) -> Agenda:
        try:
            problem = self.bookmarks.save()
        except OSError as error:
            if self._bookmark_retry is None:
                self._tell(_("Bookmarks could not be saved ({why}). They are kept while "
                             "confterm runs; retrying every {seconds} s.").format(
                    why=error.strerror or error, seconds=f"{RETRY_SECONDS:.0f}"),
                    severity="error", timeout=15)
                self._bookmark_retry = self.scheduler.every(RETRY_SECONDS,
                                                            self.retry_bookmarks)
        else:
            if problem:
                self._tell(problem, severity="warning", timeout=20)
        self.agenda_changed.publish(self.agenda)
        return self.agenda

    def retry_bookmarks(self) -> None:
        try:
            self.bookmarks.save()
        except OSError:
            return
        if self._bookmark_retry is not None:
            self._bookmark_retry.stop()
            self._bookmark_retry = None
        self.agenda_changed.publish(self.agenda)
        self._tell(_("Bookmarks saved."), timeout=4)

    # -- reloading ------------------------------------------------------------------
    def reload_work(self) -> Callable[[], Opened] | None:
        """What reads the programme again (to run off the interface's thread), or
        None when it cannot be reloaded. Says that it has begun."""
        from confterm.opening.sources import reopen

        if self.source is None:
            self._tell(_("This programme cannot be reloaded."), timeout=4)
            return None
        what = _("Downloading {place}…") if self.source.is_remote else _("Reading {place}…")
        self._tell(what.format(place=shown(self.source.location)), title=_("Reloading"),
                   timeout=3)
        return partial(reopen, self.source, deadline=float(self.settings.download_seconds),
                       breathe=self.scheduler.breathe)

    # -- following the programme ---------------------------------------------------
    def start_refreshing(self) -> None:
        """Look for a new version every ``refresh_minutes`` (and now, behind the
        first screen, when the copy in use is older than that)."""
        minutes = self.settings.refresh_minutes
        if minutes > 0 and self.source is not None:
            self.scheduler.every(minutes * 60, self.refresh)
            if self.refresh_due():
                self.scheduler.later(0, self.refresh)

    def refresh(self) -> None:
        """Look for a new version, quietly: a URL asked with a conditional
        request, a file read again only when it changed. A failure shows only as
        the offline note; a change is told only where it touches a bookmark."""
        work = self.refresh_work()
        if work is not None:
            self.scheduler.read_again(self._compared(work), partial(self._read_again, quiet=True),
                                      quiet=True)

    def reload(self) -> None:
        """Read the programme again now (``r``), and say what came of it."""
        work = self.reload_work()
        if work is not None:
            self.scheduler.read_again(self._compared(work),
                                      partial(self._read_again, quiet=False), quiet=False)

    def _compared(self, work: Callable[[], Opened]) -> Callable[[], Compared | ProgrammeError]:
        return _attempt(work, self.catalogue.programme, frozenset(self.agenda.bookmarks),
                        self.scheduler.breathe)

    def _read_again(self, result: Compared | ProgrammeError, *, quiet: bool) -> None:
        if isinstance(result, ProgrammeError):
            if not quiet:
                self.reload_failed(result)
        else:
            self.reloaded(result.opened, quiet=quiet, compared=result)
        self.refreshed += 1

    def refresh_work(self) -> Callable[[], Opened] | None:
        """What checks for a new version quietly (an automatic refresh), or None
        when there is nothing to check: no source, or a file not touched since."""
        from confterm.opening.sources import reopen

        source = self.source
        if source is None or (not source.is_remote and _stamp(source) == self._file_stamp):
            return None
        return partial(reopen, source, deadline=float(self.settings.download_seconds),
                       breathe=self.scheduler.breathe)

    def refresh_due(self) -> bool:
        """Whether the copy in use is older than the refresh interval (at start)."""
        source, minutes = self.source, self.settings.refresh_minutes
        if source is None or not minutes or not source.is_remote or source.fetched_at is None:
            return False
        age = dt.datetime.now(dt.UTC) - source.fetched_at
        return age > dt.timedelta(minutes=minutes)

    def reload_failed(self, error: ProgrammeError) -> None:
        count = len(error.problems)
        head = ngettext("{file}: {count} problem found; the file was not loaded.",
                        "{file}: {count} problems found; the file was not loaded.",
                        count).format(file=error.source, count=count)
        self._tell(error.report(head), title=_("Reload failed"), severity="error", timeout=15)

    def reloaded(self, opened: Opened, *, quiet: bool = False,
                 compared: Compared | None = None) -> Reloaded | None:
        """Take the programme read again; announce it if it changed. *quiet* (an
        automatic refresh): nothing is said unless something changed. *compared*:
        the differences found while reading (used if still against this programme)."""
        from confterm.model.changes import compare

        before = self.catalogue
        if compared is not None and compared.before is not before.programme:
            compared = None  # another programme came meanwhile: compared here again
        same = compared.same if compared else opened.programme == before.programme
        self.source = opened
        self._file_stamp = _stamp(opened)
        self.status_changed.publish(self.status)
        if quiet and same:
            return None  # the same (a 304, or the same bytes): nothing to draw
        if opened.offline and not quiet:
            self._tell(_("Still using the copy fetched {when} ({why}).").format(
                when=f"{opened.fetched_at:%Y-%m-%d %H:%M}", why=shown(opened.error)),
                title=_("Offline"), severity="warning", timeout=10)
        if same:
            if not opened.offline:
                self._tell(_("The programme has not changed."), title=_("Up to date"),
                           timeout=4)
            return None
        changes = (compared.changes if compared else
                   compare(before.programme, opened.programme, self.agenda.bookmarks))
        self._note_changes(seen_changes(changes, before.programme, opened.programme,
                                        self.clock.now()), opened.programme.id)
        moved = opened.moved_note()
        if opened.moved_from is not None:
            self.bookmarks, problem = self.bookmarks.moved_to(opened.programme.id)
            if problem:
                self._tell(problem, severity="warning", timeout=20)
        self.catalogue = (compared.catalogue if compared and compared.catalogue
                          else Catalogue(opened.programme, translate=_))
        reloaded = Reloaded(before, self.catalogue, changes, moved, quiet)
        self.agenda_changed.publish(self.agenda)
        self.programme_changed.publish(reloaded)
        if not changes and not moved and not quiet:
            self._tell(_("The programme was updated."), timeout=4)
        return reloaded

    def _note_changes(self, found: list[Seen], programme_id: str) -> None:
        if not found:
            return
        try:
            self.changes_seen = add_changes(programme_id, found)
        except OSError:  # kept for this run: the marks still show
            self.changes_seen = [*self.changes_seen, *found]
        self.changes_noted.publish(self.changes_seen)

    @property
    def unseen_changes(self) -> dict[str, Seen]:
        """The latest change of each session not looked at yet, by session id."""
        return {change.session: change for change in self.changes_seen if not change.seen}

    @property
    def latest_changes(self) -> dict[str, Seen]:
        """The latest change kept of each session, by session id (what it was)."""
        return {change.session: change for change in self.changes_seen}

    def look_at_changes(self) -> None:
        """The user has seen the changes: their marks go."""
        if not self.unseen_changes:
            return
        try:
            self.changes_seen = mark_seen(self.programme.id)
        except OSError:
            self.changes_seen = [replace(c, seen=True) for c in self.changes_seen]
        self.changes_noted.publish(self.changes_seen)

    # -- export -----------------------------------------------------------------------
    def default_export_path(self) -> Path:
        from confterm.storage.paths import safe_file_name

        # The id comes from the programme: as a file name it must not leave the folder.
        return Path.home() / f"{safe_file_name(self.programme.id)}-agenda.ics"

    def export_agenda(self, path: Path) -> bool:
        """Write the agenda as an iCalendar file; say how it went."""
        from confterm.formats.ics_export import to_ics
        from confterm.storage.atomic import write_export

        sessions = self.agenda.sessions(self.catalogue)
        try:  # a link's target is written, a FIFO written into (see write_export)
            write_export(path, to_ics(sessions, self.catalogue, lang=self.lang,
                                      agenda=self.agenda,
                                      alarm_minutes=self.settings.reminder_minutes))
        except OSError as error:
            self._tell(_("Could not write {path}: {why}").format(
                path=shown(path), why=error.strerror or error), severity="error", timeout=10)
            return False
        self._tell(ngettext("Wrote {count} session to {path}",
                            "Wrote {count} sessions to {path}", len(sessions)).format(
                       count=len(sessions), path=shown(path)),
                   title=_("Calendar exported"), timeout=8)
        return True

    # -- settings (written shortly after the last change, off the drawing thread) -----
    def remember(self, state: BrowseState) -> None:
        if self.settings.state_for(self.programme.id) != state:
            self.settings = self.settings.with_state(self.programme.id, state)
            self._save_soon()

    def remember_language(self, lang: str) -> None:
        self._update(language=lang)

    def remember_local_time(self, local: bool) -> None:
        self._update(local_time=local)

    def remember_theme(self, name: str) -> None:
        self._update(ui_theme=name)

    def _update(self, **changes: object) -> None:
        updated = replace(self.settings, **changes)  # type: ignore[arg-type]
        if updated != self.settings:
            self.settings = updated
            self._save_soon()

    def _save_soon(self) -> None:
        self._dirty = True
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.scheduler.later(SAVE_DELAY, self._save_in_background)

    def _save_in_background(self) -> None:
        # A synced write can take a while on a slow disk.
        self.scheduler.in_background(self._write_settings, self._saved)

    def _saved(self, error: OSError | None) -> None:
        if error is None:
            return
        self._tell(_("Could not save settings to {path}: {why}. Retrying in {seconds} s.")
                   .format(path=shown(self.settings_file), why=error.strerror or error,
                           seconds=f"{RETRY_SECONDS:.0f}"), severity="error", timeout=10)
        self._save_timer = self.scheduler.later(RETRY_SECONDS, self._save_in_background)

    def _write_settings(self) -> OSError | None:
        """Write the newest settings if they changed. One write at a time, so the
        last to finish holds the newest state."""
        with self._save_lock:
            if not self._dirty:
                return None
            settings, self._dirty = self.settings, False
            try:
                save_settings(settings, self.settings_file)
            except OSError as error:
                self._dirty = True
                return error
            return None

    def close(self) -> bool:
        """Save what is unsaved before quitting. False when bookmarks could not be
        saved and the user has not yet been told (quitting again leaves anyway)."""
        self._saved(self._write_settings())
        if self.bookmarks.dirty:
            try:
                self.bookmarks.save()
            except OSError as error:
                if not self._quit_asked:
                    self._quit_asked = True
                    self._tell(_("Bookmarks could not be saved ({why}). Quit again to leave "
                                 "without them, or free the disk first.").format(
                                     why=error.strerror or error),
                               severity="error", timeout=15)
                    return False
        return True
