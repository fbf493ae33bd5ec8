"""Programme data as Textual ``Content``: never parsed as markup.

Every string from a programme goes through ``Content``/``Content.styled`` or a
``(text, style)`` tuple, which display text literally; styles come only from
this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from textual.content import Content

from confterm.i18n import N_, _, elided, spoken
from confterm.model.agenda import Agenda, Bookmark
from confterm.model.changes import Seen
from confterm.model.programme import BACKGROUND_KINDS, Programme, Session
from confterm.model.text import TEXT_LIMIT, clip
from confterm.model.view import Catalogue
from confterm.timefmt import INDICATIVE_MARK, day_heading, day_tab, time_range
from confterm.wording import language_name, priority_label, priority_marker

#: A person's part in a session, as the details name it (translated where shown).
ROLE_LABELS = {"speaker": N_("Speaker"), "moderator": N_("Moderator"),
               "panellist": N_("Panellist"), "host": N_("Host")}


@dataclass(frozen=True)
class Display:
    """How to show programme text: language and time zone (None: local)."""

    lang: str = "en"
    zone: dt.tzinfo | None = None

    def zone_name(self, programme: Programme) -> str:
        """"Rio de Janeiro time", "UTC time", "local time" (where this computer's
        zone cannot be told)."""
        place = (local_zone_name() if self.zone is None
                 else clip(programme.city.get(self.lang) if programme.city else None)
                 or programme.timezone)
        if place in ("UTC", "Etc/UTC"):
            return _("UTC time")
        if not place:
            return _("local time")
        return elided(_("{place} time").format(place=place))


def local_zone_name() -> str:
    """This computer's time zone by its IANA name where it can be told ("Asia/Tokyo":
    the TZ variable, else the /etc/localtime link), else nothing."""
    import os

    return _zone_name_for(os.environ.get("TZ", ""))


@functools.cache
def _zone_name_for(tz_variable: str) -> str:
    # The status line asks on every keystroke: the link is resolved once per TZ value.
    import os

    name = tz_variable.lstrip(":")
    if not name:
        try:
            target = os.path.realpath("/etc/localtime")
        except OSError:
            target = ""
        name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
    return clip(name, 60) if "/" in name or name == "UTC" else ""


#: Columns before a row's title: bookmark marker, time range ("≈23:30–00:30+1"
#: at the longest), parallel marker.
ROW_INDENT = 18
#: Columns of the bookmark marker at the start of a row (a click there toggles it).
MARKER_WIDTH = 2


def wrap_url(url: str, width: int) -> list[str]:
    """*url* in lines of at most *width* cells, broken after a / ? & = # or - where
    it can be (a URL has no spaces to break at), else where it must."""
    lines, line = [], ""
    for piece in re.split(r"(?<=[/?&=#-])", url):
        while len(piece) > width:  # longer than a line on its own
            if line:
                lines.append(line)
                line = ""
            lines.append(piece[:width])
            piece = piece[width:]
        if len(line) + len(piece) > width:
            lines.append(line)
            line = ""
        line += piece
    return [*lines, line] if line or not lines else lines


def wrapped(text: str, width: int) -> str:
    """*text* with its paragraphs wrapped to *width*, never at a no-break space
    (French "Volet\u00a0:", "1\u00a0300"), as Textual's own wrapping would."""
    return "\n".join("\n".join(_hanging(paragraph, width)) if paragraph else ""
                     for paragraph in text.split("\n"))


def _hanging(text: str, width: int) -> list[str]:
    """*text* wrapped to *width* cells; long words are split rather than lost."""
    return textwrap.wrap(text, max(width, 10), break_on_hyphens=False) or [""]


def _with_hanging_indent(lead: list[str | tuple[str, str]], lines: list[tuple[str, str]],
                         pad: str, gutter: tuple[str, str] = ("", "")) -> Content:
    """*lead* then the first line; every further line starts with *pad*."""
    parts = list(lead)
    for index, line in enumerate(lines):
        if index:
            parts += ["\n", pad]
        parts += [gutter, line]
    return Content.assemble(*parts)


#: Marks a session a refresh changed until the user looks at the changes (c).
CHANGED_MARK = "Δ"


def going_marks(session_id: str, friends: Mapping[str, Agenda]) -> str:
    """The initials of the friends who picked the session, e.g. "AB"."""
    return "".join(name[0].upper() for name, agenda in friends.items()
                   if name and session_id in agenda)


