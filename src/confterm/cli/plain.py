"""``confterm --plain``: the programme as lines, for screen readers and scripts.

A prompt reads one command a line; every answer is whole lines of plain text (no
escape sequence, colour, box drawing or cursor movement), each of which makes
sense alone, numbered so that ``show 3`` opens the third session listed. Chosen
by itself when ``TERM=dumb``. Standard input may be a pipe:
``printf 'now\\nquit\\n' | confterm --plain``. Same programme, bookmarks and
settings as the browser.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterable
from typing import TextIO

from confterm.cli.common import open_programme
from confterm.cli.errors import EXIT_OK
from confterm.cli.now import Said
from confterm.model.agenda import bookmark_for, clashing_pairs, conference_day, now_and_next
from confterm.model.programme import Programme, Session
from confterm.model.text import clip, fold
from confterm.model.view import Catalogue, ScheduleView

HELP = """Commands (one a line; N is a number from the last list, or a session id):
  now              what is on now, and what starts next
  next             the next ten sessions to start
  day N            the sessions of day N (1, 2…)
  search WORDS     sessions holding every word (titles, people, rooms, themes)
  show N           one session in full
  bookmark N       add it to my agenda (unbookmark N removes it)
  agenda           my bookmarked sessions, with clashes
  people NAME      people whose name holds NAME, and their sessions
  changes          what an open browser saw change in the programme, latest first
  help             this list
  quit             leave (so does the end of the input)"""


def counted(count: int) -> str:
    return f"{count} session" if count == 1 else f"{count} sessions"


def run_plain(args: argparse.Namespace, stdin: TextIO | None = None,
              stdout: TextIO | None = None) -> int:
    opened = open_programme(args)
    moment = getattr(args, "now", None) or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=opened.programme.zone)
    session = PlainSession(opened.programme, moment, stdout or sys.stdout)
    source = stdin or sys.stdin
    interactive = source.isatty()
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (line editing and history for input())
    session.say(session.welcome())
    while True:
        try:
            line = input("confterm> ") if interactive else source.readline()
        except EOFError:
            break
        if not interactive and not line:
            break  # the end of the input
        if not session.run(line.strip()):
            break
    return EXIT_OK


class PlainSession:
    def __init__(self, programme: Programme, moment: dt.datetime, out: TextIO) -> None:
        from confterm.storage.bookmarks import BookmarkStore

        self.catalogue = Catalogue(programme)
        self.store = BookmarkStore.open(programme.id)[0]
        self.moment, self.out = moment, out
        self.listed: list[Session] = []

    @property
    def said(self) -> Said:
        return Said(self.catalogue, self.store.agenda, "en", self.moment)

    def say(self, *lines: str) -> None:
        for line in lines:
            self.out.write(line + "\n")
        self.out.flush()

    def welcome(self) -> str:
        programme = self.catalogue.programme
        days = programme.days
        return (f"{clip(programme.name.get('en'))}: {len(programme.sessions)} sessions over "
                f"{len(days)} days, {days[0].date:%a %d %b %Y} to {days[-1].date:%a %d %b %Y}. "
                "Type help for the commands, quit to leave.")

    def run(self, line: str) -> bool:
        """Do one command; False to leave."""
        command, _, rest = line.partition(" ")
        command, rest = command.lower(), rest.strip()
        if not command:
            return True
        if command in ("quit", "exit", "q"):
            return False
        handlers: dict[str, Callable[[str], None]] = {
            "now": self.now, "next": self.next, "day": self.day, "search": self.search,
            "show": self.show, "bookmark": self.bookmark, "unbookmark": self.unbookmark,
            "agenda": self.agenda, "people": self.people, "changes": self.changes,
            "help": self.help}
        handler = handlers.get(command)
        if handler is None:
            self.say(f"Unknown command: {clip(command, 40)}. Type help for the commands.")
        else:
            handler(rest)
        return True

    def _list(self, sessions: Iterable[Session], prefix: str = "") -> None:
        """Sessions as numbered lines; the numbers stand for them in show, bookmark."""
        sessions = list(sessions)
        start = len(self.listed) if prefix else 0
        if not prefix:
            self.listed = []
        self.listed += sessions
        self.say(*(f"{start + n}. {prefix}{self.said.line(s)}"
                   for n, s in enumerate(sessions, 1)))

    def help(self, _rest: str) -> None:
        self.say(HELP)

    def now(self, _rest: str) -> None:
        found = now_and_next(self.catalogue, self.store.agenda, self.moment)
        day = conference_day(self.catalogue, self.moment)
        if day is None and not found.now:
            self.say("The conference is not on now." if found.next else
                     "The conference is over.")
        self.listed = []
        if found.now:
            self._list(found.now, "now: ")
        elif day is not None:
            self.say("Nothing is running now.")
        if found.next:
            self._list(found.next, "next: ")

    def next(self, _rest: str) -> None:
        coming = [s for s in self.catalogue.ordered if s.start > self.moment][:10]
        if not coming:
            self.say("Nothing more in the programme.")
        self._list(coming)

    def day(self, rest: str) -> None:
        days = [d.date for d in self.catalogue.programme.days]
        if not rest.isdigit() or not 1 <= int(rest) <= len(days):
            self.say(f"day takes a number from 1 to {len(days)}.")
            return
        date = days[int(rest) - 1]
        sessions = self.catalogue.by_day.get(date, ())
        self.say(f"Day {rest}, {date:%A %d %B %Y}: {counted(len(sessions))}.")
        self._list(sessions)

    def search(self, rest: str) -> None:
        if not rest:
            self.say("search takes words to find, e.g. search blockchain.")
            return
        found = ScheduleView.of(self.catalogue.programme).matching(rest).searched().sessions
        self.say(f"{counted(len(found))} hold {clip(rest, 60)!r}.")
        self._list(found)

    def _session(self, rest: str) -> Session | None:
        if rest.isdigit() and 1 <= int(rest) <= len(self.listed):
            return self.listed[int(rest) - 1]
        found = self.catalogue.sessions.get(rest)
        if found is None:
            self.say(f"No session {clip(rest, 60)!r}: give a number from the last list "
                     "or a session id.")
        return found

    def show(self, rest: str) -> None:
        session = self._session(rest)
        if session is None:
            return
        catalogue, said = self.catalogue, self.said
        lines = [said.line(session), f"Id: {session.id}"]
        if session.indicative:
            lines.append("Time and room are indicative, not from an official programme.")
        track = catalogue.track_name(session, "en")
        if track:
            lines.append(f"Track: {clip(track)}")
        lines.append(f"Kind: {session.kind.value}")
        if session.recorded is not None:
            lines.append("Recorded" if session.recorded else "Not recorded")
        for person in catalogue.session_people(session):
            about = ", ".join(clip(x.get("en")) for x in (person.position, person.organisation)
                              if x)
            lines.append(f"Person: {clip(person.name)}" + (f", {about}" if about else ""))
        if session.themes:
            lines.append("Themes: " + ", ".join(clip(catalogue.theme_label(t, "en"))
                                                for t in session.themes))
        for label, text in (("Description", session.description), ("Notes", session.notes)):
            if text is not None:
                lines += [f"{label}: {paragraph}" for paragraph in
                          text.get("en").split("\n") if paragraph.strip()]
        lines += [f"Link: {clip(link.title)}: {link.url}" for link in session.links]
        for other in self.store.agenda.clashes_with(session, catalogue):
            lines.append(f"Clashes with your bookmark: {said.line(other)}")
        self.say(*lines)

    def bookmark(self, rest: str) -> None:
        session = self._session(rest)
        if session is None:
            return
        if session.id in self.store.agenda:
            self.say(f"Already bookmarked: {self.said.line(session)}")
            return
        self.store.set(bookmark_for(session))
        self.store.save()
        self.say(f"Bookmarked: {self.said.line(session)}")
        for other in self.store.agenda.clashes_with(session, self.catalogue):
            self.say(f"It clashes with: {self.said.line(other)}")

    def unbookmark(self, rest: str) -> None:
        session = self._session(rest)
        if session is None:
            return
        if session.id not in self.store.agenda:
            self.say(f"Not bookmarked: {self.said.line(session)}")
            return
        self.store.remove(session.id)
        self.store.save()
        self.say(f"Removed from your agenda: {self.said.line(session)}")

    def agenda(self, _rest: str) -> None:
        sessions = self.store.agenda.sessions(self.catalogue)
        self.say(f"{counted(len(sessions))} bookmarked.")
        self._list(sessions)
        for first, second in clashing_pairs(sessions):
            self.say(f"Clash: {clip(first.title.get('en'))} and "
                     f"{clip(second.title.get('en'))}.")

    def changes(self, _rest: str) -> None:
        from confterm.model.changes import latest_first
        from confterm.storage.change_log import load_changes

        agenda = self.store.agenda
        found = latest_first(load_changes(self.catalogue.programme.id),
                             agenda.bookmarks.keys())
        if not found:
            self.say("No change seen yet: an open browser notes the changes it finds.")
            return
        self.listed = []
        for change in found:
            session = self.catalogue.sessions.get(change.session)
            if session is not None:
                self.listed.append(session)
            number = f"{len(self.listed)}. " if session is not None else ""
            title = clip(change.after.get("title") or change.before.get("title")
                         or change.session)
            mark = " · bookmarked" if change.session in agenda else ""
            self.say(f"{number}{change.what}: {title} · seen "
                     f"{change.when:%a %d %b %H:%M}{mark}")

    def people(self, rest: str) -> None:
        words = fold(rest).split()
        found = [p for p in self.catalogue.people_by_name
                 if all(w in fold(p.name) for w in words)]
        if not found:
            self.say(f"Nobody's name holds {clip(rest, 60)!r}.")
            return
        self.listed = []
        for person in found:
            sessions = self.catalogue.people_sessions.get(person.id, ())
            self.say(f"{clip(person.name)}: {counted(len(sessions))}.")
            self._list(sessions, prefix=f"{clip(person.name)}: ")
