"""Reading someone's agenda, from a file or a URL, and matching it to a programme:
a calendar (``.ics``) or a confterm bookmarks file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from confterm.formats.ics_agenda import MAX_AGENDA_BYTES, AgendaFileError, read_calendar_events
from confterm.model.agenda import Priority
from confterm.model.errors import ProgrammeError
from confterm.model.matching import CalendarEvent, Matched, match_events
from confterm.model.view import Catalogue
from confterm.storage.bookmarks import BookmarkFileError, decode
from confterm.storage.paths import is_url
from confterm.storage.reading import read_at_most

__all__ = ["AgendaFileError", "ImportedAgenda", "read_agenda"]


@dataclass(frozen=True)
class ImportedAgenda:
    matched: Matched
    #: Priorities the file gave, by session id (a bookmarks file's, a calendar's PRIORITY).
    priorities: dict[str, Priority] = field(default_factory=dict)


def read_agenda(location: str, catalogue: Catalogue, *,
                deadline: float | None = None) -> ImportedAgenda:
    """The sessions of *catalogue* in the agenda at *location*. Raises
    ``AgendaFileError`` saying what is wrong (and where)."""
    raw = _download(location, deadline) if is_url(location) else _read(Path(location))
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _bookmarks(raw, catalogue)
    matched = match_events(read_calendar_events(raw), catalogue)
    # A calendar's PRIORITY (confterm writes 1 for "must attend", 5 for "maybe").
    priorities = {session_id: Priority.MUST if event.priority <= 4 else Priority.MAYBE
                  for session_id, event in matched.events.items()
                  if event.priority is not None}
    return ImportedAgenda(matched, priorities)


def _read(path: Path) -> bytes:
    try:
        raw = read_at_most(path, MAX_AGENDA_BYTES)
        if raw is None:
            raise AgendaFileError("too large for an agenda")
        return raw
    except FileNotFoundError:
        raise AgendaFileError("no such file") from None
    except IsADirectoryError:
        raise AgendaFileError("this is a folder, not an agenda") from None
    except OSError as error:
        raise AgendaFileError(f"cannot be read: {error.strerror or error}") from None


def _download(url: str, deadline: float | None) -> bytes:
    from confterm.storage import remote

    try:
        fetched = remote.fetch(url, deadline=remote.DEADLINE if deadline is None else deadline)
    except ProgrammeError as error:
        raise AgendaFileError(error.problems[0].message if error.problems
                              else "could not be downloaded") from None
    if fetched.offline or not fetched.fresh:
        # Someone's agenda is only worth its latest version: no stale copy.
        raise AgendaFileError(f"could not be downloaded ({fetched.error or 'no answer'})")
    return fetched.raw


def _bookmarks(raw: bytes, catalogue: Catalogue) -> ImportedAgenda:
    """A confterm bookmarks file: by session id when it is this programme's, else
    by time and title like a calendar."""
    try:
        agenda = decode(raw)
        programme = json.loads(raw).get("programme")
    except (BookmarkFileError, ValueError, AttributeError) as error:
        raise AgendaFileError(f"not a confterm bookmarks file or a calendar ({error})") from None
    marks = list(agenda.bookmarks.values())
    if programme == catalogue.programme.id:
        events = [CalendarEvent(f"{m.session_id}@{programme}.confterm", m.start, m.title)
                  for m in marks]
    else:
        events = [CalendarEvent("", m.start, m.title) for m in marks]
    matched = match_events(events, catalogue)
    titles = {m.title: m for m in marks}
    priorities = {}
    for session in matched.sessions:
        mark = agenda.bookmarks.get(session.id) or titles.get(session.title.get("en"))
        if mark is not None:
            priorities[session.id] = mark.priority
    return ImportedAgenda(matched, priorities)
