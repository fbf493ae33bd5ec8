"""The personal agenda: bookmarks, clashes, gaps, now and next, reminders.

Pure logic over immutable values; :mod:`confterm.storage.bookmarks` keeps it on disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from confterm.model.programme import BACKGROUND_KINDS, Session
from confterm.model.view import Catalogue, overlaps


class Priority(StrEnum):
    MUST = "must"
    MAYBE = "maybe"

    def next(self) -> Priority:
        return Priority.MAYBE if self is Priority.MUST else Priority.MUST


@dataclass(frozen=True)
class Bookmark:
    session_id: str
    priority: Priority = Priority.MUST
    added: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    #: What the session was when bookmarked, to show it if it leaves the programme.
    title: str = ""
    start: dt.datetime | None = None


@dataclass(frozen=True)
class Agenda:
    """Bookmarks by session id. Methods return new agendas."""

    bookmarks: Mapping[str, Bookmark] = field(default_factory=dict)

    def __contains__(self, session_id: object) -> bool:
        return session_id in self.bookmarks

    def __len__(self) -> int:
        return len(self.bookmarks)

    def get(self, session_id: str) -> Bookmark | None:
        return self.bookmarks.get(session_id)

    def with_bookmark(self, bookmark: Bookmark) -> Agenda:
        return Agenda({**self.bookmarks, bookmark.session_id: bookmark})

    def without(self, session_id: str) -> Agenda:
        return Agenda({k: v for k, v in self.bookmarks.items() if k != session_id})

    def sessions(self, catalogue: Catalogue) -> list[Session]:
        """Bookmarked sessions still in the programme, in programme order."""
        if len(self.bookmarks) * 8 > len(catalogue.ordered):  # many: one pass is quicker
            return [s for s in catalogue.ordered if s.id in self.bookmarks]
        position, sessions = catalogue.position, catalogue.sessions
        return sorted((sessions[i] for i in self.bookmarks if i in sessions),
                      key=lambda s: position[s.id])

    def missing(self, catalogue: Catalogue) -> list[Bookmark]:
        """Bookmarks whose session is no longer in the programme (kept, never dropped)."""
        return sorted((b for b in self.bookmarks.values() if b.session_id not in
                       catalogue.sessions), key=lambda b: (b.start or b.added, b.title))

    def clashes_with(self, session: Session, catalogue: Catalogue) -> list[Session]:
        """Other bookmarked sessions that overlap *session* (see ``takes_time``)."""
        if not takes_time(session):
            return []
        return [s for s in self.sessions(catalogue)
                if s.id != session.id and takes_time(s) and overlaps(s, session)]


def takes_time(session: Session) -> bool:
    """Whether a session keeps you from another: an exhibition open all day or a
    break does not, so it never clashes and leaves your free time free."""
    return session.kind not in BACKGROUND_KINDS and not session.cancelled


#: Sessions that started this long before now are still "now" (you may walk in).
JUST_STARTED = dt.timedelta(minutes=15)


def at_now(sessions: Sequence[Session], moment: dt.datetime) -> Session | None:
    """Where to look at *moment* (*sessions* in start order): the first session
    that started in the last quarter of an hour, else the first still to come;
    long-running ones that started earlier (an info desk open all day, a
    workshop since 11:00) stay above it, never taking the place of now. What runs
    all day alongside (exhibitions, breaks) is passed over while anything else
    is left. When only sessions that started long ago still run, the latest of
    them; None when every session is over."""
    upcoming = [s for s in sessions
                if s.end > moment or (s.end == s.start >= moment)]
    if not upcoming:
        return None
    recent = moment - JUST_STARTED
    fresh = [s for s in upcoming if s.start >= recent]
    for group in (fresh, upcoming):
        found = next((s for s in group if takes_time(s)), None)
        if found is not None:
            return found if group is fresh else _latest_started(group)
    return fresh[0] if fresh else upcoming[-1]


def _latest_started(running: Sequence[Session]) -> Session:
    """Of sessions that all started before now, the one that started last."""
    busy = [s for s in running if takes_time(s)] or list(running)
    latest = busy[0]
    for session in busy:
        if session.start > latest.start:
            latest = session
    return latest


def conference_day(catalogue: Catalogue, moment: dt.datetime) -> dt.date | None:
    """The conference day *moment* falls on: its date in the conference's zone,
    or the day before while that day's sessions still run (at 01:30 a film that
    started at 23:30 keeps it the evening before: the programme's day change,
    not the calendar's); None when it is not a conference day."""
    date = moment.astimezone(catalogue.programme.zone).date()
    yesterday = date - dt.timedelta(days=1)
    if yesterday in catalogue.day_dates and any(
            s.start <= moment < s.end for s in catalogue.by_day.get(yesterday, ())):
        return yesterday
    return date if date in catalogue.day_dates else None


