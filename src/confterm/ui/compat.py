"""Guards around Textual behaviour that would otherwise crash the app.

``OptionList._move_page`` (page up/down, also in the command palette) looks up
line positions that are only computed once the list has been drawn; a key
pressed before that raises ``KeyError``. Found by the monkey test. The guard
skips the move until the lines exist.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList


def install() -> None:
    move_page = getattr(OptionList, "_move_page", None)
    if move_page is None or getattr(move_page, "_confterm_guarded", False):
        return

    def guarded(self: OptionList, direction: Any) -> None:
        self._update_lines()
        if (self.highlighted or 0) not in self._index_to_line or not self._lines:
            return
        move_page(self, direction)

    guarded._confterm_guarded = True  # type: ignore[attr-defined]
    OptionList._move_page = guarded  # type: ignore[method-assign]
