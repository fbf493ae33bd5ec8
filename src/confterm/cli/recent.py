"""``confterm recent``: the programmes you opened."""

from __future__ import annotations

import argparse
import datetime as dt

from confterm.cli.errors import EXIT_OK
from confterm.cli.output import output_format, print_json, print_tsv
from confterm.model.text import shown
from confterm.storage.recent import Recent, in_order, load_recent
from confterm.timefmt import date_span

WHEN = {"now": "on now", "upcoming": "upcoming", "past": "past"}


def run_recent(args: argparse.Namespace) -> int:
    today = dt.date.today()
    entries = in_order(load_recent(), today)
    chosen = output_format(args.format)
    if chosen == "json":
        print_json([{"location": e.location, "name": e.name, "names": e.names,
                     "first_day": e.first_day.isoformat() if e.first_day else None,
                     "last_day": e.last_day.isoformat() if e.last_day else None,
                     "when": e.when(today), "opened": e.opened.isoformat(),
                     "timezone": e.timezone} for e in entries])
    elif chosen == "tsv":
        print_tsv(("when", "name", "first_day", "last_day", "location", "opened"),
                  ([e.when(today), e.name, str(e.first_day or ""), str(e.last_day or ""),
                    e.location, e.opened.isoformat()] for e in entries))
    else:
        _print_table(entries, today)
    return EXIT_OK


def dates(entry: Recent) -> str:
    if entry.first_day is None or entry.last_day is None:
        return ""
    return date_span(entry.first_day, entry.last_day)


def _print_table(entries: list[Recent], today: dt.date) -> None:
    from rich.text import Text

    from confterm.cli.tables import PlainConsole

    console = PlainConsole()
    if not entries:
        console.print(Text("No programme opened yet: 'confterm' opens the bundled one, "
                           "'confterm -p FILE|URL' another."))
        return
    for entry in entries:
        line = Text(f"{WHEN[entry.when(today)]:<9} ", style="bold")
        line.append(shown(entry.name), style="bold")
        line.append(f"  {dates(entry)}")
        console.print(line)
        console.print(Text(f"          {shown(entry.location)}", style="dim"))