def bookmark_for(session: Session, priority: Priority = Priority.MUST,
                 now: dt.datetime | None = None) -> Bookmark:
    return Bookmark(session.id, priority, now or dt.datetime.now(dt.UTC),
                    session.title.get("en"), session.start)


@dataclass(frozen=True)
class Gap:
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class AgendaDay:
    day: dt.date
    entries: list[Session | Gap]


def agenda_days(sessions: Iterable[Session]) -> list[AgendaDay]:
    """Bookmarked sessions by day, with the free time between them."""
    days: dict[dt.date, list[Session]] = {}
    for session in sessions:
        days.setdefault(session.day, []).append(session)
    result = []
    for day, items in sorted(days.items()):
        entries: list[Session | Gap] = []
        busy_until: dt.datetime | None = None
        for session in items:
            if busy_until is not None and session.start > busy_until:
                entries.append(Gap(busy_until, session.start))
            entries.append(session)
            if takes_time(session):
                busy_until = max(busy_until or session.end, session.end)
        result.append(AgendaDay(day, entries))
    return result


def clashing_pairs(sessions: list[Session]) -> list[tuple[Session, Session]]:
    """Every pair of overlapping sessions (in order) that keep you busy."""
    ordered = sorted((s for s in sessions if takes_time(s)), key=lambda s: (s.start, s.id))
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:] if overlaps(a, b)]


@dataclass(frozen=True)
class NowNext:
    now: list[Session]
    next: list[Session]


def now_and_next(catalogue: Catalogue, agenda: Agenda, moment: dt.datetime) -> NowNext:
    """What runs at *moment*, and what starts next in each track, or each room when
    the programme has no tracks (bookmarks first)."""
    running = [s for s in catalogue.ordered if s.start <= moment < s.end]
    upcoming = [s for s in catalogue.ordered if s.start > moment]
    first_per_place: dict[str | None, Session] = {}
    for session in upcoming:
        first_per_place.setdefault(session.track or session.room, session)
    soonest = {s.id for s in first_per_place.values()}
    # Also every bookmarked session that starts at the next bookmarked start time.
    marked = [s for s in upcoming if s.id in agenda]
    if marked:
        soonest |= {s.id for s in marked if s.start == marked[0].start}
    following = [s for s in upcoming if s.id in soonest]

    def order(session: Session) -> tuple[bool, dt.datetime]:
        return (session.id not in agenda, session.start)

    return NowNext(sorted(running, key=order), sorted(following, key=order))


def due_reminders(catalogue: Catalogue, agenda: Agenda, moment: dt.datetime,
                  minutes: int, already: frozenset[str]) -> list[Session]:
    """Bookmarked sessions starting within *minutes* of *moment* not yet reminded."""
    lead = dt.timedelta(minutes=minutes)
    return [s for s in agenda.sessions(catalogue)
            if s.id not in already and s.start - lead <= moment < s.start]


def clashing_ids(agenda: Agenda, catalogue: Catalogue) -> frozenset[str]:
    """The bookmarked sessions that clash with another bookmark."""
    return frozenset(s.id for pair in clashing_pairs(agenda.sessions(catalogue)) for s in pair)
