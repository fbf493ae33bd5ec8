"""The session details as a modal, for narrow terminals."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from confterm.model.agenda import Agenda
from confterm.model.programme import Session
from confterm.model.view import Catalogue
from confterm.ui.render import Display
from confterm.ui.widgets.detail import SessionDetail
from confterm.ui.widgets.footer import KeyFooter


class DetailScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,enter", "dismiss", "Close", id="close-details")]

    def __init__(self, session: Session, catalogue: Catalogue, display: Display,
                 agenda: Agenda) -> None:
        super().__init__()
        self.agenda = agenda
        self.session = session
        self.catalogue = catalogue
        self.display_options = display

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-dialog"):
            detail = SessionDetail(self.catalogue, id="detail-modal")
            detail.set_reactive(SessionDetail.session, self.session)
            detail.set_reactive(SessionDetail.display_options, self.display_options)
            detail.set_reactive(SessionDetail.agenda, self.agenda)
            yield detail
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(SessionDetail).focus()

    def on_click(self) -> None:
        # A click outside the dialog closes it (clicks inside are stopped there).
        if self.is_current:
            self.dismiss()
