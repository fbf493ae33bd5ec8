"""Format readers: c3voc schedule.json, frab/Pentabarf XML, iCalendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.formats.builder import parse_duration
from confterm.formats.detect import format_of, load_any
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.programme import Programme
from confterm.opening.files import load_programme

from .conftest import CORPUS

FORMATS = CORPUS / "formats"


def read(name: str, timezone: str | None = None) -> Programme:
    path = FORMATS / name
    return load_any(path.read_bytes(), str(path), timezone=timezone)


def by_title(programme: Programme) -> dict[str, object]:
    return {s.title.get("en"): s for s in programme.sessions}


# -- c3voc schedule.json (pretalx) -------------------------------------------------
def test_pretalx_json_sessions_rooms_tracks_people() -> None:
    programme = read("pretalx-schedule.json")
    assert programme.name.get("en") == "DemoCon 2025"
    assert programme.timezone == "Europe/Berlin"
    assert [d.date for d in programme.days] == [dt.date(2025, 6, 6), dt.date(2025, 6, 7)]
    assert {r.name.get("en") for r in programme.rooms} == {"Saal 1", "Workshop Space"}
    assert {t.name.get("en") for t in programme.tracks} == {"Security", "Hardware"}
    # Tracks become themes to filter on.
    assert {t.label.get("en") for t in programme.themes} == {"Security", "Hardware"}
    locks = next(s for s in programme.sessions if s.id.endswith("000000000102"))
    assert locks.title.root == {"de": "Lockpicking for auditors"}  # the event's language
    assert locks.description is not None and "Hands off" in locks.description.get("de")
    names = {p.id: p.name for p in programme.people}
    assert sorted(names[p.person] for p in locks.people) == ["Ada Lovelace", "Charles Babbage"]
    assert "de" in programme.languages and "en" in programme.languages


def test_pretalx_json_times_and_offsets() -> None:
    sessions = {s.id[-3:]: s for s in read("pretalx-schedule.json").sessions}
    opening = sessions["101"]
    assert opening.start == dt.datetime(2025, 6, 6, 8, 0, tzinfo=dt.UTC)
    assert opening.duration == dt.timedelta(hours=1, minutes=30)  # "01:30:00"
    assert sessions["104"].duration == dt.timedelta(hours=26)  # "26:00": 24 h and more


def test_an_event_after_midnight_belongs_to_its_conference_day() -> None:
    programme = read("pretalx-schedule.json")
    night = next(s for s in programme.sessions if s.id.endswith("000000000103"))
    assert night.start.astimezone(programme.zone).date() == dt.date(2025, 6, 7)
    assert night.day == dt.date(2025, 6, 6)
    assert programme.day_change == dt.time(3, 0)  # the days' bounds end at 03:00


def test_same_numeric_id_with_different_guids_never_collide() -> None:
    ids = [s.id for s in read("pretalx-schedule.json").sessions]
    assert "b1d0c3a2-0000-4000-8000-000000000104" in ids
    assert "b1d0c3a2-0000-4000-8000-000000000999" in ids
    assert len(ids) == len(set(ids)) == 7


def test_events_without_track_and_same_room_overlaps_are_kept() -> None:
    programme = read("pretalx-schedule.json")
    sessions = by_title(programme)
    assert sessions["Opening"].track is None  # type: ignore[attr-defined]
    assert "Overlapping in the same room" in sessions


# -- frab XML -------------------------------------------------------------------------
def test_frab_xml() -> None:
    programme = read("frab-schedule.xml")
    assert programme.timezone == "Europe/Berlin" and programme.day_change == dt.time(4, 0)
    radio = next(s for s in programme.sessions if s.id.endswith("001"))
    assert radio.title.get("en") == "Software-defined radio"
    assert radio.start == dt.datetime(2024, 12, 27, 10, 0, tzinfo=dt.UTC)
    assert radio.description is not None and "Longer text & details." in radio.description.get(
        "en")
    night = next(s for s in programme.sessions if s.id.endswith("002"))
    assert night.day == dt.date(2024, 12, 27) and night.duration == dt.timedelta(hours=1)
    workshop = next(s for s in programme.sessions if s.id.endswith("003"))
    assert workshop.kind.value == "workshop"


def test_frab_people_are_one_person_across_events() -> None:
    programme = read("frab-schedule.xml")
    speakers = [p.person for s in programme.sessions for p in s.people]
    assert len(speakers) == 2 and len(set(speakers)) == 1
    assert [p.name for p in programme.people] == ["Hedy Lamarr"]


def test_legacy_pentabarf_takes_the_zone_of_its_city() -> None:
    """No zone and no offsets, but <city>Berlin</city>: Europe/Berlin, said to be
    a guess; with no city it needs --timezone."""
    warnings: list[Problem] = []
    raw = (FORMATS / "pentabarf-legacy.xml").read_bytes()
    programme = load_any(raw, "pentabarf-legacy.xml", warnings=warnings)
    assert programme.timezone == "Europe/Berlin"
    assert any("names no time zone; Europe/Berlin, from 'Berlin'" in w.message
               for w in warnings)
    assert programme.timezone_note is not None and "Europe/Berlin" in programme.timezone_note
    nowhere = raw.replace(b"<city>Berlin</city>", b"<city>Nowhere</city>")
    with pytest.raises(ProgrammeError, match="pass --timezone"):
        load_any(nowhere, "pentabarf-legacy.xml")


def test_a_declared_zone_that_its_own_offsets_contradict_gives_way() -> None:
    """A c3voc file that says UTC while every event carries +01:00: the offsets
    give the instants and the zone shown, and the programme says so."""
    data = json.loads((FORMATS / "pretalx-schedule.json").read_text())
    conference = data["schedule"]["conference"]
    conference["time_zone_name"] = "UTC"
    warnings: list[Problem] = []
    programme = load_any(json.dumps(data).encode(), "c3voc.json", warnings=warnings)
    offsets = {s.start.utcoffset() for s in programme.sessions}
    assert dt.timedelta(0) not in offsets
    assert programme.timezone != "UTC"
    assert programme.timezone_note is not None and "the file says UTC" in programme.timezone_note
    assert any("the file says UTC" in w.message for w in warnings)


def test_legacy_pentabarf_without_date_or_guid() -> None:
    programme = read("pentabarf-legacy.xml", timezone="Europe/Berlin")
    assert programme.day_change == dt.time(9, 0)  # the file's own <day_change>
    assert programme.city is not None and programme.city.get("en") == "Berlin"
    sessions = {s.id: s for s in programme.sessions}
    # Two events share id 4302: each is told apart by its content, neither by order.
    repeated = sorted(i for i in sessions if i.startswith("event-4302-"))
    assert len(repeated) == 2 and set(sessions) == {*repeated, "event-4303", "event-4401"}
    sessions["event-4302"] = next(sessions[i] for i in repeated
                                  if sessions[i].title.get("en") == "Opening event")
    night = sessions["event-4303"]  # 01:00, before the 09:00 day change
    assert night.start.astimezone(programme.zone) == dt.datetime(
        2010, 12, 28, 1, 0, tzinfo=programme.zone)
    assert night.day == dt.date(2010, 12, 27)
    assert sessions["event-4401"].duration == dt.timedelta(hours=24)
    themes = {t.id: t.label.get("en") for t in programme.themes}
    assert {themes[t] for t in sessions["event-4302"].themes} == {"Community", "opening"}


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><schedule>&b;</schedule>')
    with pytest.raises(ProgrammeError, match="entities are not allowed"):
        load_any(bomb, "bomb.xml", timezone="UTC")
    external = (b'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY x SYSTEM '
                b'"file:///etc/passwd">]><schedule>&x;</schedule>')
    with pytest.raises(ProgrammeError, match="entities are not allowed"):
        load_any(external, "xxe.xml", timezone="UTC")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_entities_are_refused_in_any_encoding(encoding: str) -> None:
    """Files without a DOCTYPE take a faster parser; one in another encoding, whose
    bytes a byte search could miss, never does."""
    bomb = ('<?xml version="1.0" encoding="' + encoding.upper() + '"?><!DOCTYPE schedule '
            '[<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<schedule>&b;</schedule>").encode(encoding)
    from confterm.formats.frab_xml import read_frab_xml

    refused = r"entities are not allowed|encoding that cannot|invalid XML"
    with pytest.raises(ProgrammeError, match=refused):
        read_frab_xml(bomb, "bomb.xml", timezone="UTC")


@pytest.mark.parametrize("name", ["frab-schedule.xml", "pentabarf-legacy.xml"])
def test_large_xml_is_streamed_to_the_same_programme(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files up to WHOLE_UP_TO are parsed in one call, larger ones a day at a time:
    both read the same programme, and both refuse entities and name broken places."""
    from confterm.formats import frab_xml

    raw = (FORMATS / name).read_bytes()
    whole = load_any(raw, name, timezone="Europe/Berlin")
    with monkeypatch.context() as patch:
        patch.setattr(frab_xml, "WHOLE_UP_TO", 0)
        assert load_any(raw, name, timezone="Europe/Berlin") == whole
        with pytest.raises(ProgrammeError, match="entities are not allowed"):
            load_any(b'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY a "a">]>'
                     b"<schedule>&a;</schedule>", "bomb.xml", timezone="UTC")
        with pytest.raises(ProgrammeError) as caught:
            load_any(b"<schedule>\n<day date='2024-01-01'>\n</schedule>", "x.xml",
                     timezone="UTC")
        assert caught.value.problems[0].line == 3


