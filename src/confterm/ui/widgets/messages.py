"""What widgets of the browser report to its screen, shared by several of them:
the list and the timetable grid (a session highlighted, selected, its marker
clicked), the grid (its rooms changed). A widget's own word stays with it
(``DayBar.DayChosen``, ``FacetList.Picked``, ``SearchLine.Edited``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from confterm.ui.widgets.room_layout import RoomLayout


class SessionHighlighted(Message):
    """The cursor is on another session (None: on none). *origin* is the list or
    grid that says so: a message queued by the one just hidden is out of date."""

    def __init__(self, session_id: str | None, origin: object = None) -> None:
        super().__init__()
        self.session_id = session_id
        self.origin = origin


class SessionSelected(Message):
    """The user asked for a session's details (enter, double-click)."""

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id


class MarkerClicked(Message):
    """The bookmark marker of a session was clicked."""

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id


class RoomsChanged(Message):
    """The user hid, showed or moved rooms in the grid: the new layout, to remember."""

    def __init__(self, layout: RoomLayout, said: str) -> None:
        super().__init__()
        self.room_layout = layout
        self.said = said
