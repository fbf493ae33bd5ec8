"""The main screen: days, the sidebar's filters, search, the sessions and details.

The screen owns the browsing state as reactive, immutable values (``view`` is a
``ScheduleView`` that is replaced, never mutated) and the commands that change
it; widgets receive the state through ``data_bind`` and report back with
messages (``ui.widgets.messages`` and their own).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import var
from textual.screen import Screen

from confterm.conference.service import Conference
from confterm.i18n import _, set_language
from confterm.model.agenda import Agenda, at_now, clashing_ids
from confterm.model.changes import Seen
from confterm.model.facets import BY_ID
from confterm.model.programme import Session
from confterm.model.view import Catalogue, ScheduleView
from confterm.storage.settings import BrowseState
from confterm.ui.commands import (
    ChangeCommands,
    DayCommands,
    FilterCommands,
    FriendCommands,
    LanguageCommands,
    PeopleCommands,
    RoomCommands,
    SessionCommands,
)
from confterm.ui.render import Display
from confterm.ui.screens.browser_elsewhere import Elsewhere
from confterm.ui.screens.browser_keys import BROWSER_BINDINGS, typed_over
from confterm.ui.widgets.day_bar import DayBar
from confterm.ui.widgets.detail import SessionDetail
from confterm.ui.widgets.footer import KeyFooter
from confterm.ui.widgets.header import ProgrammeHeader
from confterm.ui.widgets.messages import (
    MarkerClicked,
    RoomsChanged,
    SessionHighlighted,
    SessionSelected,
)
from confterm.ui.widgets.notice_line import NoticeLine
from confterm.ui.widgets.room_layout import RoomLayout
from confterm.ui.widgets.search_line import SEARCH_PLACEHOLDER, SearchLine
from confterm.ui.widgets.session_list import SessionList
from confterm.ui.widgets.sessions_pane import SessionsPane
from confterm.ui.widgets.sidebar import ALL, FacetList, FacetSidebar
from confterm.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from confterm.ui.widgets.timetable_grid import TimetableGrid

#: Below this width the sidebar folds away (t, f or s bring it back).
SIDEBAR_WIDTH = 100
#: The sidebar's width when it is brought back over a narrow list or the grid.
GRID_SIDEBAR_WIDTH = 30
#: Below this width the details pane is hidden and enter opens them as a modal.
DETAILS_WIDTH = 140


class BrowserScreen(Elsewhere, Screen[None]):
    # on_mount focuses the list (or the grid) itself: Textual's automatic focus of
    # the first focusable widget (the sidebar's tracks) would only restyle twice.
    AUTO_FOCUS = ""
    COMMANDS = {SessionCommands, PeopleCommands, FriendCommands, DayCommands, FilterCommands,
                RoomCommands, LanguageCommands, ChangeCommands}
    BINDINGS = BROWSER_BINDINGS

    #: State of the screen: children are bound to it and repaint themselves.
    view: var[ScheduleView] = var[ScheduleView](None, always_update=True)  # type: ignore[arg-type]
    #: What the sessions shown are: ``view``, or while searching, matches from every day.
    results: var[ScheduleView] = var[ScheduleView](None, always_update=True)  # type: ignore[arg-type]
    display_options: var[Display] = var[Display](Display())
    #: The session under the cursor of the list or the grid.
    current: var[Session | None] = var[Session | None](None)
    agenda: var[Agenda] = var[Agenda](Agenda)
    #: "offline — cached at …" for a remote programme that could not be refreshed.
    offline_note: var[str | None] = var[str | None](None)
    now: var[dt.datetime | None] = var[dt.datetime | None](None)
    #: Bookmarks that clash with another bookmark (for the list and the grid).
    clashing: var[frozenset[str]] = var(frozenset())
    #: Sessions a refresh changed that the user has not looked at yet (c).
    changed: var[frozenset[str]] = var(frozenset())
    #: The latest change a refresh saw of each session (the details say what it was).
    change_notes: var[dict[str, Seen]] = var[dict[str, Seen]](dict)
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
        #: The sidebar as the user chose it (s, t, f…): shown, hidden, or None where
        #: it is shown when it fits.
        self._sidebar_choice: bool | None = None
        view = conference.opening_view()
        display = Display(conference.lang, conference.zone)
        set_language(display.lang)  # the interface speaks the programme's language
        self.set_reactive(BrowserScreen.offline_note, conference.status)
        self.set_reactive(BrowserScreen.agenda, conference.agenda)
        self.set_reactive(BrowserScreen.clashing, clashing_ids(conference.agenda,
                                                              conference.catalogue))
        self.set_reactive(BrowserScreen.friends, conference.sharing.friends)
        self.set_reactive(BrowserScreen.changed, frozenset(conference.unseen_changes))
        self.set_reactive(BrowserScreen.change_notes, conference.latest_changes)
        self.set_reactive(BrowserScreen.now, conference.clock.now())
        self.set_reactive(BrowserScreen.view, view)
        results = view.searched()
        self.set_reactive(BrowserScreen.results, results)
        # The list highlights its first session: show its details in the first frame.
        self.set_reactive(BrowserScreen.current, next(iter(results.sessions), None))
        self.set_reactive(BrowserScreen.display_options, display)
        state = conference.browse_state()
        self.set_reactive(BrowserScreen.grid, state.grid)
        self.set_reactive(BrowserScreen.room_layout,
                          RoomLayout(frozenset(state.hidden_rooms), state.room_order))

    # -- layout ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self._set_size_classes(self.app.size.width)  # right from the first frame
        screen = BrowserScreen
        yield ProgrammeHeader(self.view.programme, id="header").data_bind(
            screen.now, screen.display_options)
        yield NoticeLine(self.view.programme, id="notice").data_bind(
            screen.display_options, screen.offline_note)
        yield DayBar(id="days").data_bind(screen.view, screen.display_options)
        with Horizontal(id="body"):
            yield FacetSidebar(self.view.catalogue, id="sidebar").data_bind(
                screen.view, screen.display_options)
            with Vertical(id="main"):
                yield SearchLine(id="search").data_bind(screen.view)
                yield StatusLine(id="status").data_bind(
                    screen.view, screen.results, screen.display_options, screen.grid,
                    screen.room_layout, screen.only_friend)
                yield SessionsPane(grid=self.grid, id="sessions-pane").data_bind(
                    screen.view, screen.results, screen.display_options, screen.agenda,
                    screen.now, screen.friends, screen.clashing, screen.room_layout,
                    screen.current, screen.changed)
            yield SessionDetail(self.view.catalogue, id="detail").data_bind(
                session=screen.current, display_options=screen.display_options,
                agenda=screen.agenda, friends=screen.friends, changes=screen.change_notes)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fit_panes()  # before the first frame
        conference = self.conference
        conference.agenda_changed.subscribe(self, partial(setattr, self, "agenda"))
        conference.status_changed.subscribe(self, partial(setattr, self, "offline_note"))
        conference.time_passed.subscribe(self, partial(setattr, self, "now"))
        conference.sharing.friends_changed.subscribe(self, partial(setattr, self, "friends"))
        conference.changes_noted.subscribe(self, lambda _: self._note_changes())
        conference.programme_changed.subscribe(
            self, lambda reloaded: self.replace_programme(reloaded.after))
        self.set_focus(self.sessions_widget)
        if self.view.day == self.conference.today() and not self.view.query.strip():
            self._look_at_now()  # on a conference day, open at what is on now
        self.call_after_refresh(self.pane.prepare_search)  # after the first frame

    def on_unmount(self) -> None:
        for announcer in (self.conference.agenda_changed, self.conference.status_changed,
                          self.conference.time_passed, self.conference.programme_changed,
                          self.conference.sharing.friends_changed,
                          self.conference.changes_noted):
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
        sidebar = self.query_one(FacetSidebar)
        sidebar.display = choice if choice is not None else not folded
        sidebar.styles.width = GRID_SIDEBAR_WIDTH if folded else None
        self.pane.sidebar_over = GRID_SIDEBAR_WIDTH if choice else 0
        self.query_one("#detail").display = not (self.grid or self.has_class("-modal-details"))

    @property
    def modal_details(self) -> bool:
        return self.has_class("-modal-details") or self.grid

    @property
    def sidebar_shown(self) -> bool:
        return bool(self.query_one(FacetSidebar).display)

    @property
    def pane(self) -> SessionsPane:
        return self.query_one(SessionsPane)

    @property
    def sessions_widget(self) -> SessionList | TimetableGrid:
        """The list or the grid, whichever is shown."""
        return self.pane.shown

    @property
    def search_line(self) -> SearchLine:
        return self.query_one(SearchLine)

    # -- reacting to state ------------------------------------------------------
    def watch_view(self, view: ScheduleView) -> None:
        if not self.is_mounted:
            return
        results = self.results
        if results is not None and results.is_search and view.query.strip():
            self.results = results.matching(view.query)  # narrows the previous results
        else:
            self.results = view.searched()
        self._remember()

    def _remember(self) -> None:
        view, rooms = self.view, self.room_layout
        self.conference.remember(BrowseState(
            day=view.day, filters={facet: tuple(sorted(values))
                                   for facet, values in view.chosen_filters().items()},
            hide_finished=view.ending_after is not None,
            grid=self.grid, hidden_rooms=tuple(sorted(rooms.hidden)), room_order=rooms.order))

    def watch_grid(self, grid: bool) -> None:
        if self.is_mounted:
            self.fit_panes()  # first: the grid takes the width the panes leave it
            self.pane.grid = grid
            self._remember()

    def watch_room_layout(self) -> None:
        if self.is_mounted:
            self._remember()

    def watch_agenda(self, agenda: Agenda) -> None:
        self.clashing = clashing_ids(agenda, self.view.catalogue)
        if self.is_mounted and self.view.only is not None and self.only_friend is None:
            self.view = self.view.only_sessions(agenda.bookmarks)  # "mine" follows them

    def watch_now(self, now: dt.datetime | None) -> None:
        if self.is_mounted and self.view.ending_after is not None and now is not None:
            self.view = self.view.not_over_at(now)

    def _note_changes(self) -> None:
        self.changed = frozenset(self.conference.unseen_changes)
        self.change_notes = self.conference.latest_changes

    def watch_display_options(self, display: Display) -> None:
        if not self.is_mounted:
            return
        # The interface follows the programme's language (English where it has none).
        set_language(display.lang)
        self.query_one(KeyFooter).refresh()
        self.search_line.placeholder = _(SEARCH_PLACEHOLDER)

    def say(self, text: str, severity: str, seconds: float) -> None:
        """*text* in the notice line for *seconds* (on narrow terminals, where a
        toast would cover the list)."""
        self.query_one(NoticeLine).say(text, severity, seconds)

    @property
    def said(self) -> str | None:
        """What the notice line says for a while, if anything."""
        said = self.query_one(NoticeLine).said
        return said[0] if said is not None else None

    def replace_programme(self, catalogue: Catalogue) -> None:
        """Show a new version of the programme, keeping the filters that still apply."""
        old, view, programme = self.view, ScheduleView(catalogue), catalogue.programme
        dates = [d.date for d in programme.days]
        view = (view.on_day(old.day if old.day in dates else dates[0])
                .keeping(old.chosen_filters())
                .only_sessions(old.only).not_over_at(old.ending_after).matching(old.query))
        self.query_one(ProgrammeHeader).programme = programme
        self.query_one(NoticeLine).programme = programme
        self.query_one(SessionDetail).catalogue = view.catalogue
        self.view = view
        self.clashing = clashing_ids(self.agenda, view.catalogue)
        self.pane.prepare_search()

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

    @on(RoomsChanged)
    def _rooms_changed(self, event: RoomsChanged) -> None:
        self.room_layout = event.room_layout
        self.notify(event.said, timeout=3, markup=False)

    @on(SessionSelected)
    def _session_selected(self, event: SessionSelected) -> None:
        session = self.view.catalogue.sessions.get(event.session_id)
        if session is None or self.app.screen is not self:
            return  # (chosen before another screen came over this one: keys typed ahead)
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
        if isinstance(event.choice_list, FacetList):
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
        return not typed_over(action, self.focused)

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

    def _look_at_now(self) -> bool:
        today = self.conference.today()
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
        self.grid = True
        self.pane.go_to_room(room_id)

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
        found = self.query_one(FacetSidebar).list_of(facet_id)
        if found is None:
            self.notify(_("This programme has nothing to choose under “{title}”.")
                        .format(title=_(BY_ID[facet_id].title)), timeout=3, markup=False)
            return
        self._open_sidebar()
        self.set_focus(found)
        # (A sidebar just brought back is laid out in the next frame: then in sight.)
        self.call_after_refresh(found.scroll_visible, animate=False)

    def toggle_filter(self, facet_id: str, value: str) -> None:
        self.view = self.view.toggle(facet_id, value)

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

    def go_with(self, name: str) -> None:
        """Only the sessions *name* picked (their agenda, imported)."""
        agenda = self.friends.get(name)
        if agenda is not None:
            self.only_friend = name
            self.view = self.view.only_sessions(agenda.bookmarks)

    def action_hide_finished(self) -> None:
        hiding = self.view.ending_after is None
        self.view = self.view.not_over_at(self.conference.clock.now() if hiding else None)
        self.notify(_("Sessions that are over are hidden (h shows them).") if hiding
                    else _("Sessions that are over are shown."), timeout=2, markup=False)

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

    def action_back(self) -> None:
        if self.search_line.display:  # in the search line or its results: escape clears it
            self._close_search()
            self.view = self.view.matching("")
        elif self._sidebar_choice:  # opened over a narrow list or the grid: folded again
            self._sidebar_choice = None
            self.fit_panes()
        self.set_focus(self.sessions_widget)

    def action_toggle_bookmark(self) -> None:
        if self.current is None:
            self.app.bell()
            return
        self.conference.toggle_bookmark(self.current)

    def action_cycle_priority(self) -> None:
        if self.current is not None:
            self.conference.cycle_priority(self.current.id)
