"""Asks for an agenda to import (a file or URL) and whose it is."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from confterm.i18n import N_, _
from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.footer import KeyFooter

#: What the dialog returns: where the agenda is, and whose it is (None: mine).
Request = tuple[str, str | None]


class ImportScreen(ClosesOnce, ModalScreen[Request | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="cancel-import")]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog"):
            yield Static(_("Import an agenda: an .ics calendar (from confterm, another "
                           "schedule app, pretalx's faved.ics) or a confterm bookmarks file."),
                         markup=False)
            yield Input(placeholder=_("File or http(s) URL"), id="import-source")
            yield Static(_("Whose is it? A friend's name keeps it beside yours; leave empty "
                           "to add its sessions to yours."), markup=False)
            yield Input(placeholder=_("Name (empty: add to mine)"), id="import-name")
        yield KeyFooter()

    @on(Input.Submitted, "#import-source")
    def _next(self) -> None:
        self.query_one("#import-name", Input).focus()

    @on(Input.Submitted, "#import-name")
    def _submitted(self) -> None:
        source = self.query_one("#import-source", Input).value.strip()
        name = self.query_one("#import-name", Input).value.strip()
        if not source:
            self.app.bell()
            self.query_one("#import-source", Input).focus()
            return
        if self.is_current:
            self.dismiss((source, name or None))
