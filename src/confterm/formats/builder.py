"""Turns what a reader finds in another format into confterm programme data.

Readers call ``room()``, ``track()``, ``person()`` and ``add_session()``; the
builder gives every entity a stable, unique id, turns tracks and tags into
themes, works out which conference day an event after midnight belongs to, and
``build()`` returns a dict in confterm's own format, ready to be validated.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from typing import Any

from confterm.model.constraints import year_problem
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.programme import UNDETERMINED

_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,199}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

_KINDS = (  # (words found in a type or title, confterm kind), first match wins
    (("workshop", "hands-on", "tutorial"), "workshop"),
    (("keynote",), "keynote"),
    (("panel", "podium", "discussion", "round table", "roundtable"), "panel"),
    (("break", "pause", "lunch", "coffee", "dinner"), "break"),
    (("ceremony", "opening", "closing"), "ceremony"),
    (("social", "party", "meetup", "reception"), "social"),
    (("exhibition", "expo"), "exhibition"),
    (("talk", "lecture", "lightning", "presentation", "session", "paper"), "talk"),
)


def slug(text: str) -> str:
    """A readable id fragment: 'Saal 1 / Ada' -> 'saal-1-ada'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80] or "x"


def line(text: str) -> str:
    """A name or title on one line: runs of white space, line breaks included, become
    one space (confterm's format refuses line breaks there; other formats have them)."""
    return " ".join(text.split())


def sane(moment: dt.date, where: str, source: str) -> None:
    """Refuse a date far outside any conference (years 1900-2200), with its place,
    before arithmetic on it can overflow."""
    problem = year_problem(moment)
    if problem is not None:
        raise ProgrammeError(source, [Problem(where, problem)])


def kind_of(kind_text: str | None) -> str:
    if not kind_text:
        return "talk"
    lowered = kind_text.lower()
    for words, kind in _KINDS:
        if any(word in lowered for word in words):
            return kind
    return "other"


def language_of(value: str | None) -> str:
    if value and _LANGUAGE.match(value.strip()):
        return value.strip().lower()
    return UNDETERMINED


def parse_duration(text: str, where: str, source: str) -> dt.timedelta:
    """'01:30', '1:30:00' (seconds), '25:00' (24 h and more) or 'P1DT2H' (ISO 8601)."""
    value = text.strip()
    if value.upper().startswith("P"):
        match = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?",
                             value.upper())
        if match and any(match.groups()):
            days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
            return dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    parts = value.split(":")
    if 2 <= len(parts) <= 3 and all(p.isdigit() for p in parts):
        hours, minutes, *rest = (int(p) for p in parts)
        if minutes < 60 and all(s < 60 for s in rest):
            return dt.timedelta(hours=hours, minutes=minutes, seconds=rest[0] if rest else 0)
    raise ProgrammeError(source, [Problem(where, f"cannot read the duration {text!r} "
                                                 "(expected HH:MM or HH:MM:SS)")])


def parse_clock(text: str) -> dt.time | None:
    """'04:00' or '04:00:00' -> time; None when unreadable."""
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        return None


