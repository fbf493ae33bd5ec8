"""Quirks of published schedules, each in a small file written from the format specs.

Day labels and bounds written in UTC, person ids reused for different people,
times that carry offsets but no zone name, lines folded inside a UTF-8
character, HTML and Markdown descriptions, attendees as speakers, sessions of no
length or ending before they start, spoken languages and links.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.formats.detect import load_any
from confterm.model.errors import Problem
from confterm.model.programme import Programme

WAFER = """<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>debconf-like</acronym><title>Debconf-like</title>
    <time_zone_name>Asia/Kolkata</time_zone_name></conference>
  <day index="1" date="2023-09-09"
       start="2023-09-09T21:30:00+00:00" end="2023-09-10T21:29:00+00:00">
    <room name="Anamudi">
      <event guid="a1" id="1"><date>2023-09-10T09:00:00+05:30</date><start>09:00</start>
        <duration>01:00</duration><room>Anamudi</room><title>Opening</title></event>
      <event guid="a2" id="2"><date>2023-09-10T20:00:00+05:30</date><start>20:00</start>
        <duration>01:30</duration><room>Anamudi</room><title>Conference dinner</title></event>
    </room>
  </day>
  <day index="2" date="2023-09-10"
       start="2023-09-10T21:30:00+00:00" end="2023-09-11T21:29:00+00:00">
    <room name="Anamudi">
      <event guid="b1" id="3"><date>2023-09-11T10:00:00+05:30</date><start>10:00</start>
        <duration>00:45</duration><room>Anamudi</room><title>Keynote</title></event>
      <event guid="b2" id="4"><date>2023-09-11T21:00:00+05:30</date><start>21:00</start>
        <duration>02:00</duration><room>Anamudi</room><title>Cheese and wine</title></event>
    </room>
  </day>
