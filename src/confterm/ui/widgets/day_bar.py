"""The day bar: one label per conference day, the current one underlined.

Two lines drawn as text, so it is complete in the first frame and redrawn, not
rebuilt, when the day, the language or the width changes. Labels name the day
and its theme ('Thu 14 Nov · AI Day') when all fit, else without the month where
the days share one ('mar. 12 · Plénière'), else the date alone; when
even those do not fit, the days around the current one are shown with ‹ and ›
marking more on either side (a click on them steps a day). A click on a label
reports ``DayChosen``.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

from confterm.model.text import clip
from confterm.model.view import ScheduleView
from confterm.timefmt import day_tab
from confterm.ui.render import Display
from confterm.ui.widgets.hover import Hovering

#: Space either side of a label.
PAD = 1
MORE_BEFORE, MORE_AFTER = "‹ ", " ›"


class Placed(NamedTuple):
    day: dt.date
    label: str
    x: int  # first column of the padded label

    @property
    def width(self) -> int:
        return cell_len(self.label) + 2 * PAD


class DayBar(Hovering[dt.date], Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "day-bar--active", "day-bar--hover", "day-bar--bar", "day-bar--active-bar"}
    DEFAULT_CSS = """
    DayBar {
        height: 2;
        & > .day-bar--active { text-style: bold; color: $text; background: $accent 25%; }
        & > .day-bar--hover { background: $block-hover-background; }
        & > .day-bar--bar { color: $foreground 15%; }
        & > .day-bar--active-bar { color: $accent; }
        color: $text-muted;
    }
    """

    # Bound from the screen, whose view changes on every search keystroke: the
    # bar is redrawn only when what it shows (days, current day, language) does.
    view: var[ScheduleView | None] = var[ScheduleView | None](None, always_update=True)
    display_options: var[Display] = var(Display())
    _drawn_for: tuple[object, ...] | None = None

    def watch_view(self) -> None:
        self._redraw_if_changed()

    def watch_display_options(self) -> None:
        self._redraw_if_changed()

    def _redraw_if_changed(self) -> None:
        view = self.view
        key = ((view.catalogue, view.day, self.display_options)
               if view is not None else None)
        if key != self._drawn_for:
            self._drawn_for = key
            self.refresh()

    class DayChosen(Message):
        def __init__(self, day: dt.date) -> None:
            super().__init__()
            self.day = day

    @property
    def active(self) -> dt.date | None:
        return self.view.day if self.view is not None else None

    def labels(self, width: int | None = None) -> list[str]:
        """Every day's label at *width* (default: the bar's), shown or not."""
        if self.view is None:
            return []
        width = width or self.size.width or self.app.size.width
        lang, days = self.display_options.lang, self.view.programme.days
        dates = [self.shown_date(d.date) for d in days]
        full = [day_tab(date, clip(d.label_in(lang))) for date, d in zip(dates, days, strict=True)]
        if sum(cell_len(label) + 2 * PAD for label in full) <= width:
            return full
        if len({(date.year, date.month) for date in dates}) == 1:
            # One month: the day's number says which, and the names still fit
            # (French dates are longer: "mar. 12 nov.").
            shorter = [day_tab(date, clip(d.label_in(lang)), month=False)
                       for date, d in zip(dates, days, strict=True)]
            if sum(cell_len(label) + 2 * PAD for label in shorter) <= width:
                return shorter
        return [day_tab(date, None) for date in dates]

    def shown_date(self, day: dt.date) -> dt.date:
        """The date a conference day is labelled with: its own, or in your local
        time (z) the local date its first session starts on (a Tokyo morning is
        the evening before in Rio)."""
        if self.display_options.zone is not None or self.view is None:
            return day
        sessions = self.view.catalogue.by_day.get(day)
        return sessions[0].start.astimezone(None).date() if sessions else day

    @property
    def placed(self) -> list[Placed]:
        """The labels on screen, with their columns."""
        if self.view is None:
            return []
        width = self.size.width or self.app.size.width
        days = [d.date for d in self.view.programme.days]
        labels = self.labels(width)
        first, last = 0, len(days)
        active = days.index(self.active) if self.active in days else 0
        room = width - len(MORE_BEFORE) - len(MORE_AFTER)
        # Widen a window around the current day while the next label fits.
        if sum(cell_len(label) + 2 * PAD for label in labels) > width:
            first, last, used = active, active + 1, cell_len(labels[active]) + 2 * PAD
            while True:
                grown = False
                for candidate in (last, first - 1):
                    if 0 <= candidate < len(days):
                        size = cell_len(labels[candidate]) + 2 * PAD
                        if used + size <= room:
                            used += size
                            first, last = min(first, candidate), max(last, candidate + 1)
                            grown = True
                if not grown:
                    break
        x = len(MORE_BEFORE) if first > 0 else 0
        placed = []
        for index in range(first, last):
            placed.append(Placed(days[index], labels[index], x))
            x += cell_len(labels[index]) + 2 * PAD
        return placed

    def render(self) -> Content:
        placed = self.placed
        if not placed:
            return Content("")
        active_style = self.get_visual_style("day-bar--active")
        hover_style = self.get_visual_style("day-bar--hover")
        bar_style = self.get_visual_style("day-bar--bar")
        active_bar_style = self.get_visual_style("day-bar--active-bar")
        days = [d.date for d in self.view.programme.days] if self.view is not None else []
        top: list[str | Content] = []
        bottom: list[str | Content] = []
        if placed[0].day != days[0]:
            top.append(MORE_BEFORE)
            bottom.append(Content.styled("━" * len(MORE_BEFORE), bar_style))
        for item in placed:
            label = Content(" " * PAD + item.label + " " * PAD)
            if item.day == self.active:
                label = label.stylize(active_style)
            if item.day == self.hover:
                label = label.stylize(hover_style)
            top.append(label)
            bottom.append(Content.styled(
                "━" * item.width, active_bar_style if item.day == self.active else bar_style))
        if placed[-1].day != days[-1]:
            top.append(MORE_AFTER)
            bottom.append(Content.styled("━" * len(MORE_AFTER), bar_style))
        return Content("\n").join([Content.assemble(*top), Content.assemble(*bottom)])

    def _day_at(self, x: int) -> dt.date | None:
        placed = self.placed
        for item in placed:
            if item.x <= x < item.x + item.width:
                return item.day
        days = [d.date for d in self.view.programme.days] if self.view is not None else []
        if not placed or self.active not in days:
            return None
        # ‹ and ›: a day back or forward, as the arrow keys do.
        step = -1 if x < placed[0].x else 1 if x >= placed[-1].x + placed[-1].width else 0
        index = days.index(self.active) + step
        return days[index] if step and 0 <= index < len(days) else None

    def on_click(self, event: events.Click) -> None:
        day = self._day_at(event.x)
        if day is not None:
            self.post_message(self.DayChosen(day))

    def item_at(self, x: int, y: int) -> dt.date | None:
        return self._day_at(x)

    def hover_changed(self, old: dt.date | None, new: dt.date | None) -> None:
        self.refresh()
