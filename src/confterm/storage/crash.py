"""Where the details of an unexpected error go: a log file, not the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from confterm.storage.atomic import atomic_write_text
from confterm.storage.paths import cache_dir


def write_crash_log(details: str) -> Path | None:
    """Write *details* (a traceback) to a new log file; None if it cannot be written."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = cache_dir() / "logs" / f"crash-{stamp}.log"
    try:
        atomic_write_text(path, details)
    except OSError:
        return None
    return path
