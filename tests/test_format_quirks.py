"""Format quirks, from the specs: c3voc schedule2 (flat events, participants
with roles, ISO 8601 durations, per-language text, types in any case), frab's
2015 JSON people, and an iCalendar organiser naming several people."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from confterm.formats.detect import load_any
from confterm.model.programme import Session

GUIDS = [f"00000000-0000-4000-8000-00000000000{n}" for n in range(10)]


def schedule2() -> bytes:
    """A two-day event as schedule2 writes it (https://c3voc.de/schema/schedule2)."""
    rooms = [{"name": "Saal 1", "guid": GUIDS[1]}, {"name": "Workshop", "guid": GUIDS[2]}]
    events = [
        {"guid": GUIDS[3], "code": "ABC123", "start": "2025-12-27T11:00:00+01:00",
         "end": "2025-12-27T11:40:00+01:00", "room": {"guid": GUIDS[1]},
         "slug": "opening", "url": "https://example.org/opening", "title": "Opening",
         "subtitle": None, "track": "Main", "type": "TALK", "language": "en",
         "abstract": {"en": "Welcome **everyone**.", "de": "Willkommen."},
         "participants": [{"name": "Ada Lovelace", "role": "speaker", "guid": GUIDS[4]},
                          {"name": "Grace Hopper", "role": "MODERATOR", "guid": GUIDS[5]}],
         "links": [{"url": "https://example.org/slides", "title": "Slides", "type": "slides"}]},
        {"guid": GUIDS[6], "start": "2025-12-28T00:30:00+01:00", "duration": "PT1H15M",
         "room": {"guid": GUIDS[2], "name": "Workshop"}, "slug": "night",
         "url": "https://example.org/night", "title": "After midnight", "subtitle": "",
         "track": None, "type": "workshop", "language": "de", "abstract": "",
         "participants": [], "links": []},
        {"guid": GUIDS[9], "start": "2025-12-27T15:00:00+01:00",
         "end": "2025-12-27T16:00:00+01:00", "room": {"guid": GUIDS[1]}, "slug": "gone",
         "url": "", "title": "Called off", "subtitle": None, "track": None, "type": "talk",
         "language": "en", "abstract": None, "participants": [], "links": [],
         "state": "CANCELED"},
        {"guid": GUIDS[7], "@type": "MetaEvent", "start": "2025-12-27T12:00:00+01:00",
         "end": "2025-12-27T13:00:00+01:00", "room": {"guid": GUIDS[1]}, "slug": "lunch",
         "url": "", "title": "Lunch", "subtitle": None, "track": None, "type": "other",
         "language": None, "abstract": None, "participants": [], "links": []},
    ]
    return json.dumps({"$schema": "https://c3voc.de/schema/schedule2", "schedule": {
        "version": "1.0", "conference": {
            "acronym": "democon", "title": "DemoCon", "start": "2025-12-27T10:00:00+01:00",
            "end": "2025-12-28T02:00:00+01:00", "time_zone_name": "Europe/Berlin",
            "rooms": rooms, "days": [
                {"index": 1, "date": "2025-12-27", "start": "2025-12-27T10:00:00+01:00",
                 "end": "2025-12-28T02:00:00+01:00"}]},
        "events": events}}).encode()


def opening_cancelled(sessions: dict[str, Session]) -> bool:
    return sessions["Opening"].cancelled


async def test_a_cancelled_session_is_shown_as_cancelled_not_left_out() -> None:
    from confterm.model.agenda import Agenda, bookmark_for, clashing_ids
    from confterm.model.view import Catalogue

    from .ui.conftest import browser, make_app, row_text

    programme = load_any(schedule2(), "schedule2.json")
    gone = next(s for s in programme.sessions if s.title.get("en") == "Called off")
    app = make_app(programme, dt.datetime(2025, 12, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(160, 48)):
        assert gone.id in [s.id for s in browser(app).results.sessions]
        assert "cancelled" in row_text(app, gone.id)
    # It keeps no time: it clashes with nothing.
    twin = next(s for s in programme.sessions if s.title.get("en") == "Opening")
    overlapping = dataclasses.replace(twin, id="twin", start=gone.start, end=gone.end)
    agenda = Agenda().with_bookmark(bookmark_for(gone)).with_bookmark(bookmark_for(overlapping))
    catalogue = Catalogue(dataclasses.replace(programme,
                                              sessions=(*programme.sessions, overlapping)))
    assert clashing_ids(agenda, catalogue) == frozenset()


def test_schedule2_reads_its_flat_events_with_people_roles_and_rooms() -> None:
    programme = load_any(schedule2(), "schedule2.json")
    sessions = {s.title.get("en"): s for s in programme.sessions}
    assert set(sessions) == {"Opening", "After midnight", "Lunch", "Called off"}
    assert sessions["Called off"].cancelled and not opening_cancelled(sessions)
    opening = sessions["Opening"]
    people = {p.id: p.name for p in programme.people}
    assert [(people[p.person], p.role.value) for p in opening.people] == [
        ("Ada Lovelace", "speaker"), ("Grace Hopper", "moderator")]
    assert {r.id: r.name.get("de") for r in programme.rooms}[opening.room or ""] == "Saal 1"
    assert opening.kind == "talk" and opening.description is not None
    assert opening.description.get("en") == "Welcome everyone."  # every language kept
    assert opening.description.get("de") == "Willkommen."
    assert any(link.url == "https://example.org/slides" for link in opening.links)
    night = sessions["After midnight"]
    assert night.end - night.start == dt.timedelta(hours=1, minutes=15)  # ISO duration
    assert night.day == dt.date(2025, 12, 27)  # after midnight: the evening before
    assert sessions["Lunch"].kind == "break"  # a MetaEvent


def test_frab_2015_json_keeps_its_speakers() -> None:
    event = {"id": 1, "guid": GUIDS[8], "date": "2015-12-27T11:00:00+01:00",
             "start": "11:00", "duration": "00:30", "room": "Saal 1", "slug": "talk",
             "title": "A talk", "type": "lecture", "language": "en",
             "persons": [{"id": 7, "full_public_name": "Hedy Lamarr"}]}
    raw = json.dumps({"schedule": {"version": "1", "conference": {
        "acronym": "32c3", "title": "32C3", "time_zone_name": "Europe/Berlin",
        "days": [{"index": 1, "date": "2015-12-27", "rooms": {"Saal 1": [event]}}]}}})
    programme = load_any(raw.encode(), "frab2015.json")
    assert [p.name for p in programme.people] == ["Hedy Lamarr"]
    assert programme.sessions[0].people[0].person == programme.people[0].id


def test_an_organiser_naming_several_people_gives_each() -> None:
    raw = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
           b"UID:one@test\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250601T090000Z\r\n"
           b"DTEND:20250601T100000Z\r\nSUMMARY:Panel\r\n"
           b"ORGANIZER;CN=Ana Silva, Bo Chen:mailto:panel@example.org\r\n"
           b'ATTENDEE;CN="Doe, Jane":mailto:jane@example.org\r\n'
           b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    programme = load_any(raw, "panel.ics", timezone="UTC")
    assert sorted(p.name for p in programme.people) == ["Ana Silva", "Bo Chen", "Doe, Jane"]
