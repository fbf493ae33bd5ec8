"""``confterm now``: what is on now and what starts next, one line a session.

Each line stands alone (day, time, room, title, people, bookmarked), so that a
status line, a prompt or a screen reader can take any of them; ``short`` is one
line for a status bar.
"""

from __future__ import annotations

import argparse
import datetime as dt

from confterm.cli.common import load
from confterm.cli.errors import EXIT_OK
from confterm.cli.output import check_language, print_json, print_tsv
from confterm.model.agenda import Agenda, NowNext, conference_day, now_and_next, takes_time
from confterm.model.programme import Programme, Session
from confterm.model.text import clip, fold
from confterm.model.view import Catalogue


def run_now(args: argparse.Namespace) -> int:
    from confterm.storage.bookmarks import BookmarkStore

    programme = load(args)
    lang = check_language(args.lang, programme)
    catalogue = Catalogue(programme)
    agenda = BookmarkStore.open(programme.id)[0].agenda
    moment = _moment(args, programme)
    found = now_and_next(catalogue, agenda, moment)
    running, coming = found.now, found.next
    if args.mine:
        running = [s for s in running if s.id in agenda]
        coming = [s for s in catalogue.ordered if s.start > moment and s.id in agenda][:1]
    if args.room:
        wanted = fold(args.room)
        named = {room.id for room in catalogue.programme.rooms  # in any of its languages
                 if any(fold(name) == wanted for name in room.name.root.values())}
        running, coming = ([s for s in sessions if s.room in named]
                           for sessions in (running, coming))
    day = conference_day(catalogue, moment)
    said = Said(catalogue, agenda, lang, moment)
    if args.format == "json":
        print_json({"now": moment.isoformat(), "day": day.isoformat() if day else None,
                    "running": [said.record(s) for s in running],
                    "next": [said.record(s) for s in coming]})
    elif args.format == "tsv":
        print_tsv(("state", "id", "day", "start", "end", "room", "title", "people",
                   "bookmarked"),
                  ([state, s.id, s.day.isoformat(), s.start.isoformat(), s.end.isoformat(),
                    catalogue.room_name(s, lang) or "", s.title.get(lang), said.people(s),
                    "yes" if s.id in agenda else ""]
                   for state, sessions in (("now", running), ("next", coming))
                   for s in sessions))
    elif args.format == "short":
        print(said.short(NowNext(running, coming)))
    else:
        for line in said.lines(running, coming, day):
            print(line)
    return EXIT_OK


def _moment(args: argparse.Namespace, programme: Programme) -> dt.datetime:
    moment: dt.datetime | None = getattr(args, "now", None)
    if moment is None:
        return dt.datetime.now(dt.UTC)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=programme.zone)


class Said:
    """The sessions in words, each line whole."""

    def __init__(self, catalogue: Catalogue, agenda: Agenda, lang: str,
                 moment: dt.datetime) -> None:
        self.catalogue, self.agenda, self.lang, self.moment = catalogue, agenda, lang, moment
        self.zone = catalogue.programme.zone

    def people(self, session: Session) -> str:
        return ", ".join(clip(p.name) for p in self.catalogue.session_people(session))

    def line(self, session: Session) -> str:
        start, end = (t.astimezone(self.zone) for t in (session.start, session.end))
        parts = [f"{start:%a %d %b %H:%M}–{end:%H:%M}",
                 self.catalogue.room_name(session, self.lang),
                 clip(session.title.get(self.lang)), self.people(session),
                 "bookmarked" if session.id in self.agenda else ""]
        return " · ".join(clip(p) for p in parts if p)

    def lines(self, running: list[Session], coming: list[Session],
              day: dt.date | None) -> list[str]:
        name = clip(self.catalogue.programme.name.get(self.lang))
        if day is None and not running:
            if coming:
                first = coming[0].start.astimezone(self.zone)
                return [f"Not on today; next day: {first:%a %d %b} ({name})",
                        *(f"next: {self.line(s)}" for s in coming)]
            return [f"The conference is over ({name})."]
        lines = [f"now: {self.line(s)}" for s in running] or ["now: nothing running"]
        lines += [f"next: {self.line(s)}" for s in coming] or ["next: nothing more"]
        return lines

    def short(self, found: NowNext) -> str:
        """One line: the first session on now (bookmarks first) and the next one."""
        parts = []
        if found.now:  # a bookmark first, else what takes your time (not the exhibition)
            session = next((s for s in found.now if s.id in self.agenda),
                           next((s for s in found.now if takes_time(s)), found.now[0]))
            room = self.catalogue.room_name(session, self.lang)
            parts.append(f"▶ {clip(session.title.get(self.lang), 60)}"
                         + (f" ({clip(room, 30)})" if room else "")
                         + f" until {session.end.astimezone(self.zone):%H:%M}")
        if found.next:
            session = next((s for s in found.next if s.id in self.agenda),
                           next((s for s in found.next if takes_time(s)), found.next[0]))
            room = self.catalogue.room_name(session, self.lang)
            start = session.start.astimezone(self.zone)
            when = (f"{start:%H:%M}" if start.date() == self.moment.astimezone(self.zone).date()
                    else f"{start:%a %H:%M}")
            parts.append(f"next: {clip(session.title.get(self.lang), 60)} {when}"
                         + (f" {clip(room, 30)}" if room else ""))
        return " · ".join(parts) or "nothing on"

    def record(self, session: Session) -> dict[str, object]:
        return {"id": session.id, "day": session.day.isoformat(),
                "start": session.start.isoformat(), "end": session.end.isoformat(),
                "room": self.catalogue.room_name(session, self.lang),
                "title": session.title.get(self.lang),
                "people": [p.name for p in self.catalogue.session_people(session)],
                "bookmarked": session.id in self.agenda}
