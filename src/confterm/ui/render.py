"""Programme data as Textual ``Content``: never parsed as markup.

Every string from a programme goes through ``Content``/``Content.styled`` or a
``(text, style)`` tuple, which display text literally; styles come only from
this module.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from textual.content import Content

from confterm.model.programme import Kind, Programme, Session
from confterm.model.view import Catalogue
from confterm.timefmt import INDICATIVE_MARK, day_heading, time_range

ROLE_LABELS = {"en": {"speaker": "Speaker", "moderator": "Moderator",
                      "panellist": "Panellist", "host": "Host"},
               "fr": {"speaker": "Intervenant·e", "moderator": "Modérateur·rice",
                      "panellist": "Panéliste", "host": "Hôte"}}


@dataclass(frozen=True)
class Display:
    """How to show programme text: language and time zone (None: local)."""

    lang: str = "en"
    zone: dt.tzinfo | None = None

    def zone_name(self, programme: Programme) -> str:
        if self.zone is None:
            return "local time"
        return f"{programme.city or programme.timezone} time"


#: Columns before a row's title: the time range and the parallel marker.
ROW_INDENT = 15


def _hanging(text: str, width: int) -> list[str]:
    """*text* wrapped to *width* cells; long words are split rather than lost."""
    return textwrap.wrap(text, max(width, 10), break_on_hyphens=False) or [""]


def session_row(session: Session, catalogue: Catalogue, display: Display,
                *, parallel: bool = False, width: int = 80) -> Content:
    """Time and title, then track, room, kind and themes, wrapped under the title."""
    quiet = session.kind in (Kind.BREAK, Kind.EXHIBITION)
    title_style = "dim" if quiet else "bold"
    when = time_range(session, display.zone).ljust(ROW_INDENT - 2)
    where = [x for x in (catalogue.track_name(session, display.lang),
                         catalogue.room_name(session)) if x]
    meta = " · ".join([*where, session.kind.value])
    themes = "  ".join(f"#{catalogue.theme_label(t, display.lang)}" for t in session.themes)
    lead = ("┃ " if parallel else "  ", "$accent")
    pad = " " * (ROW_INDENT - 2)
    text_width = width - ROW_INDENT
    parts: list[str | tuple[str, str]] = [(when, "dim" if quiet else "")]
    lines = [(line, title_style) for line in _hanging(session.title.get(display.lang),
                                                      text_width)]
    lines += [(line, "dim") for line in _hanging(meta, text_width)]
    if themes:
        lines += [(line, "dim" if quiet else "$text-secondary")
                  for line in _hanging(themes, text_width)]
    for index, line in enumerate(lines):
        if index:
            parts += ["\n", pad]
        parts += [lead, line]
    return Content.assemble(*parts)


def slot_heading(start: dt.datetime, count: int, display: Display) -> Content:
    local = start.astimezone(display.zone)
    return Content.styled(f"{local:%H:%M} · {count} sessions in parallel", "$accent italic")


def session_detail(session: Session, catalogue: Catalogue, display: Display) -> Content:
    """Everything known about a session, for the detail pane and modal."""
    programme, lang = catalogue.programme, display.lang
    day = programme.days[programme.day_index(session.day) - 1]
    heading = day_heading(session.day, programme.day_index(session.day),
                          day.label.get(lang) if day.label else None)
    when = time_range(session, display.zone, mark=False)
    parts: list[str | Content | tuple[str, str]] = [
        (session.title.get(lang), "bold"), "\n\n",
        (heading, ""), "\n", (when, "bold"), f"  {display.zone_name(programme)}",
    ]
    if session.indicative:
        parts += ["\n", (f"{INDICATIVE_MARK} Indicative time and room: "
                         "not from an official programme", "$warning")]
    for label, value in (("Room", catalogue.room_name(session)),
                         ("Track", catalogue.track_name(session, lang)),
                         ("Kind", session.kind.value)):
        if value:
            parts += ["\n", (f"{label}: ", "dim"), value]
    people = catalogue.session_people(session)
    if people:
        parts += ["\n\n", ("People", "bold underline")]
        roles = ROLE_LABELS.get(lang, ROLE_LABELS["en"])
        for part, person in zip(session.people, people, strict=False):
            parts += ["\n• ", (person.name, "bold"), (f" — {roles[part.role.value]}", "dim")]
            about = [x.get(lang) for x in (person.position, person.organisation) if x]
            if about:
                parts += ["\n  ", ", ".join(about)]
    if session.description is not None:
        parts += ["\n\n", session.description.get(lang)]
    if session.themes:
        parts += ["\n\n", ("Themes: ", "dim"),
                  ", ".join(catalogue.theme_label(t, lang) for t in session.themes)]
    if session.notes is not None:
        parts += ["\n\n", ("Notes: ", "dim italic"), (session.notes.get(lang), "italic")]
    return Content.assemble(*parts)
