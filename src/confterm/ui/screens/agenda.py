"""The agenda screen: bookmarked sessions by day, with gaps and clashes."""

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
from confterm.model.agenda import Agenda, Gap, agenda_days
from confterm.model.programme import Session
from confterm.timefmt import day_heading
from confterm.ui.render import Display, agenda_row
from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.footer import KeyFooter
from confterm.ui.widgets.paged_option_list import PagedOptionList
from confterm.wording import priority_marker


class AgendaScreen(ClosesOnce, Screen[Session | None]):
    """Returns the session chosen to be shown in the programme, or None."""

    BINDINGS = [
        Binding("escape,a", "dismiss(None)", "Back", id="close-agenda"),
        Binding("b,delete,space", "remove", "Remove", id="agenda-remove"),
        Binding("p", "priority", "Priority", id="agenda-priority"),
        Binding("e", "export", "Export", id="agenda-export"),
    ]

    agenda: var[Agenda] = var[Agenda](Agenda, always_update=True)

    def __init__(self, conference: Conference, display: Display) -> None:
        super().__init__()
        self.conference = conference
        self.catalogue = conference.catalogue
        self.display_options = display
        self.set_reactive(AgendaScreen.agenda, conference.agenda)

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-title", markup=False)
        yield PagedOptionList(id="agenda-list", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.conference.agenda_changed.subscribe(self, partial(setattr, self, "agenda"))
        self._rebuild()
        self.set_focus(self.query_one(OptionList))

    def on_unmount(self) -> None:
        self.conference.agenda_changed.unsubscribe(self)

    def on_resize(self) -> None:
        self._rebuild()  # rows are wrapped to the width

    def watch_agenda(self) -> None:
        if self.is_mounted:
            self._rebuild()

    def _rebuild(self) -> None:
        agenda, catalogue, display = self.agenda, self.catalogue, self.display_options
        programme, lang = catalogue.programme, display.lang
        sessions = agenda.sessions(catalogue)
        clashes = sum(bool(agenda.clashes_with(s, catalogue)) for s in sessions)
        summary = f"My agenda · {len(agenda)} bookmarked"
        if clashes:
            summary += f" · ⚠ {clashes} sessions clash"
        self.query_one("#agenda-title", Static).update(Content.styled(summary, "bold"))
        options: list[Option] = []
        width = self.app.size.width - 2
        for day in agenda_days(sessions):
            options.append(Option(Content.styled(day_heading(programme, day.day, lang),
                                                 "bold reverse"), disabled=True))
            for entry in day.entries:
                if isinstance(entry, Gap):
                    start = entry.start.astimezone(display.zone)
                    end = entry.end.astimezone(display.zone)
                    options.append(Option(Content.styled(
                        f"  {start:%H:%M}–{end:%H:%M}  free time", "dim italic"),
                        disabled=True))
                    continue
                options.append(Option(agenda_row(
                    entry, agenda.bookmarks[entry.id], catalogue, display,
                    agenda.clashes_with(entry, catalogue), width), id=entry.id))
        missing = agenda.missing(catalogue)
        if missing:
            options.append(Option(Content.styled("No longer in the programme",
                                                 "bold reverse"), disabled=True))
            for bookmark in missing:
                was = (f" (was {bookmark.start.astimezone(display.zone):%a %d %b %H:%M})"
                       if bookmark.start else "")
                options.append(Option(Content.assemble(
                    (f" {priority_marker(bookmark.priority)} ", "$accent bold"),
                    (bookmark.title or bookmark.session_id, "strike"), (was, "dim"),
                    ("  no longer in the programme", "$warning")), id=bookmark.session_id))
        if not options:
            options.append(Option("No bookmarks yet. In the list, b or space bookmarks the "
                                  "highlighted session.", disabled=True))
        session_list = self.query_one(OptionList)
        keep = session_list.highlighted
        session_list.set_options(options)
        if keep is not None:
            session_list.highlighted = min(keep, len(options) - 1)
            if session_list.highlighted_option and session_list.highlighted_option.disabled:
                session_list.action_cursor_down()
        else:
            session_list.action_first()

    def _selected_id(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        return option.id if option is not None and not option.disabled else None

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
