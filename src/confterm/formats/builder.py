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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from confterm.model.constraints import FIRST_YEAR, LAST_YEAR, year_problem
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.programme import UNDETERMINED

_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,199}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_WEB = re.compile(r"^https?://[^\s\x00-\x1f\x7f-\x9f]{1,1990}$", re.IGNORECASE)

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


@lru_cache(maxsize=256)
def kind_of(kind_text: str | None) -> str:
    """The confterm kind a file's session type (or a title) names; files repeat a
    handful of types, so each is worked out once."""
    if not kind_text:
        return "talk"
    lowered = kind_text.lower()
    for words, kind in _KINDS:
        if any(word in lowered for word in words):
            return kind
    return "other"


@lru_cache(maxsize=256)
def said_yes(value: object) -> bool | None:
    """A file's boolean: true/false as JSON or as text ("true", "false", "1"…);
    None when it says neither."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, str | int) else ""
    return True if text in ("true", "1", "yes") else False if text in ("false", "0", "no") else None


def languages_of(value: str) -> tuple[str, ...]:
    """Spoken languages as a file gives them ('de', 'de, en', 'en/de') -> tags
    (files repeat a handful of values, so each is worked out once)."""
    found: list[str] = []
    for part in re.split(r"[\s,;/+|]+", value):
        if _LANGUAGE.match(part) and part.lower() not in found:
            found.append(part.lower())
    return tuple(found)


def web_links(pairs: Iterable[tuple[str, str | None]]) -> list[dict[str, str]]:
    """``{"title", "url"}`` for each http(s) address, once each, in order."""
    links: list[dict[str, str]] = []
    for title, url in pairs:
        address = (url or "").strip()
        if _WEB.match(address) and all(link["url"] != address for link in links):
            links.append({"title": line(title) or address, "url": address})
    return links


def parse_duration(text: str, where: str, source: str) -> dt.timedelta:
    """'01:30', '1:30:00' (seconds), '25:00' (24 h and more) or 'P1DT2H' (ISO 8601)."""
    duration = _duration(text)
    if duration is None:
        raise ProgrammeError(source, [Problem(where, f"cannot read the duration {text!r} "
                                                     "(expected HH:MM or HH:MM:SS)")])
    if duration > LONGEST:
        raise ProgrammeError(source, [Problem(where, f"the duration {text!r} is longer "
                                                     "than a year")])
    return duration


#: No session lasts longer (and a longer one would overflow the calendar).
LONGEST = dt.timedelta(days=366)


@lru_cache(maxsize=1024)
def _duration(text: str) -> dt.timedelta | None:
    try:
        return _read_duration(text)
    except OverflowError:  # more days than a timedelta holds: longer than LONGEST
        return dt.timedelta.max


def _read_duration(text: str) -> dt.timedelta | None:
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
    return None


@lru_cache(maxsize=1024)
def parse_clock(text: str) -> dt.time | None:
    """'04:00' or '04:00:00' -> time; None when unreadable."""
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        return None


_DAY = 24 * 60
_NOON = dt.time(12, 0)


def _conference_day(local_start: dt.datetime, day_change: dt.time) -> dt.date:
    day = local_start.date()
    return day - dt.timedelta(days=1) if local_start.time() < day_change else day


def _digest(title: str, start: dt.datetime, room: str | None) -> str:
    """What tells a session apart when the file gives it no id of its own."""
    content = "\x00".join((title, start.isoformat(), room or ""))
    return f"{zlib.crc32(content.encode()):08x}"


def _natural(quiet_from: int, quiet_to: int) -> dt.time:
    """The day change a quiet stretch (minutes of the day, *quiet_to* past
    midnight when it spans it) suggests: midnight if it spans it, else the first
    full hour after it begins."""
    if quiet_to >= _DAY:
        return dt.time(0, 0)
    hour = quiet_from // 60 + 1
    minute = hour * 60 if hour * 60 <= quiet_to else quiet_to
    return dt.time(minute // 60 % 24, minute % 60)


@dataclass(frozen=True)
class Converted:
    """What a reader made of a file: confterm data, and how the file was read
    where it contradicted itself (each session is kept where it fits best)."""

    data: dict[str, Any]
    warnings: list[Problem]


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
    #: How the time zone was found when the file did not say (or said wrong).
    timezone_note: str | None = None
    #: The file's own day change, used when its events agree with it.
    day_change_hint: dt.time | None = None
    sessions: list[dict[str, Any]] = field(default_factory=list)
    _rooms: dict[str, str] = field(default_factory=dict)
    _tracks: dict[str, str] = field(default_factory=dict)
    _themes: dict[str, str] = field(default_factory=dict)  # folded label -> id
    _theme_labels: dict[str, str] = field(default_factory=dict)  # id -> label
    _track_themes: dict[str, str] = field(default_factory=dict)  # track id -> theme id
    _people: dict[str, dict[str, Any]] = field(default_factory=dict)
    _person_ids: set[str] = field(default_factory=set)
    #: The id given to a room, track or person, by the text the file gave it.
    _seen: dict[tuple[str | None, ...], str] = field(default_factory=dict)
    # Beside each session: its local start, the day the file filed it under and
    # what names it when its id is not its own (title, start, room).
    _starts: list[dt.datetime] = field(default_factory=list)
    _filed: list[str] = field(default_factory=list)
    _contents: list[tuple[str, dt.datetime, str | None]] = field(default_factory=list)
    _bounds: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    #: What did not fit the file as it stands, and how it was read instead.
    warnings: list[Problem] = field(default_factory=list)

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
        known = self._seen.get(("room", name))
        if known is not None:  # every event names its room: the same text, again
            return known
        raw, name = name, line(name)
        if name not in self._rooms:
            wanted = self._stable_id(guid, fallback=name)
            self._rooms[name] = self._unique(wanted, set(self._rooms.values()))
        self._seen["room", raw] = self._rooms[name]
        return self._rooms[name]

    def track(self, name: str) -> str:
        """A track, which is also offered as a theme to filter on."""
        known = self._seen.get(("track", name))
        if known is not None:
            return known
        raw, name = name, line(name)
        if name not in self._tracks:
            track_id = self._unique(slug(name), set(self._tracks.values()))
            self._tracks[name] = track_id
            self._track_themes[track_id] = self.theme(name)
        self._seen["track", raw] = self._tracks[name]
        return self._tracks[name]

    def theme(self, label: str) -> str:
        label = line(label)
        key = label.casefold()
        if key not in self._themes:
            self._themes[key] = self._unique(slug(label), set(self._themes.values()))
            self._theme_labels[self._themes[key]] = label.strip()
        return self._themes[key]

    def person(self, name: str, *, guid: str | None = None, number: str | None = None,
               organisation: str | None = None) -> str:
        """A person, known by what identifies them: a guid where the file has one,
        else its id together with the name (files merged from several sources
        reuse ids for different people), else the name alone."""
        known = self._seen.get(("person", name, guid, number))
        if known is not None:  # a speaker of several events
            return known
        raw, name = name, line(name)
        folded = name.casefold()
        lookup = (f"guid:{guid}" if guid else f"id:{number}:{folded}" if number
                  else f"name:{folded}")
        if lookup not in self._people:
            key = guid or number
            wanted = self._stable_id(None if key is None else f"person-{key}",
                                     fallback=f"person-{slug(name)}")
            person_id = self._unique(wanted, self._person_ids)
            self._person_ids.add(person_id)
            entry: dict[str, Any] = {"id": person_id, "name": name or person_id}
            if line(organisation or ""):
                entry["organisation"] = {UNDETERMINED: line(organisation or "")}
            self._people[lookup] = entry
        person_id = str(self._people[lookup]["id"])
        self._seen["person", raw, guid, number] = person_id
        return person_id

    def add_session(self, *, ids: tuple[str | None, ...], fallback_id: str,
                    start: dt.datetime, end: dt.datetime, title: str, language: str,
                    day: dt.date | None = None, kind: str = "talk", room: str | None = None,
                    track: str | None = None, themes: tuple[str, ...] = (),
                    people: tuple[tuple[str, str], ...] = (), description: str = "",
                    links: Iterable[tuple[str, str | None]] = (),
                    recorded: bool | None = None, cancelled: bool = False,
                    descriptions: dict[str, str] | None = None) -> str:
        if not (FIRST_YEAR <= start.year <= LAST_YEAR and FIRST_YEAR <= end.year <= LAST_YEAR):
            for moment, field_name in ((start, "start"), (end, "end")):
                sane(moment, f"{fallback_id}.{field_name}", self.source)
        title = line(title)
        session_id = None
        for candidate in ids:
            if candidate and _ID_OK.match(candidate := candidate.strip()):
                session_id = candidate
                break
        else:
            # Without an id of its own, an event is named by what it is (title,
            # start, room), not by where it stands in the file: reordering a file
            # moves no bookmark to another session.
            session_id = slug(f"{slug(fallback_id)[:60]}-{_digest(title, start, room)}")
        self._contents.append((title, start, room))
        spoken = languages_of(language)
        text_lang = spoken[0] if spoken else UNDETERMINED  # what the title is written in
        if text_lang != UNDETERMINED and text_lang not in self.languages:
            self.languages.append(text_lang)
        zone = self.zone
        local_start = start.astimezone(zone)
        if end < start:
            self.warn(f"sessions[{session_id}].end", "ends before it starts; kept as a "
                      "session of no length at its start")
            end = start
        filed = (day or local_start.date()).isoformat()
        self._starts.append(local_start)
        self._filed.append(filed)
        entry: dict[str, Any] = {
            "id": session_id, "day": filed,
            "start": local_start.isoformat(), "end": end.astimezone(zone).isoformat(),
            "kind": kind, "title": {text_lang: title or "(untitled)"}}
        if room:
            entry["room"] = room
        if track:
            entry["track"] = track
        theme_ids = [self._track_themes[track]] if track in self._track_themes else []
        for label in themes:
            if label.strip():
                theme = self.theme(label)
                if theme not in theme_ids:
                    theme_ids.append(theme)
        if theme_ids:
            entry["themes"] = theme_ids
        if people:
            entry["people"] = [{"person": pid, "role": role} for pid, role in people]
        description = description.strip()
        if descriptions:  # given in several languages (language tag: text)
            entry["description"] = {lang: text.strip() for lang, text in descriptions.items()
                                    if text.strip()}
            self.languages.extend(lang for lang in entry["description"]
                                  if lang not in self.languages)
        elif description:
            entry["description"] = {text_lang: description}
        if spoken:
            entry["language"] = list(spoken)
        found_links = web_links(links)
        if found_links:
            entry["links"] = found_links
        if recorded is not None:
            entry["recorded"] = recorded
        if cancelled:
            entry["cancelled"] = True
        self.sessions.append(entry)
        return session_id

    def day_bounds(self, start: dt.datetime | None, end: dt.datetime | None) -> None:
        """A file's day runs from *start* to *end* (instants: their local times
        are what count, whatever date the file labels the day with)."""
        if start is not None and end is not None and start < end and not (
                year_problem(start) or year_problem(end)):
            self._bounds.append((start.astimezone(self.zone), end.astimezone(self.zone)))

    def _day_change(self) -> dt.time:
        """When one conference day ends and the next begins, in local time.

        It must fall in the small hours (up to noon) at a time when no event
        starts, or it would split a day's events. Preferred, when they qualify:
        the file's own day change; then the one its day bounds imply (the first
        full hour after the latest end of a day that runs past midnight). Else,
        of the quiet stretches in the small hours, the one that files the most
        events under the days the file gives them (midnight when all are alike).
        A file's day labels alone never move an event off the day of its local
        start: some exporters write them in UTC."""
        minutes = sorted({m.hour * 60 + m.minute for m in self._starts})
        gaps = [(earlier, later) for earlier, later in zip(
            minutes, [*minutes[1:], minutes[0] + _DAY], strict=True) if later > earlier]

        def qualifies(change: dt.time | None) -> bool:
            if change is None or change > _NOON:
                return False
            at = change.hour * 60 + change.minute
            return any(a < t <= b for a, b in gaps for t in (at, at + _DAY))

        hint = self.day_change_hint
        if qualifies(hint):
            assert hint is not None
            return hint
        if hint is not None:
            self.warn("day_change", f"the file's day change {hint:%H:%M} would split a "
                      "day's events; days change when no event starts instead")
        from_bounds = self._day_change_from_bounds()
        if qualifies(from_bounds):
            assert from_bounds is not None
            return from_bounds
        # The four longest quiet stretches at most: each is scored against every event.
        longest = sorted(gaps, key=lambda gap: gap[1] - gap[0], reverse=True)
        candidates = [c for c in (_natural(a, b) for a, b in longest) if qualifies(c)][:4]
        if not candidates:  # events around the clock: no night to go by
            return dt.time(0, 0)

        # Each start: its clock time, and whether the file's day label is its own
        # date or the day before (where a later day change would file it).
        labelled = [(start.time(), start.date().isoformat() == label,
                     (start.date() - dt.timedelta(days=1)).isoformat() == label)
                    for start, label in zip(self._starts, self._filed, strict=True)]

        def agreement(change: dt.time) -> tuple[int, bool]:
            same = sum(on_day_before if clock < change else on_its_date
                       for clock, on_its_date, on_day_before in labelled)
            return same, change == dt.time(0, 0)

        return max(candidates, key=agreement)

    def _day_change_from_bounds(self) -> dt.time | None:
        if not self._bounds:
            return None
        past_midnight = [end.time() for start, end in self._bounds if end.date() > start.date()]
        if not past_midnight:
            return dt.time(0, 0)
        latest = max(past_midnight)
        hour = latest.hour + (1 if (latest.minute, latest.second) != (0, 0) else 0)
        return dt.time(hour, 0) if hour < 24 else None

    def _file_days(self, day_change: dt.time) -> list[dt.date]:
        """Each session on the conference day of its local start; sessions the file
        filed under another day are named in one warning."""
        moved = []
        days: set[dt.date] = set()
        for entry, start, filed in zip(self.sessions, self._starts, self._filed, strict=True):
            day = _conference_day(start, day_change)
            days.add(day)
            if (iso := day.isoformat()) != filed:
                entry["day"] = iso
                moved.append((entry, filed))
        if moved:
            entry, filed = moved[0]
            self.warn("sessions", f"{len(moved)} session{'s' * (len(moved) > 1)} filed "
                      f"under another day than their local start (e.g. {entry['id']}: "
                      f"filed under {filed}, starts "
                      f"{entry['start'][:16].replace('T', ' ')}); each is shown on the "
                      "day it starts, in local time")
        return sorted(days)

    def _resolve_ids(self) -> None:
        """An id the file gives several events (a repeated guid) is told apart by
        each event's content, for all of them: which one came first in the file
        decides nothing, so reordering a file moves no bookmark."""
        counts = Counter(entry["id"] for entry in self.sessions)
        if len(counts) == len(self.sessions):
            return  # every id once: the usual case
        taken: set[str] = set()
        for entry, content in zip(self.sessions, self._contents, strict=True):
            wanted = entry["id"]
            if counts[wanted] > 1:
                wanted = f"{wanted[:180]}-{_digest(*content)}"
            entry["id"] = self._unique(wanted, taken)  # identical events: by order
            taken.add(entry["id"])

    def warn(self, place: str, message: str) -> None:
        self.warnings.append(Problem(place, message))

    def build(self) -> Converted:
        if not self.sessions:
            raise ProgrammeError(self.source, [Problem("file", "no events found")])
        self._resolve_ids()
        day_change = self._day_change()
        days = self._file_days(day_change)
        data: dict[str, Any] = {
            "format": "confterm-programme", "version": 1, "id": self.programme_id,
            "name": {UNDETERMINED: line(self.name) or "(untitled)"},
            "timezone": self.timezone,
            "languages": self.languages or ["en"],
            "day_change": day_change.isoformat(timespec="minutes"),
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
        if self.timezone_note:
            data["timezone_note"] = self.timezone_note
        return Converted(data, self.warnings)
