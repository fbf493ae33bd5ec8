"""The line above the sessions: how many are shown, the filters and search words
that chose them, and the time zone of their times. Bound from the browser
screen; drawn from its values when they change (one line: no layout)."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from confterm.i18n import _, ngettext
from confterm.model.facets import BY_ID, FACETS
from confterm.model.query import NAMES_NOTHING
from confterm.model.view import Catalogue, ScheduleView
from confterm.ui.render import Display
from confterm.ui.widgets.room_layout import RoomLayout
from confterm.ui.widgets.sidebar import value_name


def filters_said(chosen: dict[str, frozenset[str]], catalogue: Catalogue,
                 lang: str) -> list[str]:
    """"rooms: Room A, Room B" for each facet chosen."""
    return [_(BY_ID[facet].status).format(names=", ".join(sorted(
                value_name(BY_ID[facet], catalogue, value, lang) for value in values if value)))
            for facet, values in chosen.items()]


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        width: 1fr;
        height: 1;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    #: The browsing view, and what the sessions shown are (while searching, every day's).
    view: reactive[ScheduleView | None] = reactive(None, always_update=True)
    results: reactive[ScheduleView | None] = reactive(None, always_update=True)
    display_options: reactive[Display] = reactive(Display())
    #: In the grid, the sessions of hidden rooms are not shown.
    grid: reactive[bool] = reactive(False)
    room_layout: reactive[RoomLayout] = reactive(RoomLayout())
    #: Whose sessions "only these" shows: a friend's, else mine.
    only_friend: reactive[str | None] = reactive(None)

    def render(self) -> Content:
        view, shown, display = self.view, self.results, self.display_options
        if view is None or shown is None:
            return Content("")
        hidden = self.room_layout.hidden if self.grid else frozenset()
        in_sight = sum(1 for s in shown.sessions if s.room not in hidden) if hidden else len(shown)
        parts = [ngettext("{count} session", "{count} sessions", in_sight).format(
            count=in_sight)]
        if in_sight != len(shown):
            parts.append(ngettext("{count} more in hidden rooms (+ shows them)",
                                  "{count} more in hidden rooms (+ shows them)",
                                  len(shown) - in_sight).format(count=len(shown) - in_sight))
        searching = bool(view.query.strip())
        if searching:
            parts.append(_("search on all days: {words}").format(words=view.query.strip()))
            if view.has_filters:
                parts.append(_("filters paused"))
            parts.append(_("esc clears"))
        catalogue = view.catalogue
        parts += filters_said(view.chosen_filters(), catalogue, display.lang)
        query = view.parsed
        parts += filters_said({FACETS[index].id: values for index, values in query.filters
                               if values != NAMES_NOTHING}, catalogue, display.lang)
        parts += [_("nothing is named {words}").format(words=f"{word}:{value}")
                  for word, value in query.unnamed]
        if view.only is not None:
            parts.append(only_said(self.only_friend))
        if view.ending_after is not None:
            parts.append(_("sessions over hidden (h)"))
        if view.has_filters and not searching:
            parts.append(_("x clears"))
        parts.append(display.zone_name(view.programme))
        return Content.styled(" · ".join(parts), "dim")


def only_said(friend: str | None) -> str:
    """Whose sessions only are shown: a friend's (their name), else mine."""
    if friend is not None:
        return _("going with {name} only (m shows all)").format(name=friend)
    return _("my bookmarks only (m shows all)")
