"""The user's rooms in the timetable grid.

Apart from the grid itself, so that the browser screen, which keeps the layout
(remembered per programme), can hold it without importing the grid: the grid
is made after the first frame (at once only when it is the remembered view).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RoomLayout:
    """The user's rooms for one programme: some hidden, some moved first."""

    hidden: frozenset[str] = frozenset()
    order: tuple[str, ...] = ()