@dataclass
class ProgrammeBuilder:
    """Collects a programme from another format; ``build()`` returns confterm data."""

    source: str
    programme_id: str
    name: str
    timezone: str
    zone: dt.tzinfo
    languages: list[str] = field(default_factory=list)
    city: str | None = None
    venue: str | None = None
    notice: str | None = None
    #: The file's own day change, used when its events agree with it.
    day_change_hint: dt.time | None = None
    sessions: list[dict[str, Any]] = field(default_factory=list)
    _rooms: dict[str, str] = field(default_factory=dict)
    _tracks: dict[str, str] = field(default_factory=dict)
    _themes: dict[str, str] = field(default_factory=dict)  # folded label -> id
    _theme_labels: dict[str, str] = field(default_factory=dict)  # id -> label
    _track_themes: dict[str, str] = field(default_factory=dict)  # track id -> theme id
    _people: dict[str, dict[str, Any]] = field(default_factory=dict)
    _ids: set[str] = field(default_factory=set)
    _days: set[dt.date] = field(default_factory=set)
    _day_starts: list[dt.time] = field(default_factory=list)

    def _unique(self, wanted: str, taken: set[str] | dict[str, Any]) -> str:
        candidate, number = wanted, 1
        while candidate in taken:
            number += 1
            candidate = f"{wanted}-{number}"
        return candidate

    def _stable_id(self, *candidates: str | None, fallback: str) -> str:
        for candidate in candidates:
            if candidate and _ID_OK.match(candidate.strip()):
                return candidate.strip()
        return slug(fallback)

    def room(self, name: str, guid: str | None = None) -> str:
        name = line(name)
        if name not in self._rooms:
            wanted = self._stable_id(guid, fallback=name)
            self._rooms[name] = self._unique(wanted, set(self._rooms.values()))
        return self._rooms[name]

    def track(self, name: str) -> str:
        """A track, which is also offered as a theme to filter on."""
        name = line(name)
        if name not in self._tracks:
            track_id = self._unique(slug(name), set(self._tracks.values()))
            self._tracks[name] = track_id
            self._track_themes[track_id] = self.theme(name)
        return self._tracks[name]

    def theme(self, label: str) -> str:
        label = line(label)
        key = label.casefold()
        if key not in self._themes:
            self._themes[key] = self._unique(slug(label), set(self._themes.values()))
            self._theme_labels[self._themes[key]] = label.strip()
        return self._themes[key]

    def person(self, name: str, key: str | None = None, *,
               organisation: str | None = None) -> str:
        name = line(name)
        lookup = key or f"name:{name.casefold()}"
        if lookup not in self._people:
            wanted = self._stable_id(None if key is None else f"person-{key}",
                                     fallback=f"person-{slug(name)}")
            person_id = self._unique(wanted, {p["id"] for p in self._people.values()})
            entry: dict[str, Any] = {"id": person_id, "name": name or person_id}
            if line(organisation or ""):
                entry["organisation"] = {UNDETERMINED: line(organisation or "")}
            self._people[lookup] = entry
        return str(self._people[lookup]["id"])

    def day(self, date: dt.date, start: dt.datetime | None = None) -> None:
        self._days.add(date)
        if start is not None and year_problem(start) is None:  # only a hint
            self._day_starts.append(start.astimezone(self.zone).time())

    def add_session(self, *, ids: tuple[str | None, ...], fallback_id: str,
                    start: dt.datetime, end: dt.datetime, title: str, language: str,
                    day: dt.date | None = None, kind: str = "talk", room: str | None = None,
                    track: str | None = None, themes: tuple[str, ...] = (),
                    people: tuple[tuple[str, str], ...] = (), description: str = "",
                    url: str | None = None) -> str:
        for moment, field_name in ((start, "start"), (end, "end")):
            sane(moment, f"{fallback_id}.{field_name}", self.source)
        # Without an id of its own, an event is named by what it is (title, start,
        # room), not by where it stands in the file: reordering a file moves no
        # bookmark to another session.
        digest = zlib.crc32(f"{line(title)}\x00{start.isoformat()}\x00{room or ''}".encode())
        fallback = f"{slug(fallback_id)[:60]}-{digest:08x}"
        session_id = self._unique(self._stable_id(*ids, fallback=fallback), self._ids)
        self._ids.add(session_id)
        text_lang = language_of(language)
        if text_lang != UNDETERMINED and text_lang not in self.languages:
            self.languages.append(text_lang)
        local_start = start.astimezone(self.zone)
        entry: dict[str, Any] = {
            "id": session_id, "day": (day or local_start.date()).isoformat(),
            "start": local_start.isoformat(), "end": end.astimezone(self.zone).isoformat(),
            "kind": kind, "title": {text_lang: line(title) or "(untitled)"}}
        if room:
            entry["room"] = room
        if track:
            entry["track"] = track
        from_track = [self._track_themes[track]] if track in self._track_themes else []
        theme_ids = list(dict.fromkeys(from_track + [self.theme(t) for t in themes
                                                     if t.strip()]))
        if theme_ids:
            entry["themes"] = theme_ids
        if people:
            entry["people"] = [{"person": pid, "role": role} for pid, role in people]
        notes = f"More: {url}" if url else ""
        if description.strip():
            entry["description"] = {text_lang: description.strip()}
        if notes:
            entry["notes"] = {text_lang: notes}
        self.sessions.append(entry)
        self._days.add(day or local_start.date())
        return session_id

    def _day_change(self) -> dt.time:
        """The earliest time that still belongs to a day's own date, when some
        events of a day run past midnight (so they count for the day before)."""
        after_midnight, same_day = [], []
        for entry in self.sessions:
            start = dt.datetime.fromisoformat(entry["start"])
            if start.date() > dt.date.fromisoformat(entry["day"]):
                after_midnight.append(start.time())
            else:
                same_day.append(start.time())
        hint = self.day_change_hint
        if hint is not None and all(t < hint for t in after_midnight) and all(
                t >= hint for t in same_day):
            return hint
        if not after_midnight:
            return dt.time(0, 0)
        candidates = [t for t in same_day + self._day_starts if t > max(after_midnight)]
        return min(candidates) if candidates else max(after_midnight).replace(
            second=0, microsecond=0)

    def build(self) -> dict[str, Any]:
        if not self.sessions:
            raise ProgrammeError(self.source, [Problem("file", "no events found")])
        days = sorted(self._days)
        data: dict[str, Any] = {
            "format": "confterm-programme", "version": 1, "id": self.programme_id,
            "name": {UNDETERMINED: line(self.name) or "(untitled)"},
            "timezone": self.timezone,
            "languages": self.languages or ["en"],
            "day_change": self._day_change().isoformat(timespec="minutes"),
            "days": [{"date": d.isoformat()} for d in days],
            "tracks": [{"id": tid, "name": {UNDETERMINED: name}}
                       for name, tid in self._tracks.items()],
            "rooms": [{"id": rid, "name": name} for name, rid in self._rooms.items()],
            "themes": [{"id": tid, "label": {UNDETERMINED: self._theme_labels[tid]}}
                       for tid in self._themes.values()],
            "people": list(self._people.values()),
            "sessions": self.sessions,
        }
        if line(self.city or ""):
            data["city"] = line(self.city or "")
        if line(self.venue or ""):
            data["venue"] = line(self.venue or "")
        if self.notice:
            data["notice"] = {"en": self.notice}
        return data
