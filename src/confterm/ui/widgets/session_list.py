"""The session list: one option per session, parallel sessions grouped under their slot.

Built on ``OptionList``, which renders only the lines on screen, so a programme
of any size costs one ``Option`` object per row and no widgets.
"""

from __future__ import annotations

from itertools import groupby

from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from confterm.model.agenda import Agenda, clashing_pairs
from confterm.model.programme import Kind
from confterm.model.view import ScheduleView
from confterm.timefmt import day_heading
from confterm.ui.render import MARKER_WIDTH, Display, session_row, slot_heading

# Sessions that run alongside everything and do not make a slot "parallel".
_BACKGROUND = (Kind.EXHIBITION, Kind.BREAK)


class SessionList(OptionList):
    """Sessions of the current view. Highlight and selection are reported with
    OptionList's own messages; an option's id is the session id."""

    view: reactive[ScheduleView | None] = reactive(None, always_update=True)
    display_options: reactive[Display] = reactive(Display())
    agenda: reactive[Agenda] = reactive(Agenda())

    class MarkerClicked(Message):
        """The bookmark marker of a session was clicked."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._built_width = 0
        self._rebuild_pending = False

    def watch_view(self) -> None:
        self._rebuild_soon()

    def watch_display_options(self) -> None:
        self._rebuild_soon()

    def watch_agenda(self) -> None:
        self._rebuild_soon()

    async def _on_click(self, event: Click) -> None:
        index = event.style.meta.get("option")
        if index is not None and event.x < MARKER_WIDTH:
            option = self.get_option_at_index(index)
            if option.id is not None:
                self.highlighted = index
                self.post_message(self.MarkerClicked(option.id))
                return
        await super()._on_click(event)

    def on_resize(self) -> None:
        # Rows are wrapped to the width, so a new width needs new rows.
        if self.scrollable_content_region.width - 1 != self._built_width:
            self._rebuild_soon()

    def _rebuild_soon(self) -> None:
        """Rebuild once for any number of changes arriving together."""
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_later(self._rebuild)

    @property
    def highlighted_session_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        view = self.view
        if view is None:
            return
        keep = self.highlighted_session_id
        width = self.scrollable_content_region.width - 1 or 80
        self._built_width = width
        options: list[Option | None] = []
        programme, lang = view.programme, self.display_options.lang
        agenda = self.agenda
        clashing = {s.id for pair in clashing_pairs(agenda.sessions(view.catalogue))
                    for s in pair}
        day = None
        for _, group in groupby(view.sessions, key=lambda s: s.start):
            sessions = list(group)
            if view.day is None and sessions[0].day != day:  # a search over all days
                day = sessions[0].day
                label = programme.days[programme.day_index(day) - 1].label
                options.append(Option(Content.styled(day_heading(
                    day, programme.day_index(day), label.get(lang) if label else None),
                    "bold reverse"), disabled=True))
            foreground = [s for s in sessions if s.kind not in _BACKGROUND]
            parallel = len(foreground) > 1
            if parallel:
                options.append(Option(slot_heading(sessions[0].start, len(foreground),
                                                   self.display_options), disabled=True))
            options.extend(
                Option(session_row(s, view.catalogue, self.display_options, width=width,
                                   parallel=parallel and s in foreground,
                                   bookmark=agenda.get(s.id), clash=s.id in clashing),
                       id=s.id)
                for s in sessions)
        if not options:
            message = "No sessions match the filters. Press x to clear them."
            options.append(Option(message, disabled=True))
        self.set_options(options)
        self._restore_highlight(keep)

    def _restore_highlight(self, session_id: str | None) -> None:
        if session_id is not None:
            try:
                self.highlighted = self.get_option_index(session_id)
                return
            except OptionDoesNotExist:  # the session is filtered out
                pass
        self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)

    def highlight_session(self, session_id: str) -> None:
        self._restore_highlight(session_id)
