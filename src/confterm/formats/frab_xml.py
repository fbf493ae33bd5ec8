"""frab / Pentabarf ``schedule.xml`` (XSD: ``validator/xsd/schedule.xml.xsd`` in voc/schedule).

``<schedule><conference>…</conference><day date=… start=…><room name=…>
<event guid=… id=…><date/><start/><duration/><room/><title/><subtitle/>
<track/><type/><language/><abstract/><description/><persons><person/></persons>
</event></room></day></schedule>``. Legacy Pentabarf files may lack the time
zone (``--timezone``), the event ``<date>`` (the day's date and ``<start>``,
with ``<day_change>`` deciding which events run past midnight) and ``guid``.
A file with a document type is parsed with defusedxml: no external entities,
no entity expansion.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any
from xml.etree.ElementTree import Element

from confterm.formats.builder import (
    Converted,
    ProgrammeBuilder,
    kind_of,
    parse_clock,
    parse_duration,
    said_yes,
    sane,
    slug,
)
from confterm.formats.text import readable
from confterm.formats.zones import CHECKED, resolve_zone
from confterm.model.errors import Problem, ProgrammeError


def read_frab_xml(raw: bytes, source: str, *, timezone: str | None = None) -> Converted:
    """Confterm data from a frab ``schedule.xml``. A large file is read as a
    stream: each ``<day>`` is converted and released as soon as it has been
    parsed, so it is never held as a whole element tree."""
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    builder: ProgrammeBuilder | None = None
    pending: list[tuple[int, Element]] = []  # days before <conference>, if any
    started: dict[int, dt.date] = {}  # days whose events were read as they came

    def early(day: Element, day_index: int, room: Element, event: Element,
              event_index: int) -> bool:
        """In a large file, each event is read as soon as it is parsed (once the
        conference is known), so a day is never held whole, however full."""
        if builder is None:
            return False
        date = started.get(id(day))
        if date is None:
            date = started[id(day)] = _day_start(builder, day, day_index)
        room_name = room.get("name") or ""
        if room_name:
            builder.room(room_name, room.get("guid"))
        _add_event(builder, event, date, room_name,
                   builder.day_change_hint or dt.time(0, 0), builder.zone,
                   f"day[{day_index}]/room[@name='{room_name}']/event[{event_index}]")
        return True

    days = 0
    try:
        for element in _schedule_children(raw, source, early):
            if element.tag == "conference" and builder is None:
                builder = _builder(element, source, timezone, raw)
                for index, day in pending:
                    _read_day(builder, day, index)
                    day.clear()
                pending.clear()
            elif element.tag == "day":
                days += 1
                if builder is None:
                    pending.append((days, element))
                else:
                    _read_day(builder, element, days, started.pop(id(element), None))
                    element.clear()
    except DefusedXmlException as error:
        raise ProgrammeError(source, [Problem(
            "file", f"refused: the XML uses {type(error).__name__} "
                    "(entities are not allowed)")]) from None
    except safe_tree.ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise ProgrammeError(source, [Problem("file", f"invalid XML: {reason}",
                                              line, column + 1)]) from None
    except (LookupError, ValueError) as error:  # e.g. encoding="x-unknown"
        raise ProgrammeError(source, [Problem(
            "file", f"the XML declaration names an encoding that cannot be read ({error})",
            1, 1)]) from None
    if not days:
        raise ProgrammeError(source, [Problem("schedule", "no <day> elements")])
    if builder is None:  # no <conference>: the file's name and --timezone will do
        builder = _builder(None, source, timezone, raw)
        for index, day in pending:
            _read_day(builder, day, index)
    return builder.build()


#: Files up to this size are parsed whole, in one call to the C parser; larger
#: ones a day at a time (iterparse: a Python step per element, a bounded tree).
WHOLE_UP_TO = 8 * 1024 * 1024


EarlyEvent = Callable[[Element, int, Element, Element, int], bool]


def _schedule_children(raw: bytes, source: str, early: EarlyEvent) -> Iterator[Element]:
    """The children of ``<schedule>`` (``<conference>``, each ``<day>``), parsed
    by the standard library's C parser when the file declares no document type
    (so no entity can be declared), else by defusedxml, which refuses entities."""

    import defusedxml.ElementTree as safe_tree

    fast = _without_dtd(raw)
    if len(raw) <= WHOLE_UP_TO:
        if fast:
            from xml.etree.ElementTree import fromstring

            root = fromstring(raw)
        else:
            root = safe_tree.fromstring(raw)
        _check_root(root, source)
        yield from list(root)
        return
    depth, day_count, event_count = 0, 0, 0
    day: Element | None = None
    room: Element | None = None
    for event, element in _pull_events(raw, None if fast else safe_tree.DefusedXMLParser):
        if event == "start":
            if depth == 0:
                _check_root(element, source)
            elif depth == 1 and element.tag == "day":
                day, day_count = element, day_count + 1
            elif depth == 2 and day is not None and element.tag == "room":
                room, event_count = element, 0
            elif depth == 3 and room is not None and element.tag == "event":
                event_count += 1
            depth += 1
            continue
        depth -= 1
        if depth == 3 and day is not None and room is not None and element.tag == "event":
            if early(day, day_count, room, element, event_count):
                room.remove(element)  # read: released
        elif depth == 2 and element is room:
            room = None
        elif depth == 1:  # only the children of <schedule> are yielded
            day = None if element is day else day
            yield element


def _check_root(root: Element, source: str) -> None:
    if root.tag != "schedule":
        raise ProgrammeError(source, [Problem(
            "file", f"XML root <{root.tag}> is not a frab <schedule>")])


_DECLARED = re.compile(rb"^<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_PLAIN_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"}


def _without_dtd(raw: bytes) -> bool:
    """True when the file has no document type declaration, so no entity can be
    declared: then the standard library's C parser, several times faster than
    defusedxml's, has nothing to refuse. Only for encodings in which the bytes of
    ``<!DOCTYPE`` are those letters; anything else takes defusedxml's path."""
    head = raw[:200]
    if b"\x00" in head[:4] or head.startswith((b"\xfe\xff", b"\xff\xfe")):
        return False  # UTF-16 or UTF-32
    declared = _DECLARED.match(head.removeprefix(b"\xef\xbb\xbf").lstrip())
    if declared and declared.group(1).decode().lower() not in _PLAIN_ENCODINGS:
        return False
    return b"<!DOCTYPE" not in raw and b"<!ENTITY" not in raw


