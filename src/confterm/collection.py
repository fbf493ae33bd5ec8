"""Garbage collection, tuned for a programme of tens of thousands of objects.

Everything confterm does to Python's cyclic collector is here:

- ``collector_paused``: building a programme (validating, unpickling) creates
  many objects that form no cycles; the collector would only walk them again
  and again, so it is paused, and the new objects are then filed as old ones.
- ``paused_until_drawn``: start-up builds a few hundred thousand such objects
  and no garbage worth a collection; the command line pauses the collector until
  the browser has drawn its first frame (a 30 ms collection would otherwise land
  inside it), and always turns it back on.
- ``IdleCollector``: while the browser runs, drawing a frame allocates many
  objects and a full collection (4–7 ms) would land inside a keystroke's frame
  now and then. Automatic collection is turned off once the browser has drawn,
  and it collects when no key, click or wheel has come for a moment, and at the
  latest every ``LONGEST`` seconds, so memory stays bounded however long someone
  types. ``stop`` gives everything back as it was.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of objects that
    form no cycles are built: it would only walk them again and again.

    On the way out the new objects are filed as old ones (``freeze`` then
    ``unfreeze`` moves every tracked object to the oldest generation without
    walking them), so the first young collection afterwards does not walk the
    whole programme either (20-30 ms at 10,000 sessions). Skipped when something
    else has frozen objects: unfreezing would undo that."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


@contextmanager
def paused_until_drawn() -> Iterator[None]:
    """Collector off for start-up; on again however the block ends (the browser
    turns it off again itself while it runs, see ``IdleCollector``)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


#: Seconds without input before collecting.
QUIET = 0.5
#: Collect at least this often, input or not.
LONGEST = 30.0


class IdleCollector:
    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self.last_collection = self.last_input
        self.collections = 0
        self._froze = False

    def start(self) -> None:
        """Take over from the automatic collector. The objects alive now (the
        programme, the interface) stay for good: the collector need not walk them
        (unless something else froze objects already: then nothing is frozen here,
        as ``stop`` could not tell its own apart)."""
        if not gc.get_freeze_count():
            gc.freeze()
            self._froze = True
        gc.disable()

    def stop(self) -> None:
        """Give collection back as it was: automatic, nothing left frozen by us."""
        if self._froze:
            gc.unfreeze()
            self._froze = False
        gc.enable()

    def note_input(self) -> None:
        self.last_input = time.monotonic()

    def tick(self) -> None:
        """Called every so often: collect if the user paused after doing
        something, or if a collection is overdue."""
        now = time.monotonic()
        paused = now - self.last_input >= QUIET and self.last_input > self.last_collection
        if paused or now - self.last_collection >= LONGEST:
            gc.collect()
            self.last_collection = now
            self.collections += 1