def test_broken_xml_names_the_place() -> None:
    with pytest.raises(ProgrammeError) as caught:
        load_any(b"<schedule>\n  <day date='2024-01-01'>\n</schedule>", "x.xml",
                 timezone="UTC")
    assert caught.value.problems[0].line == 3 and "invalid XML" in caught.value.report()


# -- iCalendar -------------------------------------------------------------------------
def test_ics_with_vtimezone_utc_floating_and_all_day() -> None:
    programme = read("with-vtimezone.ics")
    assert programme.timezone == "Europe/Paris"
    assert programme.name.get("en") == "Calendar Conf"
    sessions = {s.id: s for s in programme.sessions}
    keynote = sessions["keynote-1@example.org"]
    assert keynote.start == dt.datetime(2025, 3, 10, 8, 30, tzinfo=dt.UTC)
    assert keynote.kind.value == "keynote"
    assert {t.label.get("en") for t in programme.themes} == {"Web", "Keynote"}
    assert {r.name.get("en") for r in programme.rooms} == {"Amphi A", "Room 2"}
    utc = sessions["talk-2@example.org"]
    assert utc.start == dt.datetime(2025, 3, 10, 12, 0, tzinfo=dt.UTC)
    assert utc.duration == dt.timedelta(minutes=45)  # DURATION:PT45M
    floating = sessions["talk-3@example.org"]  # read in the calendar's zone
    assert floating.start == dt.datetime(2025, 3, 11, 13, 0, tzinfo=dt.UTC)
    all_day = sessions["social-4@example.org"]
    assert all_day.duration == dt.timedelta(days=1)