</schedule>
"""


def frab(events: str, *, conference: str = "<time_zone_name>Europe/Berlin</time_zone_name>",
         day: str = 'date="2019-12-27"') -> bytes:
    return (f'<?xml version="1.0"?><schedule><conference><acronym>c</acronym>'
            f'<title>C</title>{conference}</conference><day index="1" {day}>'
            f'<room name="Hall">{events}</room></day></schedule>').encode()


def event(number: int, *, title: str = "Talk", date: str = "2019-12-27T11:00:00+01:00",
          extra: str = "") -> str:
    return (f'<event guid="g{number}" id="{number}"><date>{date}</date><start>{date[11:16]}'
            f"</start><duration>00:30</duration><room>Hall</room><title>{title}</title>"
            f"{extra}</event>")


def load(raw: bytes | str, name: str = "p.xml", **options: str) -> tuple[Programme,
                                                                         list[Problem]]:
    warnings: list[Problem] = []
    data = raw.encode() if isinstance(raw, str) else raw
    return load_any(data, name, warnings=warnings, **options), warnings  # type: ignore[arg-type]


def test_days_written_in_utc_follow_the_local_start(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    programme, warnings = load(WAFER)
    days = {s.title.get("en"): s.day for s in programme.sessions}
    assert days == {"Opening": dt.date(2023, 9, 10), "Conference dinner": dt.date(2023, 9, 10),
                    "Keynote": dt.date(2023, 9, 11), "Cheese and wine": dt.date(2023, 9, 11)}
    assert [d.date for d in programme.days] == [dt.date(2023, 9, 10), dt.date(2023, 9, 11)]
    assert any("filed under another day" in w.message for w in warnings)
    source = tmp_path / "wafer.xml"
    source.write_text(WAFER)
    assert main(["import", str(source), "-o", str(tmp_path / "out.json")]) == 0
    assert "filed under another day" in capsys.readouterr().err  # import reports it


def test_a_reused_person_id_keeps_each_events_own_speaker() -> None:
    raw = frab(event(1, title="Kernels", extra='<persons><person id="7">Alice</person>'
                                                "</persons>")
               + event(2, title="Compilers", date="2019-12-27T12:00:00+01:00",
                       extra='<persons><person id="7">Bob</person></persons>'))
    programme, _ = load(raw)
    people = {p.id: p.name for p in programme.people}
    speakers = {s.title.get("en"): [people[x.person] for x in s.people]
                for s in programme.sessions}
    assert speakers == {"Kernels": ["Alice"], "Compilers": ["Bob"]}


def test_offsets_without_a_zone_name_open_without_timezone() -> None:
    programme, warnings = load(frab(event(1), conference=""))
    assert programme.timezone == "UTC+01:00"
    assert programme.sessions[0].start == dt.datetime(2019, 12, 27, 10, tzinfo=dt.UTC)
    assert any("its own offset, UTC+01:00" in w.message for w in warnings)


def test_a_city_the_file_names_gives_the_zone_when_it_fits() -> None:
    programme, warnings = load(frab(event(1), conference="<city>Berlin</city>"))
    assert programme.timezone == "Europe/Berlin"
    assert any("Europe/Berlin (from 'Berlin')" in w.message for w in warnings)
    wrong, _ = load(frab(event(1, date="2019-12-27T11:00:00+05:30"),
                         conference="<city>Berlin</city>"))
    assert wrong.timezone == "UTC+05:30"  # Berlin is not at +05:30: not claimed


def test_utc_only_icalendar_opens_without_timezone() -> None:
    raw = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
           "DTSTART:20240612T090000Z\r\nDTEND:20240612T100000Z\r\nSUMMARY:Talk\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n")
    programme, _ = load(raw, "p.ics")
    assert programme.timezone == "UTC"
    assert programme.sessions[0].start == dt.datetime(2024, 6, 12, 9, tzinfo=dt.UTC)


def test_a_fold_inside_a_utf8_character_decodes() -> None:
    title = "Stratégie d'exploitation"
    encoded = f"SUMMARY:{title}".encode()
    cut = encoded.index("é".encode()) + 1  # between the two bytes of é
    raw = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\n"
           b"UID:u1\r\nDTSTART:20240612T090000\r\nDTEND:20240612T100000\r\n"
           + encoded[:cut] + b"\r\n " + encoded[cut:] + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    programme, _ = load(raw, "p.ics")
    assert programme.sessions[0].title.get("en") == title


def test_html_and_markdown_descriptions_read_as_text() -> None:
    html = ("&lt;p&gt;Rust &amp;amp; &lt;b&gt;safety&lt;/b&gt;.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;"
            "one&lt;/li&gt;&lt;li&gt;&lt;a href=\"https://ex.org/s\"&gt;slides&lt;/a&gt;"
            "&lt;/li&gt;&lt;/ul&gt;")
    programme, _ = load(frab(event(1, extra=f"<description>{html}</description>")))
    assert programme.sessions[0].description is not None
    assert programme.sessions[0].description.get("en") == (
        "Rust & safety.\n\n  * one\n  * slides (https://ex.org/s)")
    schedule = {"schedule": {"conference": {
        "acronym": "m", "title": "M", "time_zone_name": "Europe/Berlin", "days": [{
            "index": 1, "date": "2025-06-06", "rooms": {"Hall": [{
                "id": 1, "guid": "m1", "date": "2025-06-06T10:00:00+02:00", "start": "10:00",
                "duration": "00:30", "room": "Hall", "title": "T", "type": "talk",
                "abstract": "A **bold** idea, see [the paper](https://ex.org/p).",
                "persons": []}]}}]}}}
    programme, _ = load(json.dumps(schedule), "s.json")
    assert programme.sessions[0].description is not None
    assert programme.sessions[0].description.get("en") == (
        "A bold idea, see the paper (https://ex.org/p).")


def test_line_separators_become_line_breaks(tmp_path: Path) -> None:
    programme, _ = load(frab(event(1, extra="<description>One\u2028Two\u2029Three"
                                            "</description>")))
    assert programme.sessions[0].description is not None
    assert programme.sessions[0].description.get("en") == "One\nTwo\n\nThree"


def test_attendees_and_organisers_become_people() -> None:
    raw = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\n"
           "UID:u1\r\nDTSTART:20240612T090000\r\nDTEND:20240612T100000\r\nSUMMARY:Panel\r\n"
           "ORGANIZER;CN=Chair Person:mailto:chair@example.org\r\n"
           "ATTENDEE;CN=Ada Lovelace:mailto:ada@example.org\r\n"
           "ATTENDEE;CN=\"Grace Hopper\":mailto:grace@example.org\r\n"
           "ATTENDEE:mailto:anonymous@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    programme, _ = load(raw, "p.ics")
    people = {p.id: p.name for p in programme.people}
    cast = [(people[x.person], x.role.value) for x in programme.sessions[0].people]
    assert cast == [("Chair Person", "host"), ("Ada Lovelace", "speaker"),
                    ("Grace Hopper", "speaker")]


def test_sessions_of_no_length_stay_so_and_backwards_ones_are_kept() -> None:
    zero = event(1).replace("<duration>00:30</duration>", "<duration>00:00</duration>")
    programme, _ = load(frab(zero))
    assert programme.sessions[0].duration == dt.timedelta(0)
    raw = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\n"
           "UID:u1\r\nDTSTART:20240612T100000\r\nDTEND:20240612T090000\r\nSUMMARY:Odd\r\n"
           "END:VEVENT\r\nEND:VCALENDAR\r\n")
    backwards, warnings = load(raw, "p.ics")
    assert backwards.sessions[0].duration == dt.timedelta(0)
    assert any(w.place == "sessions[u1].end" and "ends before it starts" in w.message
               for w in warnings)


def test_repeated_guids_get_ids_that_do_not_depend_on_order() -> None:
    first = event(1, title="A").replace('guid="g1"', 'guid="same"')
    second = event(2, title="B", date="2019-12-27T12:00:00+01:00").replace('guid="g2"',
                                                                           'guid="same"')
    forward, _ = load(frab(first + second))
    backward, _ = load(frab(second + first))
    ids = {s.title.get("en"): s.id for s in forward.sessions}
    assert ids == {s.title.get("en"): s.id for s in backward.sessions}
    assert len(set(ids.values())) == 2


LINKS = ("<language>de, en</language><url>https://ex.org/talk/1</url>"
         "<feedback_url>https://ex.org/talk/1/feedback</feedback_url>"
         '<links><link href="https://media.ex.org/v/1">Recording</link>'
         '<link href="javascript:alert(1)">Bad</link></links>'
         '<attachments><attachment href="https://ex.org/s.pdf">Slides</attachment>'
         "</attachments>")


async def test_language_and_links_survive_import_json_and_details(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.xml"
    source.write_bytes(frab(event(1, extra=LINKS)))
    imported = tmp_path / "p.json"
    assert main(["import", str(source), "-o", str(imported)]) == 0
    capsys.readouterr()
    assert main(["sessions", "-p", str(imported), "--format", "json"]) == 0
    session = json.loads(capsys.readouterr().out)["sessions"][0]
    assert session["language"] == ["de", "en"]
    assert session["links"] == [
        {"title": "Event page", "url": "https://ex.org/talk/1"},
        {"title": "Feedback", "url": "https://ex.org/talk/1/feedback"},
        {"title": "Recording", "url": "https://media.ex.org/v/1"},
        {"title": "Slides", "url": "https://ex.org/s.pdf"}]  # javascript: left out
    assert main(["sessions", "-p", str(imported), "--search", "recording",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 1  # link titles are searched

    from confterm.model.clock import Clock
    from confterm.opening.sources import open_location
    from confterm.ui.app import ConftermApp

    opened = open_location(str(imported))
    app = ConftermApp(opened.programme, clock=Clock(dt.datetime(2019, 12, 1, tzinfo=dt.UTC),
                                                    frozen=True))
    async with app.run_test(size=(160, 48)):
        detail = app.screen.query_one("#detail .detail-body").render().plain
    assert "Kind: talk  ·  Language: German, English" in detail
    assert "• Recording\n  https://media.ex.org/v/1" in detail
