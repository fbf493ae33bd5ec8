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
    #: Sessions over by then are drawn dimmed.
    now: var[dt.datetime | None] = var[dt.datetime | None](None)

    def watch_agenda(self) -> None:
        self.refresh()

    def watch_clashing(self) -> None:
        self.refresh()

    def watch_friends(self) -> None:
        self.refresh()