def test_ics_tzid_without_vtimezone() -> None:
    programme = read("tzid-without-vtimezone.ics")
    assert programme.timezone == "America/New_York"
    late = next(s for s in programme.sessions if s.id == "b@bare")
    assert late.start == dt.datetime(2025, 4, 3, 3, 30, tzinfo=dt.UTC)


def test_ics_floating_times_need_a_zone() -> None:
    with pytest.raises(ProgrammeError, match="pass --timezone"):
        read("floating-only.ics")
    programme = read("floating-only.ics", timezone="Europe/Lisbon")
    assert programme.sessions[0].start == dt.datetime(2025, 5, 1, 9, 0, tzinfo=dt.UTC)


def test_a_bad_timezone_option_is_reported() -> None:
    with pytest.raises(ProgrammeError, match="unknown time zone 'Mars/Olympus'"):
        read("floating-only.ics", timezone="Mars/Olympus")


# -- detection and the import command ----------------------------------------------------
def test_formats_are_detected_by_content_not_name(tmp_path: Path) -> None:
    for name, expected in (("pretalx-schedule.json", "c3voc-json"),
                           ("frab-schedule.xml", "frab-xml"),
                           ("with-vtimezone.ics", "ics")):
        renamed = tmp_path / "schedule.txt"
        renamed.write_bytes((FORMATS / name).read_bytes())
        assert format_of(renamed.read_bytes()) == expected
    assert format_of((CORPUS / "minimal.json").read_bytes()) == "confterm"


def test_durations() -> None:
    assert parse_duration("00:30", "x", "f") == dt.timedelta(minutes=30)
    assert parse_duration("1:02:03", "x", "f") == dt.timedelta(hours=1, minutes=2, seconds=3)
    assert parse_duration("48:00", "x", "f") == dt.timedelta(days=2)
    assert parse_duration("PT1H30M", "x", "f") == dt.timedelta(hours=1, minutes=30)
    for bad in ("", "1:75", "ab:cd", "1:2:3:4"):
        with pytest.raises(ProgrammeError, match="cannot read the duration"):
            parse_duration(bad, "x", "f")


@pytest.mark.parametrize(("name", "extra"), [
    ("pretalx-schedule.json", []), ("frab-schedule.xml", []),
    ("pentabarf-legacy.xml", ["--timezone", "Europe/Berlin"]), ("with-vtimezone.ics", []),
])
def test_import_writes_a_valid_confterm_programme(
        name: str, extra: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.json"
    assert main(["import", str(FORMATS / name), "--output", str(output), *extra]) == 0
    assert "Imported" in capsys.readouterr().out
    assert json.loads(output.read_text())["format"] == "confterm-programme"
    assert load_programme(output) == read(name, extra[1] if extra else None)


def test_the_browser_commands_read_other_formats_directly(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "-p", str(FORMATS / "frab-schedule.xml"), "--search",
                 "radio", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [s["title"] for s in document["sessions"]] == [{"en": "Software-defined radio"}]


# -- whether a session is recorded ------------------------------------------------
def test_recording_opt_out_is_read_where_the_file_says() -> None:
    """c3voc ``do_not_record`` and frab ``<recording><optout>``; silence is unknown."""
    pretalx = {s.title.get("en"): s.recorded for s in read("pretalx-schedule.json").sessions}
    assert pretalx["Opening"] is True
    assert pretalx["Lockpicking for auditors"] is False
    assert pretalx["Late night hacking"] is None
    frab = {s.title.get("en"): s.recorded for s in read("frab-schedule.xml").sessions}
    assert frab["Software-defined radio"] is True
    assert frab["After midnight"] is False
    assert list(frab.values()).count(None) == len(frab) - 2