def session_lines(session: Session, catalogue: Catalogue, display: Display, *,
                  width: int, height: int = 2, parallel: bool = False,
                  bookmark: Bookmark | None = None, clash: bool = False,
                  going: str = "", changed: bool = False) -> list[Content]:
    """A session as *height* lines (2 or 3) for the list; the caller cuts each
    line to the width with an ellipsis. Line 1: marker, time and title; a long
    title continues on line 2; the last line: track, room, kind and themes."""
    quiet = session.kind in BACKGROUND_KINDS
    title_style = "dim" if quiet else "bold"
    when = time_range(session, display.zone).ljust(ROW_INDENT - 2 - MARKER_WIDTH)
    # A clashing bookmark: ★⚠ (both one cell: the row keeps its layout).
    marker = (priority_marker(bookmark.priority) + ("⚠" if clash else " ") if bookmark
              else "  ", "$warning bold" if clash else "$accent bold")
    gutter = ("┃ " if parallel else "  ", "$accent")
    pad = " " * (ROW_INDENT - 2)
    title = clip(session.title.get(display.lang))
    title_lines = [title]
    if height > 2:
        wrapped = _hanging(title, width - ROW_INDENT)
        title_lines = [wrapped[0], " ".join(wrapped[1:])]
    where = [x for x in (clip(catalogue.track_name(session, display.lang)),
                         clip(catalogue.room_name(session, display.lang))) if x]
    spoken = [", ".join(clip(tag, 20) for tag in session.language)] if session.language else []
    meta = " · ".join([*([_("cancelled")] if session.cancelled else []), *where,
                       _(session.kind.value), *spoken])
    if session.cancelled:  # struck through and dim, with the word: not left out
        title_style = "dim strike"
    themes = "  ".join(f"#{clip(catalogue.theme_label(t, display.lang))}" for t in session.themes)
    lines = [Content.assemble(marker, (when, "dim" if quiet else ""), gutter,
                              (title_lines[0], title_style))]
    lines += [Content.assemble(pad, gutter, (text, title_style)) for text in title_lines[1:]]
    lines.append(Content.assemble(
        pad, gutter, (f"{CHANGED_MARK} " if changed else "", "$warning bold"),
        (f"{going} " if going else "", "$accent bold"), (meta, "dim"),
        (f"  {themes}" if themes else "", "dim" if quiet else "$text-secondary")))
    return lines


#: The kinds of session, as the interface names them (marked for translation).
KIND_NAMES = [N_("ceremony"), N_("keynote"), N_("panel"), N_("talk"), N_("workshop"),
              N_("break"), N_("exhibition"), N_("social"), N_("other")]


def slot_heading(start: dt.datetime, count: int, display: Display) -> Content:
    local = start.astimezone(display.zone)
    return Content.styled(_("{time} · {count} sessions in parallel").format(
        time=f"{local:%H:%M}", count=count), "$accent italic")


def change_facts(said: dict[str, str], display: Display) -> str:
    """"Thu 14:00–15:00 · Room A" from what a kept change says of a session."""
    if "start" not in said:
        return ""
    start, end = (dt.datetime.fromisoformat(said[k]).astimezone(display.zone)
                  for k in ("start", "end"))
    room = clip(said.get("room", ""))
    return f"{start:%a %H:%M}–{end:%H:%M}" + (f" · {room}" if room else "")


def change_said(change: Seen, display: Display) -> str:
    """What a session was before a refresh changed it ("was Thu 14:00–15:00 ·
    Room A", or its old title)."""
    was = (clip(change.before.get("title", "")) if change.what == "retitled"
           else change_facts(change.before, display))
    return _("was {when}").format(when=was) if was else _("new")


