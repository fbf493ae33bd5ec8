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
    """Subclasses set ``DIALOG_ID`` (for the stylesheet) and build ``_content()``."""

    DIALOG_ID: ClassVar[str] = "text-dialog"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=self.DIALOG_ID):
            yield Static(self._content(), markup=False)
        yield KeyFooter()

    def _content(self) -> Content:
        raise NotImplementedError
