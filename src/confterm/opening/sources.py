"""Where a programme comes from: a file or a URL, and how to read it again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from confterm.i18n import _
from confterm.model.errors import ProgrammeError
from confterm.model.programme import Programme
from confterm.opening.cache import breathing, open_programme, open_programme_bytes
from confterm.storage.bookmarks import follow_programme
from confterm.storage.paths import is_url

if TYPE_CHECKING:
    from confterm.storage.remote import Fetched


@dataclass(frozen=True)
class Opened:
    programme: Programme
    location: str
    timezone: str | None = None
    #: For a URL: when the copy in use was fetched, and whether the network failed.
    fetched_at: dt.datetime | None = None
    offline: bool = False
    error: str | None = None
    #: The programme's previous id, when it changed at this location and the
    #: bookmarks moved with it.
    moved_from: str | None = None
    #: The address given, when the schedule was found under it (a pretalx event
    #: page): ``location`` is then the schedule's own address.
    found_under: str | None = None

    def found_note(self) -> str | None:
        if self.found_under is None:
            return None
        return _("{page} is an event page; its schedule is at {schedule}.").format(
            page=self.found_under, schedule=self.location)

    def moved_note(self) -> str | None:
        """What to tell the user when the bookmarks moved to a new programme id."""
        if self.moved_from is None:
            return None
        return _("This programme's id changed from {old!r} to {new!r}; your bookmarks "
                 "moved with it (the old file is kept as a backup).").format(
            old=self.moved_from, new=self.programme.id)

    @property
    def is_remote(self) -> bool:
        return is_url(self.location)


def open_location(location: str, *, timezone: str | None = None,
                  deadline: float | None = None) -> Opened:
    """Open a programme file or URL. Raises ``ProgrammeError``. *deadline* bounds a
    download, in seconds (default: ``remote.DEADLINE``)."""
    if not is_url(location):
        programme = open_programme(Path(location), timezone=timezone)
        return Opened(programme, location, timezone,
                      moved_from=follow_programme(location, programme.id))
    try:
        fetched, programme = download(location, timezone=timezone, deadline=deadline)
    except ProgrammeError as error:
        found = _schedule_under(location, error, timezone=timezone, deadline=deadline)
        if found is None:
            raise
        (url, fetched, programme) = found
        return Opened(programme, url, timezone, fetched.fetched_at, fetched.offline,
                      fetched.error, moved_from=follow_programme(url, programme.id),
                      found_under=location)
    return Opened(programme, location, timezone, fetched.fetched_at, fetched.offline,
                  fetched.error, moved_from=follow_programme(location, programme.id))


def schedule_candidates(url: str) -> list[tuple[str, str | None]]:
    """Where a pretalx event's schedule may be, for the address of one of its
    pages: the schedule page asked for JSON (pretalx answers with a redirect to
    its export), then the export paths. With the media type to ask for."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    for tail in ("/schedule", "/talk", "/speaker", "/cfp"):
        if tail in path:
            path = path[:path.index(tail)]
            break
    base = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return [(f"{base}/schedule/", "application/json"),
            (f"{base}/schedule/export/schedule.json", None),
            (f"{base}/schedule.xml", None)]


def _schedule_under(url: str, error: ProgrammeError, *, timezone: str | None,
                    deadline: float | None) -> tuple[str, Fetched, Programme] | None:
    """The schedule of the event whose web page is at *url*, if it can be found
    within the deadline; None when *url* is not a web page or nothing is found."""
    import time

    from confterm.storage import remote

    if not any(problem.message.startswith(_(remote.WEB_PAGE)) for problem in error.problems):
        return None
    ends = time.monotonic() + (remote.DEADLINE if deadline is None else deadline)
    # The schedules the page links to (c3voc's alternate links), then pretalx's places.
    linked: list[tuple[str, str | None]] = [(link, None) for link in remote.schedule_links(url)]
    for candidate, accept in [*linked, *schedule_candidates(url)]:
        left = ends - time.monotonic()
        if left <= 0:
            return None
        try:
            fetched, programme = download(candidate, timezone=timezone, deadline=left,
                                          accept=accept)
        except ProgrammeError:
            continue
        final = fetched.final_url or candidate
        if final != candidate:  # redirected to the export: that is the address to keep
            remote.keep(final, fetched)
        return (final if accept is not None else candidate), fetched, programme
    return None


def download(url: str, *, timezone: str | None = None, deadline: float | None = None,
             accept: str | None = None) -> tuple[Fetched, Programme]:
    """The programme at *url*, and how it was fetched. A new download becomes the
    offline copy only once it has loaded as a programme; one that does not is
    reported as the reason for using the cached copy (or raised when there is none)."""
    from confterm.storage import remote  # the network stack only when needed

    fetched = remote.fetch(url, deadline=remote.DEADLINE if deadline is None else deadline,
                           accept=accept)
    try:
        programme = open_programme_bytes(fetched.raw, url, timezone=timezone)
    except ProgrammeError as error:
        if not fetched.fresh:
            raise
        first = error.problems[0] if error.problems else None
        why = f"{first.place}: {first.message}" if first else _("it does not load")
        try:
            fetched = remote.cached_instead(
                url, _("the new download is not a usable programme ({why})").format(why=why))
        except ProgrammeError:
            raise error from None
        programme = open_programme_bytes(fetched.raw, url, timezone=timezone)
    else:
        remote.keep(url, fetched)
    return fetched, programme


def reopen(opened: Opened, *, deadline: float | None = None,
           breathe: Callable[[], object] | None = None) -> Opened:
    """Read the same location again (a reload); a large programme first in a
    child process (``elsewhere``), so that this process only takes the result
    (calling *breathe* now and then as it does: see ``cache.breathing``)."""
    from confterm.opening.elsewhere import FROM_SESSIONS, prepare_elsewhere

    if len(opened.programme.sessions) >= FROM_SESSIONS:
        from confterm.storage.remote import DEADLINE

        deadline = prepare_elsewhere(opened.location, opened.timezone,
                                     DEADLINE if deadline is None else deadline)
    with breathing(breathe):
        return open_location(opened.location, timezone=opened.timezone, deadline=deadline)