def session_detail(session: Session, catalogue: Catalogue, display: Display,
                   agenda: Agenda | None = None,
                   friends: Mapping[str, Agenda] | None = None,
                   width: int | None = None, change: Seen | None = None) -> Content:
    """Everything known about a session, for the detail pane and modal. With
    *width*, list items (people, links) wrap under their text, not the bullet."""

    def item(text: str) -> str:
        if width is None:
            return text
        return "\n  ".join(textwrap.wrap(text, max(width - 2, 10),
                                          break_on_hyphens=False) or [""])
    programme, lang = catalogue.programme, display.lang
    heading = day_heading(programme, session.day, lang)
    when = time_range(session, display.zone, mark=False)
    parts: list[str | Content | tuple[str, str]] = [
        (clip(session.title.get(lang)), "bold"), "\n\n",
        (heading, ""), "\n", (when, "bold"), f"  {display.zone_name(programme)}",
    ]
    if session.cancelled:
        parts += ["\n", ("✕ " + _("Cancelled, as the programme says"), "$error bold")]
    if change is not None:  # what a refresh found
        parts += ["\n", (f"{CHANGED_MARK} " + _("Changed: {what}").format(
            what=change_said(change, display)), "$warning bold")]
    if session.indicative:
        parts += ["\n", (INDICATIVE_MARK + " " + _(
            "Indicative time and room: not from an official programme"), "$warning")]
    mark = agenda.get(session.id) if agenda is not None else None
    if agenda is not None and mark is not None:
        bookmarked = (f"{priority_marker(mark.priority)} "
                      + _("Bookmarked: {priority}").format(
                          priority=priority_label(mark.priority)))
        parts += ["\n", (bookmarked, "$accent bold")]
        for other in agenda.clashes_with(session, catalogue):
            parts += ["\n", ("⚠ " + _("Clashes with {title} ({time})").format(
                title=clip(other.title.get(lang)), time=time_range(other, display.zone)),
                "$warning")]
    going = [name for name, theirs in (friends or {}).items() if session.id in theirs]
    if going:
        parts += ["\n", (_("Also going: {names}").format(names=", ".join(going)), "$accent")]
    for label, value in ((_("Room: "), clip(catalogue.room_name(session, display.lang))),
                         (_("Track: "), clip(catalogue.track_name(session, lang))),
                         (_("Kind: "), _(session.kind.value))):
        if value:
            parts += ["\n", (label, "dim"), value]
    if session.language:
        parts += [("  ·  " + _("Language: "), "dim"),
                  ", ".join(clip(language_name(tag, spoken()), 40) for tag in session.language)]
    if session.recorded is not None:
        parts += [("  ·  ", "dim"), _("recorded") if session.recorded else _("not recorded")]
    people = catalogue.session_people(session)
    if people:
        parts += ["\n\n", (_("People"), "bold underline")]
        for part, person in zip(session.people, people, strict=False):
            role = _(ROLE_LABELS[part.role.value])
            parts += ["\n• ", (clip(person.name), "bold"), (f" — {role}", "dim")]
            about = [clip(x.get(lang)) for x in (person.position, person.organisation) if x]
            if about:
                parts += ["\n  ", item(", ".join(about))]
    if session.description is not None:
        parts += ["\n\n", clip(session.description.get(lang), TEXT_LIMIT)]
    if session.links:  # plain text to copy: never a terminal hyperlink from data
        parts += ["\n\n", (_("Links"), "bold underline")]
        for link in session.links:
            url = (link.url if width is None
                   else "\n  ".join(wrap_url(link.url, max(width - 2, 10))))
            parts += ["\n• ", (clip(link.title), "bold"), "\n  ", url]
    if session.themes:
        parts += ["\n\n", (_("Themes: "), "dim"),
                  ", ".join(clip(catalogue.theme_label(t, lang)) for t in session.themes)]
    if session.notes is not None:
        notes = clip(session.notes.get(lang), TEXT_LIMIT)
        parts += ["\n\n", (_("Notes: "), "dim italic"), (notes, "italic")]
    return Content.assemble(*parts)


def agenda_row(session: Session, bookmark: Bookmark, catalogue: Catalogue, display: Display,
               clashes: list[Session], width: int = 80) -> Content:
    """A bookmarked session in the agenda: marker, time, title, room, clashes."""
    text_width = width - ROW_INDENT
    when = time_range(session, display.zone).ljust(ROW_INDENT - MARKER_WIDTH)
    lines: list[tuple[str, str]] = [
        (line, "bold") for line in _hanging(clip(session.title.get(display.lang)), text_width)]
    room = clip(catalogue.room_name(session, display.lang))
    where = " · ".join(x for x in (room, priority_label(bookmark.priority)) if x)
    lines += [(line, "dim") for line in _hanging(where, text_width)]
    for other in clashes:
        warning = "⚠ " + _("clashes with {title} ({time})").format(
            title=clip(other.title.get(display.lang)), time=time_range(other, display.zone))
        lines += [(line, "$warning") for line in _hanging(warning, text_width)]
    marker = (priority_marker(bookmark.priority) + " ", "$accent bold")
    return _with_hanging_indent([marker, when], lines, " " * ROW_INDENT)


def brief_row(session: Session, catalogue: Catalogue, display: Display,
              bookmark: Bookmark | None, width: int = 80,
              mark: tuple[str, str] | None = None, with_day: bool = False) -> Content:
    """A session in a short list (now and next): marker, time, title, where.
    *mark* (two cells and a style) stands in place of the bookmark's marker;
    *with_day*: where begins with the day (a list over several days)."""
    text_width = width - ROW_INDENT
    when = time_range(session, display.zone).ljust(ROW_INDENT - MARKER_WIDTH)
    lines = [(line, "bold" if bookmark else "")
             for line in _hanging(clip(session.title.get(display.lang)), text_width)]
    where = " · ".join(x for x in (day_tab(session.day, None) if with_day else None,
                                   clip(catalogue.track_name(session, display.lang)),
                                   clip(catalogue.room_name(session, display.lang))) if x)
    if where:
        lines += [(line, "dim") for line in _hanging(where, text_width)]
    marker = mark or (priority_marker(bookmark.priority) + " " if bookmark else "  ",
                      "$accent bold")
    return _with_hanging_indent([marker, when], lines, " " * ROW_INDENT)
