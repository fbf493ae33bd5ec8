"""The top bar: conference, dates, place, and a clock in the displayed time zone."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from confterm.model.programme import Programme
from confterm.model.text import clip
from confterm.timefmt import date_span, weekday
from confterm.ui.render import Display


class ProgrammeHeader(Horizontal):
    now: reactive[dt.datetime | None] = reactive(None)
    programme: reactive[Programme | None] = reactive(None)
    display_options: reactive[Display] = reactive(Display())

    def __init__(self, programme: Programme, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(ProgrammeHeader.programme, programme)

    def compose(self) -> ComposeResult:
        yield Static(id="title", markup=False)
        yield Static(id="clock", markup=False)

    def on_mount(self) -> None:
        self._refresh()

    def watch_now(self) -> None:
        self._refresh()

    def watch_display_options(self) -> None:
        self._refresh()

    def watch_programme(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        programme, display = self.programme, self.display_options
        if not self.children or programme is None:  # not composed yet: on_mount calls again
            return
        dates = date_span(programme.days[0].date, programme.days[-1].date)
        place = ", ".join(clip(x.get(display.lang)) for x in (programme.city, programme.country)
                          if x)
        self._show("#title", Content.assemble(
            (clip(programme.name.get(display.lang)), "bold"),
            (f"  {dates}" + (f" · {place}" if place else ""), "dim")))
        if self.now is not None:
            local = self.now.astimezone(display.zone)
            self._show("#clock", Content.assemble(
                (f"{weekday(local.date())} {local:%H:%M} ", "bold"),
                (display.zone_name(programme), "dim")))

    def _show(self, selector: str, content: Content) -> None:
        # Only a change: an update lays the whole screen out again (a new version
        # of the programme, or the clock's tick, mostly leaves the text as it was).
        shown = self.query_one(selector, Static)
        if shown.content != content:
            shown.update(content)
