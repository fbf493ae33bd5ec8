"""Checks that span more than one field: ids, references, times and days."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from confterm.model.errors import MAX_PROBLEMS, Problem
from confterm.model.programme import Programme, Session


def _duplicates(kind: str, ids: Iterable[str]) -> list[Problem]:
    counts = Counter(ids)
    return [Problem(f"{kind}[{i}]", f"the id {i!r} is used {n} times; ids must be unique")
            for i, n in counts.items() if n > 1]


def conference_day(session: Session, zone: dt.tzinfo, day_change: dt.time) -> dt.date:
    """The conference day on which *session* starts, honouring ``day_change``."""
    local = session.start.astimezone(zone)
    day = local.date()
    if local.time() < day_change:
        day -= dt.timedelta(days=1)
    return day


def find_problems(programme: Programme) -> list[Problem]:
    """Every cross-field error in *programme* (empty when it is usable)."""
    problems: list[Problem] = []
    if not programme.days:
        problems.append(Problem("days", "a programme needs at least one day"))
    problems += _duplicates("days", (str(d.date) for d in programme.days))
    problems += _duplicates("tracks", (t.id for t in programme.tracks))
    problems += _duplicates("rooms", (r.id for r in programme.rooms))
    problems += _duplicates("themes", (t.id for t in programme.themes))
    problems += _duplicates("people", (p.id for p in programme.people))
    problems += _duplicates("sessions", (s.id for s in programme.sessions))

    days = {d.date for d in programme.days}
    tracks = {t.id for t in programme.tracks}
    rooms = {r.id for r in programme.rooms}
    themes = {t.id for t in programme.themes}
    people = {p.id for p in programme.people}
    zone = programme.zone

    for session in programme.sessions:
        where = f"sessions[{session.id}]"
        if session.end < session.start:  # equal: a session of no length, such as a deadline
            problems.append(Problem(f"{where}.end", f"ends ({session.end.isoformat()}) "
                                    f"before it starts ({session.start.isoformat()})"))
        if session.day not in days:
            problems.append(Problem(f"{where}.day", f"{session.day} is not one of the "
                                    "programme's days"))
        elif conference_day(session, zone, programme.day_change) != session.day:
            local = session.start.astimezone(zone)
            problems.append(Problem(
                f"{where}.start", f"starts at {local:%Y-%m-%d %H:%M} {programme.timezone}, "
                f"outside its day {session.day}"))
        if session.track is not None and session.track not in tracks:
            problems.append(Problem(f"{where}.track", f"unknown track {session.track!r}"))
        if session.room is not None and session.room not in rooms:
            problems.append(Problem(f"{where}.room", f"unknown room {session.room!r}"))
        for theme in session.themes:
            if theme not in themes:
                problems.append(Problem(f"{where}.themes", f"unknown theme {theme!r}"))
        for part in session.people:
            if part.person not in people:
                problems.append(Problem(f"{where}.people", f"unknown person {part.person!r}"))
    return problems


def find_warnings(programme: Programme) -> list[Problem]:
    """Things worth knowing that do not stop the programme loading."""
    by_room: defaultdict[str, list[Session]] = defaultdict(list)
    for session in programme.sessions:
        if session.room is not None:
            by_room[session.room].append(session)
    warnings = []
    overlaps = 0
    names = {r.id: r.name.get("en") for r in programme.rooms}
    for room, sessions in by_room.items():
        sessions.sort(key=lambda s: s.start)
        longest = sessions[0]  # of those seen so far, the one that ends last
        for after in sessions[1:]:
            if after.start < longest.end:
                overlaps += 1
                if overlaps <= MAX_PROBLEMS:  # like errors: the first ones, then a count
                    warnings.append(Problem(
                        f"sessions[{after.id}]",
                        f"overlaps {longest.id!r} in room {names.get(room, room)!r}"))
            if after.end > longest.end:
                longest = after
    if overlaps > MAX_PROBLEMS:
        more = overlaps - MAX_PROBLEMS
        warnings.append(Problem("sessions", f"and {more} more overlap{'s' * (more > 1)} "
                                            "in the same room, not listed"))
    return warnings
