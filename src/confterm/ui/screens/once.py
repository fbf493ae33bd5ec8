"""Screens that close once, however many closing keys are queued."""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete


class ClosesOnce:
    """Mix into a screen (before the Textual class): keys queued behind the one
    that closed it (enter then escape) reach it while it closes; a second
    ``dismiss`` would hand a second result to the screen's caller, which Textual
    refuses with an error. It does nothing instead."""

    _dismissed_already = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._dismissed_already:
            return AwaitComplete()
        self._dismissed_already = True
        return super().dismiss(result)  # type: ignore[misc, no-any-return]
