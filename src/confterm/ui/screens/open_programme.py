"""Open another programme: the ones opened before (on now, upcoming, past), or a
file or URL typed in, with a time zone for a file that names none. Returns the
location chosen and the zone (None: the file's own); the browser opens it."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from confterm.i18n import N_, _, language
from confterm.model.text import clip, shown
from confterm.storage.recent import Recent, in_order, load_recent
from confterm.timefmt import date_span
from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.footer import KeyFooter

WHEN = {"now": ("● ", N_("on now"), "$success bold"), "upcoming": ("○ ", N_("upcoming"), "$accent"),
        "past": ("  ", N_("past"), "dim")}


def recent_row(entry: Recent, today: dt.date) -> Content:
    mark, word, style = WHEN[entry.when(today)]
    dates = (date_span(entry.first_day, entry.last_day)
             if entry.first_day and entry.last_day else "")
    return Content.assemble(
        (mark + _(word).ljust(9), style), " ", (clip(entry.name_in(language()), 80), "bold"),
        f"  {dates}", "\n",
        (f"            {clip(shown(entry.location), 200)}", "dim"))


Chosen = tuple[str, str | None]


class OpenScreen(ClosesOnce, ModalScreen[Chosen | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="cancel-open"),
                Binding("down", "to_recent", N_("Opened before"), show=False,
                        id="open-to-recent")]

    def __init__(self, today: dt.date, current: str | None = None) -> None:
        super().__init__()
        self.today = today
        self.entries = in_order(load_recent(), today)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static(Content.styled(_("Open a programme"), "bold"), markup=False)
            yield Input(placeholder=_("A file or an http(s) URL (pretalx event pages too)"),
                        id="open-location")
            yield Input(placeholder=_("Time zone, for a file that names none (e.g. Europe/Paris)"),
                        id="open-zone")
            yield Static(id="open-problem", markup=False)
            yield Static(Content.styled(
                _("Opened before (↓ or tab to the list, enter opens):"),
                "dim"), markup=False)
            yield OptionList(*[Option(recent_row(e, self.today), id=str(i))
                               for i, e in enumerate(self.entries)], id="open-recent")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The field first: what is typed goes there, and enter opens only what
        # was typed; the list is a ↓ (or tab) away.
        self.query_one(Input).focus()

    def action_to_recent(self) -> None:
        recent = self.query_one(OptionList)
        if recent.option_count:
            recent.focus()
            if recent.highlighted is None:
                recent.highlighted = 0

    @on(Input.Submitted, "#open-location, #open-zone")
    def _typed(self, event: Input.Submitted) -> None:
        value = self.query_one("#open-location", Input).value.strip()
        zone = self._zone()
        if value and zone is not False and self.is_current:
            self.dismiss((value, zone or None))

    def _zone(self) -> str | bool:
        """The zone typed ("" for none), or False (and said why) when it is none."""
        from confterm.model.constraints import check_zone

        zone = self.query_one("#open-zone", Input).value.strip()
        if not zone:
            return ""
        try:
            return check_zone(zone)
        except ValueError as error:
            self.query_one("#open-problem", Static).update(
                Content.styled(shown(str(error)), "$error"))
            return False

    @on(OptionList.OptionSelected, "#open-recent")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        entry = self.entries[int(event.option.id or 0)]
        if self.is_current:
            self.dismiss((entry.location, entry.timezone))
