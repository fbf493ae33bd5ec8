"""Calendar export: RFC 5545 files that calendars import and update cleanly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from confterm.cli import main
from confterm.formats.ics_export import to_ics
from confterm.model.agenda import Agenda, Priority, bookmark_for
from confterm.model.view import ScheduleView


def events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_instants_are_right(view: ScheduleView) -> None:
    session = view.catalogue.sessions["d2-wa-conops-data"]  # 14:00 in Rio
    parsed = events(to_ics([session], view.catalogue))
    event = next(iter(parsed.values()))
    start = event.decoded("dtstart")
    assert start.astimezone(dt.UTC) == dt.datetime(2024, 11, 13, 17, 0, tzinfo=dt.UTC)
    assert event["dtstart"].params["TZID"] == "America/Sao_Paulo"
    assert event.decoded("dtend") - start == dt.timedelta(hours=1)


def test_the_calendar_carries_its_time_zone(view: ScheduleView) -> None:
    calendar = icalendar.Calendar.from_ical(to_ics(view.catalogue.ordered, view.catalogue))
    zones = [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")]
    assert zones == ["America/Sao_Paulo"]
    assert str(calendar["version"]) == "2.0" and "confterm" in str(calendar["prodid"])


def test_uids_are_stable_across_exports(view: ScheduleView) -> None:
    first = events(to_ics(view.catalogue.ordered, view.catalogue))
    second = events(to_ics(view.catalogue.ordered, view.catalogue, lang="fr"))
    assert set(first) == set(second)
    assert len(first) == len(view.catalogue.ordered)
    assert "d2-wa-iot@wco-technology-conference-2024.confterm" in first


def test_event_fields(view: ScheduleView) -> None:
    session = view.catalogue.sessions["d1-high-level-panel"]
    agenda = Agenda().with_bookmark(bookmark_for(session, Priority.MUST))
    event = next(iter(events(to_ics([session], view.catalogue, agenda=agenda)).values()))
    assert str(event["summary"]).startswith("High-level panel")
    assert "Plenary Hall" in str(event["location"])
    description = str(event["description"])
    assert "Indicative time and room" in description
    assert "Moderator: Ian Saunders" in description
    assert "Panellist: AnnMarie Highsmith" in description
    categories = [str(c) for c in event["categories"].cats]
    assert "Partnerships" in categories
    assert int(event["priority"]) == 1


def test_french_export(view: ScheduleView) -> None:
    session = view.catalogue.sessions["d2-wa-blockchain"]
    event = next(iter(events(to_ics([session], view.catalogue, lang="fr")).values()))
    assert str(event["summary"]) == "La chaîne de blocs et son déploiement en douane"


def test_cli_exports_the_programme_and_the_agenda(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    whole = tmp_path / "all.ics"
    assert main(["export", str(whole)]) == 0
    assert len(events(whole.read_bytes())) == 33
    assert main(["agenda", "add", "d2-wa-conops-data"]) == 0
    mine = tmp_path / "mine.ics"
    assert main(["agenda", "export", str(mine)]) == 0
    assert list(events(mine.read_bytes())) == [
        "d2-wa-conops-data@wco-technology-conference-2024.confterm"]
    assert "Wrote 1 bookmarked sessions" in capsys.readouterr().out


def test_agenda_exports_carry_an_alarm_at_the_reminder_setting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from confterm.storage.settings import Settings, save_settings

    save_settings(Settings(reminder_minutes=25))
    assert main(["agenda", "add", "d2-wa-conops-data"]) == 0
    mine = tmp_path / "mine.ics"
    assert main(["agenda", "export", str(mine)]) == 0
    (event,) = events(mine.read_bytes()).values()
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == -dt.timedelta(minutes=25)
    assert "CONOPS" in str(alarm["description"])
    bare = tmp_path / "bare.ics"
    assert main(["agenda", "export", "--no-alarm", str(bare)]) == 0
    (event,) = events(bare.read_bytes()).values()
    assert not event.walk("VALARM")
    whole = tmp_path / "all.ics"  # the whole programme: no alarm on every session
    assert main(["export", str(whole)]) == 0
    assert not any(e.walk("VALARM") for e in events(whole.read_bytes()).values())
    capsys.readouterr()
