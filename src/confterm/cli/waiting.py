"""Saying what the command waits for, when it takes a while.

Opening a programme is usually instant (the validated copy is cached), but the
first opening of a large file, or a download on slow Wi-Fi, can take seconds:
on a terminal, once it has taken longer than a moment, one line on standard
error says what is going on and for how long, and is wiped when it is over.
Nothing is written when standard error is not a terminal (scripts, pipes).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

#: Seconds before anything is said: most openings are over by then.
AFTER = 0.4
#: The longest *what* said in full (the line must fit an 80-column terminal).
WIDEST = 60


@contextmanager
def while_waiting(what: str, *, after: float | None = None,
                  stream: TextIO | None = None) -> Iterator[None]:
    """Say *what* (already safe to print: neutralised) with the seconds so far,
    from *after* seconds (``AFTER``) on, until the block ends."""
    out = sys.stderr if stream is None else stream
    wait = AFTER if after is None else after
    if not out.isatty():
        yield
        return
    if len(what) > WIDEST:  # one line: a wrapped one would not be wiped whole
        what = what[:WIDEST // 2 - 1] + "…" + what[-(WIDEST // 2):]
    done = threading.Event()

    def say(text: str) -> None:
        try:
            out.write(text)
            out.flush()
        except (OSError, ValueError):  # the terminal went away: nothing to tell
            done.set()

    def tell() -> None:
        if done.wait(wait):
            return
        started = time.monotonic() - wait
        while True:
            say(f"\rconfterm: {what}… {time.monotonic() - started:.0f} s\x1b[K")
            if done.wait(1.0):
                break
        say("\r\x1b[K")  # the line is wiped: what follows starts clean

    teller = threading.Thread(target=tell, name="confterm-waiting", daemon=True)
    teller.start()
    try:
        yield
    finally:
        done.set()
        teller.join()
