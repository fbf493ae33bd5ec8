"""Plain-terminal output of the CLI: rich tables and JSON.

Programme text is already neutralised by the model; it is only ever placed in
``rich.text.Text`` objects, never parsed as markup.
"""

from __future__ import annotations

import json
import sys
from itertools import groupby
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from confterm.model.errors import Problem
from confterm.model.programme import Session
from confterm.model.text import clip, shown
from confterm.model.validation import session_to_json
from confterm.model.view import ScheduleView
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
        table.add_column("Time", no_wrap=True)
        table.add_column("Session", ratio=3)
        table.add_column("Track / room", ratio=1)
        table.add_column("Themes", ratio=1)
        for session in group:
            where = " · ".join(x for x in (clip(catalogue.track_name(session, lang)),
                                           clip(catalogue.room_name(session))) if x)
            themes = ", ".join(clip(catalogue.theme_label(t, lang)) for t in session.themes)
            style = "dim" if session.kind == "break" else ""
            table.add_row(Text(time_range(session, zone)), _title(session, lang, style),
                          Text(where, style=style), Text(themes, style=style))
        console.print(table)
    if any(s.indicative for s in view.sessions):
        console.print(Text("≈ indicative time: not from an official programme.", style="dim"))


def _title(session: Session, lang: str, style: str) -> Text:
    text = Text(clip(session.title.get(lang)), style=style)
    text.append(f"  [{session.kind.value}]", style="dim")
    return text


def print_sessions_json(view: ScheduleView) -> None:
    programme = view.programme
    document = {
        "programme": {"id": programme.id, "name": programme.name.root,
                      "timezone": programme.timezone},
        "count": len(view.sessions),
        "sessions": [session_to_json(s) for s in view.sessions],
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def is_stdout(path: Path | str) -> bool:
    return str(path) == "-"


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
