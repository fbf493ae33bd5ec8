"""c3voc ``schedule.json``, as exported by pretalx and frab.

Schema: ``validator/json/schema.json`` in the voc/schedule repository. Events sit
in ``schedule.conference.days[].rooms{room name: [events]}``; each has a
``date`` (date-time with offset), ``start`` (``HH:MM``), ``duration``
(``HH:MM``, also ``HH:MM:SS`` and 24 h or more), ``guid``, ``id``, ``room``,
``title``, ``subtitle``, ``track``, ``type``, ``language``, ``abstract``,
``description`` and ``persons`` (objects with ``name``/``public_name``, or
plain strings).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from confterm.formats.builder import (
    Converted,
    ProgrammeBuilder,
    kind_of,
    parse_duration,
    said_yes,
    sane,
    slug,
)
from confterm.formats.schedule2 import is_schedule2, read_events
from confterm.formats.text import readable
from confterm.formats.zones import CHECKED, resolve_zone
from confterm.model.errors import Problem, ProgrammeError


def looks_like(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("schedule"), dict)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(value: Any, where: str, source: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProgrammeError(source, [Problem(where, "must be a list")])
    return value


def _object(value: Any, where: str, source: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProgrammeError(source, [Problem(where, "must be an object")])
    return value


def read_c3voc_json(data: dict[str, Any], source: str, *,
                    timezone: str | None = None) -> Converted:
    """Confterm programme data from a parsed schedule.json document."""
    conference = data["schedule"].get("conference")
    if not isinstance(conference, dict):
        raise ProgrammeError(source, [Problem("schedule.conference", "missing or not an object")])
    named = _text(conference.get("time_zone_name")) or None
    title = _text(conference.get("title")) or _text(conference.get("acronym")) or source
    # The times' own offsets: to find a zone when the file names none, or to check
    # the one it names (the first few suffice then).
    schedule2 = is_schedule2(data) and isinstance(data["schedule"].get("events"), list)
    offsets = (_event_offsets if schedule2 else _all_offsets)
    found = resolve_zone(named, timezone, source,
                         moments=offsets(data["schedule"].get("events") if schedule2
                                         else conference.get("days"),
                                         CHECKED if named else None)
                         if named or not timezone else (),
                         places=[title, *(_text(conference.get(k))
                                          for k in ("city", "location", "venue"))])
    builder = ProgrammeBuilder(
        source=source, programme_id=slug(_text(conference.get("acronym")) or title),
        name=title, timezone=found.name, zone=found.zone)
    if found.note:
        builder.warn("timezone", found.note)
        builder.timezone_note = found.note
    zone = found.zone
    if schedule2:
        read_events(builder, conference, data["schedule"]["events"], zone)
        return builder.build()
    for room in _list(conference.get("rooms"), "schedule.conference.rooms", source):
        if isinstance(room, dict) and _text(room.get("name")):
            builder.room(_text(room["name"]), _text(room.get("guid")) or None)
    for track in _list(conference.get("tracks"), "schedule.conference.tracks", source):
        if isinstance(track, dict) and _text(track.get("name")):
            builder.track(_text(track["name"]))
    days = conference.get("days")
    if not isinstance(days, list):
        raise ProgrammeError(source, [Problem("schedule.conference.days", "missing or not a list")])
    for day_index, day in enumerate(days):
        where = f"schedule.conference.days[{day_index}]"
        if not isinstance(day, dict):
            raise ProgrammeError(source, [Problem(where, "not an object")])
        date = _date(day.get("date"), f"{where}.date", source)
        builder.day_bounds(_instant(day.get("day_start"), zone), _instant(day.get("day_end"), zone))
        rooms = _object(day.get("rooms") or {}, f"{where}.rooms", source)
        for room_name, events in rooms.items():
            if not isinstance(events, list):
                raise ProgrammeError(source, [Problem(f"{where}.rooms[{room_name}]",
                                                      "not a list of events")])
            for event_index, event in enumerate(events):
                _add_event(builder, event, date, str(room_name),
                           f"{where}.rooms[{room_name}][{event_index}]", zone)
        days[day_index] = None  # read: released while the rest is read (a large file)
    return builder.build()


def _event_offsets(events: Any, limit: int | None = None) -> list[dt.datetime]:
    """schedule2: every event's start (the first *limit*), if each has its offset."""
    moments: list[dt.datetime] = []
    for event in events:
        value = event.get("start") if isinstance(event, dict) else None
        moment = _instant(value, dt.UTC) if isinstance(value, str) and _has_offset(value) else None
        if moment is None:
            return []
        moments.append(moment)
        if limit is not None and len(moments) >= limit:
            break
    return moments


