"""Where a programme comes from: a file or a URL, and how to read it again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from confterm.model.programme import Programme
from confterm.storage.paths import is_url
from confterm.storage.programme_cache import open_programme, open_programme_bytes


@dataclass(frozen=True)
class Opened:
    programme: Programme
    location: str
    timezone: str | None = None
    #: For a URL: when the copy in use was fetched, and whether the network failed.
    fetched_at: dt.datetime | None = None
    offline: bool = False
    error: str | None = None

    @property
    def is_remote(self) -> bool:
        return is_url(self.location)

    def status(self) -> str | None:
        """'offline — cached at …' when a remote programme could not be refreshed."""
        if not self.offline or self.fetched_at is None:
            return None
        local = self.fetched_at.astimezone()
        return f"offline — cached at {local:%Y-%m-%d %H:%M}"


def open_location(location: str, *, timezone: str | None = None) -> Opened:
    """Open a programme file or URL. Raises ``ProgrammeError``."""
    if not is_url(location):
        return Opened(open_programme(Path(location), timezone=timezone), location, timezone)
    from confterm.storage.remote import fetch  # the network stack only when needed

    fetched = fetch(location)
    programme = open_programme_bytes(fetched.raw, location, timezone=timezone)
    return Opened(programme, location, timezone, fetched.fetched_at, fetched.offline,
                  fetched.error)


def reopen(opened: Opened) -> Opened:
    """Read the same location again (a reload)."""
    return open_location(opened.location, timezone=opened.timezone)
