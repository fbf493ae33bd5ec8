"""``confterm people``: who speaks, moderates or hosts, and in which sessions."""

from __future__ import annotations

import argparse
import datetime as dt

from confterm.cli.common import load
from confterm.cli.errors import EXIT_OK
from confterm.cli.output import check_language, output_format, print_json, print_tsv
from confterm.model.programme import Person, Session
from confterm.model.text import clip, fold
from confterm.model.view import Catalogue


def run_people(args: argparse.Namespace) -> int:
    programme = load(args)
    lang = check_language(args.lang, programme)
    catalogue = Catalogue(programme)
    sessions = catalogue.people_sessions
    words = fold(args.search).split()

    def about(person: Person) -> str:
        return person.organisation.get(lang) if person.organisation else ""

    people = [p for p in catalogue.people_by_name
              if all(w in fold(f"{p.name} {about(p)}") for w in words)]
    chosen = output_format(args.format)
    if chosen == "json":
        print_json([{"id": p.id, "name": p.name, "sessions": [
            {"id": s.id, "day": s.day.isoformat(), "start": s.start.isoformat(),
             "title": s.title.get(lang)} for s in sessions[p.id]]}
            for p in people])
    elif chosen == "tsv":
        print_tsv(("id", "name", "organisation", "sessions"),
                  ([p.id, p.name, about(p), " ".join(s.id for s in sessions[p.id])]
                   for p in people))
    else:
        _print_table(people, sessions, {p.id: about(p) for p in people}, lang, programme.zone)
    return EXIT_OK


def _print_table(people: list[Person], sessions: dict[str, tuple[Session, ...]],
                 organisations: dict[str, str], lang: str, zone: dt.tzinfo) -> None:
    from rich.table import Table
    from rich.text import Text

    from confterm.cli.tables import PlainConsole

    console = PlainConsole()
    if not people:
        console.print(Text("No people match."))
        return
    table = Table(expand=False)
    table.add_column("Person")
    table.add_column("Sessions", ratio=2)
    for person in people:
        who = Text(clip(person.name), style="bold")
        if organisations[person.id]:
            who.append(f"\n{clip(organisations[person.id])}", style="dim")
        titles = Text("\n".join(
            f"{s.start.astimezone(zone):%a %d %b %H:%M}  {clip(s.title.get(lang), 80)}  ({s.id})"
            for s in sessions[person.id]))
        table.add_row(who, titles)
    console.print(table)
