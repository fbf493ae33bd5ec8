"""Asks where to write the calendar file of the agenda."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from confterm.conference.service import Conference
from confterm.i18n import N_, ngettext
from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.footer import KeyFooter


def ask_export(app: App[object], conference: Conference) -> None:
    """Ask where to write the agenda's calendar file, then write it there."""

    def write(path: Path | None) -> None:
        if path is not None:
            conference.export_agenda(path)

    app.push_screen(ExportScreen(conference.default_export_path(), len(conference.agenda)),
                    write)


class ExportScreen(ClosesOnce, ModalScreen[Path | None]):
    """Returns the chosen path, or None when cancelled."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="cancel-export")]

    def __init__(self, default: Path, count: int) -> None:
        super().__init__()
        self.default = default
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            prompt = ngettext(
                "Export {count} bookmarked session to an iCalendar file (enter to write, "
                "escape to cancel):",
                "Export {count} bookmarked sessions to an iCalendar file (enter to write, "
                "escape to cancel):", self.count).format(count=self.count)
            yield Static(prompt, markup=False)
            yield Input(str(self.default), id="export-path")
        yield KeyFooter()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if self.is_current:  # an enter queued behind escape must not act twice
            # A relative path is taken from the home folder, where the default is.
            self.dismiss(Path.home() / Path(value).expanduser() if value else None)
