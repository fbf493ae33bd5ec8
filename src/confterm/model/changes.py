"""What changed between two versions of a programme (after a reload)."""

from __future__ import annotations

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

    def __bool__(self) -> bool:
        return bool(self.added or self.cancelled or self.moved or self.retitled)

    def count(self) -> int:
        return len(self.added) + len(self.cancelled) + len(self.moved) + len(self.retitled)


def compare(old: Programme, new: Programme, bookmarked: Collection[str] = ()) -> Changes:
    """New, cancelled, moved (time or room) and retitled sessions; bookmarked ones
    first."""
    before = {s.id: s for s in old.sessions}
    after = {s.id: s for s in new.sessions}

    def order(session: Session) -> tuple[bool, object, str]:
        return (session.id not in bookmarked, session.start, session.id)

    moved = [Moved(before[i], after[i]) for i in before.keys() & after.keys()
             if (before[i].start, before[i].end, before[i].room)
             != (after[i].start, after[i].end, after[i].room)]
    retitled = [Moved(before[i], after[i]) for i in before.keys() & after.keys()
                if before[i].title != after[i].title
                and (before[i].start, before[i].end, before[i].room)
                == (after[i].start, after[i].end, after[i].room)]
    return Changes(
        retitled=tuple(sorted(retitled, key=lambda m: order(m.after))),
        added=tuple(sorted((after[i] for i in after.keys() - before.keys()), key=order)),
        cancelled=tuple(sorted((before[i] for i in before.keys() - after.keys()), key=order)),
        moved=tuple(sorted(moved, key=lambda m: order(m.after))))
