"""Matching someone's calendar events to a programme's sessions.

An event is the session whose UID confterm gave it (``ID@PROGRAMME.confterm``),
else the session that starts at the same instant with the same title (ignoring
case and accents), else the one that starts then in the room the event names.
Times without a zone (floating) are read in the programme's zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from confterm.model.programme import Session
from confterm.model.text import fold
from confterm.model.view import Catalogue

UID_SUFFIX = ".confterm"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    #: Aware, or naive for a floating time; None when it has no usable start.
    start: dt.datetime | None
    title: str
    location: str = ""
    #: RFC 5545 PRIORITY: 1 (highest) to 9 (lowest), 0 or None when not given.
    priority: int | None = None


@dataclass(frozen=True)
class Matched:
    #: Matched sessions, in programme order, each once.
    sessions: tuple[Session, ...]
    #: Events that match no session.
    unmatched: tuple[CalendarEvent, ...]
    #: How each session was found: "uid", "title" or "room", by session id.
    how: dict[str, str]
    #: The event each session was found by, by session id.
    events: dict[str, CalendarEvent] = field(default_factory=dict)


def match_events(events: list[CalendarEvent], catalogue: Catalogue) -> Matched:
    programme = catalogue.programme
    suffix = f"@{programme.id}{UID_SUFFIX}"
    by_start: dict[dt.datetime, list[Session]] = {}
    for listed in catalogue.ordered:
        by_start.setdefault(listed.start, []).append(listed)
    found: dict[str, str] = {}
    by_event: dict[str, CalendarEvent] = {}
    unmatched: list[CalendarEvent] = []
    for event in events:
        session: Session | None = None
        how = ""
        if event.uid.endswith(suffix):
            session, how = catalogue.sessions.get(event.uid[:-len(suffix)]), "uid"
        if session is None and event.start is not None:
            start = (event.start if event.start.tzinfo is not None
                     else event.start.replace(tzinfo=programme.zone))
            candidates = by_start.get(start, [])
            title = fold(event.title)
            session = next((s for s in candidates
                            if title and any(fold(text) == title
                                             for text in s.title.root.values())), None)
            how = "title"
            if session is None and event.location:
                place = fold(event.location)
                session = next((s for s in candidates if (room := catalogue.rooms.get(s.room or ""))
                                and any(fold(name) in place for name in room.name.root.values())),
                               None)
                how = "room"
        if session is None:
            unmatched.append(event)
        else:
            found.setdefault(session.id, how)
            by_event.setdefault(session.id, event)
    sessions = tuple(s for s in catalogue.ordered if s.id in found)
    return Matched(sessions, tuple(unmatched), found, by_event)
