"""``confterm``: the options read, the command run, its errors reported."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from confterm.cli.common import download_deadline, load, location, timezone_option
from confterm.cli.errors import (
    EXIT_BAD_INPUT,
    EXIT_CLOSED_PIPE,
    EXIT_OK,
    EXIT_UNEXPECTED,
    UsageError,
)
from confterm.cli.parser import build_parser
from confterm.i18n import set_language
from confterm.model.text import shown


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show every letter
        if hasattr(stream, "reconfigure"):  # (PYTHONIOENCODING=ascii) shows "?" instead
            stream.reconfigure(errors="replace")
    set_language("en")  # the command line speaks English; the browser sets its own
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
    except OSError as error:  # disk full, a read-only folder, a folder for a file...
        print(f"confterm: {system_error(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
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


def system_error(error: OSError) -> str:
    """What the system said, in words, with the file it was about."""
    what = error.strerror or str(error) or type(error).__name__
    if isinstance(error, IsADirectoryError):
        what = "this is a folder, not a file"
    return f"{shown(error.filename)}: {what}" if error.filename else shown(what)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "schema":
        from confterm.model.schema import schema_text

        sys.stdout.write(schema_text())
        return EXIT_OK
    if args.command == "validate":
        from confterm.cli.validate import run_validate

        return run_validate(args.file or Path(location(args)), timezone_option(args))
    if args.command == "import":
        from confterm.cli.importing import run_import

        return run_import(args.source, args.output, timezone_option(args), download_deadline())
    if args.command == "sessions":
        from confterm.cli.sessions import run_sessions

        return run_sessions(args)
    if args.command == "now":
        from confterm.cli.now import run_now

        return run_now(args)
    if args.command == "people":
        from confterm.cli.people import run_people

        return run_people(args)
    if args.command == "agenda":
        from confterm.cli.agenda import run_agenda

        return run_agenda(args, load(args))
    if args.command == "changes":
        from confterm.cli.changes import run_changes

        return run_changes(args)
    if args.command == "recent":
        from confterm.cli.recent import run_recent

        return run_recent(args)
    if args.command == "export":
        from confterm.cli.agenda import export_programme

        return export_programme(args, load(args))
    if getattr(args, "plain", False) or os.environ.get("TERM") == "dumb":
        from confterm.cli.plain import run_plain

        return run_plain(args)
    from confterm.cli.browse import run_browse

    return run_browse(args)
