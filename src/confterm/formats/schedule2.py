"""The c3voc ``schedule2`` JSON format (``$id`` https://c3voc.de/schema/schedule2):
one flat list of ``events`` under the schedule, each with its own ``start``
and ``end`` (or an ISO 8601 ``duration``), a ``room`` that refers to the
conference's rooms by guid, ``participants`` with roles, a ``type`` in any
case, and texts that may be given per language (``{"en": …, "de": …}``).
``MetaEvent`` entries (breaks, the opening of doors) are kept as breaks.
Events are placed on their conference day by their local start, as in the
other formats.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from confterm.formats.builder import ProgrammeBuilder, kind_of, parse_duration, sane
from confterm.formats.text import readable
from confterm.model.errors import Problem, ProgrammeError

#: Roles as schedule2 exports name them, as confterm names them.
ROLES = {"speaker": "speaker", "presenter": "speaker", "moderator": "moderator",
         "host": "host", "panelist": "panellist", "panellist": "panellist"}


def is_schedule2(data: dict[str, Any]) -> bool:
    """Recognised by its schema's name, or by its flat list of events."""
    named = f"{data.get('$schema', '')} {data.get('$id', '')}"
    schedule = data.get("schedule")
    return "schedule2" in named or (isinstance(schedule, dict)
                                    and isinstance(schedule.get("events"), list))


def _text(value: Any, lang: str = "") -> str:
    """A text, or from texts per language the one in *lang*, else the first."""
    if isinstance(value, dict):
        value = value.get(lang) or next((v for v in value.values() if isinstance(v, str)), "")
    return value.strip() if isinstance(value, str) else ""


#: A language tag as a key of texts per language ("en", "pt-BR").
_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")


def _in(value: Any, lang: str) -> str:
    """A text in *lang* only: from texts per language, that one (or nothing); a
    plain text, as it is."""
    if isinstance(value, dict):
        value = value.get(lang)
    return value.strip() if isinstance(value, str) else ""


def _moment(value: Any, zone: dt.tzinfo, where: str, source: str) -> dt.datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ProgrammeError(source, [Problem(where, f"not a date-time: {value!r}")]) from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
    sane(moment, where, source)
    return moment


def read_events(builder: ProgrammeBuilder, conference: dict[str, Any],
                events: list[Any], zone: dt.tzinfo) -> None:
    """Add schedule2's *events* (and its days' bounds) to *builder*."""
    source = builder.source
    rooms = {}
    for room in conference.get("rooms") or []:
        if isinstance(room, dict) and _text(room.get("name")):
            rooms[_text(room.get("guid"))] = builder.room(_text(room["name"]),
                                                          _text(room.get("guid")) or None)
    for index, day in enumerate(conference.get("days") or []):
        if isinstance(day, dict):
            where = f"schedule.conference.days[{index}]"
            builder.day_bounds(_moment(day.get("start"), zone, f"{where}.start", source),
                               _moment(day.get("end"), zone, f"{where}.end", source))
    for index, event in enumerate(events):
        where = f"schedule.events[{index}]"
        if not isinstance(event, dict):
            raise ProgrammeError(source, [Problem(where, "an event must be an object")])
        _add_event(builder, event, rooms, zone, where)
        events[index] = None  # read: released while the rest is read (a large file)


def _add_event(builder: ProgrammeBuilder, event: dict[str, Any], rooms: dict[str, str],
               zone: dt.tzinfo, where: str) -> None:
    source = builder.source
    start = _moment(event.get("start"), zone, f"{where}.start", source)
    if start is None:
        raise ProgrammeError(source, [Problem(f"{where}.start", "missing")])
    end = _moment(event.get("end"), zone, f"{where}.end", source)
    if end is None:
        end = start + parse_duration(_text(event.get("duration")) or "00:00",
                                     f"{where}.duration", source)
    lang = _text(event.get("language"))
    room = event.get("room")
    room_guid = _text(room.get("guid")) if isinstance(room, dict) else ""
    room_name = _text(room.get("name")) if isinstance(room, dict) else _text(room)
    people = []
    for person in event.get("participants") or []:
        if isinstance(person, dict) and _text(person.get("name")):
            role = ROLES.get(_text(person.get("role")).lower(), "speaker")
            people.append((builder.person(_text(person["name"]),
                                          guid=_text(person.get("guid")) or None), role))
    kind = _text(event.get("type"))
    is_meta = _text(event.get("@type") or event.get("kind")).lower() == "metaevent"
    title = _text(event.get("title"), lang)
    description = "\n\n".join(x for x in (
        _text(event.get("subtitle"), lang), readable(_text(event.get("abstract"), lang)),
        readable(_text(event.get("description"), lang))) if x)
    track = _text(event.get("track"))
    links = [("Event page", _text(event.get("url")))]
    for key in ("links", "attachments"):
        for item in event.get(key) or []:
            if isinstance(item, dict):
                links.append((_text(item.get("title")) or key.rstrip("s").capitalize(),
                              _text(item.get("url"))))
    # Texts given per language ({"en": …, "de": …}): each language kept.
    languages = sorted({lang for key in ("abstract", "description", "subtitle")
                        if isinstance(event.get(key), dict)
                        for lang in event[key] if isinstance(lang, str) and _TAG.match(lang)})
    described = {lang: "\n\n".join(x for x in (
        _in(event.get("subtitle"), lang), readable(_in(event.get("abstract"), lang)),
        readable(_in(event.get("description"), lang))) if x) for lang in languages}
    builder.add_session(
        ids=(_text(event.get("guid")) or None, _text(event.get("code")) or None),
        fallback_id=_text(event.get("slug")) or title or "event",
        start=start, end=end, title=title, language=lang,
        kind="break" if is_meta else kind_of(kind.lower() or None),
        room=rooms.get(room_guid) or (builder.room(room_name) if room_name else None),
        track=builder.track(track) if track else None,
        people=tuple(people), description=description, links=links,
        cancelled=_text(event.get("state")).lower() in ("canceled", "cancelled"),
        descriptions={lang: text for lang, text in described.items() if text} or None)
