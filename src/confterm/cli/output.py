"""Output of the command line for scripts: JSON, tab-separated lines, files.

Light on purpose (no rich, no pydantic): a script calling ``confterm sessions
--format json`` waits for nothing else. Tables for people are in ``tables``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from confterm.model.errors import Problem
from confterm.model.plain_json import session_json
from confterm.model.programme import Programme, Session
from confterm.model.text import clip, shown
from confterm.model.view import Catalogue, ScheduleView


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
            catalogue.room_name(session, lang) or "", people_names(session, catalogue)]


def print_tsv(header: tuple[str, ...], rows: Iterable[list[str]]) -> None:
    """Tab-separated lines, a header first; tabs and line breaks in values become spaces."""
    for row in (list(header), *rows):
        print("\t".join(" ".join(value.split()) for value in row))


def print_sessions_tsv(view: ScheduleView, lang: str) -> None:
    print_tsv(TSV_COLUMNS, (tsv_row(s, view.catalogue, lang) for s in view.sessions))


def print_json(document: object) -> None:
    """*document* as JSON in one write: indented on a terminal, for a person; on
    one line in a pipe, for a program (Python's indenting encoder is several
    times slower than its compact one)."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=indent) + "\n")


def print_sessions_json(view: ScheduleView) -> None:
    programme = view.programme
    print_json({
        "programme": {"id": programme.id, "name": programme.name.root,
                      "timezone": programme.timezone},
        "count": len(view.sessions),
        "sessions": [session_json(s) for s in view.sessions],
        **lookup_tables(view.sessions, view.catalogue),
    })


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
            rooms[session.room] = catalogue.rooms[session.room].name.root
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
