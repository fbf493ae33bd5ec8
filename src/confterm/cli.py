"""The ``confterm`` command: a thin layer over the core.

Exit codes: 0 success, 2 bad input or usage, 1 an unexpected error. Heavy
modules (pydantic, rich, textual) are imported inside the commands that use
them, so ``confterm --help`` and the TUI start without paying for the others.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from confterm import __version__
from confterm.model.text import shown

if TYPE_CHECKING:
    from confterm.model.programme import Programme
    from confterm.opening.sources import Opened

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2
#: 128 + SIGPIPE, what a shell reports for a command whose reader closed the pipe.
EXIT_CLOSED_PIPE = 141


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit code 2."""


def _now(value: str) -> dt.datetime:
    from confterm.model.constraints import year_problem

    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date-time such as 2024-11-13T14:05-03:00") from None
    problem = year_problem(moment)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return moment


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--programme", "-p", metavar="FILE|URL",
                        default=argparse.SUPPRESS,
                        help="programme to open: a file in any supported format, or an "
                             "http(s) URL (default: the bundled WCO 2024 programme)")
    common.add_argument("--timezone", metavar="ZONE", default=argparse.SUPPRESS,
                        help="IANA time zone for programme files that do not name one")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="confterm", parents=[common],
        description="Browse a conference programme in the terminal. "
                    "Without a command, opens the interactive browser.")
    parser.add_argument("--version", action="version", version=f"confterm {__version__}")
    parser.add_argument("--now", type=_now, metavar="ISO-DATETIME", default=None,
                        help="pretend the clock shows this time (also CONFTERM_NOW)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sessions = commands.add_parser(
        "sessions", parents=[common], help="list sessions, filtered",
        description="List sessions grouped by day. Filters combine with AND; "
                    "several --theme values match sessions with any of them.")
    sessions.add_argument("--day", help="day number (1, 2…) or date (YYYY-MM-DD)")
    sessions.add_argument("--track", action="append", default=[], metavar="ID",
                          help="track id (repeatable)")
    sessions.add_argument("--theme", action="append", default=[], metavar="ID",
                          help="theme id (repeatable: any of them)")
    sessions.add_argument("--search", default="", metavar="TEXT",
                          help="words to find, ignoring case and accents")
    sessions.add_argument("--lang", default="en", help="language of titles (en, fr…)")
    sessions.add_argument("--format", choices=("table", "json"), default="table")

    validate = commands.add_parser(
        "validate", parents=[common], help="check a programme file",
        description="Check a programme file. Exit 0 with counts, or 2 with every problem.")
    validate.add_argument("file", type=Path, nargs="?", help="the file to check")

    agenda = commands.add_parser(
        "agenda", parents=[common], help="your bookmarked sessions",
        description="List, add or remove bookmarks, or export them to a calendar file.")
    agenda_commands = agenda.add_subparsers(dest="agenda_command", metavar="ACTION")
    listing = agenda_commands.add_parser("list", parents=[common], help="list bookmarks "
                                         "(the default)")
    for parser_ in (agenda, listing):
        parser_.add_argument("--format", choices=("table", "json"), default="table")
        parser_.add_argument("--lang", default="en", help="language of titles (en, fr…)")
    add = agenda_commands.add_parser("add", parents=[common], help="bookmark a session")
    add.add_argument("session_id", metavar="ID")
    add.add_argument("--maybe", action="store_true", help="priority 'maybe' (default: must)")
    remove = agenda_commands.add_parser("remove", parents=[common], help="remove a bookmark")
    remove.add_argument("session_id", metavar="ID")
    agenda_export = agenda_commands.add_parser(
        "export", parents=[common], help="write bookmarks to an iCalendar file")
    agenda_export.add_argument("file", type=Path, metavar="FILE.ics",
                               help="where to write; - for standard output")
    agenda_export.add_argument("--lang", default="en")

    export = commands.add_parser(
        "export", parents=[common], help="write the whole programme to an iCalendar file")
    export.add_argument("file", type=Path, metavar="FILE.ics",
                        help="where to write; - for standard output")
    export.add_argument("--lang", default="en")

    importing = commands.add_parser(
        "import", parents=[common], help="convert another schedule format to confterm's",
        description="Convert a c3voc schedule.json (pretalx, frab), a frab/Pentabarf "
                    "schedule.xml or an iCalendar file, given as a file or an http(s) URL, "
                    "into confterm's programme format, validated.")
    importing.add_argument("source", metavar="FILE|URL")
    importing.add_argument("--output", "-o", type=Path, required=True, metavar="FILE",
                           help="where to write the programme JSON; - for standard output")

    commands.add_parser("schema", help="print the JSON Schema of the programme format",
                        description="Print the JSON Schema of confterm's programme format.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        # The reader went away (`confterm sessions | head -1`): end quietly, as
        # other commands do, with the usual status of a closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CLOSED_PIPE
    except UsageError as error:
        print(f"confterm: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence: never a traceback
        from confterm.model.errors import ProgrammeError

        if isinstance(error, ProgrammeError):
            print(error.report(), file=sys.stderr)
            return EXIT_BAD_INPUT
        if os.environ.get("CONFTERM_DEBUG"):
            raise
        print(f"confterm: unexpected error: {type(error).__name__}: {shown(error)}\n"
              "Set CONFTERM_DEBUG=1 to see the details.", file=sys.stderr)
        return EXIT_UNEXPECTED


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "schema":
        from confterm.model.schema import schema_text

        sys.stdout.write(schema_text())
        return EXIT_OK
    if args.command == "validate":
        return _validate(args.file or Path(_location(args)), _timezone(args))
    if args.command == "import":
        from confterm.import_cli import run_import

        return run_import(args.source, args.output, _timezone(args), _deadline())
    if args.command == "sessions":
        return _sessions(args)
    if args.command == "agenda":
        from confterm.agenda_cli import run_agenda

        return run_agenda(args, _load(args))
    if args.command == "export":
        from confterm.agenda_cli import export_programme

        return export_programme(args, _load(args))
    return _browse(args)


def _location(args: argparse.Namespace) -> str:
    """The programme to open: --programme, else CONFTERM_PROGRAMME, else the bundled one."""
    location: str | None = getattr(args, "programme", None) or os.environ.get(
        "CONFTERM_PROGRAMME")
    if not location:
        from confterm.storage.paths import bundled_programme_path

        location = str(bundled_programme_path())
    return location


def _timezone(args: argparse.Namespace) -> str | None:
    zone: str | None = getattr(args, "timezone", None)
    return zone


def _deadline() -> float:
    """How long a download may take (the ``download_seconds`` setting)."""
    from confterm.storage.settings import load_settings

    return float(load_settings().settings.download_seconds)


def _open(args: argparse.Namespace) -> Opened:
    from confterm.opening.sources import open_location
    from confterm.storage.paths import is_url

    location = _location(args)
    from confterm.timefmt import offline_note

    opened = open_location(location, timezone=_timezone(args),
                           deadline=_deadline() if is_url(location) else None)
    if opened.offline:
        note = offline_note(opened.fetched_at, opened.offline)
        print(f"confterm: {note} ({shown(opened.error)})", file=sys.stderr)
    if opened.moved_from is not None:
        print(f"confterm: {opened.moved_note()}", file=sys.stderr)
    return opened


def _load(args: argparse.Namespace) -> Programme:
    return _open(args).programme


def _validate(path: Path, timezone: str | None) -> int:
    from confterm.formats.detect import load_any
    from confterm.model.errors import Problem
    from confterm.opening.files import read_programme_bytes

    warnings: list[Problem] = []
    programme = load_any(read_programme_bytes(path), str(path), timezone=timezone,
                         warnings=warnings)
    from confterm.output import print_warnings

    print_warnings(warnings, str(path))
    print(f"{shown(path)}: valid. {len(programme.days)} days, {len(programme.sessions)} sessions, "
          f"{len(programme.tracks)} tracks, {len(programme.rooms)} rooms, "
          f"{len(programme.themes)} themes, {len(programme.people)} people.")
    return EXIT_OK


def parse_day(value: str, programme: Programme) -> dt.date:
    """A day given as its number (1-based) or as YYYY-MM-DD."""
    dates = [d.date for d in programme.days]
    if value.isdigit():
        number = int(value)
        if 1 <= number <= len(dates):
            return dates[number - 1]
        raise UsageError(f"--day {value}: the programme has days 1 to {len(dates)}")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--day {value!r}: give a day number or a date (YYYY-MM-DD)") from None
    if day not in dates:
        raise UsageError(f"--day {value}: not a day of this programme "
                         f"({', '.join(map(str, dates))})")
    return day


def _sessions(args: argparse.Namespace) -> int:
    from confterm.model.view import ScheduleView

    programme = _load(args)
    view = ScheduleView.of(programme)
    for option, ids, known in (("--track", args.track, view.catalogue.tracks),
                               ("--theme", args.theme, view.catalogue.themes)):
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise UsageError(f"{option} {unknown[0]!r} is unknown; choose from: "
                             f"{', '.join(known)}")
    if args.day:
        view = view.on_day(parse_day(args.day, programme))
    view = view.in_tracks(*args.track).with_themes(*args.theme).matching(args.search)
    from confterm.output import print_sessions_json, print_sessions_table

    if args.format == "json":
        print_sessions_json(view)
    else:
        print_sessions_table(view, args.lang)
    return EXIT_OK


def _browse(args: argparse.Namespace) -> int:
    now = args.now
    if now is None and os.environ.get("CONFTERM_NOW"):
        try:
            now = _now(os.environ["CONFTERM_NOW"])
        except argparse.ArgumentTypeError as error:
            raise UsageError(f"CONFTERM_NOW: {error}") from None
    from confterm.collection import paused_until_drawn

    with paused_until_drawn():  # see confterm.collection
        opened = _open(args)
        if not sys.stdout.isatty() and not os.environ.get("CONFTERM_FORCE_TUI"):
            raise UsageError(
                "the browser needs a terminal; try 'confterm sessions' for text output")
        from confterm.ui.app import ConftermApp

        app = ConftermApp(opened.programme, now=now, source=opened)
        app.run()
    if app.return_code:
        where = f"; the details are in {shown(app.crash_log)}" if app.crash_log else ""
        print(f"confterm: the browser stopped on an unexpected error{where}. "
              "Please report it.", file=sys.stderr)
        return EXIT_UNEXPECTED
    return EXIT_OK
