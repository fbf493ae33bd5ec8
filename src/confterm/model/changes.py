"""What changed between two versions of a programme (after a reload)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from confterm.model.programme import Programme, Session


@dataclass(frozen=True)
class Moved:
    before: Session
    after: Session

    @property
    def time_changed(self) -> bool:
        return (self.before.start, self.before.end) != (self.after.start, self.after.end)

    @property
    def room_changed(self) -> bool:
        return self.before.room != self.after.room


@dataclass(frozen=True)
class Changes:
    added: tuple[Session, ...] = ()
    cancelled: tuple[Session, ...] = ()
    moved: tuple[Moved, ...] = ()
    #: Same time and room, another title (in any language).
    retitled: tuple[Moved, ...] = ()
    #: Same time, room and title, other people (speakers, moderators…).
    people: tuple[Moved, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.cancelled or self.moved or self.retitled
                    or self.people)

    def count(self) -> int:
        return (len(self.added) + len(self.cancelled) + len(self.moved)
                + len(self.retitled) + len(self.people))


def compare(old: Programme, new: Programme, bookmarked: Collection[str] = ()) -> Changes:
    """New, cancelled, moved (time or room) and retitled sessions; bookmarked ones
    first."""
    before = {s.id: s for s in old.sessions}
    after = {s.id: s for s in new.sessions}

    def order(session: Session) -> tuple[bool, object, str]:
        return (session.id not in bookmarked, session.start, session.id)

    both = before.keys() & after.keys()
    # Cancelled: gone, or still there and now said to be cancelled.
    called_off = [after[i] for i in both if after[i].cancelled and not before[i].cancelled]
    moved = [Moved(before[i], after[i]) for i in both
             if (before[i].start, before[i].end, before[i].room)
             != (after[i].start, after[i].end, after[i].room)]
    retitled = [Moved(before[i], after[i]) for i in before.keys() & after.keys()
                if before[i].title != after[i].title
                and (before[i].start, before[i].end, before[i].room)
                == (after[i].start, after[i].end, after[i].room)]
    people = [Moved(before[i], after[i]) for i in before.keys() & after.keys()
              if before[i].people != after[i].people and before[i].title == after[i].title
              and (before[i].start, before[i].end, before[i].room)
              == (after[i].start, after[i].end, after[i].room)]
    return Changes(
        people=tuple(sorted(people, key=lambda m: order(m.after))),
        retitled=tuple(sorted(retitled, key=lambda m: order(m.after))),
        added=tuple(sorted((after[i] for i in after.keys() - before.keys()), key=order)),
        cancelled=tuple(sorted([*(before[i] for i in before.keys() - after.keys()),
                                *called_off], key=order)),
        moved=tuple(sorted(moved, key=lambda m: order(m.after))))


@dataclass(frozen=True)
class Seen:
    """One change of one session, as a refresh saw it: kept per programme until
    the user has looked (``c``), and for ``confterm changes``."""

    session: str
    #: "added", "cancelled", "moved" (its time, and maybe its room), "delayed"
    #: (later, same day and room), "room", "retitled", "people".
    what: str
    #: What it was and is: "start", "end" (ISO), "room" (its name), "title".
    before: dict[str, str]
    after: dict[str, str]
    when: dt.datetime
    seen: bool = False


def _how_moved(move: Moved) -> str:
    """"delayed": later the same day in the same room; "room": only the room;
    else "moved"."""
    before, after = move.before, move.after
    if not move.time_changed:
        return "room"
    if (not move.room_changed and after.start > before.start and after.day == before.day):
        return "delayed"
    return "moved"


def _facts(session: Session, programme: Programme) -> dict[str, str]:
    rooms = {room.id: room.name.get("en") for room in programme.rooms}
    people = {person.id: person.name for person in programme.people}
    return {"start": session.start.isoformat(), "end": session.end.isoformat(),
            "room": rooms.get(session.room or "", ""), "title": session.title.get("en"),
            "people": ", ".join(people.get(p.person, p.person) for p in session.people)}


def seen_changes(changes: Changes, old: Programme, new: Programme,
                 when: dt.datetime) -> list[Seen]:
    """*changes* as one ``Seen`` per session changed."""
    found = [Seen(s.id, "added", {}, _facts(s, new), when) for s in changes.added]
    found += [Seen(s.id, "cancelled", _facts(s, old), {}, when) for s in changes.cancelled]
    found += [Seen(m.after.id, _how_moved(m), _facts(m.before, old), _facts(m.after, new),
                   when) for m in changes.moved]
    found += [Seen(m.after.id, "retitled", _facts(m.before, old), _facts(m.after, new), when)
              for m in changes.retitled]
    found += [Seen(m.after.id, "people", _facts(m.before, old), _facts(m.after, new), when)
              for m in changes.people]
    return found


def latest_first(changes: list[Seen], bookmarks: Collection[str]) -> list[Seen]:
    """The latest first; among those seen at one time, bookmarked sessions first."""
    return sorted(changes, key=lambda c: (-c.when.timestamp(), c.session not in bookmarks))
