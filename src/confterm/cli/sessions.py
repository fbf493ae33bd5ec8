"""``confterm sessions``: the programme, filtered, as a table or JSON."""

from __future__ import annotations

import argparse

from confterm.cli.common import load, parse_day
from confterm.cli.errors import EXIT_OK, UsageError


def run_sessions(args: argparse.Namespace) -> int:
    from confterm.model.view import ScheduleView

    programme = load(args)
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
    from confterm.cli.output import (
        check_language,
        output_format,
        print_sessions_json,
        print_sessions_table,
        print_sessions_tsv,
    )

    lang = check_language(args.lang, programme)
    chosen = output_format(args.format)
    if chosen == "json":
        print_sessions_json(view)
    elif chosen == "tsv":
        print_sessions_tsv(view, lang)
    else:
        print_sessions_table(view, lang)
    return EXIT_OK
