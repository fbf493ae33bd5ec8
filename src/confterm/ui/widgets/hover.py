"""What the mouse is over, for widgets that draw their items themselves."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import events

T = TypeVar("T")


class Hovering(Generic[T]):
    """Mix into a widget: tracks the item under the pointer (``hover``) and asks
    for it to be redrawn when it changes."""

    hover: T | None = None

    def item_at(self, x: int, y: int) -> T | None:
        raise NotImplementedError

    def hover_changed(self, old: T | None, new: T | None) -> None:
        """Redraw what *old* and *new* cover."""
        raise NotImplementedError

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self.item_at(event.x, event.y)
        if item != self.hover:
            old, self.hover = self.hover, item
            self.hover_changed(old, item)

    def on_leave(self) -> None:
        if self.hover is not None:
            old, self.hover = self.hover, None
            self.hover_changed(old, None)
