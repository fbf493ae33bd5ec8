"""The session details as a modal, for narrow terminals."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from confterm.conference.service import Conference
from confterm.i18n import N_
from confterm.model.agenda import Agenda
from confterm.model.programme import Session
from confterm.ui.render import Display
from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.detail import SessionDetail
from confterm.ui.widgets.footer import KeyFooter


class DetailScreen(ClosesOnce, ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,enter", "dismiss", N_("Close"), id="close-details"),
        # The same keys as in the list: the details window must not swallow them.
        Binding("b,space", "toggle_bookmark", N_("Bookmark"), id="details-bookmark",
                tooltip=N_("Bookmark the session, or remove it")),
        Binding("p", "cycle_priority", N_("Priority"), id="details-priority",
                tooltip=N_("Bookmark priority: must attend ★ or maybe ☆")),
    ]
    def __init__(self, session: Session, conference: Conference, display: Display) -> None:
        super().__init__()
        self.conference = conference
        self.agenda = conference.agenda
        self.session = session
        self.catalogue = conference.catalogue
        self.display_options = display

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-dialog"):
            detail = SessionDetail(self.catalogue, id="detail-modal")
            detail.set_reactive(SessionDetail.session, self.session)
            detail.set_reactive(SessionDetail.display_options, self.display_options)
            detail.set_reactive(SessionDetail.agenda, self.agenda)
            detail.set_reactive(SessionDetail.friends, self.conference.sharing.friends)
            detail.set_reactive(SessionDetail.changes, self.conference.latest_changes)
            yield detail
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(SessionDetail).focus()

    def on_click(self, event: events.Click) -> None:
        # A click outside the dialog closes it; one inside (to scroll, to select)
        # does not.
        dialog = self.query_one("#detail-dialog").region
        if self.is_current and not dialog.contains(event.screen_x, event.screen_y):
            self.dismiss()

    def action_toggle_bookmark(self) -> None:
        self._show(self.conference.toggle_bookmark(self.session))

    def action_cycle_priority(self) -> None:
        self._show(self.conference.cycle_priority(self.session.id))

    def _show(self, agenda: Agenda) -> None:
        self.agenda = agenda
        self.query_one(SessionDetail).agenda = agenda
