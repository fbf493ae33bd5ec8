"""Reading a large programme again in another process.

A refresh or reload runs beside the interface. In a thread, converting and
validating a thousand sessions shares the interpreter with the interface for
a third of a second: keys pressed meanwhile wait about twice as long for their
frame, and some over 100 ms (``benchmarks/refresh_keys.py``). For a large programme the reading is
done first by a child process, which fills the caches (the download's copy
and the validated programme); the reading here then finds them, and only
unpickles. The child's outcome is not trusted for anything: whatever it did
not do (a file it could not read, a download that failed) is done here, as
before, and reported from here. Bookmarks are moved only here.

The child runs ``confterm.opening.fill_caches``.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time

#: Sessions from which a programme is read again in a child process (below, a
#: thread's reading is short enough; a process costs some 150 ms to start).
FROM_SESSIONS = 400


def prepare_elsewhere(location: str, timezone: str | None, deadline: float) -> float:
    """Fill the caches for *location* in a child process, within *deadline*
    seconds; returns the seconds of the deadline left."""
    started = time.monotonic()
    argv = [sys.executable, "-m", "confterm.opening.fill_caches", location, str(deadline),
            *([timezone] if timezone else [])]
    # A failure (a timeout among them): the reading here does it, or says why not.
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=deadline, check=False)
    return max(deadline - (time.monotonic() - started), 0.0)
