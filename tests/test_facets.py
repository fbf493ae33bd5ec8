"""The facet model: every filter, its sidebar counts and its search words.

The counts and the field words are checked against a filter written out by
hand here, from what each facet means, not from ``model.facets``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.model.facets import FACETS
from confterm.model.loader import parse_programme
from confterm.model.programme import Programme, Session
from confterm.model.view import ScheduleView

DAYS = ("2025-12-27", "2025-12-28")
KINDS = ("talk", "workshop", "panel", "keynote")
LANGUAGES = ([], ["de"], ["en"], ["de", "en"], ["en-GB"])
RECORDED = (None, True, False)


def congress() -> Programme:
    """Two days of sessions in every combination of track, theme, room, language,
    kind and recording (and one person, Anne Dupont, in some)."""
    sessions = []
    for n in range(60):
        session = {
            "id": f"s{n}", "day": DAYS[n % 2],
            "start": f"{DAYS[n % 2]}T{10 + n % 7:02d}:00:00+01:00",
            "end": f"{DAYS[n % 2]}T{10 + n % 7:02d}:45:00+01:00",
            "title": {"en": f"Talk {n}"}, "kind": KINDS[n % 4],
            "room": f"room-{n % 3}", "themes": [f"theme-{t}" for t in range(3) if n % (t + 2) == 0],
            "language": LANGUAGES[n % 5]}
        if n % 4:
            session["track"] = f"track-{n % 2}"
        if RECORDED[n % 3] is not None:
            session["recorded"] = RECORDED[n % 3]
        if n % 6 == 0:
            session["people"] = [{"person": "anne"}]
        sessions.append(session)
    data = {"format": "confterm-programme", "version": 1, "id": "congress",
            "name": {"en": "Congress", "de": "Kongress"}, "timezone": "Europe/Berlin",
            "languages": ["en", "de"], "days": [{"date": d} for d in DAYS],
            "tracks": [{"id": "track-0", "name": {"en": "Security", "de": "Sicherheit"}},
                       {"id": "track-1", "name": {"en": "Hardware"}}],
            "themes": [{"id": f"theme-{t}", "label": {"en": f"Topic {t}"}} for t in range(3)],
            "rooms": [{"id": "room-0", "name": "Saal 1"}, {"id": "room-1", "name": "Saal 10"},
                      {"id": "room-2", "name": "Großer Saal"}],
            "people": [{"id": "anne", "name": "Anne Dupont"}],
            "sessions": sessions}
    return parse_programme(json.dumps(data).encode(), "congress.json")


PROGRAMME = congress()
VIEW = ScheduleView.of(PROGRAMME)


def has(facet: str, session: Session, values: set[str]) -> bool:
    """Whether *session* has any of *values* of *facet*, written out by hand."""
    if facet == "track":
        return session.track in values
    if facet == "theme":
        return bool(set(session.themes) & values)
    if facet == "room":
        return session.room in values
    if facet == "language":
        return any(t.lower() in values or t.lower().split("-")[0] in values
                   for t in session.language)
    if facet == "kind":
        return session.kind.value in values
    said = {None: "unknown", True: "yes", False: "no"}[session.recorded]
    return said in values


def brute(day: dt.date | None, chosen: Mapping[str, set[str]]) -> list[str]:
    return [s.id for s in VIEW.catalogue.ordered if (day is None or s.day == day)
            and all(not values or has(facet, s, values) for facet, values in chosen.items())]


VALUES = {facet.id: facet.available(VIEW.catalogue) for facet in FACETS}


def test_every_facet_has_its_values_here() -> None:
    assert VALUES == {"track": ("track-0", "track-1"),
                      "theme": ("theme-0", "theme-1", "theme-2"),
                      "room": ("room-0", "room-1", "room-2"),
                      "language": ("en", "de"),
                      "kind": ("keynote", "panel", "talk", "workshop"),
                      "recorded": ("yes", "no", "unknown")}


@settings(max_examples=80, deadline=None)
@given(day=st.sampled_from([None, *(dt.date.fromisoformat(d) for d in DAYS)]),
       chosen=st.fixed_dictionaries({facet: st.sets(st.sampled_from(values))
                                     for facet, values in VALUES.items()}))
def test_the_view_and_every_sidebar_count_match_a_filter_written_out(
        day: dt.date | None, chosen: dict[str, set[str]]) -> None:
    view = VIEW.on_day(day)
    for facet, values in chosen.items():
        view = view.choose(facet, values)
    assert [s.id for s in view.sessions] == brute(day, chosen)
    for facet, values in VALUES.items():
        for value in values:
            alone = {**chosen, facet: {value}}
            assert view.facet_counts[facet][value] == len(brute(day, alone)), (facet, value)


@pytest.mark.parametrize(("words", "chosen"), [
    ('room:"Saal 1"', {"room": {"room-0"}}),          # equal to a name: that one alone
    ("room:saal", {"room": {"room-0", "room-1", "room-2"}}),  # starts a word of each
    ("room:grosser", {"room": {"room-2"}}),           # accents and ß folded
    ("track:sicher", {"track": {"track-0"}}),         # a name in another language
    ("TRACK:Hard lang:de", {"track": {"track-1"}, "language": {"de"}}),
    ("kind:work kind:panel", {"kind": {"workshop", "panel"}}),  # any of them
    ("recorded:no", {"recorded": {"no"}}),
    ("theme:topic", {"theme": {"theme-0", "theme-1", "theme-2"}}),
])
def test_field_words_select_what_the_same_filters_select(
        words: str, chosen: dict[str, set[str]]) -> None:
    by_words = VIEW.matching(words)
    assert [s.id for s in by_words.sessions] == brute(None, chosen)


def test_field_words_combine_with_free_words_days_and_people() -> None:
    anne = [s.id for s in PROGRAMME.sessions if any(p.person == "anne" for p in s.people)]
    assert [s.id for s in VIEW.matching("by:dupont").sessions] == sorted(
        anne, key=[s.id for s in VIEW.catalogue.ordered].index)
    assert [s.id for s in VIEW.matching("by:anne").sessions] == [
        s.id for s in VIEW.matching("by:dupont").sessions]
    day2 = {s.id for s in VIEW.matching("day:2").sessions}
    assert day2 == {s.id for s in PROGRAMME.sessions if s.day.isoformat() == DAYS[1]}
    assert {s.id for s in VIEW.matching("day:2025-12-28").sessions} == day2
    assert [s.id for s in VIEW.matching('room:"Saal 10" talk day:1').sessions] == [
        s.id for s in VIEW.on_day(dt.date(2025, 12, 27)).in_rooms("room-1").matching(
            "talk").sessions]


def test_unknown_fields_are_text_and_empty_ones_wait() -> None:
    assert VIEW.catalogue.parse("foo:bar").words == ("foo:bar",)
    assert VIEW.matching("foo:bar").sessions == ()
    # While a field is being typed, it chooses nothing yet.
    assert len(VIEW.matching("room:").sessions) == len(PROGRAMME.sessions)
    assert len(VIEW.matching('room:"').sessions) == len(PROGRAMME.sessions)
    # A field that names nothing shows nothing.
    assert VIEW.matching("room:nowhere").sessions == ()
    assert VIEW.matching("day:9").sessions == ()


def test_a_longer_free_word_narrows_the_last_results_but_a_new_field_does_not() -> None:
    first = VIEW.matching("tal")
    assert first.sessions
    narrower = first.matching("talk 1")
    assert narrower.candidates is not None  # searched the last results only
    other = narrower.matching("talk 1 room:saal")
    assert other.candidates is None
    assert [s.id for s in other.sessions] == [s.id for s in VIEW.matching(
        "talk 1 room:saal").sessions]
