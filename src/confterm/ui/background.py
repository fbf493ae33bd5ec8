"""Blocking work (a download, reading a file) off the thread that draws.

Textual's thread workers run in asyncio's default executor, whose threads the
interpreter waits for at exit: a download there would hold up quitting. Here the
work runs in a daemon thread and its result is handed back to the event loop;
if the app has closed meanwhile, the result is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: Background work sleeps this long now and then: the interface's thread, if it
#: waits, takes the interpreter at once, not after its 5 ms switch interval.
BREATH = 0.0005
#: And waits while keys, clicks or the wheel come, until none has for this long:
#: a key's frame is drawn with the interpreter to itself.
INPUT_QUIET = 0.05


async def input_quiet(last_input: Callable[[], float]) -> None:
    """Return once no input has come for ``INPUT_QUIET`` (at once if none has)."""
    while (wait := INPUT_QUIET - (time.monotonic() - last_input())) > BREATH:
        await asyncio.sleep(min(wait, INPUT_QUIET))


def breather(last_input: Callable[[], float], *, clock: Callable[[], float] = time.monotonic,
             sleep: Callable[[float], object] = time.sleep) -> Callable[[], None]:
    """What background work calls between steps (every few milliseconds of its
    work) to let the interface go first; *last_input*: the *clock*'s time of the
    user's latest input."""
    def breathe() -> None:
        sleep(BREATH)
        while (wait := INPUT_QUIET - (clock() - last_input())) > BREATH:
            sleep(min(wait, INPUT_QUIET))

    return breathe


async def in_daemon_thread(work: Callable[[], T], *, name: str = "confterm-work") -> T:
    """Run *work* in a daemon thread and await its result (or its exception)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # cancelled: nobody waits for it any more
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result, error = work(), None
        except BaseException as failure:
            result, error = None, failure
        with contextlib.suppress(RuntimeError):  # the loop has closed: the app is gone
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future
