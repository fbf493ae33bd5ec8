"""iCalendar (``.ics``) files: each VEVENT becomes a session.

``DTSTART``/``DTEND`` (or ``DURATION``) with a ``TZID`` (with or without its
VTIMEZONE block), in UTC, or floating (read in the programme's zone:
``X-WR-TIMEZONE``, else ``--timezone``); all-day events span their days.
``SUMMARY`` is the title, ``DESCRIPTION`` the description, ``LOCATION`` the
room, ``CATEGORIES`` the themes, ``UID`` the stable id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from confterm.formats.builder import ProgrammeBuilder, kind_of, slug
from confterm.formats.zones import resolve_zone
from confterm.model.errors import Problem, ProgrammeError


def looks_like(raw: bytes) -> bool:
    return raw.lstrip()[:15].upper().startswith(b"BEGIN:VCALENDAR")


def read_ics(raw: bytes, source: str, *, timezone: str | None = None) -> dict[str, Any]:
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise ProgrammeError(source, [Problem("file", f"invalid iCalendar: {error}")]) from None
    zone_hint = str(calendar.get("x-wr-timezone") or "") or None
    events = list(calendar.walk("VEVENT"))
    if zone_hint is None and timezone is None:
        zone_hint = next((str(e["dtstart"].params["TZID"]) for e in events
                          if "dtstart" in e and "TZID" in e["dtstart"].params), None)
    zone_name, zone = resolve_zone(zone_hint, timezone, source)
    name = str(calendar.get("x-wr-calname") or "") or source.rsplit("/", 1)[-1]
    builder = ProgrammeBuilder(source=source, programme_id=slug(name), name=name,
                               timezone=zone_name, zone=zone)
    for index, event in enumerate(events, 1):
        where = f"VEVENT[{index}]"
        if "dtstart" not in event:
            raise ProgrammeError(source, [Problem(where, "has no DTSTART")])
        start = _moment(event.decoded("dtstart"), zone)
        if "dtend" in event:
            end = _moment(event.decoded("dtend"), zone)
        elif "duration" in event:
            end = start + event.decoded("duration")
        elif isinstance(event.decoded("dtstart"), dt.datetime):
            end = start  # RFC 5545: no end and no duration -> an instant
        else:
            end = start + dt.timedelta(days=1)
        if end <= start:
            end = start + dt.timedelta(minutes=1)
        summary = str(event.get("summary") or "")
        location = str(event.get("location") or "")
        categories = [str(c) for c in _categories(event)]
        builder.add_session(
            ids=(str(event.get("uid") or "") or None,), fallback_id=summary or "event",
            start=start, end=end, title=summary, language=str(
                event["summary"].params.get("LANGUAGE", "")) if "summary" in event else "",
            kind=kind_of(" ".join(categories) + " " + summary) if categories else "talk",
            room=builder.room(location) if location else None, themes=tuple(categories),
            description=str(event.get("description") or ""),
            url=str(event.get("url") or "") or None)
    return builder.build()


def _moment(value: dt.date | dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    if not isinstance(value, dt.datetime):  # an all-day date
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=zone)
    if value.tzinfo is None:  # floating time: read it in the programme's zone
        return value.replace(tzinfo=zone)
    return value


def _categories(event: Any) -> list[str]:
    value = event.get("categories")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(c) for item in values for c in getattr(item, "cats", [item])]
