"""What the session list and the timetable grid share: the screen binds to both
how to show programme text and what marks a session (bookmarks and their
clashes, friends' picks, the time), and a change of marks redraws what is in
sight. Each keeps its own ``view`` and how it follows the view and the clock."""

from __future__ import annotations

import datetime as dt

from textual.reactive import var

from confterm.model.agenda import Agenda
from confterm.ui.render import Display
from confterm.ui.widgets.line_list import LineList


class SessionLines(LineList):
    display_options: var[Display] = var(Display())
    agenda: var[Agenda] = var(Agenda())
    #: Bookmarks that clash with another (worked out by the screen, once).
    clashing: var[frozenset[str]] = var(frozenset())
    #: Friends' agendas by name: their initials mark the sessions they picked.
    friends: var[dict[str, Agenda]] = var[dict[str, Agenda]](dict)
    #: Sessions a refresh changed that the user has not looked at (``c``): marked Δ.
    changed: var[frozenset[str]] = var(frozenset())
    #: Sessions over by then are drawn dimmed.
    now: var[dt.datetime | None] = var[dt.datetime | None](None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: Counts changes of marks: drawn lines are kept for one count. (Not the
        #: values' id(): a value freed by a quick second change may lend its
        #: address to the next, and stale marks would stay on screen.)
        self.marks_generation = 0

    def _marks_changed(self) -> None:
        self.marks_generation += 1
        self.refresh()

    watch_agenda = watch_clashing = watch_friends = watch_changed = _marks_changed
