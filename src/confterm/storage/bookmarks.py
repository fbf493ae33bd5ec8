"""Bookmarks on disk: one JSON file per programme, never lost.

- Written atomically (see :mod:`confterm.storage.atomic`): a crash leaves the
  old file or the new one.
- Merged on write under a lock: a save re-reads the file and applies only this
  process's own changes on top, so two confterm processes bookmarking at the
  same time both keep their changes.
- A file that cannot be read is moved aside with a timestamp (never
  overwritten) and the caller is told where it went.
- Bookmarks whose session left the programme stay in the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from confterm.model.agenda import Agenda, Bookmark, Priority
from confterm.model.constraints import year_problem
from confterm.model.text import one_line_shown
from confterm.storage.atomic import (
    atomic_write_text,
    file_lock,
    move_aside,
    remove_stale_temporaries,
)
from confterm.storage.paths import data_dir, id_file_name, is_url, safe_file_name

FORMAT_NAME = "confterm-bookmarks"
FORMAT_VERSION = 1


class BookmarkFileError(ValueError):
    """A bookmarks file whose content is not usable."""


def bookmarks_path(programme_id: str) -> Path:
    return data_dir() / "bookmarks" / f"{id_file_name(programme_id)}.json"


def carry_over(old: Path, new: Path, programme_id: str) -> None:
    """Earlier versions named files by a shortened, lossy form of the id: move such
    a file (or folder of friends' files) to its own name, if it is this id's (the
    file says which programme it holds). Never raises: left where it is, it is
    only not found."""
    if old == new or new.exists() or not old.exists():
        return
    try:
        sample = old if old.is_file() else next(old.glob("*.json"), None)
        if sample is None or json.loads(sample.read_bytes()).get("programme") != programme_id:
            return
        os.replace(old, new)
    except (OSError, ValueError, AttributeError):
        pass


def encode(programme_id: str, agenda: Agenda, owner: str | None = None) -> str:
    entries = {}
    for key, mark in sorted(agenda.bookmarks.items()):
        entries[key] = {"priority": mark.priority.value, "added": mark.added.isoformat(),
                        "title": mark.title,
                        "start": mark.start.isoformat() if mark.start else None}
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                                "programme": programme_id}
    if owner is not None:  # a friend's agenda says whose it is
        document["owner"] = owner
    document["bookmarks"] = entries
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def decode(raw: bytes) -> Agenda:
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise BookmarkFileError(f"not valid JSON ({error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise BookmarkFileError("not a confterm bookmarks file")
    if document.get("version") != FORMAT_VERSION:
        raise BookmarkFileError(f"unsupported version {document.get('version')!r}")
    entries = document.get("bookmarks")
    if not isinstance(entries, dict):
        raise BookmarkFileError("'bookmarks' must be an object")
    return Agenda({str(key): _bookmark(str(key), value) for key, value in entries.items()})


def _bookmark(session_id: str, value: Any) -> Bookmark:
    try:
        start = value.get("start")
        return Bookmark(session_id, Priority(value["priority"]),
                        _moment(dt.datetime.fromisoformat(value["added"])) or _EPOCH,
                        one_line_shown(str(value.get("title", ""))),
                        _moment(dt.datetime.fromisoformat(start)) if start else None)
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise BookmarkFileError(f"bookmarks[{session_id}]: {error}") from None


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _moment(moment: dt.datetime) -> dt.datetime | None:
    """A time from a bookmarks file, usable beside a programme's: one without an
    offset (edited by hand, an older tool) is read as UTC; one outside the years
    a programme may hold (year 1, 9999: arithmetic on it overflows) is dropped,
    and the bookmark kept without it."""
    if year_problem(moment) is not None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


@dataclass
class BookmarkStore:
    """This process's view of one programme's bookmarks, and its unsaved changes."""

    programme_id: str
    path: Path
    agenda: Agenda = field(default_factory=Agenda)
    #: Whose agenda this is, when it is not the user's own (a friend's).
    owner: str | None = None
    #: Changes not yet on disk, oldest first: (session id, bookmark or None for removed).
    pending: list[tuple[str, Bookmark | None]] = field(default_factory=list)

    @classmethod
    def open(cls, programme_id: str, path: Path | None = None, *,
             owner: str | None = None) -> tuple[BookmarkStore, str | None]:
        """The store and, if the file had to be moved aside, a message saying where."""
        if path is None:
            path = bookmarks_path(programme_id)
            carry_over(path.with_name(f"{safe_file_name(programme_id)}.json"), path,
                       programme_id)
        store = cls(programme_id, path, owner=owner)
        try:
            with file_lock(store.path):
                store.agenda, problem = store._read()
        except OSError as error:  # e.g. a read-only data folder: work from memory
            try:
                store.agenda = decode(store.path.read_bytes())
                problem = (f"Bookmarks are read-only ({error.strerror or error}): changes "
                           "will be kept while confterm runs and saved when possible.")
            except (OSError, BookmarkFileError):
                problem = (f"Bookmarks cannot be read or written ({error.strerror or error});"
                           " changes will be kept while confterm runs.")
        return store, problem

    def moved_to(self, programme_id: str) -> tuple[BookmarkStore, str | None]:
        """The store of the same programme under its new id, carrying this one's
        unsaved changes (see ``follow_programme``, which moved the file)."""
        store, problem = BookmarkStore.open(programme_id)
        for session_id, bookmark in self.pending:
            if bookmark is None:
                store.remove(session_id)
            else:
                store.set(bookmark)
        return store, problem

    def set(self, bookmark: Bookmark) -> None:
        self.agenda = self.agenda.with_bookmark(bookmark)
        self.pending.append((bookmark.session_id, bookmark))

    def remove(self, session_id: str) -> None:
        self.agenda = self.agenda.without(session_id)
        self.pending.append((session_id, None))

    @property
    def dirty(self) -> bool:
        return bool(self.pending)

    def save(self) -> str | None:
        """Merge this process's changes into the file. Raises ``OSError`` when the
        file cannot be written; the changes then stay pending for the next try.
        Returns a message if an unreadable file had to be moved aside."""
        with file_lock(self.path):
            current, problem = self._read()
            for session_id, bookmark in self.pending:
                current = (current.with_bookmark(bookmark) if bookmark is not None
                           else current.without(session_id))
            atomic_write_text(self.path, encode(self.programme_id, current, self.owner))
            remove_stale_temporaries(self.path)
        self.pending.clear()
        self.agenda = current
        return problem

    def _read(self) -> tuple[Agenda, str | None]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Agenda(), None
        try:
            return decode(raw), None
        except BookmarkFileError as error:
            reason = str(error)
        # Raises OSError if it cannot be moved: then it is not overwritten either.
        kept = move_aside(self.path)
        return Agenda(), (f"The bookmarks file could not be read ({reason}). It was kept "
                          f"as {kept}; starting from no bookmarks.")


def _locations_path() -> Path:
    return data_dir() / "locations.json"


def _location_key(location: str) -> str:
    return location if is_url(location) else str(Path(location).expanduser().resolve())


def follow_programme(location: str, programme_id: str) -> str | None:
    """Remember that *location* (a file or URL) holds the programme *programme_id*.

    When it held a programme with another id before (its publisher renamed it),
    that id's bookmarks move to the new one: merged into the new file (the new
    file's entries win), the old file kept beside it as a backup. Only within one
    source: a programme cannot claim another's id and then take its bookmarks
    with it, nor rename itself into another source's programme. Returns the old
    id when bookmarks moved. Never raises: a read-only data folder only means
    nothing moves."""
    try:
        return _follow(_location_key(location), programme_id)
    except (OSError, BookmarkFileError, ValueError):
        return None


#: Stands for whoever made a bookmarks file before any source was recorded for it.
EARLIER = "(earlier)"


def _read_locations(record: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Which id each location holds, and which locations have held each id."""
    try:
        document = json.loads(record.read_bytes())
    except FileNotFoundError:
        return {}, {}
    except ValueError:
        move_aside(record)  # kept for the user, like every file of theirs
        return {}, {}
    if not isinstance(document, dict):
        move_aside(record)
        return {}, {}
    if document.get("version") != 2:  # written by an earlier version: location -> id
        known = {k: v for k, v in document.items() if isinstance(v, str)}
        held: dict[str, list[str]] = {}
        for where, programme_id in known.items():
            held.setdefault(programme_id, []).append(where)
        return known, held
    locations, holders = document.get("locations"), document.get("held")
    known = ({k: v for k, v in locations.items() if isinstance(v, str)}
             if isinstance(locations, dict) else {})
    held = ({k: [x for x in v if isinstance(x, str)] for k, v in holders.items()
             if isinstance(v, list)} if isinstance(holders, dict) else {})
    return known, held


def _follow(key: str, programme_id: str) -> str | None:
    record = _locations_path()
    with file_lock(record):
        known, held = _read_locations(record)
        previous = known.get(key)
        holders = held.setdefault(programme_id, [])
        if key in holders and previous == programme_id:
            return None
        if not holders and bookmarks_path(programme_id).exists():
            holders.append(EARLIER)  # bookmarks made before this source was seen
        others_held_old = isinstance(previous, str) and bool(
            set(held.get(previous, ())) - {key})
        others_hold_new = bool(set(holders) - {key, EARLIER})
        if key not in holders:
            holders.append(key)
        known[key] = programme_id
        moving = (isinstance(previous, str) and previous != programme_id
                  and not others_held_old and not others_hold_new)
        if moving:
            held.pop(str(previous), None)
        atomic_write_text(record, json.dumps({"version": 2, "locations": known, "held": held},
                                             ensure_ascii=False, indent=2) + "\n")
    if not moving or not bookmarks_path(str(previous)).exists():
        return None
    move_bookmarks(str(previous), programme_id)
    return previous


def move_bookmarks(old_id: str, new_id: str) -> Path | None:
    """Merge *old_id*'s bookmarks into *new_id*'s file; keep the old file as a backup
    and return where. A bookmark already in the new file stays as it is."""
    old_path, new_path = bookmarks_path(old_id), bookmarks_path(new_id)
    if old_path == new_path:
        return None
    with file_lock(old_path), file_lock(new_path):
        try:
            moving = decode(old_path.read_bytes())
        except FileNotFoundError:
            return None
        try:
            current = decode(new_path.read_bytes())
        except FileNotFoundError:
            current = Agenda()
        for session_id, mark in moving.bookmarks.items():
            if session_id not in current:
                current = current.with_bookmark(mark)
        atomic_write_text(new_path, encode(new_id, current))
        return move_aside(old_path, reason=f"moved-to-{safe_file_name(new_id)}")
