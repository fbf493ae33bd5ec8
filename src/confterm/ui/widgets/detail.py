"""The detail pane: everything about the highlighted session, scrollable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from confterm.i18n import _
from confterm.model.agenda import Agenda
from confterm.model.changes import Seen
from confterm.model.programme import Session
from confterm.model.view import Catalogue
from confterm.ui.render import Display, session_detail


class SessionDetail(VerticalScroll):
    session: reactive[Session | None] = reactive(None)
    display_options: reactive[Display] = reactive(Display())
    agenda: reactive[Agenda] = reactive(Agenda())
    catalogue: reactive[Catalogue | None] = reactive(None)
    friends: reactive[dict[str, Agenda]] = reactive(dict)
    #: The latest change a refresh saw of each session, by id (what it was).
    changes: reactive[dict[str, Seen]] = reactive(dict)

    def __init__(self, catalogue: Catalogue, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(SessionDetail.catalogue, catalogue)

    def compose(self) -> ComposeResult:
        yield Static(markup=False, classes="detail-body")

    def on_mount(self) -> None:
        self._refresh()

    def watch_session(self) -> None:
        self._refresh()
        self.scroll_home(animate=False)

    def watch_display_options(self) -> None:
        self._refresh()

    def watch_agenda(self) -> None:
        self._refresh()

    def watch_friends(self) -> None:
        self._refresh()

    def watch_changes(self, before: dict[str, Seen], after: dict[str, Seen]) -> None:
        # Only a change to the session shown: the text is set again, and with it
        # the whole screen laid out again (each refresh brings a new dict).
        shown = self.session.id if self.session is not None else None
        if shown is None or before.get(shown) != after.get(shown):
            self._refresh()

    def on_resize(self) -> None:
        self._refresh()  # list items are wrapped to the width

    def _refresh(self) -> None:
        bodies = self.query(".detail-body").results(Static)
        body = next(bodies, None)
        if body is None:  # not composed yet: on_mount calls again
            return
        if self.session is None or self.catalogue is None:
            body.update(_("Highlight a session to see its details."))
        else:
            body.update(session_detail(self.session, self.catalogue, self.display_options,
                                       self.agenda, self.friends,
                                       width=self.scrollable_content_region.width or None,
                                       change=self.changes.get(self.session.id)))