def _all_offsets(days: Any, limit: int | None = None) -> list[dt.datetime]:
    """Every event's start (the first *limit*), if every one is a date-time with
    its UTC offset."""
    moments: list[dt.datetime] = []
    for day in days if isinstance(days, list) else []:
        rooms = day.get("rooms") if isinstance(day, dict) else None
        for events in rooms.values() if isinstance(rooms, dict) else []:
            for event in events if isinstance(events, list) else []:
                value = event.get("date") if isinstance(event, dict) else None
                if not isinstance(value, str) or "T" not in value or not _has_offset(value):
                    return []
                moment = _instant(value, dt.UTC)
                if moment is None:
                    return []
                moments.append(moment)
                if limit is not None and len(moments) >= limit:
                    return moments
    return moments


def _has_offset(value: str) -> bool:
    return value.endswith(("Z", "z")) or value[-6:-5] in ("+", "-")


def _date(value: Any, where: str, source: str) -> dt.date:
    try:
        date = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ProgrammeError(source, [Problem(where, f"not a date: {value!r}")]) from None
    sane(date, where, source)
    return date


def _instant(value: Any, zone: dt.tzinfo) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _start(event: dict[str, Any], day: dt.date, zone: dt.tzinfo, where: str,
           source: str) -> dt.datetime:
    """The event's start: its full ``date`` if it has one, else the day and ``start``."""
    full = _instant(event.get("date"), zone)
    if full is not None and "T" in str(event.get("date")):
        sane(full, f"{where}.date", source)
        return full
    clock = _text(event.get("start"))
    try:
        time = dt.time.fromisoformat(clock) if len(clock) != 4 else dt.time.fromisoformat(
            "0" + clock)
    except ValueError:
        raise ProgrammeError(source, [Problem(f"{where}.start",
                                              f"not a time: {event.get('start')!r}")]) from None
    return dt.datetime.combine(day, time, tzinfo=zone)


def _add_event(builder: ProgrammeBuilder, event: Any, day: dt.date, room_name: str,
               where: str, zone: dt.tzinfo) -> None:
    source = builder.source
    if not isinstance(event, dict):
        raise ProgrammeError(source, [Problem(where, "an event must be an object")])
    start = _start(event, day, zone, where, source)
    duration = parse_duration(_text(event.get("duration")) or "00:00", f"{where}.duration",
                              source)
    end = start + duration
    people = []
    for person in _list(event.get("persons"), f"{where}.persons", source):
        if isinstance(person, str):
            people.append((builder.person(person), "speaker"))
        elif isinstance(person, dict):
            # frab's 2015 JSON names people under full_public_name.
            name = (_text(person.get("name")) or _text(person.get("public_name"))
                    or _text(person.get("full_public_name")))
            number = person.get("id")
            if name:
                people.append((builder.person(
                    name, guid=_text(person.get("guid")) or _text(person.get("code")) or None,
                    number=str(number) if isinstance(number, int | str) and str(number)
                    else None), "speaker"))
    title = _text(event.get("title"))
    subtitle = _text(event.get("subtitle"))
    description = "\n\n".join(x for x in (subtitle, readable(_text(event.get("abstract"))),
                                          readable(_text(event.get("description")))) if x)
    track = _text(event.get("track"))
    numeric = event.get("id")
    builder.add_session(
        ids=(_text(event.get("guid")) or None,
             f"event-{numeric}" if isinstance(numeric, int | str) and str(numeric) else None),
        fallback_id=_text(event.get("slug")) or title or "event",
        start=start, end=end, day=day, title=title, language=_text(event.get("language")),
        kind=kind_of(_text(event.get("type")) or None),
        room=builder.room(_text(event.get("room")) or room_name),
        track=builder.track(track) if track else None,
        people=tuple(people), description=description, links=_links(event),
        recorded=None if (optout := said_yes(event.get("do_not_record"))) is None
        else not optout)


def _links(event: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The event page, feedback form, links and attachments of a c3voc event."""
    found: list[tuple[str, str | None]] = [("Event page", _text(event.get("url"))),
                                           ("Feedback", _text(event.get("feedback_url")))]
    for key in ("links", "attachments"):
        items = event.get(key)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                found.append((_text(item.get("title")) or key.rstrip("s").capitalize(),
                              _text(item.get("url"))))
            elif isinstance(item, str):
                found.append((item, item))
    return found
