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
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


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
