"""The pure query core: every filter, their combinations, and ordering."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.model.programme import Programme
from confterm.model.view import ScheduleView, overlaps

DAY1, DAY2, DAY3 = dt.date(2024, 11, 12), dt.date(2024, 11, 13), dt.date(2024, 11, 14)


def ids(view: ScheduleView) -> list[str]:
    return [s.id for s in view.sessions]


def test_unfiltered_view_holds_every_session(view: ScheduleView, programme: Programme) -> None:
    assert len(view) == len(programme.sessions)
    assert not view.is_filtered


def test_by_day(view: ScheduleView) -> None:
    day2 = view.on_day(DAY2)
    assert {s.day for s in day2.sessions} == {DAY2}
    assert "d2-wa-iot" in ids(day2) and "d1-opening" not in ids(day2)


def test_chronological_then_track_order_then_title(view: ScheduleView) -> None:
    day2 = view.on_day(DAY2).sessions
    starts = [s.start for s in day2]
    assert starts == sorted(starts)
    two_pm_in_rio = dt.datetime(2024, 11, 13, 17, tzinfo=dt.UTC)
    at_two = [s.id for s in day2 if s.start == two_pm_in_rio]
    assert at_two == ["d2-wa-conops-data", "d2-wb-conops-detection"]
    assert ids(view.on_day(DAY1))[:2] == ["d1-opening", "d1-exhibition"]


def test_by_track(view: ScheduleView) -> None:
    track_a = view.on_day(DAY2).in_tracks("workshop-a")
    assert ids(track_a) == ["d2-wa-conops-data", "d2-wa-blockchain", "d2-wa-iot"]
    both = view.in_tracks("workshop-a", "workshop-b")
    assert len(both) == 6


def test_theme_filters_from_the_brief(view: ScheduleView) -> None:
    assert ids(view.with_themes("blockchain")) == ["d2-wa-blockchain"]
    assert ids(view.with_themes("iot")) == ["d2-wa-iot"]
    assert ids(view.on_day(DAY3).with_themes("ai")) == [
        "d3-ai-use-cases", "d3-ai-regulation", "d3-ai-prerequisites", "d3-ai-risks"]


def test_several_themes_match_any_of_them(view: ScheduleView) -> None:
    either = set(ids(view.with_themes("blockchain", "iot")))
    assert either == {"d2-wa-blockchain", "d2-wa-iot"}


def test_search_is_case_and_accent_insensitive_in_both_languages(view: ScheduleView) -> None:
    assert ids(view.matching("highsmith")) == ["d1-high-level-panel"]
    assert ids(view.matching("HIGHSMITH")) == ["d1-high-level-panel"]
    assert ids(view.matching("chaine de blocs")) == ["d2-wa-blockchain"]
    assert "d2-wa-iot" in ids(view.matching("iot"))
    assert ids(view.matching("Cláudia")) == ids(view.matching("claudia"))
    assert "d1-opening" in ids(view.matching("securiser"))  # « sécuriser » in French text


def test_search_every_word_must_match(view: ScheduleView) -> None:
    assert ids(view.matching("blockchain iot")) == []
    assert ids(view.matching("  ")) == ids(view)


def test_search_finds_people_organisations_and_theme_labels(view: ScheduleView) -> None:
    assert ids(view.matching("SIECA")) == ["d1-high-level-panel"]
    assert "d2-single-window" in ids(view.matching("guichet unique"))
    assert "d2-wa-iot" in ids(view.matching("internet des objets"))


def test_filters_combine(view: ScheduleView) -> None:
    combined = view.on_day(DAY2).in_tracks("workshop-b").with_themes("detection").matching("r&d")
    assert ids(combined) == ["d2-wb-rd-detection"]
    assert combined.is_filtered
    assert ids(combined.cleared()) == ids(view.on_day(DAY2))


def test_views_are_immutable_values(view: ScheduleView) -> None:
    day2 = view.on_day(DAY2)
    day2.with_themes("iot")
    assert day2.themes == frozenset()
    assert view.on_day(DAY2) == day2


def test_theme_counts_follow_day_and_track(view: ScheduleView) -> None:
    counts = view.on_day(DAY2).with_themes("iot").facet_counts["theme"]
    assert counts["blockchain"] == 1 and counts["iot"] == 1 and counts["ai"] == 0
    assert view.on_day(DAY3).facet_counts["theme"]["ai"] == 4
    assert view.on_day(DAY2).in_tracks("workshop-b").facet_counts["theme"]["detection"] == 2


@settings(max_examples=60, deadline=None)
@given(day=st.sampled_from([None, DAY1, DAY2, DAY3]),
       tracks=st.sets(st.sampled_from(["plenary", "workshop-a", "workshop-b", "exhibition"])),
       themes=st.sets(st.sampled_from(["ai", "iot", "blockchain", "detection", "transport"])),
       rooms=st.sets(st.sampled_from(["plenary-hall", "workshop-room-a", "exhibition-hall"])),
       query=st.sampled_from(["", "customs", "douane", "panel", "détection", "zzz"]))
def test_filters_are_independent_and_commute(view: ScheduleView, day: dt.date | None,
                                             tracks: set[str], themes: set[str],
                                             rooms: set[str], query: str) -> None:
    combined = (view.on_day(day).in_tracks(*tracks).with_themes(*themes).in_rooms(*rooms)
                .matching(query))
    reordered = (view.matching(query).in_rooms(*rooms).with_themes(*themes)
                 .in_tracks(*tracks).on_day(day))
    assert ids(combined) == ids(reordered)
    # The result is exactly the intersection of each filter on its own.
    singles = [view.on_day(day), view.in_tracks(*tracks), view.with_themes(*themes),
               view.in_rooms(*rooms), view.matching(query)]
    expected = set.intersection(*(set(ids(v)) for v in singles))
    assert set(ids(combined)) == expected
    for session in combined.sessions:
        assert day is None or session.day == day
        assert not tracks or session.track in tracks
        assert not themes or set(session.themes) & themes
        assert not rooms or session.room in rooms


@settings(max_examples=60, deadline=None)
@given(day=st.sampled_from([None, DAY1, DAY2, DAY3]),
       tracks=st.sets(st.sampled_from(["plenary", "workshop-a", "workshop-b", "exhibition"])),
       themes=st.sets(st.sampled_from(["ai", "iot", "blockchain", "detection", "transport"])),
       rooms=st.sets(st.sampled_from(["plenary-hall", "workshop-room-a", "exhibition-hall"])),
       query=st.sampled_from(["", "customs", "panel", "zzz"]))
def test_each_sidebar_count_is_what_choosing_it_alone_would_show(
        view: ScheduleView, day: dt.date | None, tracks: set[str], themes: set[str],
        rooms: set[str], query: str) -> None:
    current = (view.on_day(day).in_tracks(*tracks).with_themes(*themes).in_rooms(*rooms)
               .matching(query))
    counts = current.facet_counts
    for track in view.catalogue.tracks:
        assert counts["track"][track] == len(current.in_tracks(track).sessions)
    for theme in view.catalogue.themes:
        assert counts["theme"][theme] == len(current.with_themes(theme).sessions)
    for room in view.catalogue.rooms:
        assert counts["room"][room] == len(current.in_rooms(room).sessions)


@given(st.data())
def test_overlap_is_symmetric(view: ScheduleView, data: st.DataObject) -> None:
    sessions = view.sessions
    a = data.draw(st.sampled_from(sessions))
    b = data.draw(st.sampled_from(sessions))
    assert overlaps(a, b) == overlaps(b, a)
    assert overlaps(a, a) == (a.end > a.start)


def test_search_index_built_ahead_gives_the_same_results(programme: Programme) -> None:
    lazy, ahead = ScheduleView.of(programme), ScheduleView.of(programme)
    assert not ahead.catalogue.search_ready
    ahead.catalogue.prepare_search()
    assert ahead.catalogue.search_ready
    for query in ("iot", "highsmith", "douane", "cérémonie", "no such words"):
        assert lazy.matching(query).sessions == ahead.matching(query).sessions


@pytest.mark.parametrize(("typed", "written"), [
    ("diyarbakir", "Diyarbakır"), ("istanbul", "İstanbul"), ("kobenhavn", "København"),
    ("lodz", "Łódź"), ("da nang", "Đà Nẵng"), ("oeuvre", "Œuvre"), ("strasse", "Straße")])
def test_letters_that_casefold_keeps_are_folded_too(typed: str, written: str) -> None:
    from confterm.model.text import fold

    assert fold(typed) == fold(written) and fold(typed) in fold(f"Hello {written}!")


def test_a_reload_reports_retitled_sessions_apart_from_moved_ones(programme: Programme) -> None:
    import dataclasses

    from confterm.model.changes import compare
    from confterm.model.programme import Line

    first, second = programme.sessions[0], programme.sessions[1]
    renamed = dataclasses.replace(first, title=Line({**first.title.root, "en": "New title"}))
    moved = dataclasses.replace(second, start=second.start + dt.timedelta(hours=1),
                                end=second.end + dt.timedelta(hours=1),
                                title=Line({**second.title.root, "en": "Also renamed"}))
    after = dataclasses.replace(programme, sessions=(renamed, moved, *programme.sessions[2:]))
    changes = compare(programme, after, {first.id})
    assert [(m.before.title.get("en"), m.after.title.get("en")) for m in changes.retitled] == [
        (first.title.get("en"), "New title")]
    assert [m.after.id for m in changes.moved] == [second.id]  # moved, not only retitled
    assert changes.count() == 2 and bool(changes)


def test_a_reload_reports_people_changed(programme: Programme) -> None:
    import dataclasses

    from confterm.model.changes import compare, seen_changes

    session = next(s for s in programme.sessions if len(s.people) > 1)
    fewer = dataclasses.replace(session, people=session.people[:1])
    after = dataclasses.replace(programme, sessions=tuple(
        fewer if s.id == session.id else s for s in programme.sessions))
    changes = compare(programme, after)
    assert [m.after.id for m in changes.people] == [session.id]
    assert not changes.moved and not changes.retitled
    seen = seen_changes(changes, programme, after, dt.datetime(2024, 11, 12, tzinfo=dt.UTC))
    assert [(s.what, s.before["people"].count(","), s.after["people"].count(","))
            for s in seen] == [("people", len(session.people) - 1, 0)]
