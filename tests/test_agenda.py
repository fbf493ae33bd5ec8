"""Agenda logic: clashes, gaps, now and next, reminders (pure, no files)."""

from __future__ import annotations

import datetime as dt

from confterm.model.agenda import (
    Agenda,
    Gap,
    Priority,
    agenda_days,
    bookmark_for,
    clashing_pairs,
    due_reminders,
    now_and_next,
)
from confterm.model.view import ScheduleView

RIO = dt.timezone(dt.timedelta(hours=-3))


def agenda_of(view: ScheduleView, *ids: str, priority: Priority = Priority.MUST) -> Agenda:
    agenda = Agenda()
    for session_id in ids:
        agenda = agenda.with_bookmark(bookmark_for(view.catalogue.sessions[session_id],
                                                   priority))
    return agenda


def test_parallel_workshops_clash(view: ScheduleView) -> None:
    agenda = agenda_of(view, "d2-wa-conops-data", "d2-wb-conops-detection", "d2-wa-blockchain")
    catalogue = view.catalogue
    a = catalogue.sessions["d2-wa-conops-data"]
    assert [s.id for s in agenda.clashes_with(a, catalogue)] == ["d2-wb-conops-detection"]
    blockchain = catalogue.sessions["d2-wa-blockchain"]
    assert agenda.clashes_with(blockchain, catalogue) == []  # 15:00 starts as 14:00 ends
    pairs = clashing_pairs(agenda.sessions(catalogue))
    assert [(x.id, y.id) for x, y in pairs] == [("d2-wa-conops-data", "d2-wb-conops-detection")]


def test_agenda_days_show_free_time_between_sessions(view: ScheduleView) -> None:
    agenda = agenda_of(view, "d2-detection", "d2-wa-iot", "d3-ai-risks")
    days = agenda_days(agenda.sessions(view.catalogue))
    assert [d.day for d in days] == [dt.date(2024, 11, 13), dt.date(2024, 11, 14)]
    first = days[0].entries
    assert [type(e).__name__ for e in first] == ["Session", "Gap", "Session"]
    gap = first[1]
    assert isinstance(gap, Gap)
    assert (gap.start.astimezone(RIO).time(), gap.end.astimezone(RIO).time()) == (
        dt.time(10, 0), dt.time(16, 30))


def test_bookmarks_outside_the_programme_are_kept_and_listed(view: ScheduleView) -> None:
    agenda = agenda_of(view, "d2-wa-iot")
    ghost = bookmark_for(view.catalogue.sessions["d2-wa-blockchain"])
    from dataclasses import replace

    agenda = agenda.with_bookmark(replace(ghost, session_id="withdrawn-talk"))
    assert [s.id for s in agenda.sessions(view.catalogue)] == ["d2-wa-iot"]
    assert [b.session_id for b in agenda.missing(view.catalogue)] == ["withdrawn-talk"]
    assert len(agenda) == 2


def test_priority_cycles() -> None:
    assert Priority.MUST.next() is Priority.MAYBE
    assert Priority.MAYBE.next() is Priority.MUST
    from confterm.wording import priority_label, priority_marker

    assert priority_marker(Priority.MUST) != priority_marker(Priority.MAYBE)
    assert priority_label(Priority.MUST) == "must attend"


def test_now_and_next_at_a_fixed_time(view: ScheduleView) -> None:
    moment = dt.datetime(2024, 11, 13, 14, 52, tzinfo=RIO)
    agenda = agenda_of(view, "d2-wb-rd-detection")
    result = now_and_next(view.catalogue, agenda, moment)
    assert {s.id for s in result.now} == {
        "d2-wa-conops-data", "d2-wb-conops-detection", "d2-exhibition"}
    assert result.next[0].id == "d2-wb-rd-detection"  # bookmarks first
    assert {"d2-wa-blockchain", "d2-wb-rd-detection"} <= {s.id for s in result.next}
    assert "d2-wa-iot" not in {s.id for s in result.next}  # only the next one per track


def test_nothing_now_before_the_conference(view: ScheduleView) -> None:
    moment = dt.datetime(2024, 11, 1, 12, 0, tzinfo=RIO)
    result = now_and_next(view.catalogue, Agenda(), moment)
    assert result.now == []
    assert "d1-opening" in {s.id for s in result.next}


def test_reminders_are_due_once_within_the_lead_time(view: ScheduleView) -> None:
    agenda = agenda_of(view, "d2-wa-iot")  # 16:30
    catalogue = view.catalogue
    early = dt.datetime(2024, 11, 13, 16, 19, tzinfo=RIO)
    due_time = dt.datetime(2024, 11, 13, 16, 21, tzinfo=RIO)
    assert due_reminders(catalogue, agenda, early, 10, frozenset()) == []
    assert [s.id for s in due_reminders(catalogue, agenda, due_time, 10, frozenset())] == [
        "d2-wa-iot"]
    assert due_reminders(catalogue, agenda, due_time, 10, frozenset({"d2-wa-iot"})) == []
    started = dt.datetime(2024, 11, 13, 16, 31, tzinfo=RIO)
    assert due_reminders(catalogue, agenda, started, 10, frozenset()) == []


def test_an_exhibition_or_a_break_never_clashes_nor_takes_free_time(
        view: ScheduleView) -> None:
    from confterm.model.agenda import agenda_days, clashing_pairs

    agenda = agenda_of(view, "d2-exhibition", "d2-wa-iot", "d2-wa-blockchain")
    iot = view.catalogue.sessions["d2-wa-iot"]
    assert agenda.clashes_with(iot, view.catalogue) == []
    assert agenda.clashes_with(view.catalogue.sessions["d2-exhibition"], view.catalogue) == []
    assert clashing_pairs(agenda.sessions(view.catalogue)) == []
    (day,) = agenda_days(agenda.sessions(view.catalogue))
    gaps = [e for e in day.entries if isinstance(e, Gap)]
    assert gaps, "the all-day exhibition took all the free time"


def test_next_lists_one_session_per_room_when_there_are_no_tracks() -> None:
    import json

    from confterm.model.loader import parse_programme
    from confterm.model.view import Catalogue

    rooms = [{"id": f"r{n}", "name": f"Room {n}"} for n in range(3)]
    sessions = [{"id": f"s{n}", "day": "2025-03-11", "room": f"r{n}", "title": f"Talk {n}",
                 "start": "2025-03-11T09:00:00+01:00", "end": "2025-03-11T10:00:00+01:00"}
                for n in range(3)]
    data = {"id": "notracks", "name": "No tracks", "timezone": "Europe/Paris",
            "days": [{"date": "2025-03-11"}], "rooms": rooms, "sessions": sessions}
    programme = parse_programme(json.dumps(data).encode(), "p.json")
    evening = dt.datetime(2025, 3, 10, 20, 0, tzinfo=dt.UTC)
    result = now_and_next(Catalogue(programme), Agenda(), evening)
    assert [s.id for s in result.next] == ["s0", "s1", "s2"]
