"""A modal window showing one scrollable text (help, now and next, changes)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.footer import KeyFooter


class TextDialog(ClosesOnce, ModalScreen[None]):
    """Subclasses set ``DIALOG_ID`` (for the stylesheet) and build ``_content()``,
    wrapping their lines to ``content_width`` themselves (so that a wrapped line
    keeps its indent). The text is built again when the window's width changes."""

    DIALOG_ID: ClassVar[str] = "text-dialog"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=self.DIALOG_ID):
            yield Static(self._content(), markup=False)
        yield KeyFooter()

    @property
    def content_width(self) -> int:
        """The width the text is drawn in: the window's, once laid out; before
        that, what the stylesheet will give it (90% of the screen, at most 90,
        less its border, padding and scrollbar)."""
        if self.is_mounted:
            width = self.query_one(VerticalScroll).scrollable_content_region.width
            if width:
                return width
        return min(int(self.app.size.width * 0.9), 90) - 6

    def on_mount(self) -> None:
        self.call_after_refresh(self._rewrap)  # now that the window has its width

    def on_resize(self) -> None:
        self.call_after_refresh(self._rewrap)

    def _rewrap(self) -> None:
        if self.is_mounted:
            self.query_one(f"#{self.DIALOG_ID} Static", Static).update(self._content())

    def _content(self) -> Content:
        raise NotImplementedError
