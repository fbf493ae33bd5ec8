"""The confterm application: wires the programme, settings and the browser screen.

Only the app reads and writes user files (through ``confterm.storage``);
screens ask it to remember state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.timer import Timer

from confterm.model.clock import Clock
from confterm.model.programme import Programme
from confterm.model.view import ScheduleView
from confterm.storage.settings import (
    BrowseState,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)
from confterm.ui.commands import DayCommands, LanguageCommands, SessionCommands, ThemeCommands
from confterm.ui.render import Display
from confterm.ui.screens.browser import BrowserScreen

#: Remembered state is written this long after the last change (and on quit).
SAVE_DELAY = 0.5


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
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, programme: Programme, *, now: dt.datetime | None = None,
                 clock: Clock | None = None, settings_file: Path | None = None) -> None:
        super().__init__()
        self.programme = programme
        self.clock = clock or Clock(now)
        self.settings_file = settings_file or settings_path()
        loaded = load_settings(self.settings_file)
        self.settings: Settings = loaded.settings
        self._settings_problem = loaded.problem
        self._save_timer: Timer | None = None
        self._dirty = False

    def get_default_screen(self) -> BrowserScreen:
        state = self.settings.state_for(self.programme.id)
        view = ScheduleView.of(self.programme)
        catalogue = view.catalogue
        view = (view.on_day(opening_day(self.programme, self.clock.now(), state.day))
                .in_tracks(*(t for t in state.tracks if t in catalogue.tracks))
                .with_themes(*(t for t in state.themes if t in catalogue.themes)))
        lang = self.settings.language
        if lang not in self.programme.languages:
            lang = self.programme.languages[0] if self.programme.languages else "en"
        zone = None if self.settings.local_time else self.programme.zone
        return BrowserScreen(view, Display(lang, zone))

    def on_mount(self) -> None:
        if self.settings.ui_theme in self.available_themes:
            self.theme = self.settings.ui_theme
        self.theme_changed_signal.subscribe(self, lambda theme: self._update(
            ui_theme=theme.name))
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self._settings_problem:
            self.notify(self._settings_problem, severity="warning", timeout=15)
        self._tick()
        self.set_interval(15, self._tick)

    @property
    def browser(self) -> BrowserScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, BrowserScreen)
        return screen

    def _tick(self) -> None:
        self.browser.now = self.clock.now()

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
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        if not self._dirty:
            return
        try:
            save_settings(self.settings, self.settings_file)
        except OSError as error:
            self.notify(f"Could not save settings to {self.settings_file}: "
                        f"{error.strerror or error}", severity="error", timeout=10)
            return
        self._dirty = False

    async def action_quit(self) -> None:
        self.save_now()
        self.exit()
