"""The agenda screen: bookmarked sessions by day, with gaps and clashes; then each
friend's picks beside them (shared ones and clashes with mine marked), to add
one or all to mine; and importing an agenda."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from confterm.conference.service import Conference
from confterm.i18n import N_, _, ngettext
from confterm.model.agenda import Agenda, Gap, agenda_days, takes_time
from confterm.model.programme import Session
from confterm.model.text import shown as shown_location
from confterm.model.view import overlaps
from confterm.timefmt import day_heading, day_tab
from confterm.ui.render import Display, agenda_row, brief_row
from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.footer import KeyFooter
from confterm.ui.widgets.paged_option_list import PagedOptionList
from confterm.wording import priority_marker


class AgendaScreen(ClosesOnce, Screen[Session | None]):
    """Returns the session chosen to be shown in the programme, or None."""

    BINDINGS = [
        Binding("escape,a", "dismiss(None)", N_("Back"), id="close-agenda"),
        Binding("b,delete,space", "remove", N_("Remove"), id="agenda-remove"),
        Binding("p", "priority", N_("Priority"), id="agenda-priority"),
        Binding("e", "export", N_("Export"), id="agenda-export"),
        Binding("plus", "add", N_("Add to mine"), id="agenda-add",
                tooltip=N_("Agenda: add the friend's pick under the cursor to mine")),
        Binding("asterisk", "add_all", N_("Add all"), id="agenda-add-all",
                tooltip=N_("Agenda: add every pick of that friend to mine")),
        Binding("i", "import", N_("Import"), id="agenda-import",
                tooltip=N_("Agenda: import an agenda (a calendar or bookmarks file, or URL)")),
    ]

    agenda: var[Agenda] = var[Agenda](Agenda, always_update=True)
    friends: var[dict[str, Agenda]] = var[dict[str, Agenda]](dict, always_update=True)

    def __init__(self, conference: Conference, display: Display) -> None:
        super().__init__()
        self.conference = conference
        self.catalogue = conference.catalogue
        self.display_options = display
        self.set_reactive(AgendaScreen.agenda, conference.agenda)
        self.set_reactive(AgendaScreen.friends, conference.sharing.friends)
        #: Rows of friends' picks: option id -> (friend, session id).
        self._picks: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-title", markup=False)
        yield PagedOptionList(id="agenda-list", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.conference.agenda_changed.subscribe(self, partial(setattr, self, "agenda"))
        self.conference.sharing.friends_changed.subscribe(
            self, partial(setattr, self, "friends"))
        self._rebuild()
        self.set_focus(self.query_one(OptionList))

    def on_unmount(self) -> None:
        self.conference.agenda_changed.unsubscribe(self)
        self.conference.sharing.friends_changed.unsubscribe(self)

    def on_resize(self) -> None:
        self._rebuild()  # rows are wrapped to the width

    def watch_agenda(self) -> None:
        if self.is_mounted:
            self._rebuild()

    def watch_friends(self) -> None:
        if self.is_mounted:
            self._rebuild()
            self.refresh_bindings()  # their keys come and go with them

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A friend's keys only where there are friends' picks to add."""
        return bool(self.friends) or action not in ("add", "add_all")

    def _rebuild(self) -> None:
        agenda, catalogue, display = self.agenda, self.catalogue, self.display_options
        programme, lang = catalogue.programme, display.lang
        sessions = agenda.sessions(catalogue)
        clashes = sum(bool(agenda.clashes_with(s, catalogue)) for s in sessions)
        summary = _("My agenda · {count} bookmarked").format(count=len(agenda))
        if clashes:
            summary += " · ⚠ " + _("{count} sessions clash").format(count=clashes)
        if self.friends:
            summary += " · " + _("going with {names}").format(names=", ".join(self.friends))
        self.query_one("#agenda-title", Static).update(Content.styled(summary, "bold"))
        options: list[Option] = []
        # The list's own width (less its scrollbar), so no row is wrapped again.
        width = self.query_one(OptionList).scrollable_content_region.width or (
            self.app.size.width - 4)
        for day in agenda_days(sessions):
            options.append(Option(Content.styled(day_heading(programme, day.day, lang),
                                                 "bold reverse"), disabled=True))
            for entry in day.entries:
                if isinstance(entry, Gap):
                    start = entry.start.astimezone(display.zone)
                    end = entry.end.astimezone(display.zone)
                    options.append(Option(Content.styled(
                        "  " + _("{start}–{end}  free time").format(
                            start=f"{start:%H:%M}", end=f"{end:%H:%M}"), "dim italic"),
                        disabled=True))
                    continue
                options.append(Option(agenda_row(
                    entry, agenda.bookmarks[entry.id], catalogue, display,
                    agenda.clashes_with(entry, catalogue), width), id=entry.id))
        missing = agenda.missing(catalogue)
        if missing:
            options.append(Option(Content.styled(_("No longer in the programme"),
                                                 "bold reverse"), disabled=True))
            for bookmark in missing:
                local = bookmark.start.astimezone(display.zone) if bookmark.start else None
                was = (" " + _("(was {when})").format(
                    when=f"{day_tab(local.date(), None)} {local:%H:%M}") if local else "")
                options.append(Option(Content.assemble(
                    (f" {priority_marker(bookmark.priority)} ", "$accent bold"),
                    (bookmark.title or bookmark.session_id, "strike"), (was, "dim"),
                    ("  " + _("no longer in the programme"), "$warning")),
                    id=bookmark.session_id))
        if not options:
            options.append(Option(Content(_(
                "No bookmarks yet. In the list, b or space bookmarks the highlighted "
                "session; i imports an agenda.")), disabled=True))
        options += self._friends_options(width)
        session_list = self.query_one(OptionList)
        keep = session_list.highlighted
        kept = session_list.highlighted_option.id if session_list.highlighted_option else None
        session_list.set_options(options)
        place = next((i for i, o in enumerate(options) if kept and o.id == kept), None)
        if place is not None:  # the same row, wherever it went
            session_list.highlighted = place
        elif keep is not None:
            session_list.highlighted = min(keep, len(options) - 1)
            if session_list.highlighted_option and session_list.highlighted_option.disabled:
                session_list.action_cursor_down()
        else:
            session_list.action_first()

    def _friends_options(self, width: int) -> list[Option]:
        """Each friend's picks: ★ shared with mine, ⚠ clashing with mine, + to add."""
        agenda, catalogue, display = self.agenda, self.catalogue, self.display_options
        mine = agenda.sessions(catalogue)
        options: list[Option] = []
        self._picks = {}
        for number, (name, theirs) in enumerate(self.friends.items()):
            picks = theirs.sessions(catalogue)
            shared = sum(1 for s in picks if s.id in agenda)
            options.append(Option(Content.styled(
                _("Picks · {name} · {count} · {shared} shared with my agenda (+ adds one, "
                  "* adds all)").format(name=name, count=len(picks), shared=shared),
                "bold reverse"), disabled=True))
            for session in picks:
                clash = session.id not in agenda and any(
                    overlaps(session, other) for other in mine if takes_time(other)
                    and takes_time(session))
                mark = ("✓ ", "$success bold") if session.id in agenda else (
                    ("⚠ ", "$warning bold") if clash else ("+ ", "$accent"))
                option_id = f"pick-{number}-{session.id}"  # stable: the cursor stays on it
                self._picks[option_id] = (name, session.id)
                options.append(Option(brief_row(session, catalogue, display, None, width,
                                                 mark=mark), id=option_id))
        return options

    def _selected_id(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.disabled or option.id in self._picks:
            return None
        return option.id

    def _selected_pick(self) -> tuple[str, str] | None:
        option = self.query_one(OptionList).highlighted_option
        return self._picks.get(option.id or "") if option is not None else None

    def action_add(self) -> None:
        pick = self._selected_pick()
        session = self.catalogue.sessions.get(pick[1]) if pick else None
        if pick is None or session is None or session.id in self.agenda:
            self.app.bell()
            return
        self.conference.sharing.add_friends_picks(pick[0], [session])

    def action_add_all(self) -> None:
        pick = self._selected_pick()
        if pick is None:
            self.app.bell()
            return
        added = self.conference.sharing.add_friends_picks(pick[0])
        self.notify(ngettext("Added {count} pick of {name} to my agenda.",
                             "Added {count} picks of {name} to my agenda.", added).format(
            count=added, name=pick[0]), timeout=4, markup=False)

    def action_import(self) -> None:
        from confterm.ui.screens.import_agenda import ImportScreen, Request

        def start(request: Request | None) -> None:
            if request is not None:
                self.run_worker(partial(self._import, *request), thread=True,
                                group="agenda-import", exclusive=True)

        self.app.push_screen(ImportScreen(), start)

    def _import(self, location: str, friend: str | None) -> None:
        """In a thread: read and match (maybe a download); keep it on the UI thread."""
        from confterm.opening.agendas import AgendaFileError

        try:
            imported = self.conference.sharing.read(location)
        except AgendaFileError as error:
            self.app.call_from_thread(self.notify,
                                      f"{shown_location(location)}: {shown_location(error)}",
                                      title=_("Not imported"), severity="error", timeout=10,
                                      markup=False)
            return
        self.app.call_from_thread(self._keep, imported, friend)

    def _keep(self, imported: object, friend: str | None) -> None:
        from confterm.opening.agendas import ImportedAgenda
        from confterm.storage.friends import FriendNameError

        assert isinstance(imported, ImportedAgenda)
        try:
            said = self.conference.sharing.keep(imported, friend)
        except (FriendNameError, OSError) as error:
            self.notify(str(error), title=_("Not imported"), severity="error", timeout=10,
                        markup=False)
            return
        self.notify(said, title=_("Agenda imported"), timeout=8, markup=False)

    def action_remove(self) -> None:
        session_id = self._selected_id()
        if session_id is not None:
            self.conference.remove_bookmark(session_id)

    def action_priority(self) -> None:
        session_id = self._selected_id()
        if session_id is not None:
            self.conference.cycle_priority(session_id)

    def action_export(self) -> None:
        from confterm.ui.screens.export import ask_export

        ask_export(self.app, self.conference)

    @on(OptionList.OptionSelected, "#agenda-list")
    def _go_to(self, event: OptionList.OptionSelected) -> None:
        session = self.catalogue.sessions.get(event.option.id or "")
        if session is not None and self.is_current:  # not after it was closed
            self.dismiss(session)
