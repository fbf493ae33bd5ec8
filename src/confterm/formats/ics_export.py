"""Sessions as an iCalendar (RFC 5545) file, for phone and desktop calendars.

Each event's UID is stable per session and programme, so importing a newer
export updates the events instead of duplicating them. Times carry the
conference's TZID with its VTIMEZONE. ``icalendar`` is imported only here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from confterm.model.agenda import Agenda
from confterm.model.programme import Session
from confterm.model.view import Catalogue

PRODID = "-//confterm//confterm schedule export//EN"


def event_uid(session: Session, programme_id: str) -> str:
    return f"{session.id}@{programme_id}.confterm"


def to_ics(sessions: Iterable[Session], catalogue: Catalogue, *, lang: str = "en",
           agenda: Agenda | None = None, stamp: dt.datetime | None = None,
           alarm_minutes: int | None = None) -> bytes:
    """The calendar for *sessions*; *stamp* is DTSTAMP (default: now). With
    *alarm_minutes*, each event carries an alarm that many minutes before it."""
    import icalendar

    programme = catalogue.programme
    zone = programme.zone
    stamp = stamp or dt.datetime.now(dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", programme.name.get(lang))
    calendar.add("x-wr-timezone", programme.timezone)
    places = (programme.venue, programme.city)
    for session in sessions:
        event = icalendar.Event()
        event.add("uid", event_uid(session, programme.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start.astimezone(zone))
        event.add("dtend", session.end.astimezone(zone))
        event.add("summary", session.title.get(lang))
        location = ", ".join(x for x in (catalogue.room_name(session, lang),
                                         *(p.get(lang) for p in places if p)) if x)
        if location:
            event.add("location", location)
        event.add("description", _description(session, catalogue, lang))
        if session.themes:
            event.add("categories", [catalogue.theme_label(t, lang) for t in session.themes])
        mark = agenda.get(session.id) if agenda is not None else None
        if mark is not None:
            event.add("priority", 1 if mark.priority == "must" else 5)
        if alarm_minutes is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", session.title.get(lang))
            alarm.add("trigger", -dt.timedelta(minutes=alarm_minutes))
            event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data


def _description(session: Session, catalogue: Catalogue, lang: str) -> str:
    lines = []
    if session.indicative:
        lines.append("Indicative time and room: not from an official programme.")
    track = catalogue.track_name(session, lang)
    if track:
        lines.append(f"Track: {track}")
    for part, person in zip(session.people, catalogue.session_people(session), strict=False):
        about = ", ".join(x.get(lang) for x in (person.position, person.organisation) if x)
        lines.append(f"{part.role.value.capitalize()}: {person.name}"
                     + (f" ({about})" if about else ""))
    if session.description is not None:
        lines += ["", session.description.get(lang)]
    if session.notes is not None:
        lines += ["", session.notes.get(lang)]
    notice = catalogue.programme.notice
    if notice is not None and not session.indicative:
        lines += ["", notice.get(lang)]
    return "\n".join(lines)
