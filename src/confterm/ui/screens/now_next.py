"""What is on now and what starts next, in conference time, bookmarks first."""

from __future__ import annotations

import datetime as dt

from textual.binding import Binding
from textual.content import Content

from confterm.i18n import N_, _
from confterm.model.agenda import Agenda, now_and_next
from confterm.model.programme import Session
from confterm.model.view import Catalogue
from confterm.timefmt import day_tab, full_date
from confterm.ui.render import Display, brief_row
from confterm.ui.screens.text_dialog import TextDialog


class NowNextScreen(TextDialog):
    DIALOG_ID = "now-next-dialog"
    BINDINGS = [Binding("escape,n,q", "dismiss", N_("Close"), id="close-now-next")]

    def __init__(self, catalogue: Catalogue, agenda: Agenda, display: Display,
                 moment: dt.datetime) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.agenda = agenda
        self.display_options = display
        self.moment = moment

    def _content(self) -> Content:
        catalogue, display = self.catalogue, self.display_options
        result = now_and_next(catalogue, self.agenda, self.moment)
        local = self.moment.astimezone(display.zone)
        parts: list[str | Content | tuple[str, str]] = [
            (f"{full_date(local.date())}, {local:%H:%M}", "bold"),
            (f" · {display.zone_name(catalogue.programme)}", "dim"), "\n\n",
            (_("Now"), "bold underline"), "\n"]
        parts += self._lines(result.now) or [(_("Nothing is running."), "dim"), "\n"]
        parts += ["\n", (_("Next"), "bold underline"), "\n"]
        parts += self._lines(result.next) or [(_("Nothing more in the programme."), "dim"),
                                              "\n"]
        return Content.assemble(*parts)

    def _lines(self, sessions: list[Session]) -> list[str | Content | tuple[str, str]]:
        width = self.content_width
        lines: list[str | Content | tuple[str, str]] = []
        today = self.moment.astimezone(self.display_options.zone).date()
        shown_day = today
        for session in sessions:
            day = session.start.astimezone(self.display_options.zone).date()
            if day != shown_day:  # a session on another day says which
                lines += [(day_tab(day, None), "bold"), "\n"]
                shown_day = day
            lines += [brief_row(session, self.catalogue, self.display_options,
                                self.agenda.get(session.id), width), "\n"]
        return lines
