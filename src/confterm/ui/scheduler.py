"""Timers and threads for the conference service, from the running app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.timer import Timer

from confterm.ui.background import breather, in_daemon_thread, input_quiet

T = TypeVar("T")


class AppScheduler:
    """The ``confterm.conference.service.Scheduler`` of a Textual app.
    *last_input*: ``time.monotonic()`` of the user's latest input (keys, clicks,
    the wheel), which work beside the interface gives way to."""

    def __init__(self, app: App[Any], last_input: Callable[[], float]) -> None:
        self.app = app
        self.last_input = last_input
        self.breathe = breather(last_input)

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

    def read_again(self, work: Callable[[], T], done: Callable[[T], object], *,
                   quiet: bool) -> None:
        async def read() -> None:
            result = await in_daemon_thread(work, name="confterm-reload")
            await input_quiet(self.last_input)  # shown between keys, not on top of one
            done(result)

        # The function, not a coroutine made now: quitting before the worker
        # starts would leave that coroutine never awaited (a warning at exit).
        self.app.run_worker(read, exclusive=True,  # type: ignore[arg-type]
                            group="refresh" if quiet else "reload")
