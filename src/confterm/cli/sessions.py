"""``confterm sessions``: the programme, filtered, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from confterm.cli.common import load, parse_day
from confterm.cli.errors import EXIT_OK, UsageError
from confterm.model.facets import FACETS, Facet
from confterm.model.text import fold

if TYPE_CHECKING:
    from confterm.model.view import Catalogue


def facet_value(facet: Facet, value: str, catalogue: Catalogue) -> str:
    """A filter's value given by its id, or by its name in any case and language."""
    available = facet.available(catalogue)
    if value in available or (facet.id == "language" and value.lower() in available):
        return value
    if facet.id == "language":  # any tag: one no session is spoken in selects none
        return value
    folded, languages = fold(value), catalogue.programme.languages
    for candidate in available:
        if any(fold(facet.name(catalogue, candidate, lang)) == folded for lang in languages):
            return candidate
    names = [facet.name(catalogue, v, languages[0] if languages else "en") for v in available]
    listed = ", ".join(repr(name) for name in names[:20]) + (" …" if len(names) > 20 else "")
    raise UsageError(f"--{facet.id} {value!r} is unknown; choose from: {listed or 'none'}")


def run_sessions(args: argparse.Namespace) -> int:
    from confterm.model.view import ScheduleView

    programme = load(args)
    view = ScheduleView.of(programme)
    if args.day:
        view = view.on_day(parse_day(args.day, programme))
    for facet in FACETS:
        view = view.choose(facet.id, (facet_value(facet, value, view.catalogue)
                                      for value in getattr(args, facet.id)))
    view = view.matching(args.search)
    from confterm.cli.output import (
        check_language,
        output_format,
        print_sessions_json,
        print_sessions_tsv,
    )

    lang = check_language(args.lang, programme)
    chosen = output_format(args.format)
    if chosen == "json":
        print_sessions_json(view)
    elif chosen == "tsv":
        print_sessions_tsv(view, lang)
    else:
        from confterm.cli.tables import print_sessions_table

        print_sessions_table(view, lang)
    return EXIT_OK
