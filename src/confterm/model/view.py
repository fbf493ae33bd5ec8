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
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from confterm.model.programme import Person, Programme, Session
from confterm.model.text import fold


class Catalogue:
    """Lookups and search text for one programme, computed once and shared."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.tracks = {t.id: t for t in programme.tracks}
        self.rooms = {r.id: r for r in programme.rooms}
        self.themes = {t.id: t for t in programme.themes}
        self.people = {p.id: p for p in programme.people}
        self.sessions = {s.id: s for s in programme.sessions}
        order = {t.id: i for i, t in enumerate(programme.tracks)}
        last = len(order)
        # Chronological, then in track order (untracked last), then by title.
        self.ordered: tuple[Session, ...] = tuple(sorted(
            programme.sessions,
            key=lambda s: (s.start, order.get(s.track, last) if s.track else last,
                           s.title.get("en").casefold(), s.id)))
        #: Folded search text by session id, filled on first need (see ``haystack``).
        self.folded: dict[str, str] = {}

    def haystack(self, session: Session) -> str:
        """Folded text searched for *session* (computed on first need)."""
        text = self.folded.get(session.id)
        if text is None:
            text = self.folded[session.id] = fold(" ".join(self._texts(session)))
        return text

    def prepare_search(self) -> None:
        """Fold every session's text now, so that the first search is as quick as
        the next ones. Safe to run in a thread while searches run: an entry is
        at worst folded twice, to the same text."""
        for session in self.ordered:
            self.haystack(session)

    @property
    def search_ready(self) -> bool:
        return len(self.folded) == len(self.sessions)

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
            yield self.rooms[session.room].name
        for theme in session.themes:
            if theme in self.themes:
                yield self.themes[theme].label.all_text()
        for link in session.links:
            yield link.title
        yield session.kind.value

    @cached_property
    def day_dates(self) -> frozenset[dt.date]:
        return frozenset(day.date for day in self.programme.days)

    @cached_property
    def by_day(self) -> dict[dt.date, tuple[Session, ...]]:
        """The sessions of each day, in the same order as ``ordered``."""
        grouped: dict[dt.date, list[Session]] = {}
        for session in self.ordered:
            grouped.setdefault(session.day, []).append(session)
        return {day: tuple(sessions) for day, sessions in grouped.items()}

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

    def room_name(self, session: Session) -> str | None:
        room = self.rooms.get(session.room or "")
        return room.name if room else None

    def theme_label(self, theme_id: str, lang: str) -> str:
        theme = self.themes.get(theme_id)
        return theme.label.get(lang) if theme else theme_id


def _spoken_in(session: Session, codes: frozenset[str]) -> bool:
    return any(tag.lower() in codes or tag.lower().split("-")[0] in codes
               for tag in session.language)


def overlaps(a: Session, b: Session) -> bool:
    """True when the two sessions share any instant (touching ends do not count)."""
    return a.start < b.end and b.start < a.end


@dataclass(frozen=True)
class FacetCounts:
    """Sessions each choice of the sidebar would show, by id (see ``facet_counts``)."""

    tracks: dict[str, int]
    themes: dict[str, int]
    rooms: dict[str, int]
    languages: dict[str, int]


@dataclass(frozen=True)
class ScheduleView:
    """A filtered, ordered selection of a programme's sessions."""

    catalogue: Catalogue = field(compare=False, repr=False)
    day: dt.date | None = None
    tracks: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    rooms: frozenset[str] = frozenset()
    #: Spoken languages (BCP 47 tags, lower case): "en" also matches "en-gb".
    languages: frozenset[str] = frozenset()
    query: str = ""
    #: Only these sessions (the user's bookmarks), when set.
    only: frozenset[str] | None = None
    #: Only sessions still running or to come at this moment, when set.
    ending_after: dt.datetime | None = None
    #: Sessions known to contain every match (from a shorter query): a narrower
    #: search only filters these, so typing stays fast in big programmes.
    candidates: tuple[Session, ...] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, programme: Programme) -> ScheduleView:
        return cls(Catalogue(programme))

    @property
    def programme(self) -> Programme:
        return self.catalogue.programme

    # -- composition ------------------------------------------------------
    def on_day(self, day: dt.date | None) -> ScheduleView:
        return replace(self, day=day, candidates=None)

    def in_tracks(self, *track_ids: str) -> ScheduleView:
        return replace(self, tracks=frozenset(track_ids), candidates=None)

    def with_themes(self, *theme_ids: str) -> ScheduleView:
        return replace(self, themes=frozenset(theme_ids), candidates=None)

    def in_rooms(self, *room_ids: str) -> ScheduleView:
        return replace(self, rooms=frozenset(room_ids), candidates=None)

    def in_languages(self, *codes: str) -> ScheduleView:
        """Sessions spoken in any of these languages."""
        return replace(self, languages=frozenset(c.lower() for c in codes), candidates=None)

    def only_sessions(self, session_ids: Iterable[str] | None) -> ScheduleView:
        """Only these sessions (None: no such filter)."""
        only = frozenset(session_ids) if session_ids is not None else None
        return replace(self, only=only, candidates=None)

    def not_over_at(self, moment: dt.datetime | None) -> ScheduleView:
        """Leaving out sessions over by *moment* (None: keeping them)."""
        return replace(self, ending_after=moment, candidates=None)

    def matching(self, query: str) -> ScheduleView:
        """Sessions matching *query* too. A query that only adds to this view's
        query searches this view's results (computed already) instead of all."""
        narrower = "sessions" in self.__dict__ and all(
            any(old in new for new in fold(query).split()) for old in fold(self.query).split())
        return replace(self, query=query, candidates=self.sessions if narrower else None)

    def keeping(self, track_ids: Iterable[str], theme_ids: Iterable[str],
                room_ids: Iterable[str] = (), languages: Iterable[str] = ()) -> ScheduleView:
        """In these tracks, themes, rooms and languages, leaving out any this
        programme does not have (filters remembered, or kept across an update)."""
        catalogue = self.catalogue
        return (self.in_tracks(*(t for t in track_ids if t in catalogue.tracks))
                .with_themes(*(t for t in theme_ids if t in catalogue.themes))
                .in_rooms(*(r for r in room_ids if r in catalogue.rooms))
                .in_languages(*(c for c in languages if c in catalogue.spoken)))

    def cleared(self) -> ScheduleView:
        """The same day with every other filter removed (finished sessions stay
        hidden if they were: that is a way of looking, not a filter)."""
        return ScheduleView(self.catalogue, day=self.day, ending_after=self.ending_after)

    def browsing_key(self) -> tuple[object, ...]:
        """The filters other than the query (what the sidebar counts depend on)."""
        return (self.day, self.tracks, self.themes, self.rooms, self.languages, self.only,
                self.ending_after)

    def searched(self) -> ScheduleView:
        """The view to show: while there is a query, the whole programme is searched
        (every day, no other filter); without one, the view itself."""
        if not self.query.strip():
            return self
        return ScheduleView(self.catalogue, query=self.query, ending_after=self.ending_after)

    @property
    def is_search(self) -> bool:
        """A search of the whole programme (see :meth:`searched`)."""
        return (self.day is None and not (self.tracks or self.themes or self.rooms
                                          or self.languages or self.only is not None)
                and bool(self.query.strip()))

    @property
    def is_filtered(self) -> bool:
        return bool(self.tracks or self.themes or self.rooms or self.languages
                    or self.only is not None or self.query.strip())

    # -- results ------------------------------------------------------------
    @cached_property
    def sessions(self) -> tuple[Session, ...]:
        """The matching sessions in stable chronological order."""
        # One tight pass per filter in use, each over what the last one kept:
        # at 10,000 sessions this runs on every search keystroke.
        day, tracks, themes = self.day, self.tracks, self.themes
        found: Iterable[Session]
        if self.candidates is not None:
            found = self.candidates
            if day is not None:
                found = [s for s in found if s.day == day]
        elif day is not None:
            found = self.catalogue.by_day.get(day, ())
        else:
            found = self.catalogue.ordered
        if tracks:
            found = [s for s in found if s.track in tracks]
        if themes:
            found = [s for s in found if not themes.isdisjoint(s.themes)]
        if self.rooms:
            found = [s for s in found if s.room in self.rooms]
        if self.languages:
            found = [s for s in found if _spoken_in(s, self.languages)]
        if self.only is not None:
            only = self.only
            found = [s for s in found if s.id in only]
        if self.ending_after is not None:
            moment = self.ending_after
            found = [s for s in found if s.end > moment or (s.end == s.start >= moment)]
        folded, haystack = self.catalogue.folded, self.catalogue.haystack
        for word in fold(self.query).split():
            found = [s for s in found if word in (folded.get(s.id) or haystack(s))]
        return tuple(found)

    def __len__(self) -> int:
        return len(self.sessions)

    @cached_property
    def facet_counts(self) -> FacetCounts:
        """For every track, theme, room and spoken language: how many sessions it
        would show were it the only one chosen in its list, the other filters as
        they are. One pass over the day's sessions for all four lists."""
        tracks = dict.fromkeys(self.catalogue.tracks, 0)
        themes = dict.fromkeys(self.catalogue.themes, 0)
        rooms = dict.fromkeys(self.catalogue.rooms, 0)
        spoken = dict.fromkeys(self.catalogue.spoken, 0)
        base = replace(self, tracks=frozenset(), themes=frozenset(), rooms=frozenset(),
                       languages=frozenset(), candidates=None)
        in_tracks, in_themes, in_rooms = self.tracks, self.themes, self.rooms
        languages = self.languages
        for session in base.sessions:
            track_ok = not in_tracks or session.track in in_tracks
            theme_ok = not in_themes or not in_themes.isdisjoint(session.themes)
            room_ok = not in_rooms or session.room in in_rooms
            spoken_ok = not languages or _spoken_in(session, languages)
            if theme_ok and room_ok and spoken_ok and session.track in tracks:
                tracks[session.track] += 1
            if track_ok and room_ok and spoken_ok:
                for theme in session.themes:
                    if theme in themes:
                        themes[theme] += 1
            if track_ok and theme_ok and spoken_ok and session.room in rooms:
                rooms[session.room] += 1
            if track_ok and theme_ok and room_ok:
                for code in {tag.lower().split("-")[0] for tag in session.language}:
                    spoken[code] += 1
        return FacetCounts(tracks, themes, rooms, spoken)

    def theme_counts(self) -> dict[str, int]:
        """For each theme: how many sessions would match if it were the only theme chosen."""
        return self.facet_counts.themes

