"""The child process of ``elsewhere``: reads a programme so that the caches hold
it (the download's copy, the validated programme), and nothing more — no
bookmarks are moved, nothing is printed. Its parent reads the same location
next and finds them.

    python -m confterm.opening.fill_caches LOCATION DEADLINE [TIMEZONE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from confterm.opening.cache import open_programme
from confterm.opening.sources import download
from confterm.storage.paths import is_url


def fill_caches(location: str, deadline: float, timezone: str | None) -> None:
    if is_url(location):
        download(location, timezone=timezone, deadline=deadline)
    else:
        open_programme(Path(location), timezone=timezone)


if __name__ == "__main__":
    try:
        fill_caches(sys.argv[1], float(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
    except Exception:  # the parent reads it again and reports what is wrong
        sys.exit(1)
