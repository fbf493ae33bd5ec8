"""The programmes you opened: where (file or URL), what, which days, when last.

``confterm`` alone reopens the last one; ``confterm recent`` and the browser's
open screen list them. Kept in ``recent.json`` in the data folder, written
atomically under a lock; a file that cannot be read is kept aside, not lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from confterm.model.text import neutralise
from confterm.storage.atomic import atomic_write_text, file_lock, move_aside
from confterm.storage.paths import data_dir, is_url

#: How many programmes are remembered.
KEEP = 30


@dataclass(frozen=True)
class Recent:
    location: str
    name: str
    first_day: dt.date | None
    last_day: dt.date | None
    opened: dt.datetime
    timezone: str | None = None
    #: The name in each language the programme gives one (``name``: in English).
    names: dict[str, str] = field(default_factory=dict)

    def name_in(self, lang: str) -> str:
        return self.names.get(lang) or self.name

    def when(self, today: dt.date) -> Literal["now", "upcoming", "past"]:
        if self.first_day is None or self.last_day is None:
            return "past"
        if self.first_day <= today <= self.last_day:
            return "now"
        return "upcoming" if today < self.first_day else "past"


def recent_path() -> Path:
    return data_dir() / "recent.json"


def location_key(location: str) -> str:
    """One key per programme source: a URL as it is, a file by its full path."""
    return location if is_url(location) else str(Path(location).expanduser().resolve())


def load_recent() -> list[Recent]:
    """Newest first. Never raises: an unreadable list is an empty one."""
    try:
        raw = recent_path().read_bytes()
    except OSError:
        return []
    try:
        return [_entry(item) for item in json.loads(raw)["programmes"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        with contextlib.suppress(OSError):
            move_aside(recent_path())  # kept for the curious; a new list starts
        return []


def _entry(item: dict[str, Any]) -> Recent:
    def day(value: Any) -> dt.date | None:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None

    return Recent(location=str(item["location"]), name=neutralise(str(item["name"])),
                  first_day=day(item.get("first_day")), last_day=day(item.get("last_day")),
                  opened=dt.datetime.fromisoformat(item["opened"]),
                  timezone=item.get("timezone") if isinstance(item.get("timezone"), str)
                  else None, names=_names(item.get("names")))


def _names(value: Any) -> dict[str, str]:
    """The names by language, as written; a list written before it had them: none."""
    if not isinstance(value, dict):
        return {}
    return {neutralise(str(lang))[:35]: neutralise(str(name)) for lang, name in value.items()
            if isinstance(name, str)}


def remember_opened(entry: Recent) -> None:
    """Put *entry* first (replacing an older entry for the same source).
    Raises ``OSError`` when the list cannot be written."""
    path = recent_path()
    with file_lock(path):
        key = location_key(entry.location)
        entries = [entry, *(e for e in load_recent() if location_key(e.location) != key)]
        document = {"version": 1, "programmes": [
            {**asdict(e), "first_day": e.first_day.isoformat() if e.first_day else None,
             "last_day": e.last_day.isoformat() if e.last_day else None,
             "opened": e.opened.isoformat()} for e in entries[:KEEP]]}
        atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def last_opened() -> Recent | None:
    """The programme opened last that can still be opened (a file still there, or
    a URL), if any."""
    for entry in load_recent():
        if is_url(entry.location) or Path(entry.location).is_file():
            return entry
    return None


def in_order(entries: list[Recent], today: dt.date) -> list[Recent]:
    """On now first, then upcoming (soonest first), then past (latest opened first)."""
    rank = {"now": 0, "upcoming": 1, "past": 2}
    return sorted(entries, key=lambda e: (
        rank[e.when(today)],
        (e.first_day or dt.date.max).toordinal() if e.when(today) == "upcoming" else 0,
        -e.opened.timestamp()))
