"""Screens that close once, however many closing keys are queued."""

from __future__ import annotations

from functools import cache
from typing import Any

from textual.await_complete import AwaitComplete
from textual.screen import Screen


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


def palette(**options: Any) -> Screen[Any]:
    """Textual's command palette, closing once: an enter queued behind the one
    that chose a command would otherwise dismiss it a second time, and Textual
    would then pop the screen under it (and end the app)."""
    made: Screen[Any] = _palette_class()(**options)
    return made


@cache
def _palette_class() -> type[Screen[Any]]:
    from textual.command import CommandPalette  # (imported when first asked for)

    class Palette(ClosesOnce, CommandPalette):
        pass

    return Palette
