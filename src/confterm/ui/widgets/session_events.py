"""What a view of sessions (the list or the timetable grid) reports to its screen."""

from __future__ import annotations

from textual.message import Message


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
