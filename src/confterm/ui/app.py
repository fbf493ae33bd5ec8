"""The confterm application: wires the conference service to the screens.

The ``Conference`` (``confterm.conference``) holds the programme, bookmarks,
settings and clock; the app lends it timers and threads, shows its notices,
runs reloads off the drawing thread and opens the report of what changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from confterm.collection import IdleCollector
from confterm.conference.service import Conference, Notice, Reloaded
from confterm.i18n import N_, _
from confterm.model.clock import Clock
from confterm.model.programme import Programme
from confterm.model.text import clip
from confterm.opening.sources import Opened
from confterm.storage.settings import settings_path
from confterm.ui.render import Display, wrapped
from confterm.ui.scheduler import AppScheduler
from confterm.ui.screens.browser import BrowserScreen

#: Seconds between checks whether the user pauses (to collect garbage then).
COLLECT_CHECK = 0.25
#: Seconds between updates of the clock (now line, reminders).
TICK_SECONDS = 15
#: Below this width notices go to the browser's notice line, not over the list.
NARROW_TOASTS = 100
#: A toast's width (Textual's Toast: 60 cells, at most half the screen) and what its
#: padding and border take of it.
TOAST_WIDTH, TOAST_FRAME = 60, 3
#: Textual's own commands, by their title, as the interface says them (its
#: keys panel is left out: it lists every binding in English).
SYSTEM_COMMANDS = {
    "Quit": (N_("Quit"), N_("Quit the application as soon as possible")),
    "Minimize": (N_("Minimize"), N_("Minimize the widget and restore to normal size")),
    "Maximize": (N_("Maximize"), N_("Maximize the focused widget")),
    "Screenshot": (N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen")),
}
#: Key names as Textual shows them, translated where the interface's language
#: has its own words for them.
KEY_NAMES = {"space": N_("space"), "esc": N_("esc"), "tab": N_("tab"), "pgup": N_("pgup"),
             "pgdn": N_("pgdn"), "del": N_("del"), "home": N_("home"), "end": N_("end")}


class ConftermApp(App[Opened | None]):
    CSS_PATH = Path(__file__).with_name("confterm.tcss")
    TITLE = "confterm"
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="quit", tooltip=N_("Quit")),
        Binding("r", "reload", N_("Reload"), show=False, id="reload",
                tooltip=N_("Reload the programme (a URL is downloaded again); changes are listed")),
    ]

    def __init__(self, programme: Programme, *, now: dt.datetime | None = None,
                 clock: Clock | None = None, settings_file: Path | None = None,
                 bookmarks_file: Path | None = None, source: Opened | None = None) -> None:
        super().__init__()
        if now is not None and now.tzinfo is None:  # a bare time means conference time
            now = now.replace(tzinfo=programme.zone)
        self.collector = IdleCollector()
        #: Timers and threads for the conference; its threads give way to input.
        self.scheduler = AppScheduler(self, lambda: self.collector.last_input)
        self.conference = Conference(
            programme, self.scheduler, clock=clock or Clock(now),
            settings_file=settings_file or settings_path(), bookmarks_file=bookmarks_file,
            source=source)
        self.conference.notices.subscribe(self, self._show_notice)
        self.conference.programme_changed.subscribe(self, self._report_changes)
        #: Where the details of an unexpected error were written, if one happened.
        self.crash_log: Path | None = None

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands in the interface's language, the colour themes
        as one "Colour theme…" entry (it lists them), not to be confused with the
        programme's themes; not Textual's keys panel, which speaks English only
        (``?`` is the help, in either language)."""
        for command in super().get_system_commands(screen):
            if command.callback == self.action_change_theme:
                yield SystemCommand(_("Colour theme…"), _(
                    "Choose the interface's colours (dark, light, high contrast…)"),
                    command.callback)
            elif command.title in SYSTEM_COMMANDS:
                title, help_text = SYSTEM_COMMANDS[command.title]
                yield SystemCommand(_(title), _(help_text), command.callback,
                                    command.discover)

    def action_command_palette(self) -> None:
        """Textual's command palette, its prompt in the interface's language."""
        from textual.command import CommandPalette

        from confterm.ui.screens.once import palette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(palette(id="--command-palette",
                                     placeholder=_("Search for commands…")))

    def get_key_display(self, binding: Binding) -> str:
        """A key as the interface names it ("espace", "échap" in French)."""
        shown = super().get_key_display(binding)
        *modifiers, key = shown.split("+")
        if key in KEY_NAMES:
            key = _(KEY_NAMES[key])
        return "+".join([*modifiers, key])

    def notify(self, message: str, *, title: str = "",
               severity: SeverityLevel = "information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every toast shows its text literally, whoever asks for it: titles, rooms,
        cities, file names and server answers are never read as markup (a title
        such as ``[@click=…]`` would otherwise become an action). Screens' and
        widgets' ``notify`` come here too. Below 100 columns a toast would cover
        half the list: what is not an error is said in the browser's notice line
        instead, for as long."""
        screen = self.screen
        if (severity != "error" and self.size.width < NARROW_TOASTS
                and isinstance(screen, BrowserScreen)):
            said = _("{title}: {message}").format(title=title, message=message)
            screen.say(said if title else message, severity,
                       timeout if timeout is not None else self.NOTIFICATION_TIMEOUT)
            return
        # Textual's toast would wrap at a no-break space ("titre\u00a0: …" with the
        # colon first on a line); lines made to fit its width are left as they are.
        if "\u00a0" in message:
            message = wrapped(message, min(TOAST_WIDTH, self.size.width // 2) - TOAST_FRAME)
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
        return BrowserScreen(self.conference)

    def on_ready(self) -> None:
        # The command line paused the collector for start-up; from the first
        # frame on it runs in the pauses between keys (see confterm.collection).
        self.collector.start()
        self.set_interval(COLLECT_CHECK, self.collector.tick)

    def on_unmount(self) -> None:
        self.collector.stop()
        self._signals(None)

    def _signals(self, handler: Callable[[], None] | None) -> None:
        """End as ``q`` does on SIGTERM (a kill) and SIGHUP (the terminal closed):
        what is unsaved is saved and Textual restores the terminal (the alternate
        screen left, mouse reporting off), which Python's default ending skips."""
        import asyncio
        import contextlib
        import signal

        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                if handler is None:
                    loop.remove_signal_handler(number)
                else:
                    loop.add_signal_handler(number, handler)

    def _signalled(self) -> None:
        self.conference.close()  # nobody is left to ask about bookmarks not saved
        self.exit()

    def breathe(self) -> None:
        """Called by background work between steps, in its thread: the
        interface's thread goes first, and keys pressed meanwhile have it to
        themselves (``confterm.ui.background.breather``)."""
        self.scheduler.breathe()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.collector.note_input()
        await super().on_event(event)

    def on_mount(self) -> None:
        from confterm.ui.themes import HIGH_CONTRAST

        self.register_theme(HIGH_CONTRAST)
        conference = self.conference
        if conference.settings.ui_theme in self.available_themes:
            self.theme = conference.settings.ui_theme
        self.theme_changed_signal.subscribe(
            self, lambda theme: conference.remember_theme(theme.name))
        if conference.settings.keys:
            self._apply_keymap(conference.settings.keys)
        for notice in conference.opening_notices():
            self._show_notice(notice)
        conference.tick()
        self.set_interval(TICK_SECONDS, conference.tick)
        conference.start_refreshing()
        self._signals(self._signalled)

    def _show_notice(self, notice: Notice) -> None:
        self.notify(notice.message, title=notice.title, severity=notice.severity,
                    timeout=notice.timeout, markup=False)
        if notice.bell:
            self.bell()

    def _apply_keymap(self, keys: dict[str, str]) -> None:
        """The user's remapping, without what would take ctrl+q; problems are shown."""
        from confterm.ui.keymap import binding_ids, keymap_problems, usable_keymap

        problems = keymap_problems(keys, binding_ids())
        if problems:
            self.notify(_("Key settings: {problems}.").format(problems="; ".join(problems)),
                        title=_("Settings"),
                        severity="warning", timeout=20, markup=False)
        self.set_keymap(usable_keymap(keys))

    # -- reloading --------------------------------------------------------------------
    def action_reload(self) -> None:
        self.conference.reload()

    def _report_changes(self, reloaded: Reloaded) -> None:
        from confterm.ui.screens.changes import ChangesScreen

        if not reloaded.changes and not reloaded.moved_note:
            return
        if reloaded.quiet:  # found by itself: a word where a bookmark changed, no more
            conference = self.conference
            for session, now in reloaded.bookmarks_changed(conference.agenda.bookmarks,
                                                             conference.lang):
                self.notify(_("Your bookmark changed: {title} — {now}").format(
                    title=clip(session.title.get(conference.lang)), now=now),
                    title=_("Programme updated"), severity="warning", timeout=20,
                    markup=False)
                if conference.settings.bell:
                    self.bell()
            return
        self.clear_notifications()  # "Reloading…" is over: the report says what came
        conference = self.conference
        self.push_screen(ChangesScreen(reloaded.changes, reloaded.before,
                                       reloaded.after, conference.agenda,
                                       Display(conference.lang, conference.zone),
                                       note=reloaded.moved_note))

    async def action_quit(self) -> None:
        if self.conference.close():
            self.exit()
