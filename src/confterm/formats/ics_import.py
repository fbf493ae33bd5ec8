"""iCalendar (``.ics``) files: each VEVENT becomes a session.

``DTSTART``/``DTEND`` (or ``DURATION``) with a ``TZID`` (with or without its
VTIMEZONE block), in UTC, or floating (read in the programme's zone:
``X-WR-TIMEZONE``, else ``--timezone``); all-day events span their days.
``SUMMARY`` is the title, ``DESCRIPTION`` the description, ``LOCATION`` the
room, ``CATEGORIES`` the themes, ``UID`` the stable id.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from confterm.formats.builder import Converted, ProgrammeBuilder, kind_of, sane, slug
from confterm.formats.text import readable
from confterm.formats.zones import resolve_zone
from confterm.model.errors import Problem, ProgrammeError

#: A VEVENT's BEGIN and END lines (folded lines start with a space, so neither can
#: be a continuation).
_BEGIN = re.compile(rb"^BEGIN:VEVENT[ \t]*\r?\n", re.IGNORECASE | re.MULTILINE)
_END = re.compile(rb"^END:VEVENT[ \t]*(?:\r?\n|\Z)", re.IGNORECASE | re.MULTILINE)
_FIRST_TZID = re.compile(rb"^DTSTART;[^:\r\n]*?TZID=\"?([^\":;\r\n]+)",
                         re.IGNORECASE | re.MULTILINE)


_FOLD = re.compile(rb"\r?\n[ \t]")
_DTSTART = re.compile(rb"^DTSTART([;:][^\r\n]*)", re.IGNORECASE | re.MULTILINE)


def _all_utc(raw: bytes) -> list[dt.datetime]:
    """Every event's start, if each is a UTC time (``DTSTART:…Z``)."""
    moments = []
    for match in _DTSTART.finditer(raw):
        value = match.group(1).decode("ascii", "replace").rsplit(":", 1)[-1].strip()
        if not value.upper().endswith("Z"):
            return []
        try:
            moments.append(dt.datetime.strptime(value.upper(), "%Y%m%dT%H%M%SZ").replace(
                tzinfo=dt.UTC))
        except ValueError:
            return []
    return moments


def event_spans(raw: bytes) -> list[tuple[int, int]]:
    """Each VEVENT's bytes, from its BEGIN line to the first END line after it, in
    one pass over the file: a BEGIN never closed costs nothing more (a pattern
    searched from each BEGIN would read to the end of the file for each)."""
    ends = iter(_END.finditer(raw))
    spans: list[tuple[int, int]] = []
    done = 0  # where the last event ended
    for begin in _BEGIN.finditer(raw):
        if begin.start() < done:
            continue  # inside the last event
        for end in ends:
            if end.start() >= begin.end():
                spans.append((begin.start(), end.end()))
                done = end.end()
                break
        else:
            break  # no END after this BEGIN, nor after any later one
    return spans


def read_ics(raw: bytes, source: str, *, timezone: str | None = None) -> Converted:
    """Confterm data from an iCalendar file. The calendar without its events is
    parsed first (its time zones become known), then one event at a time, each
    released once read: ``icalendar``'s objects for a whole large file would take
    many times its size."""
    import icalendar

    # RFC 5545 3.1: unfold, then decode. Folding may split a multi-byte UTF-8
    # character; decoding each physical line first would garble it.
    raw = _FOLD.sub(b"", raw)
    spans = event_spans(raw)
    skeleton = b"".join(raw[start:end] for start, end in zip(
        [0, *(e for _, e in spans)], [*(s for s, _ in spans), len(raw)], strict=True))
    try:
        calendar = icalendar.Calendar.from_ical(skeleton)
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise ProgrammeError(source, [Problem("file", f"invalid iCalendar: {error}")]) from None
    zone_hint = str(calendar.get("x-wr-timezone") or "") or None
    if zone_hint is None and timezone is None:
        first = _FIRST_TZID.search(raw)
        zone_hint = first.group(1).decode("utf-8", "replace").strip() if first else None
    name = str(calendar.get("x-wr-calname") or "") or source.rsplit("/", 1)[-1]
    found = resolve_zone(zone_hint, timezone, source,
                         moments=_all_utc(raw) if not (zone_hint or timezone) else (),
                         places=[name])
    zone = found.zone
    builder = ProgrammeBuilder(source=source, programme_id=slug(name), name=name,
                               timezone=found.name, zone=zone)
    if found.note:
        builder.warn("timezone", found.note)
        builder.timezone_note = found.note
    index = 0
    for start, end in spans:
        index += 1
        try:
            event = icalendar.Event.from_ical(raw[start:end])
        except (ValueError, IndexError, KeyError, TypeError) as error:
            raise ProgrammeError(source, [Problem(
                f"VEVENT[{index}]", f"invalid iCalendar: {error}")]) from None
        _add_event(builder, event, f"VEVENT[{index}]", zone)
    for event in calendar.walk("VEVENT"):  # any the pattern did not find on its own
        index += 1
        _add_event(builder, event, f"VEVENT[{index}]", zone)
    return builder.build()


