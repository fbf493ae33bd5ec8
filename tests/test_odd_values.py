"""Odd values are refused with their place and exit 2, never a crash.

Dates near year 1 or 9999, time-zone names that are folders of the zone
database, XML in an encoding Python does not know, and line breaks in names and
titles (which would break a calendar line) in confterm's own format. Other
formats' files keep opening: their names are folded onto one line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confterm.cli import main

from .conftest import CORPUS

FORMATS = CORPUS / "formats"


def minimal() -> dict[str, object]:
    data: dict[str, object] = json.loads((CORPUS / "minimal.json").read_text())
    return data


def write(tmp_path: Path, data: object, name: str = "p.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


def validate(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(("field", "value", "place"), [
    ("start", "0001-01-01T00:30:00+05:00", "sessions[s1].start"),
    ("end", "9999-12-31T23:30:00-05:00", "sessions[s1].end"),
    ("day", "0001-01-01", "sessions[s1].day"),
])
def test_dates_far_from_any_conference(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       field: str, value: str, place: str) -> None:
    data = minimal()
    data["sessions"][0][field] = value  # type: ignore[index]
    code, output = validate(capsys, write(tmp_path, data))
    assert code == 2
    assert place in output and "outside the years 1900–2200" in output
    assert "unexpected" not in output


@pytest.mark.parametrize("zone", ["America", "Etc", "../../etc/passwd", ""])
def test_time_zone_names_that_are_not_zones(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            zone: str) -> None:
    data = minimal()
    data["timezone"] = zone
    code, output = validate(capsys, write(tmp_path, data))
    assert code == 2 and "timezone" in output and "unexpected" not in output


def test_a_timezone_option_that_names_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = validate(capsys, str(FORMATS / "floating-only.ics"), "--timezone", "Etc")
    assert code == 2 and "--timezone: unknown time zone 'Etc'" in output


def test_an_unknown_xml_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, '<?xml version="1.0" encoding="x-nope"?><schedule/>', "s.xml")
    code, output = validate(capsys, path)
    assert code == 2 and "s.xml:1:1:" in output and "encoding" in output


@pytest.mark.parametrize(("edit", "place"), [
    (lambda d: d.update(name={"en": "Mini\nBEGIN:VEVENT"}), "name"),
    (lambda d: d["sessions"][0].update(title={"en": "A\r\nB"}), "sessions[s1].title"),
    (lambda d: d["rooms"][0].update(name="Hall\nX"), "rooms[hall].name"),
    (lambda d: d.update(city="Rio\rX"), "city"),
])
def test_line_breaks_in_names_and_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         edit: object, place: str) -> None:
    data = minimal()
    edit(data)  # type: ignore[operator]
    code, output = validate(capsys, write(tmp_path, data))
    assert code == 2
    assert f"{place}: must be one line" in output


@pytest.mark.parametrize(("name", "old", "new", "place"), [
    ("frab-schedule.xml", 'date="2024-12-27"', 'date="0001-12-27"', "day[1]@date"),
    ("pretalx-schedule.json", '"date": "2025-06-06",', '"date": "9999-06-06",',
     "schedule.conference.days[0].date"),
    ("with-vtimezone.ics", "DTSTART;TZID=Europe/Paris:2025", "DTSTART;TZID=Europe/Paris:0001",
     "VEVENT[1]"),
])
def test_far_dates_in_other_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    name: str, old: str, new: str, place: str) -> None:
    text = (FORMATS / name).read_text()
    assert old in text
    code, output = validate(capsys, write(tmp_path, text.replace(old, new, 1), name))
    assert code == 2 and place in output and "unexpected" not in output


def test_other_formats_fold_names_onto_one_line_and_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import icalendar

    text = (FORMATS / "frab-schedule.xml").read_text()
    title = text.split("<title>")[2].split("</title>")[0]  # the first event's title
    broken = text.replace(f"<title>{title}</title>", f"<title>{title}\n  BEGIN:VEVENT</title>",
                          1)
    path = write(tmp_path, broken, "s.xml")
    assert main(["-p", path, "export", str(tmp_path / "out.ics")]) == 0
    calendar = icalendar.Calendar.from_ical((tmp_path / "out.ics").read_bytes())
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert f"{title} BEGIN:VEVENT" in summaries
    assert len(summaries) == len(list(calendar.walk("VEVENT")))


def test_a_pretended_clock_far_away_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--now", "0001-01-01T00:00", "sessions"])
    assert stop.value.code == 2
    assert "outside the years" in capsys.readouterr().err
