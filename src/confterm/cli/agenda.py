"""``confterm agenda …`` and ``confterm export``: bookmarks and calendar files."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from confterm.cli.output import (
    TSV_COLUMNS,
    check_language,
    output_format,
    print_json,
    print_tsv,
    report,
    tsv_row,
    write_output,
)
from confterm.model.agenda import Agenda, Gap, Priority, agenda_days, bookmark_for
from confterm.model.programme import Programme, Session
from confterm.model.text import clip
from confterm.model.view import Catalogue
from confterm.storage.bookmarks import BookmarkStore
from confterm.timefmt import day_heading, time_range
from confterm.wording import priority_label, priority_marker


def run_agenda(args: argparse.Namespace, programme: Programme) -> int:
    from confterm.cli.errors import UsageError

    catalogue = Catalogue(programme)
    action = args.agenda_command or "list"
    if action == "import":
        return _import(args, catalogue)
    if action == "forget":
        return _forget(args, catalogue)
    friend = getattr(args, "of", None)
    store, problem = (_friend_store(friend, catalogue) if friend
                      else BookmarkStore.open(programme.id))
    if problem:
        print(f"confterm: {problem}", file=sys.stderr)
    if action == "list":
        lang = check_language(args.lang, programme)
        chosen = output_format(args.format)
        if chosen == "json":
            _print_json(store.agenda, catalogue)
        elif chosen == "tsv":
            sessions = store.agenda.sessions(catalogue)
            print_tsv((*TSV_COLUMNS, "priority"), (
                [*tsv_row(s, catalogue, lang), store.agenda.bookmarks[s.id].priority.value]
                for s in sessions))
        else:
            _print_table(store.agenda, catalogue, lang)
        return 0
    if action == "export":
        from confterm.storage.settings import load_settings

        sessions = store.agenda.sessions(catalogue)
        alarm = None if args.no_alarm else load_settings().settings.reminder_minutes
        where = _write_ics(args.file, sessions, catalogue, args.lang, store.agenda, alarm)
        report(args.file, f"Wrote {len(sessions)} bookmarked sessions to {where}")
        return 0
    session = catalogue.sessions.get(args.session_id)
    if action == "add":
        if session is None:
            raise UsageError(f"no session {args.session_id!r} in this programme "
                             "(see 'confterm sessions --format json' for ids)")
        priority = Priority.MAYBE if args.maybe else Priority.MUST
        store.set(bookmark_for(session, priority))
        store.save()
        print(f"Bookmarked ({priority_label(priority)}): {clip(session.title.get('en'))}")
        for other in store.agenda.clashes_with(session, catalogue):
            print(f"Clashes with: {clip(other.title.get('en'))} "
                  f"({time_range(other, programme.zone)})")
        return 0
    if args.session_id not in store.agenda:
        raise UsageError(f"{args.session_id!r} is not bookmarked")
    store.remove(args.session_id)
    store.save()
    print(f"Removed the bookmark on {args.session_id}")
    return 0


def export_programme(args: argparse.Namespace, programme: Programme) -> int:
    catalogue = Catalogue(programme)
    where = _write_ics(args.file, catalogue.ordered, catalogue, args.lang, None)
    report(args.file, f"Wrote {len(catalogue.ordered)} sessions to {where}")
    return 0


def _write_ics(path: Path, sessions: Iterable[Session], catalogue: Catalogue, lang: str,
               agenda: Agenda | None, alarm_minutes: int | None = None) -> str:
    from confterm.formats.ics_export import to_ics

    return write_output(path, to_ics(sessions, catalogue, lang=lang, agenda=agenda,
                                     alarm_minutes=alarm_minutes))


def _print_json(agenda: Agenda, catalogue: Catalogue) -> None:
    sessions = agenda.sessions(catalogue)
    document: dict[str, object] = {
        "programme": catalogue.programme.id,
        "bookmarks": [
            {"id": s.id, "priority": agenda.bookmarks[s.id].priority.value,
             "in_programme": True, "start": s.start.isoformat(), "end": s.end.isoformat(),
             "title": s.title.root,
             "clashes_with": [o.id for o in agenda.clashes_with(s, catalogue)]}
            for s in sessions] + [
            {"id": b.session_id, "priority": b.priority.value, "in_programme": False,
             "start": b.start.isoformat() if b.start else None, "end": None,
             "title": {"und": b.title}, "clashes_with": []}
            for b in agenda.missing(catalogue)],
    }
    print_json(document)


def _print_table(agenda: Agenda, catalogue: Catalogue, lang: str) -> None:
    from rich.text import Text

    from confterm.cli.tables import PlainConsole

    console = PlainConsole()
    programme = catalogue.programme
    if not len(agenda):
        console.print(Text("No bookmarks yet: 'confterm agenda add ID', or b in the browser."))
        return
    for day in agenda_days(agenda.sessions(catalogue)):
        console.print(Text(day_heading(programme, day.day, lang), style="bold"))
        for entry in day.entries:
            if isinstance(entry, Gap):
                start, end = entry.start.astimezone(programme.zone), entry.end.astimezone(
                    programme.zone)
                console.print(Text(f"   {start:%H:%M}–{end:%H:%M}  free", style="dim"))
                continue
            priority = agenda.bookmarks[entry.id].priority
            line = Text(f" {priority_marker(priority)} {time_range(entry, programme.zone):<13} ")
            line.append(clip(entry.title.get(lang)), style="bold")
            console.print(line)
            for other in agenda.clashes_with(entry, catalogue):
                console.print(Text(f"     ⚠ clashes with {clip(other.title.get(lang))}",
                                   style="yellow"))
    missing = agenda.missing(catalogue)
    if missing:
        console.print(Text("No longer in the programme", style="bold"))
        for bookmark in missing:
            console.print(Text(f" {priority_marker(bookmark.priority)} "
                               f"{bookmark.title or bookmark.session_id}"))


def _friend_store(name: str, catalogue: Catalogue) -> tuple[BookmarkStore, str | None]:
    from confterm.cli.errors import UsageError
    from confterm.storage.friends import FriendNameError, check_name, friend_path, friends

    try:
        name = check_name(name)
    except FriendNameError as error:
        raise UsageError(str(error)) from None
    programme_id = catalogue.programme.id
    if not friend_path(programme_id, name).exists():
        known = ", ".join(friends(programme_id)) or "none yet"
        raise UsageError(f"no agenda of {name!r} for this programme (friends: {known}; "
                         "'confterm agenda import FILE --as NAME' adds one)")
    from confterm.storage.friends import open_friend

    return open_friend(programme_id, name)


def _import(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from confterm.cli.errors import UsageError
    from confterm.model.text import neutralise
    from confterm.opening.agendas import AgendaFileError, read_agenda
    from confterm.storage.friends import FriendNameError, check_name, open_friend

    programme = catalogue.programme
    friend = None
    if args.friend is not None:
        try:
            friend = check_name(args.friend)
        except FriendNameError as error:
            raise UsageError(str(error)) from None
    try:
        imported = read_agenda(args.source, catalogue)
    except AgendaFileError as error:
        print(f"confterm: {neutralise(args.source)}: {neutralise(str(error))}", file=sys.stderr)
        return 2
    matched = imported.matched
    events = len(matched.sessions) + len(matched.unmatched)
    ways = {how: sum(1 for h in matched.how.values() if h == how)
            for how in ("uid", "title", "room")}
    said = ", ".join(f"{count} by {label}" for how, label in (
        ("uid", "confterm's UID"), ("title", "time and title"), ("room", "time and room"))
        if (count := ways[how]))
    print(f"Matched {len(matched.sessions)} session{'s' * (len(matched.sessions) != 1)} "
          f"from {events} event{'s' * (events != 1)}" + (f" ({said})." if said else "."))
    if matched.unmatched:
        print("Not in this programme:")
        for event in matched.unmatched:
            when = (event.start.astimezone(programme.zone).strftime("%Y-%m-%d %H:%M")
                    if event.start is not None and event.start.tzinfo is not None
                    else event.start.strftime("%Y-%m-%d %H:%M") if event.start else "no time")
            print(f"  {when}  {clip(neutralise(event.title)) or '(no title)'}")
    if friend is not None:
        store, problem = open_friend(programme.id, friend)
        wanted = {s.id for s in matched.sessions}
        for session_id in list(store.agenda.bookmarks):
            if session_id not in wanted:
                store.remove(session_id)  # their latest agenda replaces the last one
        for session in matched.sessions:
            store.set(bookmark_for(session, imported.priorities.get(session.id, Priority.MUST)))
        store.save()
        print(f"Kept as {friend}'s agenda ({len(matched.sessions)} sessions): "
              f"'confterm agenda list --of {friend}'; shown beside yours in the browser.")
        return 0
    store, problem = BookmarkStore.open(programme.id)
    if problem:
        print(f"confterm: {problem}", file=sys.stderr)
    added = [s for s in matched.sessions if s.id not in store.agenda]
    for session in added:
        store.set(bookmark_for(session, imported.priorities.get(session.id, Priority.MUST)))
    if added:
        store.save()
    kept = len(matched.sessions) - len(added)
    print(f"Added {len(added)} to your bookmarks"
          + (f" ({kept} already there, left as they were)." if kept else "."))
    return 0


def _forget(args: argparse.Namespace, catalogue: Catalogue) -> int:
    from confterm.cli.errors import UsageError
    from confterm.storage.friends import FriendNameError, check_name, forget

    try:
        name = check_name(args.friend)
    except FriendNameError as error:
        raise UsageError(str(error)) from None
    if not forget(catalogue.programme.id, name):
        raise UsageError(f"no agenda of {name!r} for this programme")
    print(f"Forgot {name}'s agenda.")
    return 0
