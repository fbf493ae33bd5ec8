"""Garbage collection in the pauses between keys, not in the middle of one.

Python's collector runs whenever enough objects have been allocated, and
drawing a frame allocates many: a full collection (4–7 ms here) would then land
inside a keystroke's frame now and then. The browser instead turns automatic
collection off once it has drawn and collects when no key, click or wheel has
come for a moment, and at the latest every ``LONGEST`` seconds, so memory stays
bounded however long someone types.
"""

from __future__ import annotations

import gc
import time

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