#: Bytes fed to the parser at a time while it makes progress.
FEED = 1024 * 1024


def _pull_events(raw: bytes, safe_parser: Any) -> Iterator[tuple[str, Element]]:
    """("start"/"end", element) events of *raw*, fed to the parser a chunk at a time.
    This parser (expat before 2.6) reads a token that is not finished again from
    its beginning at every feed, so a huge attribute fed in small chunks costs
    time quadratic in its size: a chunk that brings no event is followed by one
    twice as large, which keeps the rereading within twice the token's size."""
    from xml.etree.ElementTree import TreeBuilder, XMLPullParser

    parser = safe_parser(target=TreeBuilder()) if safe_parser is not None else None
    pull = XMLPullParser(events=("start", "end"), _parser=parser)
    at, size = 0, FEED
    while at < len(raw):
        pull.feed(raw[at:at + size])
        at += size
        progressed = False
        for event in pull.read_events():
            progressed = True
            yield event  # type: ignore[misc]
        size = FEED if progressed else size * 2
    pull.close()
    yield from pull.read_events()  # type: ignore[misc]


_DATE = re.compile(rb"<date>\s*([^<]*?)\s*</date>")
_EVENT_TAG = re.compile(rb"<event[\s>/]")


def _all_offsets(raw: bytes, limit: int | None = None) -> list[dt.datetime]:
    """Every event's start (the first *limit*), if each has a ``<date>`` with its
    UTC offset."""
    moments = []
    for match in _DATE.finditer(raw):
        text = match.group(1).decode("utf-8", "replace")
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            return []
        if moment.tzinfo is None:
            return []
        moments.append(moment)
        if limit is not None and len(moments) >= limit:
            return moments
    return moments if len(moments) == len(_EVENT_TAG.findall(raw)) else []


def _text(element: Element | None, child: str) -> str:
    if element is None:
        return ""
    found = element.find(child)
    return (found.text or "").strip() if found is not None else ""


def _builder(conference: Element | None, source: str, timezone: str | None,
             raw: bytes) -> ProgrammeBuilder:
    named = _text(conference, "time_zone_name") or None
    title = _text(conference, "title") or _text(conference, "acronym") or source
    # The times' own offsets: to find a zone when the file names none, or to check
    # the one it names (the first few suffice then).
    found = resolve_zone(named, timezone, source,
                         moments=_all_offsets(raw, CHECKED if named else None)
                         if named or not timezone else (),
                         places=[_text(conference, k) for k in ("city", "venue", "title")])
    builder = ProgrammeBuilder(source=source,
                               programme_id=slug(_text(conference, "acronym") or title),
                               name=title, timezone=found.name, zone=found.zone)
    if found.note:
        builder.warn("timezone", found.note)
        builder.timezone_note = found.note
    builder.day_change_hint = parse_clock(_text(conference, "day_change"))
    builder.city = _text(conference, "city") or None
    builder.venue = _text(conference, "venue") or None
    return builder


