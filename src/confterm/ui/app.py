"""The confterm application: wires the programme, settings and the browser screen.

Only the app reads and writes user files (through ``confterm.storage``);
screens ask it to remember state.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.timer import Timer

from confterm.collection import IdleCollector
from confterm.model.agenda import Agenda, Priority, bookmark_for, due_reminders
from confterm.model.clock import Clock
from confterm.model.programme import Programme, Session
from confterm.model.text import clip, shown
from confterm.model.view import ScheduleView
from confterm.opening.sources import Opened
from confterm.storage.bookmarks import BookmarkStore
from confterm.storage.settings import (
    BrowseState,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)
from confterm.timefmt import time_range
from confterm.ui.commands import DayCommands, LanguageCommands, SessionCommands, ThemeCommands
from confterm.ui.render import Display
from confterm.ui.screens.browser import BrowserScreen
from confterm.wording import offline_note

#: Remembered state is written this long after the last change (and on quit).
SAVE_DELAY = 0.5
#: Seconds between checks whether the user pauses (to collect garbage then).
COLLECT_CHECK = 0.25
#: Seconds between attempts to save bookmarks after a failure.
BOOKMARK_RETRY = 30.0


def opening_day(programme: Programme, now: dt.datetime, remembered: dt.date | None) -> dt.date:
    """Today while the conference runs (in its own zone); else the remembered day; else day 1."""
    dates = [d.date for d in programme.days]
    today = now.astimezone(programme.zone).date()
    if today in dates:
        return today
    return remembered if remembered is not None and remembered in dates else dates[0]


class ConftermApp(App[None]):
    CSS_PATH = Path(__file__).with_name("confterm.tcss")
    TITLE = "confterm"
    COMMANDS = App.COMMANDS | {SessionCommands, DayCommands, ThemeCommands, LanguageCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit"),
        Binding("r", "reload", "Reload", show=False, id="reload",
                tooltip="Reload the programme (a URL is downloaded again); changes are listed"),
    ]

    def __init__(self, programme: Programme, *, now: dt.datetime | None = None,
                 clock: Clock | None = None, settings_file: Path | None = None,
                 bookmarks_file: Path | None = None, source: Opened | None = None) -> None:
        super().__init__()
        self.programme = programme
        #: Where the programme came from, for reloading (None: not reloadable).
        self.source = source
        if now is not None and now.tzinfo is None:  # a bare time means conference time
            now = now.replace(tzinfo=programme.zone)
        self.clock = clock or Clock(now)
        self.settings_file = settings_file or settings_path()
        loaded = load_settings(self.settings_file)
        self.settings: Settings = loaded.settings
        self._settings_problem = loaded.problem
        self._save_timer: Timer | None = None
        self._dirty = False
        self._save_lock = threading.Lock()
        self.bookmarks, self._bookmarks_problem = BookmarkStore.open(programme.id,
                                                                    bookmarks_file)
        self._bookmark_retry: Timer | None = None
        #: Sessions already reminded of in this run.
        self.reminded: set[str] = set()
        self._quit_asked = False
        self.collector = IdleCollector()
        #: Where the details of an unexpected error were written, if one happened.
        self.crash_log: Path | None = None

    def notify(self, message: str, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every toast shows its text literally, whoever asks for it: titles, rooms,
        cities, file names and server answers are never read as markup (a title
        such as ``[@click=…]`` would otherwise become an action). Screens' and
        widgets' ``notify`` come here too."""
        super().notify(message, title=title, severity=severity, timeout=timeout,
                       markup=False)

    def _handle_exception(self, error: Exception) -> None:
        # An unforeseen error ends the app (exit status 1, see cli); its traceback
        # goes to a log file that the command line names, never to the terminal.
        import traceback

        from confterm.storage.crash import write_crash_log

        self.crash_log = write_crash_log("".join(traceback.format_exception(error)))
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        # Textual's own would print the traceback, with local variables, on exit.
        self.bell()
        self._close_messages_no_wait()

    def get_default_screen(self) -> BrowserScreen:
        state = self.settings.state_for(self.programme.id)
        view = (ScheduleView.of(self.programme)
                .on_day(opening_day(self.programme, self.clock.now(), state.day))
                .keeping(state.tracks, state.themes))
        lang = self.settings.language
        if lang not in self.programme.languages:
            lang = self.programme.languages[0] if self.programme.languages else "en"
        zone = None if self.settings.local_time else self.programme.zone
        return BrowserScreen(view, Display(lang, zone), self.bookmarks.agenda,
                             self.source_status())

    def on_ready(self) -> None:
        # The command line paused the collector for start-up; from the first
        # frame on it runs in the pauses between keys (see confterm.collection).
        self.collector.start()
        self.set_interval(COLLECT_CHECK, self.collector.tick)

    def on_unmount(self) -> None:
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.collector.note_input()
        await super().on_event(event)

    def on_mount(self) -> None:
        if self._bookmarks_problem:
            self.notify(self._bookmarks_problem, severity="warning", timeout=20, markup=False)
        if self.settings.ui_theme in self.available_themes:
            self.theme = self.settings.ui_theme
        self.theme_changed_signal.subscribe(self, lambda theme: self._update(
            ui_theme=theme.name))
        if self.settings.keys:
            self._apply_keymap(self.settings.keys)
        if self._settings_problem:
            self.notify(self._settings_problem, severity="warning", timeout=15, markup=False)
        moved = self.source.moved_note() if self.source is not None else None
        if moved:
            self.notify(moved, title="Bookmarks moved", timeout=15, markup=False)
        self._tick()
        self.set_interval(15, self._tick)

    @property
    def browser(self) -> BrowserScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, BrowserScreen)
        return screen

    def _apply_keymap(self, keys: dict[str, str]) -> None:
        """The user's remapping, without what would take ctrl+q; problems are shown."""
        from confterm.ui.keymap import QUIT_KEY, binding_ids, keymap_problems

        problems = keymap_problems(keys, binding_ids())
        if problems:
            self.notify("Key settings: " + "; ".join(problems) + ".", title="Settings",
                        severity="warning", timeout=20, markup=False)
        self.set_keymap({binding_id: value for binding_id, value in keys.items()
                         if QUIT_KEY not in (k.strip() for k in value.split(","))})

    def _tick(self) -> None:
        now = self.clock.now()
        self.browser.now = now
        self.check_reminders(now)

    # -- bookmarks (only the app touches the file) ----------------------------------
    def toggle_bookmark(self, session: Session) -> Agenda:
        if session.id in self.bookmarks.agenda:
            return self.remove_bookmark(session.id)
        self.bookmarks.set(bookmark_for(session, Priority.MUST, self.clock.now()))
        agenda = self._save_bookmarks()
        clashes = agenda.clashes_with(session, self.browser.view.catalogue)
        if clashes:
            lang, zone = self.browser.display_options.lang, self.browser.display_options.zone
            names = "; ".join(f"{clip(s.title.get(lang))} ({time_range(s, zone)})" for s in clashes)
            message = f"Clashes with {names}"
            self.notify(message, title="Bookmarked, with a clash", severity="warning",
                        timeout=8, markup=False)
        return agenda

    def remove_bookmark(self, session_id: str) -> Agenda:
        self.bookmarks.remove(session_id)
        return self._save_bookmarks()

    def cycle_priority(self, session_id: str) -> Agenda:
        """Must attend ↔ maybe; a session not yet bookmarked becomes 'must attend'."""
        mark = self.bookmarks.agenda.get(session_id)
        session = self.browser.view.catalogue.sessions.get(session_id)
        if mark is not None:
            self.bookmarks.set(replace(mark, priority=mark.priority.next()))
        elif session is not None:
            self.bookmarks.set(bookmark_for(session, Priority.MUST, self.clock.now()))
        return self._save_bookmarks()

    def _save_bookmarks(self) -> Agenda:
        """Write at once; on failure keep the changes in memory, say so, and retry."""
        try:
            problem = self.bookmarks.save()
        except OSError as error:
            if self._bookmark_retry is None:
                message = (f"Bookmarks could not be saved ({error.strerror or error}). "
                           "They are kept while confterm runs; retrying every "
                           f"{BOOKMARK_RETRY:.0f} s.")
                self.notify(message, severity="error", timeout=15, markup=False)
                self._bookmark_retry = self.set_interval(BOOKMARK_RETRY, self._retry_save)
        else:
            if problem:
                self.notify(problem, severity="warning", timeout=20, markup=False)
        self.browser.agenda = self.bookmarks.agenda
        return self.bookmarks.agenda

    def _retry_save(self) -> None:
        try:
            self.bookmarks.save()
        except OSError:
            return
        if self._bookmark_retry is not None:
            self._bookmark_retry.stop()
            self._bookmark_retry = None
        self.browser.agenda = self.bookmarks.agenda
        self.notify("Bookmarks saved.", timeout=4, markup=False)

    # -- reloading --------------------------------------------------------------------
    def source_status(self) -> str | None:
        return offline_note(self.source.fetched_at, self.source.offline) if (
            self.source is not None) else None

    def action_reload(self) -> None:
        if self.source is None:
            self.notify("This programme cannot be reloaded.", timeout=4, markup=False)
            return
        what = "Downloading" if self.source.is_remote else "Reading"
        message = f"{what} {shown(self.source.location)}…"
        self.notify(message, title="Reloading", timeout=3, markup=False)
        self.run_worker(self._reload(), exclusive=True, group="reload")

    async def _reload(self) -> None:
        from functools import partial

        from confterm.model.errors import ProgrammeError
        from confterm.opening.sources import reopen
        from confterm.ui.background import in_daemon_thread

        assert self.source is not None
        work = partial(reopen, self.source, deadline=float(self.settings.download_seconds))
        try:
            opened = await in_daemon_thread(work, name="confterm-reload")
        except ProgrammeError as error:
            self.notify(error.report(), title="Reload failed", severity="error", timeout=15,
                        markup=False)
            return
        self._apply_reload(opened)

    def _apply_reload(self, opened: Opened) -> None:
        from confterm.model.changes import compare
        from confterm.model.view import Catalogue
        from confterm.ui.screens.changes import ChangesScreen

        before = self.programme
        self.source = opened
        changes = compare(before, opened.programme, self.bookmarks.agenda.bookmarks)
        browser = self.browser
        browser.status = offline_note(opened.fetched_at, opened.offline)
        if opened.offline:
            message = (f"Still using the copy fetched {opened.fetched_at:%Y-%m-%d %H:%M} "
                       f"({shown(opened.error)}).")
            self.notify(message, title="Offline", severity="warning", timeout=10, markup=False)
        if opened.programme == before:
            if not opened.offline:
                self.notify("The programme has not changed.", title="Up to date", timeout=4,
                            markup=False)
            return
        moved = opened.moved_note()
        if opened.moved_from is not None:
            self.bookmarks, problem = self.bookmarks.moved_to(opened.programme.id)
            if problem:
                self.notify(problem, severity="warning", timeout=20, markup=False)
            browser.agenda = self.bookmarks.agenda
        self.programme = opened.programme
        browser.replace_programme(opened.programme)
        if changes or moved:
            self.clear_notifications()  # "Reloading…" is over: the report says what came
            self.push_screen(ChangesScreen(changes, Catalogue(before),
                                           browser.view.catalogue, self.bookmarks.agenda,
                                           browser.display_options, note=moved))
        else:
            self.notify("The programme was updated.", timeout=4, markup=False)

    def check_reminders(self, now: dt.datetime) -> None:
        """Notify once for each bookmarked session starting soon."""
        due = due_reminders(self.browser.view.catalogue, self.bookmarks.agenda, now,
                            self.settings.reminder_minutes, frozenset(self.reminded))
        display = self.browser.display_options
        for session in due:
            self.reminded.add(session.id)
            minutes = max(1, round((session.start - now).total_seconds() / 60))
            room = clip(self.browser.view.catalogue.room_name(session))
            title = clip(session.title.get(display.lang))
            message = f"{time_range(session, display.zone)} {title}" + (
                f" · {room}" if room else "")
            self.notify(message, title=f"Starts in {minutes} min", timeout=60, markup=False)
            if self.settings.bell:
                self.bell()

    def ask_export(self) -> None:
        from confterm.ui.screens.export import ExportScreen

        agenda = self.bookmarks.agenda
        from confterm.storage.paths import safe_file_name

        # The id comes from the programme: as a file name it must not leave the folder.
        default = Path.home() / f"{safe_file_name(self.programme.id)}-agenda.ics"
        self.push_screen(ExportScreen(default, len(agenda)), self._export_to)

    def _export_to(self, path: Path | None) -> None:
        if path is None:
            return
        from confterm.formats.ics_export import to_ics
        from confterm.storage.atomic import write_export

        catalogue = self.browser.view.catalogue
        agenda = self.bookmarks.agenda
        try:  # a link's target is written, a FIFO written into (see write_export)
            write_export(path, to_ics(agenda.sessions(catalogue), catalogue,
                                      lang=self.browser.display_options.lang, agenda=agenda))
        except OSError as error:
            message = f"Could not write {shown(path)}: {error.strerror or error}"
            self.notify(message, severity="error", timeout=10, markup=False)
            return
        message = f"Wrote {len(agenda.sessions(catalogue))} sessions to {shown(path)}"
        self.notify(message, title="Calendar exported", timeout=8, markup=False)

    # -- remembering --------------------------------------------------------------
    def remember(self, state: BrowseState) -> None:
        if self.settings.state_for(self.programme.id) != state:
            self.settings = self.settings.with_state(self.programme.id, state)
            self._save_soon()

    def remember_language(self, lang: str) -> None:
        self._update(language=lang)

    def remember_local_time(self, local: bool) -> None:
        self._update(local_time=local)

    def _update(self, **changes: object) -> None:
        updated = replace(self.settings, **changes)  # type: ignore[arg-type]
        if updated != self.settings:
            self.settings = updated
            self._save_soon()

    def _save_soon(self) -> None:
        self._dirty = True
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_in_background)

    def _save_in_background(self) -> None:
        # A synced write can take a while on a slow disk: not on the thread that
        # draws and answers keys.
        def write() -> None:
            error = self._write_settings()
            if error is not None:
                self.call_from_thread(self._save_failed, error)

        self.run_worker(write, thread=True, group="settings")

    def save_now(self) -> None:
        error = self._write_settings()
        if error is not None:
            self._save_failed(error)

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

    def _save_failed(self, error: OSError) -> None:
        message = (f"Could not save settings to {shown(self.settings_file)}: "
                   f"{error.strerror or error}. Retrying in {BOOKMARK_RETRY:.0f} s.")
        self.notify(message, severity="error", timeout=10, markup=False)
        self._save_timer = self.set_timer(BOOKMARK_RETRY, self._save_in_background)

    async def action_quit(self) -> None:
        self.save_now()
        if self.bookmarks.dirty:
            try:
                self.bookmarks.save()
            except OSError as error:
                message = (f"Bookmarks could not be saved ({error.strerror or error}). "
                           "Quit again to leave without them, or free the disk first.")
                self.notify(message, severity="error", timeout=15, markup=False)
                if not self._quit_asked:
                    self._quit_asked = True
                    return
        self.exit()
