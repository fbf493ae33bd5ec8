"""The key footer, leaving out secondary keys when the terminal is narrow."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Below this width these actions leave the footer (they stay in the help screen).
NARROW = 80
SECONDARY = frozenset({"toggle_language", "toggle_zone", "app.command_palette"})


class KeyFooter(Footer):
    def compose(self) -> ComposeResult:
        narrow = self.app.size.width < NARROW
        for widget in super().compose():
            if narrow and isinstance(widget, FooterKey) and widget.action in SECONDARY:
                continue
            yield widget

    def on_resize(self) -> None:
        narrow = self.app.size.width < NARROW
        if narrow != getattr(self, "_was_narrow", None):
            self._was_narrow = narrow
            self.call_later(self.recompose)
