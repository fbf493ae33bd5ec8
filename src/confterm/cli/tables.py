"""Tables of the command line for a person at a terminal, drawn with rich
(imported only when a table is printed). Programme text is already
neutralised by the model; it is only ever placed in ``rich.text.Text``
objects, never parsed as markup."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from confterm.cli.output import people_names
from confterm.model.programme import Session
from confterm.model.text import clip
from confterm.model.view import Catalogue, ScheduleView
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
        # The id (what `agenda add` takes) goes under the time, in the column that
        # never wraps, so it is never cut.
        table.add_column("Time / id", no_wrap=True)
        table.add_column("Session", ratio=3)
        table.add_column("Track / room", ratio=1)
        table.add_column("Themes", ratio=1)
        for session in group:
            where = " · ".join(x for x in (clip(catalogue.track_name(session, lang)),
                                           clip(catalogue.room_name(session, lang))) if x)
            themes = ", ".join(clip(catalogue.theme_label(t, lang)) for t in session.themes)
            style = "dim" if session.kind == "break" else ""
            when = Text(time_range(session, zone))
            when.append(f"\n{clip(session.id, 60)}", style="dim")
            table.add_row(when, _title(session, catalogue, lang, style),
                          Text(where, style=style), Text(themes, style=style))
        console.print(table)
    if any(s.indicative for s in view.sessions):
        console.print(Text("≈ indicative time: not from an official programme.", style="dim"))


def _title(session: Session, catalogue: Catalogue, lang: str, style: str) -> Text:
    text = Text(clip(session.title.get(lang)), style=style)
    text.append(f"  [{session.kind.value}]", style="dim")
    people = people_names(session, catalogue)
    if people:
        text.append(f"\n{people}", style="dim")
    return text
