"""An immutable, composable view over a programme.

    view = ScheduleView.of(programme)
    view.on_day(date(2024, 11, 13)).with_themes("blockchain").matching("chaine")

Each method returns a new view; nothing is mutated. Filters combine with AND;
within ``in_tracks`` and ``with_themes`` the values combine with OR
(a session with *any* of the chosen themes matches). Free text is split into
words and every word must appear, ignoring case and accents, in the session's
titles, descriptions, notes, people (names, positions, organisations), track,
room or theme labels, in every language.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import compress

from confterm.model.facets import BY_ID, FACETS, INDEX
from confterm.model.programme import (
    BACKGROUND_KINDS,
    Kind,
    Person,
    Programme,
    Room,
    Session,
    Theme,
    Track,
)
from confterm.model.query import Query, parse_query
from confterm.model.text import fold

#: Sessions indexed (or rows made) between two calls of a thread's ``breathe``.
BREATHE_EVERY = 100


def catalogue_order(programme: Programme) -> list[int]:
    """The places in ``programme.sessions`` of its sessions as catalogues order them:
    chronological, then in track order (untracked last), then by title and id."""
    tracks = {t.id: i for i, t in enumerate(programme.tracks)}
    last, sessions = len(tracks), programme.sessions
    keys = [(s.start, tracks.get(s.track, last) if s.track else last,
             s.title.get("en").casefold(), s.id) for s in sessions]
    return sorted(range(len(sessions)), key=keys.__getitem__)


#: ``catalogue_order`` of programme objects, by their ``id`` while they live.
_known_orders: dict[int, Sequence[int]] = {}


def known_order(programme: Programme, order: Sequence[int]) -> None:
    """Say that *order* is ``catalogue_order(programme)`` (found before, and kept
    with a cached programme): catalogues of this programme object take it rather
    than sort 10,000 sessions again (10-16 ms)."""
    key = id(programme)
    _known_orders[key] = order
    weakref.finalize(programme, _known_orders.pop, key, None)


class Catalogue:
    """Lookups and search text for one programme, computed once and shared."""

    def __init__(self, programme: Programme,
                 translate: Callable[[str], str] = str) -> None:
        self.programme = programme
        #: The interface's words (kinds…) in its language, for field words typed in it.
        self.translate = translate
        self.tracks: dict[str, Track] = {t.id: t for t in programme.tracks}
        self.rooms: dict[str, Room] = {r.id: r for r in programme.rooms}
        self.themes: dict[str, Theme] = {t.id: t for t in programme.themes}
        self.people = {p.id: p for p in programme.people}
        self.sessions = {s.id: s for s in programme.sessions}
        order = _known_orders.get(id(programme))
        if order is None or len(order) != len(programme.sessions):
            order = catalogue_order(programme)
        self.ordered: tuple[Session, ...] = tuple(map(programme.sessions.__getitem__, order))
        #: Folded search text by session id, filled on first need (see ``haystack``).
        self.folded: dict[str, str] = {}

    def haystack(self, session: Session) -> str:
        """Folded text searched for *session* (computed on first need)."""
        text = self.folded.get(session.id)
        if text is None:
            text = self.folded[session.id] = fold(" ".join(self._texts(session)))
        return text

    def prepare_search(self, breathe: Callable[[], object] = lambda: None) -> None:
        """Fold every session's text now, so that the first search is as quick as
        the next ones. Safe to run in a thread while searches run: an entry is
        at worst folded twice, to the same text. *breathe* is called every
        ``BREATHE_EVERY`` sessions (a thread lets the interface's thread run)."""
        for position, session in enumerate(self.ordered):
            self.haystack(session)
            if position % BREATHE_EVERY == BREATHE_EVERY - 1:
                breathe()
        self.haystacks  # noqa: B018 - made now, in order, for the first search
        for index, facet in enumerate(FACETS):  # each facet's values, for the sidebar's counts
            self.facet_values(index)
            facet.available(self)
        # And what the session list and the first view of a day read.
        self.ids, self.starts, self.busy, self.by_day_positions, self.position  # noqa: B018

    @property
    def search_ready(self) -> bool:
        return len(self.folded) == len(self.sessions)

    @cached_property
    def haystacks(self) -> list[str]:
        """Every session's folded text, in the order of ``ordered`` (once ready)."""
        return [self.haystack(session) for session in self.ordered]

    def _texts(self, session: Session) -> Iterable[str]:
        # Not the notes: they say where a session's facts come from, and would make
        # every session of a kind match the words of a note they share.
        for localized in (session.title, session.description):
            if localized is not None:
                yield localized.all_text()
        for person in self.session_people(session):
            yield person.name
            for extra in (person.position, person.organisation):
                if extra is not None:
                    yield extra.all_text()
        if session.track in self.tracks:
            yield self.tracks[session.track].name.all_text()
        if session.room in self.rooms:
            yield self.rooms[session.room].name.all_text()
        for theme in session.themes:
            if theme in self.themes:
                yield self.themes[theme].label.all_text()
        for link in session.links:
            yield link.title
        yield session.kind.value

    def facet_values(self, index: int) -> list[tuple[str, ...]]:
        """Each session's values of the facet ``FACETS[index]``, in ``ordered``'s order."""
        found = self._facet_values.get(index)
        if found is None:
            of = FACETS[index].values
            found = self._facet_values[index] = [of(self, s) for s in self.ordered]
        return found

    def facet_values_made(self, index: int) -> list[tuple[str, ...]] | None:
        """``facet_values(index)`` if made already (by the indexing thread), else None."""
        return self._facet_values.get(index)

    @cached_property
    def _facet_values(self) -> dict[int, list[tuple[str, ...]]]:
        return {}

    @cached_property
    def ids(self) -> list[str]:
        """Each session's id, in ``ordered``'s order."""
        return [session.id for session in self.ordered]

    @cached_property
    def busy(self) -> list[bool]:
        """Whether each session (in ``ordered``'s order) is in the foreground: not
        a break or the exhibition, which run alongside everything."""
        return [session.kind not in BACKGROUND_KINDS for session in self.ordered]

    @cached_property
    def starts(self) -> list[dt.datetime]:
        """Each session's start, in ``ordered``'s order."""
        return [session.start for session in self.ordered]

    @cached_property
    def days(self) -> list[dt.date]:
        """Each session's day, in ``ordered``'s order."""
        return [session.day for session in self.ordered]

    @cached_property
    def by_day_positions(self) -> dict[dt.date, list[int]]:
        """The places in ``ordered`` of each day's sessions."""
        grouped: dict[dt.date, list[int]] = {}
        for index, day in enumerate(self.days):
            places = grouped.get(day)
            if places is None:
                places = grouped[day] = []
            places.append(index)
        return grouped

    @cached_property
    def kinds_used(self) -> tuple[str, ...]:
        """The kinds of the programme's sessions, in the order ``Kind`` lists them."""
        used = {session.kind for session in self.programme.sessions}
        return tuple(kind.value for kind in Kind if kind in used)

    @cached_property
    def recording_said(self) -> frozenset[str]:
        """"yes", "no", "unknown": what the programme says of its sessions' recording."""
        return frozenset("unknown" if s.recorded is None else "yes" if s.recorded else "no"
                         for s in self.programme.sessions)

    def parse(self, query: str) -> Query:
        """*query* read against this programme (the last few are kept: each
        keystroke reads the same query for the view, the status and the next key)."""
        parsed = self._parsed.get(query)
        if parsed is None:
            if len(self._parsed) > 8:
                self._parsed.clear()
            parsed = self._parsed[query] = parse_query(query, self)
        return parsed

    @cached_property
    def _parsed(self) -> dict[str, Query]:
        return {}

    @cached_property
    def day_dates(self) -> frozenset[dt.date]:
        return frozenset(day.date for day in self.programme.days)

    @cached_property
    def by_day(self) -> dict[dt.date, tuple[Session, ...]]:
        """The sessions of each day, in the same order as ``ordered``."""
        at = self.ordered.__getitem__
        return {day: tuple(map(at, places)) for day, places in self.by_day_positions.items()}

    @cached_property
    def spoken(self) -> tuple[str, ...]:
        """Spoken languages (primary subtags, lower case), most used first."""
        used: dict[str, int] = {}
        for session in self.programme.sessions:
            if session.language:
                for code in {tag.lower().split("-")[0] for tag in session.language}:
                    used[code] = used.get(code, 0) + 1
        return tuple(sorted(used, key=lambda code: (-used[code], code)))

    @cached_property
    def position(self) -> dict[str, int]:
        """Each session's place in ``ordered``."""
        return {session.id: index for index, session in enumerate(self.ordered)}

    @cached_property
    def people_sessions(self) -> dict[str, tuple[Session, ...]]:
        """Each person's sessions, in programme order."""
        found: dict[str, list[Session]] = {p.id: [] for p in self.programme.people}
        for session in self.ordered:
            for person in dict.fromkeys(part.person for part in session.people):
                if person in found:
                    found[person].append(session)
        return {person: tuple(sessions) for person, sessions in found.items()}

    @cached_property
    def people_by_name(self) -> tuple[Person, ...]:
        """Everyone in the programme, by name (ignoring case and accents)."""
        return tuple(sorted(self.programme.people, key=lambda p: (fold(p.name), p.id)))

    def session_people(self, session: Session) -> list[Person]:
        return [self.people[p.person] for p in session.people if p.person in self.people]

    def track_name(self, session: Session, lang: str) -> str | None:
        track = self.tracks.get(session.track or "")
        return track.name.get(lang) if track else None

    def room_name(self, session: Session, lang: str) -> str | None:
        room = self.rooms.get(session.room or "")
        return room.name.get(lang) if room else None

    def theme_label(self, theme_id: str, lang: str) -> str:
        theme = self.themes.get(theme_id)
        return theme.label.get(lang) if theme else theme_id


def overlaps(a: Session, b: Session) -> bool:
    """True when the two sessions share any instant (touching ends do not count)."""
    return a.start < b.end and b.start < a.end


NO_FILTERS: tuple[frozenset[str], ...] = tuple(frozenset() for _ in FACETS)


@dataclass(frozen=True)
class ScheduleView:
    """A filtered, ordered selection of a programme's sessions."""

    catalogue: Catalogue = field(compare=False, repr=False)
    day: dt.date | None = None
    #: The values chosen for each facet, in the order of ``FACETS`` (none: no filter).
    filters: tuple[frozenset[str], ...] = NO_FILTERS
    query: str = ""
    #: Only these sessions (the user's bookmarks), when set.
    only: frozenset[str] | None = None
    #: Only sessions still running or to come at this moment, when set.
    ending_after: dt.datetime | None = None
    #: Sessions known to contain every match (from a shorter query), by their
    #: place in ``Catalogue.ordered``: a narrower search only filters these, so
    #: typing stays fast in big programmes.
    candidates: list[int] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, programme: Programme) -> ScheduleView:
        return cls(Catalogue(programme))

    @property
    def programme(self) -> Programme:
        return self.catalogue.programme

    def chosen(self, facet_id: str) -> frozenset[str]:
        """The values chosen for a facet ("room": room ids)."""
        return self.filters[INDEX[facet_id]]

    @property
    def tracks(self) -> frozenset[str]:
        return self.chosen("track")

    @property
    def themes(self) -> frozenset[str]:
        return self.chosen("theme")

    @property
    def rooms(self) -> frozenset[str]:
        return self.chosen("room")

    @property
    def languages(self) -> frozenset[str]:
        """Spoken languages (BCP 47 tags, lower case): "en" also matches "en-gb"."""
        return self.chosen("language")

    # -- composition ------------------------------------------------------
    def on_day(self, day: dt.date | None) -> ScheduleView:
        return replace(self, day=day, candidates=None)

    def choose(self, facet_id: str, values: Iterable[str]) -> ScheduleView:
        """Only sessions with any of these values of the facet (none: no filter)."""
        index = INDEX[facet_id]
        chosen = frozenset(v.lower() for v in values) if facet_id == "language" else (
            frozenset(values))
        filters = (*self.filters[:index], chosen, *self.filters[index + 1:])
        return replace(self, filters=filters, candidates=None)

    def toggle(self, facet_id: str, value: str) -> ScheduleView:
        """*value* chosen or no longer: one of several, or the only one."""
        chosen = self.chosen(facet_id)
        if BY_ID[facet_id].multiple:
            return self.choose(facet_id, chosen ^ {value})
        return self.choose(facet_id, () if value in chosen else (value,))

    def in_tracks(self, *track_ids: str) -> ScheduleView:
        return self.choose("track", track_ids)

    def with_themes(self, *theme_ids: str) -> ScheduleView:
        return self.choose("theme", theme_ids)

    def in_rooms(self, *room_ids: str) -> ScheduleView:
        return self.choose("room", room_ids)

    def in_languages(self, *codes: str) -> ScheduleView:
        """Sessions spoken in any of these languages."""
        return self.choose("language", codes)

    def only_sessions(self, session_ids: Iterable[str] | None) -> ScheduleView:
        """Only these sessions (None: no such filter)."""
        only = frozenset(session_ids) if session_ids is not None else None
        return replace(self, only=only, candidates=None)

    def not_over_at(self, moment: dt.datetime | None) -> ScheduleView:
        """Leaving out sessions over by *moment* (None: keeping them)."""
        return replace(self, ending_after=moment, candidates=None)

    @property
    def parsed(self) -> Query:
        """The query: its field words (``room:``, ``by:``…) and its free words."""
        return self.catalogue.parse(self.query)

    def matching(self, query: str) -> ScheduleView:
        """Sessions matching *query* too. A query that only adds words to this
        view's query searches this view's results (computed already) instead of all."""
        narrower = False
        if "sessions" in self.__dict__:
            old, new = self.parsed, self.catalogue.parse(query)
            narrower = old.narrows_to(new)
        return replace(self, query=query, candidates=self.positions if narrower else None)

    def keeping(self, chosen: Mapping[str, Iterable[str]]) -> ScheduleView:
        """With these filters (facet id: values), leaving out any value this
        programme does not have (filters remembered, or kept across an update)."""
        view = self
        for facet in FACETS:
            available = set(facet.available(self.catalogue))
            view = view.choose(facet.id, (v for v in chosen.get(facet.id, ()) if v in available))
        return view

    def chosen_filters(self) -> dict[str, frozenset[str]]:
        """The facets chosen (facet id: values), none left out but the empty."""
        return {facet.id: chosen for facet, chosen in zip(FACETS, self.filters, strict=True)
                if chosen}

    def cleared(self) -> ScheduleView:
        """The same day with every other filter removed (finished sessions stay
        hidden if they were: that is a way of looking, not a filter)."""
        return ScheduleView(self.catalogue, day=self.day, ending_after=self.ending_after)

    def browsing_key(self) -> tuple[object, ...]:
        """The filters other than the query (what the sidebar counts depend on)."""
        return (self.day, self.filters, self.only, self.ending_after)

    def searched(self) -> ScheduleView:
        """The view to show: while there is a query, the whole programme is searched
        (every day, no other filter); without one, the view itself."""
        if not self.query.strip():
            return self
        return ScheduleView(self.catalogue, query=self.query, ending_after=self.ending_after)

    @property
    def has_filters(self) -> bool:
        """A facet chosen, or only some sessions (bookmarks): not the query."""
        return any(self.filters) or self.only is not None

    @property
    def is_search(self) -> bool:
        """A search of the whole programme (see :meth:`searched`)."""
        return self.day is None and not self.has_filters and bool(self.query.strip())

    @property
    def is_filtered(self) -> bool:
        return self.has_filters or bool(self.query.strip())

    # -- results ------------------------------------------------------------
    @cached_property
    def sessions(self) -> tuple[Session, ...]:
        """The matching sessions in stable chronological order."""
        return tuple(map(self.catalogue.ordered.__getitem__, self.positions))

    @cached_property
    def positions(self) -> list[int]:
        """The matching sessions' places in ``Catalogue.ordered``."""
        # One tight pass per filter in use, each over what the last one kept, on
        # lists aligned with ``ordered`` (a list index costs less than a session's
        # attribute): at 10,000 sessions this runs on every search keystroke.
        day, query, catalogue = self.day, self.parsed, self.catalogue
        found: Sequence[int]
        if self.candidates is not None:
            found = self.candidates
            if day is not None:
                days = catalogue.days
                found = [i for i in found if days[i] == day]
        elif day is not None:
            found = catalogue.by_day_positions.get(day, [])
        else:
            found = range(len(catalogue.ordered))
        for index, chosen in (*enumerate(self.filters), *query.filters):
            if chosen:
                values = catalogue.facet_values(index)
                found = [i for i in found if not chosen.isdisjoint(values[i])]
        for chosen_ids in (self.only, query.sessions):
            if chosen_ids is not None:
                ids = catalogue.ids
                found = [i for i in found if ids[i] in chosen_ids]
        if query.days is not None:
            days, chosen_days = catalogue.days, query.days
            found = [i for i in found if days[i] in chosen_days]
        if self.ending_after is not None:
            moment, ordered = self.ending_after, catalogue.ordered
            found = [i for i in found if ordered[i].end > moment
                     or (ordered[i].end == ordered[i].start >= moment)]
        if query.words:
            texts = catalogue.haystacks if catalogue.search_ready else None
            for word in query.words:
                if texts is None:
                    ordered, haystack = catalogue.ordered, catalogue.haystack
                    found = [i for i in found if word in haystack(ordered[i])]
                elif isinstance(found, range):  # every session: no index to look up
                    found = list(compress(found, [word in text for text in texts]))
                else:
                    found = [i for i in found if word in texts[i]]
        return list(found)

    def __len__(self) -> int:
        return len(self.positions)

    @cached_property
    def facet_counts(self) -> dict[str, dict[str, int]]:
        """For every facet and each of its values: how many sessions it would show
        were it the only one chosen in its facet, the other filters as they are.
        One pass over the day's sessions for every facet."""
        catalogue, ordered = self.catalogue, self.catalogue.ordered
        counts = [dict.fromkeys(facet.available(catalogue), 0) for facet in FACETS]
        # Each facet's values as made for every session (in the indexing thread),
        # else worked out for the day's sessions alone (at start, before that).
        made = [catalogue.facet_values_made(index) for index in range(len(FACETS))]
        value_of = [facet.values for facet in FACETS]
        base = replace(self, filters=NO_FILTERS, candidates=None)
        in_use = [(index, chosen) for index, chosen in enumerate(self.filters) if chosen]
        for position in base.positions:
            session = ordered[position]
            values = [known[position] if known is not None else of(catalogue, session)
                      for known, of in zip(made, value_of, strict=True)]
            failed = [index for index, chosen in in_use if chosen.isdisjoint(values[index])]
            if len(failed) > 1:
                continue  # no single facet's choice would bring it back
            for index, facet_counts in enumerate(counts):
                if failed and failed[0] != index:
                    continue
                for value in values[index]:
                    if value in facet_counts:
                        facet_counts[value] += 1
        return {facet.id: count for facet, count in zip(FACETS, counts, strict=True)}
