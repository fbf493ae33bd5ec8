"""The browser's keys: each command's key, id (for remapping), footer label,
whether the footer shows it, and its help, declared once."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.widget import Widget

from confterm.i18n import N_
from confterm.ui.widgets.search_line import SearchLine
from confterm.ui.widgets.sidebar import ChoiceList

#: The priority keys that move the focus (to the search line, a sidebar list).
FOCUS_ACTIONS = frozenset({"search", "filter"})


def typed_over(action: str, focused: Widget | None) -> bool:
    """Whether a priority key is a character typed rather than its command: in
    the search line, or in a long sidebar list being narrowed ('/' in a long
    one starts its filter)."""
    typing = isinstance(focused, SearchLine) or (isinstance(focused, ChoiceList) and (
        focused.typing or (action == "search" and focused.filterable)))
    return action in FOCUS_ACTIONS and typing

BROWSER_BINDINGS: list[BindingType] = [
    *(Binding(str(n), f"go_day({n})", N_("Go to day N"), show=False, id=f"day-{n}")
      for n in range(1, 10)),
    Binding("left,left_square_bracket", "step_day(-1)", N_("Prev day"), show=False,
            id="previous-day",
            tooltip=N_("Previous day")),
    Binding("right,right_square_bracket", "step_day(1)", N_("Day"), key_display="←→",
            id="next-day",
            tooltip=N_("Next day")),
    # Keys that move the focus are priority bindings: they act as soon as they
    # arrive, so keys typed straight after them reach the newly focused widget.
    Binding("slash", "search", N_("Search"), id="search", priority=True,
            tooltip=N_("Search as you type (escape clears)")),
    # Each facet's list in the sidebar (see model.facets).
    Binding("t", "filter('track')", N_("Tracks"), id="tracks", priority=True,
            tooltip=N_("Choose a track")),
    Binding("f", "filter('theme')", N_("Themes"), id="themes", priority=True,
            tooltip=N_("Choose themes (space toggles; any of them matches)")),
    Binding("g", "toggle_grid", N_("Grid"), id="grid",
            tooltip=N_("Timetable grid of the day (rooms across, time down) or the list")),
    Binding("w", "filter('room')", N_("Rooms"), show=False, id="rooms", priority=True,
            tooltip=N_("Choose rooms (space toggles; any of them matches)")),
    Binding("v", "filter('language')", N_("Spoken"), show=False, id="spoken-language",
            priority=True, tooltip=N_("Choose the language(s) sessions are spoken in")),
    # Not priority keys: a list's own keys (remapped to k…) come first.
    Binding("k", "filter('kind')", N_("Kinds"), show=False, id="kinds",
            tooltip=N_("Choose kinds of session: talks, workshops, panels…")),
    Binding("R", "filter('recorded')", N_("Recording"), show=False, id="recording",
            tooltip=N_("Recorded sessions, or those not recorded (where the programme says)")),
    Binding("m", "bookmarks_only", N_("Mine"), show=False, id="bookmarks-only",
            tooltip=N_("Only my bookmarked sessions, or every session")),
    Binding("h", "hide_finished", N_("Hide over"), show=False, id="hide-finished",
            tooltip=N_("Hide sessions that are over, or show them again")),
    Binding("x", "clear_filters", N_("Clear"), id="clear-filters",
            tooltip=N_("Clear every filter and the search")),
    Binding("s", "toggle_sidebar", N_("Sidebar"), show=False, id="sidebar",
            tooltip=N_("Show or hide the sidebar (narrow terminals)")),
    Binding("l", "toggle_language", N_("Lang"), id="language",
            tooltip=N_("Switch the programme's language")),
    Binding("z", "toggle_zone", N_("Zone"), id="time-zone",
            tooltip=N_("Times in conference time or your local time")),
    Binding("b,space", "toggle_bookmark", N_("Bookmark"), id="bookmark",
            tooltip=N_("Bookmark the session, or remove it (or click ★)")),
    Binding("p", "cycle_priority", N_("Priority"), show=False, id="priority",
            tooltip=N_("Bookmark priority: must attend ★ or maybe ☆")),
    Binding("a", "agenda", N_("Agenda"), id="agenda",
            tooltip=N_("My agenda: bookmarks by day, free time and clashes")),
    Binding("full_stop", "go_now", N_("Now"), show=False, id="go-now",
            tooltip=N_("Jump to now: today, at what just started or comes next")),
    Binding("at", "people", N_("People"), show=False, id="people",
            tooltip=N_("People: everyone in the programme, and their sessions")),
    Binding("n", "now_next", N_("Now"), id="now-next",
            tooltip=N_("What is on now and what starts next")),
    Binding("o", "open", N_("Open"), show=False, id="open-programme",
            tooltip=N_("Open another programme: one opened before, or a file or URL")),
    Binding("Z", "choose_zone", N_("Set time zone"), show=False, id="programme-zone",
            tooltip=N_("Set the programme's time zone (for a file that names none)")),
    Binding("c", "changes", N_("Changes"), show=False, id="changes",
            tooltip=N_("What changed in the programme while you had it open (Δ marks it)")),
    Binding("e", "export", N_("Export"), show=False, id="export",
            tooltip=N_("Export my agenda to a calendar file (.ics)")),
    Binding("question_mark", "help", N_("Help"), id="help",
            tooltip=N_("This help")),
    Binding("escape", "back", N_("Back"), show=False, id="back"),
    Binding("ctrl+p", "app.command_palette", N_("Palette"), id="palette",
            tooltip=N_("Command palette: jump to a session, day, theme or language")),
]
