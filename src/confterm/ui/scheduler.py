"""Timers and threads for the conference service, from the running app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.timer import Timer


class AppScheduler:
    """The ``confterm.conference.service.Scheduler`` of a Textual app."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app

    def later(self, seconds: float, callback: Callable[[], object]) -> Timer:
        return self.app.set_timer(seconds, callback)

    def every(self, seconds: float, callback: Callable[[], object]) -> Timer:
        return self.app.set_interval(seconds, callback)

    def in_background(self, work: Callable[[], OSError | None],
                      done: Callable[[OSError | None], object]) -> None:
        def run() -> None:
            result = work()
            if result is not None:  # nothing to do on the app's thread otherwise
                self.app.call_from_thread(done, result)

        self.app.run_worker(run, thread=True, group="background")
