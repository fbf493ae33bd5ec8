"""The main screen: days, tracks, themes, search, the session list and details.

The screen owns the browsing state as reactive, immutable values (``view`` is a
``ScheduleView`` that is replaced, never mutated); widgets receive it through
``data_bind`` and report back with messages.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from confterm.conference.service import Conference
from confterm.i18n import N_, _, ngettext, set_language
from confterm.model.agenda import Agenda, at_now, clashing_ids, conference_day
from confterm.model.facets import BY_ID, FACETS
from confterm.model.programme import Session
from confterm.model.text import TEXT_LIMIT, clip, one_line_shown, shown
from confterm.model.view import Catalogue, ScheduleView
from confterm.storage.settings import BrowseState
from confterm.ui.commands import (
    DayCommands,
    FilterCommands,
    FriendCommands,
    LanguageCommands,
    PeopleCommands,
    RoomCommands,
    SessionCommands,
)
from confterm.ui.render import Display
from confterm.ui.widgets.day_bar import DayBar
from confterm.ui.widgets.detail import SessionDetail
from confterm.ui.widgets.footer import KeyFooter
from confterm.ui.widgets.header import ProgrammeHeader
from confterm.ui.widgets.room_layout import RoomLayout, RoomsChanged
from confterm.ui.widgets.search_line import SEARCH_PLACEHOLDER, SearchLine
from confterm.ui.widgets.session_events import (
    MarkerClicked,
    SessionHighlighted,
    SessionSelected,
)
from confterm.ui.widgets.session_list import SessionList
from confterm.ui.widgets.sidebar import ALL, ChoiceList, FacetList, value_name

if TYPE_CHECKING:
    from confterm.ui.widgets.timetable_grid import TimetableGrid

#: Below this width the sidebar folds away (t, f or s bring it back).
SIDEBAR_WIDTH = 100
#: The sidebar's width when it is brought back over a narrow list or the grid.
GRID_SIDEBAR_WIDTH = 30
#: Below this width the details pane is hidden and enter opens them as a modal.
DETAILS_WIDTH = 140


_FOCUS_ACTIONS = frozenset({"search", "filter"})


class BrowserScreen(Screen[None]):
    # on_mount focuses the list (or the grid) itself: Textual's automatic focus of
    # the first focusable widget (the sidebar's tracks) would only restyle twice.
    AUTO_FOCUS = ""
    COMMANDS = {SessionCommands, PeopleCommands, FriendCommands, DayCommands, FilterCommands,
                RoomCommands, LanguageCommands}
    BINDINGS = [
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
        Binding("e", "export", N_("Export"), show=False, id="export",
                tooltip=N_("Export my agenda to a calendar file (.ics)")),
        Binding("question_mark", "help", N_("Help"), id="help",
                tooltip=N_("This help")),
        Binding("escape", "back", N_("Back"), show=False, id="back"),
        Binding("ctrl+p", "app.command_palette", N_("Palette"), id="palette",
                tooltip=N_("Command palette: jump to a session, day, theme or language")),
    ]

    #: State of the screen: children are bound to it and repaint themselves.
    view: var[ScheduleView] = var[ScheduleView](None, always_update=True)  # type: ignore[arg-type]
    #: What the list shows: ``view``, or while searching, matches from every day.
    shown: var[ScheduleView] = var[ScheduleView](None, always_update=True)  # type: ignore[arg-type]
    display_options: var[Display] = var[Display](Display())
    current: var[Session | None] = var[Session | None](None)
    agenda: var[Agenda] = var[Agenda](Agenda)
    #: "offline — cached at …" for a remote programme that could not be refreshed.
    status: var[str | None] = var[str | None](None)
    now: var[dt.datetime | None] = var[dt.datetime | None](None)
    #: Bookmarks that clash with another bookmark (for the list and the grid).
    clashing: var[frozenset[str]] = var(frozenset())
    #: Friends' agendas by name.
    friends: var[dict[str, Agenda]] = var[dict[str, Agenda]](dict)
    #: Whose sessions the "only these sessions" filter shows: a friend's (their
    #: name), else, when it is on, mine.
    only_friend: var[str | None] = var[str | None](None)
    #: The timetable grid rather than the list, and the user's rooms in it.
    grid: var[bool] = var(False)
    room_layout: var[RoomLayout] = var(RoomLayout())

    def __init__(self, conference: Conference) -> None:
        super().__init__()
        self.conference = conference
        self._grid_timer: Timer | None = None
        #: The sidebar as the user chose it (s, t, f…): shown, hidden, or None where
        #: it is shown when it fits.
        self._sidebar_choice: bool | None = None
        #: A notice said in the notice line for a while (text, severity), and its timer.
        self._said: tuple[str, str] | None = None
        self._said_timer: Timer | None = None
        #: The timetable grid, once made (imported then: most starts do without it).
        self._grid: TimetableGrid | None = None
        #: Whether the search has everything it needs ready (see _index_search).
        self.search_prepared = False
        view = conference.opening_view()
        display = Display(conference.lang, conference.zone)
        set_language(display.lang)  # the interface speaks the programme's language
        self.set_reactive(BrowserScreen.status, conference.status)
        self.set_reactive(BrowserScreen.agenda, conference.agenda)
        self.set_reactive(BrowserScreen.clashing, clashing_ids(conference.agenda,
                                                              conference.catalogue))
        self.set_reactive(BrowserScreen.friends, conference.sharing.friends)
        self.set_reactive(BrowserScreen.now, conference.clock.now())
        self.set_reactive(BrowserScreen.view, view)
        shown = view.searched()
        self.set_reactive(BrowserScreen.shown, shown)
        # The list highlights its first session: show its details in the first frame.
        self.set_reactive(BrowserScreen.current, next(iter(shown.sessions), None))
        self.set_reactive(BrowserScreen.display_options, display)
        state = conference.browse_state()
        self.set_reactive(BrowserScreen.grid, state.grid)
        self.set_reactive(BrowserScreen.room_layout,
                          RoomLayout(frozenset(state.hidden_rooms), state.room_order))

    # -- layout ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._set_size_classes(self.app.size.width)  # right from the first frame
        programme = self.view.programme
        yield ProgrammeHeader(programme, id="header").data_bind(
            BrowserScreen.now, BrowserScreen.display_options)
        yield Static(id="notice", markup=False)
        yield DayBar(id="days").data_bind(BrowserScreen.view, BrowserScreen.display_options)
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                catalogue = self.view.catalogue
                for facet in FACETS:  # where the programme has them (tracks and themes always)
                    if len(facet.available(catalogue)) >= facet.least:
                        yield Static(_(facet.title), classes="sidebar-title", markup=False,
                                     name=facet.title)
                        yield FacetList(facet).data_bind(BrowserScreen.view,
                                                         BrowserScreen.display_options)
            with Vertical(id="main"):
                yield SearchLine(id="search").data_bind(BrowserScreen.view)
                yield Static(id="status", markup=False)
                yield SessionList(id="sessions").data_bind(
                    view=BrowserScreen.shown, display_options=BrowserScreen.display_options,
                    agenda=BrowserScreen.agenda, now=BrowserScreen.now,
                    friends=BrowserScreen.friends, clashing=BrowserScreen.clashing)
                if self.grid:  # else made when first asked for (g): a quicker start
                    yield self._make_grid()
            yield SessionDetail(self.view.catalogue, id="detail").data_bind(
                session=BrowserScreen.current, display_options=BrowserScreen.display_options,
                agenda=BrowserScreen.agenda, friends=BrowserScreen.friends)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fit_panes()  # before the first frame
        conference = self.conference
        conference.agenda_changed.subscribe(self, partial(setattr, self, "agenda"))
        conference.status_changed.subscribe(self, partial(setattr, self, "status"))
        conference.time_passed.subscribe(self, partial(setattr, self, "now"))
        conference.sharing.friends_changed.subscribe(self, partial(setattr, self, "friends"))
        conference.programme_changed.subscribe(
            self, lambda reloaded: self.replace_programme(reloaded.after))
        self._update_notice()
        self._update_status()
        self.query_one(SessionList).display = not self.grid
        self.set_focus(self.sessions_widget)
        if self.view.day == self._today() and not self.view.query.strip():
            self._look_at_now()  # on a conference day, open at what is on now
        self.call_after_refresh(self._index_search)  # after the first frame
        self.set_timer(0.5, self._prepare_grid)  # once the first frame is out

    def _index_search(self) -> None:
        """Ahead of the first search, in a thread: every session's text folded,
        and its rows in the list made."""
        prepare, make_rows = self.view.catalogue.prepare_search, self.query_one(
            SessionList).row_maker(self.view)

        def work() -> None:
            prepare()
            make_rows()
            self.search_prepared = True

        self.run_worker(work, thread=True, exclusive=True, group="search-index")

    def on_unmount(self) -> None:
        for announcer in (self.conference.agenda_changed, self.conference.status_changed,
                          self.conference.time_passed, self.conference.programme_changed,
                          self.conference.sharing.friends_changed):
            announcer.unsubscribe(self)

    def on_resize(self, event: Resize) -> None:
        self._set_size_classes(event.size.width)

    def _set_size_classes(self, width: int) -> None:
        self.set_class(width < SIDEBAR_WIDTH, "-narrow")
        self.set_class(width < DETAILS_WIDTH, "-modal-details")
        if self.is_mounted:
            self.fit_panes()

    def fit_panes(self) -> None:
        """Show the sidebar and the details where they fit: the sidebar unless the
        terminal is narrow or the grid is shown (then on demand, 30 columns over
        the side), or as the user toggled it; the details beside a wide list.
        Set on the two widgets, not by a class of the screen: a class would
        restyle every widget on it, and g would cost a frame more."""
        folded = self.has_class("-narrow") or self.grid
        choice = self._sidebar_choice
        sidebar = self.query_one("#sidebar")
        sidebar.display = choice if choice is not None else not folded
        sidebar.styles.width = GRID_SIDEBAR_WIDTH if folded else None
        self.query_one("#detail").display = not (self.grid or self.has_class("-modal-details"))

    @property
    def modal_details(self) -> bool:
        return self.has_class("-modal-details") or self.grid

    @property
    def sidebar_shown(self) -> bool:
        return bool(self.query_one("#sidebar").display)

    # -- reacting to state ------------------------------------------------------
    def watch_view(self, view: ScheduleView) -> None:
        if not self.is_mounted:
            return
        shown = self.shown
        if shown is not None and shown.is_search and view.query.strip():
            self.shown = shown.matching(view.query)  # narrows the previous results
        else:
            self.shown = view.searched()
        self._update_status()
        self._remember()
        self._prepare_grid_soon()

    def _prepare_grid_soon(self) -> None:
        """Once the keys pause, get the hidden grid ready for the view (its day
        laid out, the lines it would open on drawn), so that g only has to show it.
        Called whenever what it would show changes; not while a search is typed."""
        if self.grid or not self.is_mounted or self.view.query.strip():
            return
        if self._grid_timer is not None:
            self._grid_timer.stop()
        self._grid_timer = self.set_timer(0.05, self._prepare_hidden_grid)

    @property
    def grid_pending(self) -> bool:
        """Whether the hidden grid is to be made ready once the keys pause."""
        return self._grid_timer is not None

    def _prepare_hidden_grid(self) -> None:
        self._grid_timer = None
        sessions = self.query_one(SessionList)
        size = sessions.scrollable_content_region.size
        # Shown, the grid takes the whole width but the sidebar's, if open, and
        # the list's scroll bar.
        gutter = sessions.size.width - size.width
        side = GRID_SIDEBAR_WIDTH if self._sidebar_choice else 0
        current = self.current.id if self.current is not None else None
        if self._grid is not None:
            self._grid.prepare(self.size.width - side - gutter, size.height, current)

    def _remember(self) -> None:
        view, rooms = self.view, self.room_layout
        self.conference.remember(BrowseState(
            day=view.day, filters={facet: tuple(sorted(values))
                                   for facet, values in view.chosen_filters().items()},
            hide_finished=view.ending_after is not None,
            grid=self.grid, hidden_rooms=tuple(sorted(rooms.hidden)), room_order=rooms.order))

    def _make_grid(self) -> TimetableGrid:
        from confterm.ui.widgets.timetable_grid import TimetableGrid

        self._grid = TimetableGrid(id="grid").data_bind(
            view=BrowserScreen.view, display_options=BrowserScreen.display_options,
            agenda=BrowserScreen.agenda, now=BrowserScreen.now,
            room_layout=BrowserScreen.room_layout, friends=BrowserScreen.friends,
            clashing=BrowserScreen.clashing)
        return self._grid

    @property
    def sessions_widget(self) -> SessionList | TimetableGrid:
        """The list or the grid, whichever is shown."""
        if self.grid and self._grid is not None:
            return self._grid
        return self.query_one(SessionList)

    def watch_grid(self, grid: bool) -> None:
        if not self.is_mounted:
            return
        self._update_status()  # hidden rooms count only in the grid
        if grid and self._grid is None:
            self.call_later(self._mount_grid, self.current)
            return
        self._show_view(self.current)

    def _prepare_grid(self) -> None:
        """Make the grid, hidden, so that the first g is as quick as the next."""
        if self._grid is None:
            grid = self._make_grid()
            grid.display = False
            self.query_one("#main").mount(grid)
            self._prepare_grid_soon()

    async def _mount_grid(self, current: Session | None) -> None:
        """The grid's first showing: mounted (and bound to the screen) first."""
        await self.query_one("#main").mount(self._make_grid())
        if self.grid:
            self._show_view(current)

    def _show_view(self, current: Session | None) -> None:
        """Show the list or the grid (``grid``), on the same session. The grid
        takes the whole width: the sidebar and the details get out of its way
        (s brings the sidebar back, enter opens the details in a window)."""
        grid = self.grid
        self.fit_panes()
        self.query_one(SessionList).display = not grid
        if self._grid is not None:
            self._grid.display = grid
        shown = self.sessions_widget
        if shown is self._grid:
            self._grid.rebuild()
        if current is not None:
            shown.highlight_session(current.id)
            shown.show_at_top(current.id)  # (once it has its size)
        # What the shown one highlights now (it may not hold the last session).
        self.current = self.view.catalogue.sessions.get(shown.highlighted_session_id or "")
        self.set_focus(shown)
        self._remember()

    def watch_room_layout(self) -> None:
        if self.is_mounted:
            self._remember()
            self._update_status()  # the count leaves out the hidden rooms' sessions

    def watch_display_options(self, display: Display) -> None:
        if not self.is_mounted:
            return
        # The interface follows the programme's language (English where it has none).
        set_language(display.lang)
        for title in self.query(".sidebar-title").results(Static):
            title.update(_(title.name) if title.name else "")
        self.query_one(KeyFooter).refresh()
        self.query_one(SearchLine).placeholder = _(SEARCH_PLACEHOLDER)
        self._update_notice()
        self._prepare_grid_soon()  # its words and times
        self._update_status()

    def watch_status(self) -> None:
        if self.is_mounted:
            self._update_notice()

    def say(self, text: str, severity: str, seconds: float) -> None:
        """*text* in the notice line for *seconds* (on narrow terminals, where a
        toast would cover the list)."""
        self._said = (text, severity)
        if self._said_timer is not None:
            self._said_timer.stop()
        self._said_timer = self.set_timer(seconds, self._unsay)
        self._update_notice()

    def _unsay(self) -> None:
        self._said, self._said_timer = None, None
        self._update_notice()

    @property
    def said(self) -> str | None:
        """What the notice line says for a while, if anything."""
        return self._said[0] if self._said is not None else None

    def _update_notice(self) -> None:
        notice = self.view.programme.notice
        parts: list[str | tuple[str, str]] = []
        if self._said is not None:
            text, severity = self._said
            style = "$warning bold" if severity == "warning" else "$accent bold"
            parts.append((f"» {one_line_shown(text)} ", style))
        if self.status:
            parts.append((f"⚠ {self.status} (r reloads) ", "$error bold"))
        guessed = self.view.programme.timezone_note
        if guessed:
            parts.append(("⚠ " + _("Time zone guessed (Z sets it): {how} ").format(
                how=guessed), "$warning bold"))
        if notice is not None:
            parts.append((f"⚠ {clip(notice.get(self.display_options.lang), TEXT_LIMIT)}",
                          "$warning"))
        widget = self.query_one("#notice", Static)
        widget.display = bool(parts)
        widget.update(Content.assemble(*parts))

    def replace_programme(self, catalogue: Catalogue) -> None:
        """Show a new version of the programme, keeping the filters that still apply."""
        old, view, programme = self.view, ScheduleView(catalogue), catalogue.programme
        dates = [d.date for d in programme.days]
        view = (view.on_day(old.day if old.day in dates else dates[0])
                .keeping(old.chosen_filters())
                .only_sessions(old.only).not_over_at(old.ending_after).matching(old.query))
        self.query_one(ProgrammeHeader).programme = programme
        self.query_one(SessionDetail).catalogue = view.catalogue
        self.view = view
        self.clashing = clashing_ids(self.agenda, view.catalogue)
        self._index_search()
        self._update_notice()

    def _update_status(self) -> None:
        view, shown = self.view, self.shown
        hidden = self.room_layout.hidden if self.grid else frozenset()
        in_sight = sum(1 for s in shown.sessions if s.room not in hidden) if hidden else len(shown)
        parts = [ngettext("{count} session", "{count} sessions", in_sight).format(
            count=in_sight)]
        if in_sight != len(shown):
            parts.append(ngettext("{count} more in hidden rooms (+ shows them)",
                                  "{count} more in hidden rooms (+ shows them)",
                                  len(shown) - in_sight).format(count=len(shown) - in_sight))
        if view.query.strip():
            parts.append(_("search on all days: {words}").format(words=view.query.strip()))
            if view.has_filters:
                parts.append(_("filters paused"))
            parts.append(_("esc clears"))
        parts.extend(self._filters_said(view.chosen_filters()))
        parts.extend(self._filters_said({FACETS[index].id: values
                                         for index, values in view.parsed.filters}))
        if view.only is not None:
            parts.append(self._only_said())
        if view.ending_after is not None:
            parts.append(_("sessions over hidden (h)"))
        if view.has_filters and not view.query.strip():
            parts.append(_("x clears"))
        parts.append(_("times: {zone}").format(
            zone=self.display_options.zone_name(view.programme)))
        self.query_one("#status", Static).update(Content.styled(" · ".join(parts), "dim"),
                                                 layout=False)  # one line, whatever it says

    def _filters_said(self, chosen: dict[str, frozenset[str]]) -> list[str]:
        """"rooms: Room A, Room B" for each facet chosen."""
        catalogue, lang = self.view.catalogue, self.display_options.lang
        return [_(BY_ID[facet].status).format(names=", ".join(sorted(
                    value_name(BY_ID[facet], catalogue, value, lang) for value in values if value)))
                for facet, values in chosen.items()]

    # -- messages from widgets --------------------------------------------------
    @on(DayBar.DayChosen)
    def _day_chosen(self, event: DayBar.DayChosen) -> None:
        if event.day != self.view.day:
            self.view = self.view.on_day(event.day)

    @on(SessionHighlighted)
    def _session_highlighted(self, event: SessionHighlighted) -> None:
        if event.origin is not None and event.origin is not self.sessions_widget:
            return  # queued by the list or grid before it was swapped for the other
        self.current = self.view.catalogue.sessions.get(event.session_id or "")
        self._prepare_grid_soon()  # the grid would open on this session

    @on(RoomsChanged)
    def _rooms_changed(self, event: RoomsChanged) -> None:
        self.room_layout = event.room_layout
        self.notify(event.said, timeout=3, markup=False)

    @on(SessionSelected)
    def _session_selected(self, event: SessionSelected) -> None:
        session = self.view.catalogue.sessions.get(event.session_id)
        if session is None:
            return
        if self.modal_details:
            self.open_details(session)
        else:
            self.set_focus(self.query_one(SessionDetail))

    @on(MarkerClicked)
    def _marker_clicked(self, event: MarkerClicked) -> None:
        session = self.view.catalogue.sessions.get(event.session_id)
        if session is not None:
            self.conference.toggle_bookmark(session)

    @on(FacetList.Picked)
    def _facet_picked(self, event: FacetList.Picked) -> None:
        if not isinstance(event.choice_list, FacetList):
            return
        facet = event.choice_list.facet
        if event.choice_id == ALL:
            self.view = self.view.choose(facet.id, ())
        else:
            self.toggle_filter(facet.id, event.choice_id)

    @on(SearchLine.Edited)
    def _search_edited(self, event: SearchLine.Edited) -> None:
        self.view = self.view.matching(event.text)  # always: the line waits for it

    @on(SearchLine.Submitted)
    def _search_submitted(self) -> None:
        self.set_focus(self.sessions_widget)

    # -- actions ------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While typing in the search line or a long sidebar list, its priority keys
        # are just characters.
        # ('/' in a long one starts its filter).
        focused = self.focused
        typing = isinstance(focused, SearchLine) or (isinstance(focused, ChoiceList) and (
            focused.typing or (action == "search" and focused.filterable)))
        return not (action in _FOCUS_ACTIONS and typing)

    def action_go_day(self, number: int) -> None:
        days = self.view.programme.days
        if 1 <= number <= len(days):
            self.view = self.view.on_day(days[number - 1].date)
        else:
            self.app.bell()

    def action_step_day(self, step: int) -> None:
        dates = [d.date for d in self.view.programme.days]
        index = dates.index(self.view.day) if self.view.day in dates else 0
        target = min(max(index + step, 0), len(dates) - 1)
        if target != index:
            self.view = self.view.on_day(dates[target])

    def _today(self) -> dt.date | None:
        """Today in the conference's zone, when it is one of its days (after
        midnight, the evening before while its sessions run)."""
        return conference_day(self.view.catalogue, self.conference.clock.now())

    def _look_at_now(self) -> bool:
        today = self._today()
        if today is None:
            return False
        view = self.view.on_day(today)
        session = at_now(view.sessions, self.conference.clock.now())
        if session is None:  # the day is over: its last session
            session = view.sessions[-1] if view.sessions else None
        if session is None:
            self.view = view
        else:
            self.go_to_session(session)
            # Now at the top of the screen, what comes next below it (once laid out).
            self.call_after_refresh(self.sessions_widget.show_at_top, session.id)
        return True

    def action_go_now(self) -> None:
        if self.search_line.display and self.view.query.strip():
            self._close_search()
            self.view = self.view.matching("")
        if not self._look_at_now():
            self.app.bell()
            self.notify(_("The conference is not on today."), timeout=3, markup=False)

    def go_to_room(self, room_id: str) -> None:
        """The timetable grid, at *room_id*'s column."""
        if not self.grid:
            self.grid = True
            self.call_after_refresh(self.go_to_room, room_id)
            return
        if self._grid is not None:
            self._grid.go_to_room(room_id)

    def go_to_session(self, session: Session) -> None:
        """Show *session*: its day, no filter hiding it, highlighted."""
        view = self.view.on_day(session.day)
        if session not in view.sessions:
            view = view.cleared()
            self._close_search()
        self.view = view
        # The list and the grid are bound to the view: they have their rows already.
        self.sessions_widget.highlight_session(session.id)
        self.set_focus(self.sessions_widget)

    @property
    def search_line(self) -> SearchLine:
        return self.query_one(SearchLine)

    def action_search(self) -> None:
        search = self.search_line
        search.display = True
        self.set_focus(search)  # at once, so keys typed right after '/' land in it

    def _close_search(self) -> None:
        self.search_line.display = False

    def _open_sidebar(self) -> None:
        self._sidebar_choice = True
        self.fit_panes()

    def action_filter(self, facet_id: str) -> None:
        """The facet's list in the sidebar, focused (shown if it was folded)."""
        lists = [found for found in self.query(FacetList) if found.facet.id == facet_id]
        if not lists:
            self.notify(_("This programme has nothing to choose under “{title}”.")
                        .format(title=_(BY_ID[facet_id].title)), timeout=3, markup=False)
            return
        self._open_sidebar()
        self.set_focus(lists[0])

    def action_bookmarks_only(self) -> None:
        if self.view.only is not None:
            self.only_friend = None
            self.view = self.view.only_sessions(None)
        elif not self.agenda.bookmarks:
            self.app.bell()
            self.notify(_("No bookmarks yet: b bookmarks a session."), timeout=3, markup=False)
        else:
            self.only_friend = None
            self.view = self.view.only_sessions(self.agenda.bookmarks)

    def _only_said(self) -> str:
        if self.only_friend is not None:
            return _("going with {name} only (m shows all)").format(name=self.only_friend)
        return _("my bookmarks only (m shows all)")

    def go_with(self, name: str) -> None:
        """Only the sessions *name* picked (their agenda, imported)."""
        agenda = self.friends.get(name)
        if agenda is None:
            return
        self.only_friend = name
        self.view = self.view.only_sessions(agenda.bookmarks)

    def action_hide_finished(self) -> None:
        hiding = self.view.ending_after is None
        self.view = self.view.not_over_at(self.conference.clock.now() if hiding else None)
        self.notify(_("Sessions that are over are hidden (h shows them).") if hiding
                    else _("Sessions that are over are shown."), timeout=2, markup=False)

    def watch_agenda(self, agenda: Agenda) -> None:
        self.clashing = clashing_ids(agenda, self.view.catalogue)
        if self.is_mounted and self.view.only is not None and self.only_friend is None:
            self.view = self.view.only_sessions(agenda.bookmarks)  # "mine" follows them
        self._prepare_grid_soon()  # its ★ and ⚠ marks

    def watch_friends(self) -> None:
        self._prepare_grid_soon()  # their initials

    def watch_now(self, now: dt.datetime | None) -> None:
        if self.is_mounted and self.view.ending_after is not None and now is not None:
            self.view = self.view.not_over_at(now)
        else:
            self._prepare_grid_soon()  # the hidden grid's lines show the time

    def action_toggle_sidebar(self) -> None:
        """At any width: shown where it folds away (narrow, the grid), hidden
        where it is shown."""
        if self.sidebar_shown:
            self._sidebar_choice = False
            self.fit_panes()
            self.set_focus(self.sessions_widget)
        else:
            self._open_sidebar()

    def action_toggle_grid(self) -> None:
        self.grid = not self.grid

    def action_clear_filters(self) -> None:
        self._close_search()
        self.view = self.view.cleared()
        self.set_focus(self.sessions_widget)

    def toggle_filter(self, facet_id: str, value: str) -> None:
        self.view = self.view.toggle(facet_id, value)

    def action_back(self) -> None:
        search = self.search_line
        if search.display:  # in the search line or in its results: escape clears it
            self._close_search()
            self.view = self.view.matching("")
        elif self._sidebar_choice:  # opened over a narrow list or the grid: folded again
            self._sidebar_choice = None
            self.fit_panes()
        self.set_focus(self.sessions_widget)

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
        self.notify(_("Language: {lang}").format(lang=lang), timeout=2, markup=False)

    def action_toggle_zone(self) -> None:
        local = self.display_options.zone is not None
        zone = None if local else self.view.programme.zone
        self.display_options = Display(self.display_options.lang, zone)
        self.conference.remember_local_time(local)
        message = _("Times shown in {zone}").format(
            zone=self.display_options.zone_name(self.view.programme))
        self.notify(message, timeout=2, markup=False)

    def action_toggle_bookmark(self) -> None:
        if self.current is None:
            self.app.bell()
            return
        self.conference.toggle_bookmark(self.current)

    def action_cycle_priority(self) -> None:
        if self.current is not None:
            self.conference.cycle_priority(self.current.id)

    def action_agenda(self) -> None:
        from confterm.ui.screens.agenda import AgendaScreen

        def go_to(session: Session | None) -> None:
            if session is not None:
                self.go_to_session(session)

        self.app.push_screen(AgendaScreen(self.conference, self.display_options), go_to)

    def action_people(self, text: str = "") -> None:
        from confterm.ui.screens.people import PeopleScreen

        if not self.view.programme.people:
            self.notify(_("This programme names nobody."), timeout=3, markup=False)
            return

        def go_to(session: Session | None) -> None:
            if session is not None:
                self.go_to_session(session)

        self.app.push_screen(PeopleScreen(self.view.catalogue, self.agenda,
                                          self.display_options, text), go_to)

    def action_now_next(self) -> None:
        from confterm.ui.screens.now_next import NowNextScreen

        moment = self.conference.clock.now()
        self.app.push_screen(NowNextScreen(self.view.catalogue, self.agenda,
                                           self.display_options, moment))

    def action_choose_zone(self) -> None:
        """Choose the programme's time zone from every IANA zone, typed to narrow;
        the programme is opened again in it (and remembered so)."""
        from textual.command import CommandPalette

        from confterm.ui.commands import ZoneChoices

        if self.conference.source is None:
            self.app.bell()
            return
        self.app.push_screen(CommandPalette(providers=[ZoneChoices],
                                            placeholder=_("Type a city or a zone…")))

    def set_programme_zone(self, zone: str) -> None:
        source = self.conference.source
        if source is not None:
            self._open(source.location, zone)

    def _open(self, location: str, zone: str | None = None) -> None:
        self.notify(_("Opening {place}…").format(place=shown(location)), timeout=30,
                    markup=False)
        self.run_worker(partial(self._open_in_thread, location, zone), thread=True,
                        exclusive=True, group="open-programme")

    def action_open(self) -> None:
        from confterm.ui.screens.open_programme import OpenScreen

        def open_it(chosen: tuple[str, str | None] | None) -> None:
            if chosen is not None:
                self._open(*chosen)

        today = self.conference.clock.now().date()
        source = self.conference.source
        self.app.push_screen(OpenScreen(today, source.location if source else None), open_it)

    def _open_in_thread(self, location: str, zone: str | None = None) -> None:
        """Open (maybe download) in a thread; the app then starts over with it."""
        from confterm.model.errors import ProgrammeError
        from confterm.opening.sources import open_location

        try:
            opened = open_location(location, timezone=zone, deadline=float(
                self.conference.settings.download_seconds))
        except ProgrammeError as error:
            first = error.problems[0] if error.problems else None
            why = f"{first.place}: {first.message}" if first else _("it does not load")
            self.app.call_from_thread(self.notify, f"{shown(location)}: {shown(why)}",
                                      title=_("Not opened"), severity="error", timeout=12,
                                      markup=False)
            return
        self.app.call_from_thread(self.app.exit, opened)

    def action_export(self) -> None:
        from confterm.ui.screens.export import ask_export

        ask_export(self.app, self.conference)

    def action_help(self) -> None:
        from confterm.ui.screens.help import HelpScreen

        # The grid's keys when it is shown (the list's are the usual ones, said
        # anyway), this screen's and the app's own, as currently mapped.
        nodes = (self.sessions_widget, self, self.app) if self.grid else (self, self.app)
        keys = [binding for node in nodes
                for bindings in node._bindings.key_to_bindings.values()
                for binding in bindings if binding.id is not None and binding.action != "select"]
        self.app.push_screen(HelpScreen(self.view.programme, self.display_options, keys))

    def open_details(self, session: Session) -> None:
        from confterm.ui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(session, self.conference, self.display_options))
