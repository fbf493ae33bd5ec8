"""The key footer: as many keys as fit, the most useful first, none cut in half.

Keys that do not fit stay available (and listed in the help screen, ``?``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Actions in the order they earn a place in the footer; others come after.
PRIORITY = ("help", "app.quit", "quit", "step_day(1)", "search", "themes", "toggle_bookmark",
            "agenda", "dismiss", "app.pop_screen", "tracks", "clear_filters", "now_next",
            "toggle_language", "toggle_zone", "app.command_palette")


def _width(key: FooterKey) -> int:
    # Compact footer keys: key, a space, the description, and a gap after.
    return len(key.key_display) + len(key.description) + 2


class KeyFooter(Footer):
    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        rank = {action: index for index, action in enumerate(PRIORITY)}
        room, shown = self.app.size.width, set()
        self._composed_for = room  # a resize to the same width needs no new keys
        for key in sorted(keys, key=lambda k: rank.get(k.action, len(PRIORITY))):
            if _width(key) <= room:
                shown.add(id(key))
                room -= _width(key)
        for widget in widgets:
            if not isinstance(widget, FooterKey) or id(widget) in shown:
                yield widget

    def on_resize(self) -> None:
        width = self.app.size.width
        if width != getattr(self, "_composed_for", None):
            self.call_later(self.recompose)
