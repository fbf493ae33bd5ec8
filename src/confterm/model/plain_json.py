"""Sessions as plain JSON data, in the programme file's own format, without
pydantic: the command line prints them for scripts, and building pydantic's
serialiser would take longer than the rest of the command. A test holds this
to what pydantic itself makes of the same sessions."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from confterm.model.programme import Localized, Session


def instant_text(moment: dt.datetime) -> str:
    """An ISO 8601 date-time as pydantic writes one: "Z" for UTC, the offset in
    hours and minutes otherwise."""
    # Keyed by wall time and offset: equal instants in two offsets are not one text.
    return _instant_text(moment.replace(tzinfo=None), moment.utcoffset())


@lru_cache(maxsize=4096)  # sessions share their starts and ends
def _instant_text(wall: dt.datetime, offset: dt.timedelta | None) -> str:
    text = wall.isoformat()
    if offset is None:
        return text
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return f"{text}Z"
    sign, minutes = ("-", -minutes) if minutes < 0 else ("+", minutes)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _text(value: Localized | None) -> dict[str, str] | None:
    return dict(value.root) if value is not None else None


def session_json(session: Session) -> dict[str, Any]:
    """*session* as JSON data: every field, in the order the format declares them."""
    return {
        "id": session.id, "day": session.day.isoformat(),
        "start": instant_text(session.start), "end": instant_text(session.end),
        "title": dict(session.title.root), "kind": session.kind.value,
        "track": session.track, "room": session.room, "themes": list(session.themes),
        "people": [{"person": p.person, "role": p.role.value} for p in session.people],
        "description": _text(session.description), "notes": _text(session.notes),
        "indicative": session.indicative, "language": list(session.language),
        "links": [{"title": link.title, "url": link.url} for link in session.links],
        "recorded": session.recorded, "cancelled": session.cancelled,
    }
