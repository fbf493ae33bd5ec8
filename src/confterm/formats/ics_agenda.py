"""Someone's agenda as a calendar: the events of an ``.ics`` file (confterm's own
export, another schedule app's, a pretalx ``faved.ics``), to match against a
programme (``confterm.model.matching``). ``icalendar`` is imported only here.
"""

from __future__ import annotations

import datetime as dt
import re

from confterm.model.matching import CalendarEvent
from confterm.model.text import neutralise

_FOLD = re.compile(rb"\r?\n[ \t]")
#: An agenda is a few dozen events; a file much bigger than this is not one.
MAX_AGENDA_BYTES = 5 * 1024 * 1024


class AgendaFileError(ValueError):
    """A file that is not a usable agenda; the message says why."""


def _priority(value: object) -> int | None:
    try:
        number = int(str(value))
    except ValueError:
        return None
    return number if 1 <= number <= 9 else None


def read_calendar_events(raw: bytes) -> list[CalendarEvent]:
    """The events of an iCalendar file. Raises ``AgendaFileError``."""
    import icalendar

    if len(raw) > MAX_AGENDA_BYTES:
        raise AgendaFileError(f"too large for an agenda ({len(raw) // 1024} KiB)")
    if b"BEGIN:VCALENDAR" not in raw[:4096].upper():
        raise AgendaFileError("not an iCalendar file (no BEGIN:VCALENDAR)")
    # RFC 5545 3.1: unfold, then decode (a fold may split a UTF-8 character).
    try:
        calendar = icalendar.Calendar.from_ical(_FOLD.sub(b"", raw))
    except (ValueError, IndexError, KeyError) as error:
        raise AgendaFileError(f"not a readable iCalendar file ({error})") from None
    events = []
    for event in calendar.walk("VEVENT"):
        try:
            start = event.decoded("dtstart", None)
        except (ValueError, TypeError):
            start = None
        if isinstance(start, dt.date) and not isinstance(start, dt.datetime):
            start = None  # an all-day event is not a session
        events.append(CalendarEvent(
            uid=neutralise(str(event.get("uid", ""))),
            start=start,
            title=neutralise(str(event.get("summary", ""))),
            location=neutralise(str(event.get("location", ""))),
            priority=_priority(event.get("priority"))))
    return events