def _add_event(builder: ProgrammeBuilder, event: Any, where: str, zone: dt.tzinfo) -> None:
    source = builder.source
    if "dtstart" not in event:
        raise ProgrammeError(source, [Problem(where, "has no DTSTART")])
    try:
        start, end = _span(event, zone)
    except (ValueError, TypeError, KeyError, OverflowError) as error:
        raise ProgrammeError(source, [Problem(
            where, f"cannot read its times: {error}")]) from None
    sane(start, f"{where}.DTSTART", source)
    sane(end, f"{where}.DTEND", source)
    summary = _text(event, "summary")
    location = _text(event, "location")
    categories = [str(c) for c in _categories(event)]
    people = tuple((builder.person(name), role) for name, role in _people(event))
    builder.add_session(
        ids=(_text(event, "uid") or None,), fallback_id=summary or "event",
        start=start, end=end, title=summary, language=_language(event),
        kind=kind_of(" ".join(categories) + " " + summary) if categories else "talk",
        room=builder.room(location) if location else None, themes=tuple(categories),
        people=people,
        description=readable(_text(event, "description")),
        links=[("Event page", _text(event, "url"))])


def _people(event: Any) -> list[tuple[str, str]]:
    """Common names of the organiser (the host) and attendees (speakers, in the
    schedules that list them so); an address without a name is left out."""
    found = []
    for prop, role in (("organizer", "host"), ("attendee", "speaker")):
        value = event.get(prop)
        for address in value if isinstance(value, list) else [value] if value else []:
            params = getattr(address, "params", None)
            names = params.get("CN", "") if params is not None else ""
            # An unquoted CN=Ana, Bo is read as a list: two people, not "['Ana', ' Bo']".
            for name in names if isinstance(names, list | tuple) else [names]:
                name = str(name).strip()
                if name and (name, role) not in found:
                    found.append((name, role))
    return found


def _first(event: Any, name: str) -> Any:
    """A property's value; the first one when a broken file repeats it."""
    value = event.get(name)
    return value[0] if isinstance(value, list) and value else value


def _text(event: Any, name: str) -> str:
    value = _first(event, name)
    return str(value) if value is not None else ""


def _language(event: Any) -> str:
    summary = _first(event, "summary")
    params = getattr(summary, "params", None)
    return str(params.get("LANGUAGE", "")) if params is not None else ""


def _span(event: Any, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    start = _moment(event.decoded("dtstart"), zone)
    if "dtend" in event:
        return start, _moment(event.decoded("dtend"), zone)
    if "duration" in event:
        duration = event.decoded("duration")
        if not isinstance(duration, dt.timedelta):
            raise ValueError(f"DURATION is not a duration: {duration!r}")
        return start, start + duration
    if isinstance(event.decoded("dtstart"), dt.datetime):
        return start, start  # RFC 5545: no end and no duration -> an instant
    return start, start + dt.timedelta(days=1)


def _moment(value: object, zone: dt.tzinfo) -> dt.datetime:
    if not isinstance(value, dt.date):
        raise ValueError(f"not a date or date-time: {value!r}")
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
