"""The key footer: as many keys as fit, the most useful first, none cut in half.

Keys that do not fit stay available (and listed in the help screen, ``?``).
One line drawn as text: when the keys change (focus moves, a screen opens) it
is redrawn, not rebuilt from a widget per key. A click on a key presses it.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

from confterm.i18n import _
from confterm.ui.widgets.hover import Hovering

#: Actions in the order they earn a place in the footer; others come after.
#: Which keys the footer keeps when they do not all fit, most wanted first, by
#: binding id ("close" stands for every dialog's close or cancel key). Everything
#: else about a key (its keys, label, help text) is declared with its binding.
PRIORITY = ("help", "quit", "next-day", "room-right", "search", "themes", "bookmark", "agenda",
            "grid", "close", "tracks", "clear-filters", "now-next", "language", "time-zone",
            "palette")


def footer_rank(binding_id: str | None) -> str:
    """The entry of ``PRIORITY`` that stands for *binding_id*."""
    if binding_id and binding_id.startswith(("close-", "cancel-")):
        return "close"
    if binding_id == "previous-day":  # shown with next-day, as one key: ←→ Day
        return "next-day"
    return binding_id or ""


class FooterKey(NamedTuple):
    key: str
    display: str
    description: str
    action: str
    enabled: bool
    id: str | None

    @property
    def width(self) -> int:
        # The key, a space, the description, and a gap after.
        return cell_len(self.display) + cell_len(self.description) + 2


class KeyFooter(Hovering[int], Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key", "key-footer--description", "key-footer--hover"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key { color: $footer-key-foreground; text-style: bold; }
        & > .key-footer--description { color: $footer-description-foreground; }
        & > .key-footer--hover { background: $block-hover-background; }
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    @property
    def shown_keys(self) -> list[FooterKey]:
        """The keys drawn at the current width, left to right."""
        keys: dict[str, FooterKey] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                # "←→ Day" is "[] Day" where the grid has taken ← and → for rooms.
                display = ("[]" if binding.key == "right_square_bracket"
                           else self.app.get_key_display(binding))
                keys[binding.action] = FooterKey(
                    binding.key, display, _(binding.description),
                    binding.action, enabled, binding.id)
        rank = {binding_id: index for index, binding_id in enumerate(PRIORITY)}
        # The last key's gap may fall past the edge: one more cell to fill.
        room, chosen = (self.size.width or self.app.size.width) + 1, set()
        for key in sorted(keys.values(), key=lambda k: rank.get(footer_rank(k.id), len(PRIORITY))):
            if key.width <= room:
                chosen.add(key.action)
                room -= key.width
        return [key for key in keys.values() if key.action in chosen]

    def render(self) -> Content:
        key_style = self.get_visual_style("key-footer--key")
        description_style = self.get_visual_style("key-footer--description")
        hover_style = self.get_visual_style("key-footer--hover")
        parts: list[Content] = []
        for index, key in enumerate(self.shown_keys):
            item = Content.assemble((key.display, key_style), " ",
                                    (key.description, description_style))
            if index == self.hover:
                item = item.stylize(hover_style)
            if not key.enabled:
                item = item.stylize("dim")
            parts.extend((item, Content(" ")))
        return Content.assemble(*parts)

    def _key_at(self, x: int) -> int | None:
        start = 0
        for index, key in enumerate(self.shown_keys):
            if start <= x < start + key.width - 1:
                return index
            start += key.width
        return None

    def item_at(self, x: int, y: int) -> int | None:
        return self._key_at(x)

    def hover_changed(self, old: int | None, new: int | None) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        key = self.shown_keys[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
