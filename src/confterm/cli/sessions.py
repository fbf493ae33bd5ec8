"""``confterm sessions``: the programme, filtered, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from confterm.cli.common import load, parse_day
from confterm.cli.errors import EXIT_OK, UsageError
from confterm.model.text import fold

if TYPE_CHECKING:
    from confterm.model.programme import Programme


def room_id(value: str, programme: Programme) -> str:
    """A room given by its id, or by its name in any case."""
    ids = {room.id for room in programme.rooms}
    if value in ids:
        return value
    folded = fold(value)
    for room in programme.rooms:
        if fold(room.name) == folded:
            return room.id
    names = ", ".join(repr(room.name) for room in programme.rooms[:20])
    more = " …" if len(programme.rooms) > 20 else ""
    raise UsageError(f"--room {value!r} is unknown; choose from: {names}{more}")


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
    view = (view.in_tracks(*args.track).with_themes(*args.theme)
            .in_rooms(*(room_id(value, programme) for value in args.room))
            .in_languages(*args.language).matching(args.search))
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
