"""The browser's ways elsewhere: the other screens (agenda, people, now and
next, details, export, help), another programme or time zone, and the
languages and time zones it is shown in. A part of ``BrowserScreen``, apart
only to keep each file about one thing."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from confterm.i18n import _, set_language
from confterm.model.programme import Session
from confterm.model.text import clip
from confterm.ui.render import Display
from confterm.wording import language_name

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from confterm.conference.service import Conference
    from confterm.model.agenda import Agenda
    from confterm.model.view import ScheduleView
    from confterm.ui.widgets.session_list import SessionList
    from confterm.ui.widgets.timetable_grid import TimetableGrid


class Elsewhere:
    if TYPE_CHECKING:  # what BrowserScreen gives it
        app: App[object]
        conference: Conference
        view: ScheduleView
        display_options: Display
        agenda: Agenda
        grid: bool

        @property
        def sessions_widget(self) -> SessionList | TimetableGrid: ...
        def go_to_session(self, session: Session) -> None: ...

    def action_toggle_language(self) -> None:
        languages = list(self.view.programme.languages) or ["en"]
        current = self.display_options.lang
        following = languages[(languages.index(current) + 1) % len(languages)
                              if current in languages else 0]
        self.set_language(following)

    def set_language(self, lang: str) -> None:
        set_language(lang)  # first: what the bound widgets draw next is in it
        self.display_options = Display(lang, self.display_options.zone)
        self.conference.remember_language(lang)
        self.app.notify(_("Language: {lang}").format(lang=clip(language_name(lang), 40)),
                        timeout=2, markup=False)

    def action_toggle_zone(self) -> None:
        local = self.display_options.zone is not None
        zone = None if local else self.view.programme.zone
        self.display_options = Display(self.display_options.lang, zone)
        self.conference.remember_local_time(local)
        message = _("Times shown in {zone}").format(
            zone=self.display_options.zone_name(self.view.programme))
        self.app.notify(message, timeout=2, markup=False)

    def _going_to(self, session: Session | None) -> None:
        """Where a screen opened from here (agenda, people) sends the user back."""
        if session is not None:
            self.go_to_session(session)

    def action_agenda(self) -> None:
        from confterm.ui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(self.conference, self.display_options),
                             self._going_to)

    def action_people(self, text: str = "") -> None:
        from confterm.ui.screens.people import PeopleScreen

        if not self.view.programme.people:
            self.app.notify(_("This programme names nobody."), timeout=3, markup=False)
            return
        self.app.push_screen(PeopleScreen(self.view.catalogue, self.agenda,
                                          self.display_options, text), self._going_to)

    def action_changes(self) -> None:
        """The changes refreshes saw; looking at them takes their marks away."""
        from confterm.ui.screens.change_log import ChangeLogScreen

        conference = self.conference
        self.app.push_screen(ChangeLogScreen(list(conference.changes_seen), conference.agenda,
                                             self.display_options))
        conference.look_at_changes()

    def action_now_next(self) -> None:
        from confterm.ui.screens.now_next import NowNextScreen

        moment = self.conference.clock.now()
        self.app.push_screen(NowNextScreen(self.view.catalogue, self.agenda,
                                           self.display_options, moment))

    def action_choose_zone(self) -> None:
        """Choose the programme's time zone from every IANA zone, typed to narrow;
        the programme is opened again in it (and remembered so)."""
        from confterm.ui.commands import ZoneChoices
        from confterm.ui.screens.once import palette

        if self.conference.source is None:
            self.app.bell()
            return
        self.app.push_screen(palette(providers=[ZoneChoices],
                                            placeholder=_("Type a city or a zone…")))

    def set_programme_zone(self, zone: str) -> None:
        source = self.conference.source
        if source is not None:
            self._open(source.location, zone)

    def _open(self, location: str, zone: str | None = None) -> None:
        from confterm.ui.opening import open_in_background

        open_in_background(self, location, zone,  # type: ignore[arg-type]
                            float(self.conference.settings.download_seconds))

    def action_open(self) -> None:
        from confterm.ui.screens.open_programme import OpenScreen

        def open_it(chosen: tuple[str, str | None] | None) -> None:
            if chosen is not None:
                self._open(*chosen)

        today = self.conference.clock.now().date()
        source = self.conference.source
        self.app.push_screen(OpenScreen(today, source.location if source else None), open_it)

    def action_export(self) -> None:
        from confterm.ui.screens.export import ask_export

        ask_export(self.app, self.conference)

    def action_help(self) -> None:
        from confterm.ui.screens.help import HelpScreen

        # The grid's keys when it is shown (the list's are the usual ones, said
        # anyway), this screen's and the app's own, as currently mapped.
        screen = cast("DOMNode", self)
        nodes = (self.sessions_widget, screen, self.app) if self.grid else (screen, self.app)
        keys = [binding for node in nodes
                for bindings in node._bindings.key_to_bindings.values()
                for binding in bindings if binding.id is not None and binding.action != "select"]
        self.app.push_screen(HelpScreen(self.view.programme, self.display_options, keys))

    def open_details(self, session: Session) -> None:
        from confterm.ui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(session, self.conference, self.display_options))
