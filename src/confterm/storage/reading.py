"""Reading a file the user names, bounded by what is actually read."""

from __future__ import annotations

from pathlib import Path


def read_at_most(path: Path, limit: int) -> bytes | None:
    """The bytes of *path*, or None when it holds more than *limit*. Counted as
    read, never from the size the file system reports: a device (``/dev/zero``), a
    pipe or a ``/proc`` file says 0 and may never end."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data
