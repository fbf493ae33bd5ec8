"""Moving through a list drawn line by line: the same keys, and binding ids
(for remapping), in the session list and the sidebar's lists."""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: A list using these implements ``action_cursor(step)``, ``action_page(direction)``,
#: ``action_first`` and ``action_last``.
MOVEMENT_BINDINGS: list[BindingType] = [
    Binding("up", "cursor(-1)", "Up", show=False, id="cursor-up"),
    Binding("down", "cursor(1)", "Down", show=False, id="cursor-down"),
    Binding("pageup", "page(-1)", "Page up", show=False, id="page-up"),
    Binding("pagedown", "page(1)", "Page down", show=False, id="page-down"),
    Binding("home", "first", "First", show=False, id="first"),
    Binding("end", "last", "Last", show=False, id="last"),
]
