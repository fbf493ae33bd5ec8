"""Plain-terminal output of the CLI: rich tables and JSON.

Programme text is already neutralised by the model; it is only ever placed in
``rich.text.Text`` objects, never parsed as markup.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from confterm.model.errors import Problem
from confterm.model.programme import Programme, Session
from confterm.model.text import clip, shown
from confterm.model.validation import session_to_json
from confterm.model.view import Catalogue, ScheduleView
from confterm.timefmt import day_heading, time_range


class PlainConsole(Console):
    """Rich's console with no highlighting or emoji codes, and whose closed pipe
    is left to the command line (which ends quietly, status 141): rich's own
    answer is exit status 1."""

    def __init__(self) -> None:
        super().__init__(highlight=False, emoji=False)

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def output_format(chosen: str | None) -> str:
    """--format as given, else a table on a terminal and tab-separated lines in a pipe."""
    if chosen:
        return chosen
    return "table" if sys.stdout.isatty() else "tsv"


def people_names(session: Session, catalogue: Catalogue) -> str:
    return ", ".join(clip(p.name) for p in catalogue.session_people(session))


TSV_COLUMNS = ("id", "day", "start", "end", "title", "track", "room", "people")


def tsv_row(session: Session, catalogue: Catalogue, lang: str) -> list[str]:
    zone = catalogue.programme.zone
    return [session.id, session.day.isoformat(),
            session.start.astimezone(zone).isoformat(timespec="minutes"),
            session.end.astimezone(zone).isoformat(timespec="minutes"),
            session.title.get(lang), catalogue.track_name(session, lang) or "",
            catalogue.room_name(session) or "", people_names(session, catalogue)]


def print_tsv(header: tuple[str, ...], rows: Iterable[list[str]]) -> None:
    """Tab-separated lines, a header first; tabs and line breaks in values become spaces."""
    for row in (list(header), *rows):
        print("\t".join(" ".join(value.split()) for value in row))


def print_sessions_tsv(view: ScheduleView, lang: str) -> None:
    print_tsv(TSV_COLUMNS, (tsv_row(s, view.catalogue, lang) for s in view.sessions))


def print_sessions_table(view: ScheduleView, lang: str) -> None:
    console = PlainConsole()
    programme, catalogue = view.programme, view.catalogue
    if not view.sessions:
        console.print(Text("No sessions match."))
        return
    zone = programme.zone
    for day, group in groupby(view.sessions, key=lambda s: s.day):
        heading = day_heading(programme, day, lang)
        table = Table(title=Text(heading, style="bold"), title_justify="left",
                      expand=False, show_lines=False)
        # The id (what `agenda add` takes) goes under the time, in the column that
        # never wraps, so it is never cut.
        table.add_column("Time / id", no_wrap=True)
        table.add_column("Session", ratio=3)
        table.add_column("Track / room", ratio=1)
        table.add_column("Themes", ratio=1)
        for session in group:
            where = " · ".join(x for x in (clip(catalogue.track_name(session, lang)),
                                           clip(catalogue.room_name(session))) if x)
            themes = ", ".join(clip(catalogue.theme_label(t, lang)) for t in session.themes)
            style = "dim" if session.kind == "break" else ""
            when = Text(time_range(session, zone))
            when.append(f"\n{clip(session.id, 60)}", style="dim")
            table.add_row(when, _title(session, catalogue, lang, style),
                          Text(where, style=style), Text(themes, style=style))
        console.print(table)
    if any(s.indicative for s in view.sessions):
        console.print(Text("≈ indicative time: not from an official programme.", style="dim"))


def _title(session: Session, catalogue: Catalogue, lang: str, style: str) -> Text:
    text = Text(clip(session.title.get(lang)), style=style)
    text.append(f"  [{session.kind.value}]", style="dim")
    people = people_names(session, catalogue)
    if people:
        text.append(f"\n{people}", style="dim")
    return text


def print_sessions_json(view: ScheduleView) -> None:
    programme = view.programme
    document = {
        "programme": {"id": programme.id, "name": programme.name.root,
                      "timezone": programme.timezone},
        "count": len(view.sessions),
        "sessions": [session_to_json(s) for s in view.sessions],
        **lookup_tables(view.sessions, view.catalogue),
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def is_stdout(path: Path | str) -> bool:
    """``-``, or a name of standard output itself (``/dev/stdout``, ``/dev/fd/1``)."""
    if str(path) == "-":
        return True
    try:
        named, out = os.stat(path), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (named.st_dev, named.st_ino) == (out.st_dev, out.st_ino)


def write_output(path: Path, data: bytes) -> str:
    """Write *data* to the file the user named, ``-`` meaning standard output;
    return where it went, ready to print."""
    if is_stdout(path):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return "standard output"
    from confterm.storage.atomic import write_export

    return shown(write_export(path, data))


def report(path: Path | str, message: str) -> None:
    """A success line: on standard error when the data itself went to standard output."""
    print(message, file=sys.stderr if is_stdout(path) else sys.stdout)


def print_warnings(warnings: list[Problem], source: str) -> None:
    """Each warning on standard error, naming the file and the place."""
    for warning in warnings:
        print(f"warning: {shown(warning.describe(source))}", file=sys.stderr)


def lookup_tables(sessions: Iterable[Session], catalogue: Catalogue) -> dict[str, object]:
    """The names behind the ids the sessions use, so a session can be read alone."""
    rooms, tracks, people = {}, {}, {}
    for session in sessions:
        if session.room in catalogue.rooms:
            rooms[session.room] = catalogue.rooms[session.room].name
        if session.track in catalogue.tracks:
            tracks[session.track] = catalogue.tracks[session.track].name.root
        for person in catalogue.session_people(session):
            people[person.id] = person.name
    return {"rooms": rooms, "tracks": tracks, "people": people}


def check_language(lang: str | None, programme: Programme) -> str:
    """The language to show (English unless --lang says otherwise); says so when
    the programme has no text in the one asked for (titles then fall back)."""
    if lang is None:
        return "en"
    if lang not in programme.languages:
        print(f"confterm: the programme has no text in {shown(lang)!r} (it has "
              f"{', '.join(programme.languages)}); showing what it has", file=sys.stderr)
    return lang