def _day_start(builder: ProgrammeBuilder, day: Element, day_index: int) -> dt.date:
    """The date of a ``<day>`` (checked) and its bounds, told to the builder."""
    source, zone, where = builder.source, builder.zone, f"day[{day_index}]"
    try:
        date = dt.date.fromisoformat((day.get("date") or "")[:10])
    except ValueError:
        raise ProgrammeError(source, [Problem(f"{where}@date",
                                              f"not a date: {day.get('date')!r}")]) from None
    sane(date, f"{where}@date", source)
    builder.day_bounds(_instant(day.get("start"), zone), _instant(day.get("end"), zone))
    return date


def _read_day(builder: ProgrammeBuilder, day: Element, day_index: int,
              date: dt.date | None = None) -> None:
    """A ``<day>``'s events still in it (*date*: its start was read already)."""
    zone = builder.zone
    day_change = builder.day_change_hint or dt.time(0, 0)
    where = f"day[{day_index}]"
    if date is None:
        date = _day_start(builder, day, day_index)
    for room in day.findall("room"):
        room_name = room.get("name") or ""
        if room_name:
            builder.room(room_name, room.get("guid"))
        for event_index, event in enumerate(room.findall("event"), 1):
            _add_event(builder, event, date, room_name, day_change, zone,
                       f"{where}/room[@name='{room_name}']/event[{event_index}]")


def _instant(value: str | None, zone: dt.tzinfo) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _add_event(builder: ProgrammeBuilder, event: Element, day: dt.date, room_name: str,
               day_change: dt.time, zone: dt.tzinfo, where: str) -> None:
    source = builder.source
    children: dict[str, Element] = {}
    for child in event:  # one pass; the first of a repeated child counts, as find() would
        children.setdefault(child.tag, child)

    def text(tag: str) -> str:
        found = children.get(tag)
        return (found.text or "").strip() if found is not None else ""

    date_text = text("date")
    start = _instant(date_text, zone) if "T" in date_text else None
    if start is None:
        clock = parse_clock(text("start"))
        if clock is None:
            raise ProgrammeError(source, [Problem(f"{where}/start",
                                                  f"not a time: {text('start')!r}")])
        # Without <date>, an event before the day change runs after midnight.
        date = day + dt.timedelta(days=1) if clock < day_change else day
        start = dt.datetime.combine(date, clock, tzinfo=zone)
    sane(start, f"{where}/date", source)
    duration = parse_duration(text("duration") or "00:00", f"{where}/duration", source)
    people = []
    persons = children.get("persons")
    for person in persons.iterfind("person") if persons is not None else ():
        name = (person.text or "").strip()
        if name:
            people.append((builder.person(name, guid=person.get("guid"),
                                          number=person.get("id")),
                           "speaker"))
    title = text("title")
    description = "\n\n".join(x for x in (text("subtitle"), readable(text("abstract")),
                                          readable(text("description"))) if x)
    track = text("track")
    tags = tuple((tag.text or "").strip() for tag in event.iter("tag") if tag.text)
    numeric = event.get("id")
    room = text("room") or room_name
    recording = children.get("recording")
    optout = said_yes(recording.findtext("optout") or "") if recording is not None else None
    builder.add_session(
        ids=(event.get("guid"), f"event-{numeric}" if numeric else None),
        fallback_id=text("slug") or title or "event",
        start=start, end=start + duration, day=day, title=title,
        language=text("language"), kind=kind_of(text("type") or None),
        room=builder.room(room) if room else None,
        track=builder.track(track) if track else None, themes=tags,
        people=tuple(people), description=description, links=_links(event, children),
        recorded=None if optout is None else not optout)


def _links(event: Element, children: dict[str, Element]) -> list[tuple[str, str | None]]:
    """The event page, feedback form, links and attachments of a frab event."""
    found: list[tuple[str, str | None]] = []
    for tag, title in (("url", "Event page"), ("feedback_url", "Feedback")):
        if tag in children:
            found.append((title, (children[tag].text or "").strip()))
    for group, item, kind in (("links", "link", "Link"),
                              ("attachments", "attachment", "Attachment")):
        if group in children:
            for element in event.iterfind(f"{group}/{item}"):
                found.append(((element.text or "").strip() or kind, element.get("href")))
    return found
