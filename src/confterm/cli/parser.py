"""The command line's options and commands."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from confterm import __version__
from confterm.model.facets import FACETS


def now_option(value: str) -> dt.datetime:
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


FORMAT_HELP = ("table (the default on a terminal), tsv: tab-separated lines (the default "
               "otherwise), or json")


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--programme", "-p", metavar="FILE|URL",
                        default=argparse.SUPPRESS,
                        help="programme to open: a file in any supported format, or an "
                             "http(s) URL (default: the one opened last; the first time, "
                             "the bundled WCO 2024 programme)")
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
    parser.add_argument("--plain", action="store_true",
                        help="a line at a time instead of the full-screen browser, for "
                             "screen readers and scripts (also when TERM=dumb)")
    parser.add_argument("--now", type=now_option, metavar="ISO-DATETIME", default=None,
                        help="pretend the clock shows this time (also CONFTERM_NOW)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sessions = commands.add_parser(
        "sessions", parents=[common], help="list sessions, filtered",
        description="List sessions grouped by day. Filters combine with AND; "
                    "several --theme values match sessions with any of them.")
    sessions.add_argument("--day", help="day number (1, 2…) or date (YYYY-MM-DD)")
    for facet in FACETS:  # --track, --room, --kind…: every filter of the sidebar
        sessions.add_argument(f"--{facet.id}", action="append", default=[],
                              metavar="VALUE", help=facet.help)
    sessions.add_argument("--search", default="", metavar="TEXT",
                          help="words to find, ignoring case and accents; field words "
                               "choose filters: room:NAME track: theme: lang: kind: "
                               "recorded: by:PERSON day:N (quote values with spaces)")
    sessions.add_argument("--lang", default=None, help="language of titles (en, fr…)")
    sessions.add_argument("--format", choices=("table", "tsv", "json"), default=None,
                          help=FORMAT_HELP)

    people = commands.add_parser(
        "people", parents=[common], help="the people of the programme and their sessions",
        description="List the programme's people, sorted by name, each with their "
                    "organisation and sessions.")
    people.add_argument("--search", default="", metavar="TEXT",
                        help="words to find in names and organisations, ignoring case "
                             "and accents")
    people.add_argument("--format", choices=("table", "tsv", "json"), default=None,
                        help=FORMAT_HELP)
    people.add_argument("--lang", default=None, help="language of titles (en, fr…)")

    now = commands.add_parser(
        "now", parents=[common], help="what is on now and what starts next",
        description="What is running now and what starts next in each track (or room), "
                    "bookmarks first: one self-contained line each, for a status line, a "
                    "prompt or a screen reader. Outside the conference, the next day.")
    now.add_argument("--now", type=now_option, metavar="ISO-DATETIME",
                     default=argparse.SUPPRESS,
                     help="pretend the clock shows this time (conference time unless an "
                          "offset is given)")
    now.add_argument("--format", choices=("text", "short", "tsv", "json"), default="text",
                     help="text: a line a session (the default); short: one line for a "
                          "status bar; tsv or json for scripts")
    now.add_argument("--mine", action="store_true", help="only my bookmarked sessions")
    now.add_argument("--room", metavar="NAME", default=None,
                     help="only this room (its name, ignoring case and accents)")
    now.add_argument("--lang", default=None, help="language of titles (en, fr…)")

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
        parser_.add_argument("--format", choices=("table", "tsv", "json"), default=None,
                             help=FORMAT_HELP)
        parser_.add_argument("--lang", default=None, help="language of titles (en, fr…)")
        parser_.add_argument("--of", metavar="NAME", default=None,
                             help="a friend's agenda (see 'agenda import --as')")
    importing_agenda = agenda_commands.add_parser(
        "import", parents=[common], help="add a calendar's or bookmarks file's sessions",
        description="Read an agenda (an .ics calendar from confterm, another schedule app "
                    "or pretalx's faved.ics, or a confterm bookmarks file), from a file or "
                    "an http(s) URL, and match its events to this programme's sessions: by "
                    "confterm's UID, else by start time and title, else by start and room. "
                    "Without --as they join your bookmarks (none of yours is changed); with "
                    "--as NAME they are kept as NAME's agenda, beside yours.")
    importing_agenda.add_argument("source", metavar="FILE|URL")
    importing_agenda.add_argument("--as", dest="friend", metavar="NAME", default=None,
                                  help="keep them as this friend's agenda")
    forget = agenda_commands.add_parser("forget", parents=[common],
                                        help="remove a friend's agenda")
    forget.add_argument("friend", metavar="NAME")
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
    agenda_export.add_argument("--no-alarm", action="store_true",
                               help="leave out the alarm each event carries (set by "
                                    "reminder_minutes in the settings, default 10)")

    export = commands.add_parser(
        "export", parents=[common], help="write the whole programme to an iCalendar file")
    export.add_argument("file", type=Path, metavar="FILE.ics",
                        help="where to write; - for standard output")
    export.add_argument("--lang", default="en")

    zone_only = argparse.ArgumentParser(add_help=False)  # --programme has no use here
    zone_only.add_argument("--timezone", metavar="ZONE", default=argparse.SUPPRESS,
                           help="IANA time zone for files that name none and carry no offsets")
    importing = commands.add_parser(
        "import", parents=[zone_only], help="convert another schedule format to confterm's",
        description="Convert a c3voc schedule.json (pretalx, frab), a frab/Pentabarf "
                    "schedule.xml or an iCalendar file, given as a file or an http(s) URL, "
                    "into confterm's programme format, validated.")
    importing.add_argument("source", metavar="FILE|URL")
    importing.add_argument("--output", "-o", type=Path, required=True, metavar="FILE",
                           help="where to write the programme JSON; - for standard output")

    changes = commands.add_parser(
        "changes", parents=[common], help="what changed in the programme while it was open",
        description="The changes an open browser's refreshes found (moved, room changed, "
                    "retitled, cancelled, new), the latest first, bookmarks first.")
    changes.add_argument("--format", choices=("table", "tsv", "json"), default=None,
                         help=FORMAT_HELP)

    recent = commands.add_parser(
        "recent", help="the programmes you opened, on now and upcoming first",
        description="List the programmes opened in the browser: on now, upcoming "
                    "(soonest first), then past (latest opened first).")
    recent.add_argument("--format", choices=("table", "tsv", "json"), default=None,
                        help=FORMAT_HELP)

    commands.add_parser("schema", help="print the JSON Schema of the programme format",
                        description="Print the JSON Schema of confterm's programme format.")
    return parser
