"""The rows of the session list, worked out without any widget.

Parallel sessions are grouped under their time slot; while searching every day,
under day headings. ``session_rows`` makes one small tuple per row, once per
keystroke, for what may be thousands of matches.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from rich.cells import cell_len
from textual.content import Content

from confterm.i18n import N_, _
from confterm.model.agenda import JUST_STARTED, conference_day
from confterm.model.programme import Kind, Session
from confterm.model.text import clip
from confterm.model.view import ScheduleView
from confterm.timefmt import day_heading
from confterm.ui.render import ROW_INDENT

# Sessions that run alongside everything and do not make a slot "parallel".
BACKGROUND = (Kind.EXHIBITION, Kind.BREAK)

#: Shown in place of sessions when nothing matches.
NOTHING_MATCHES = N_("No sessions match the filters. Press x to clear them.")
#: The same while words are searched (x would only type an x there).
NO_WORDS_MATCH = N_("No sessions hold these words. Press escape to clear them.")


class Row(NamedTuple):
    session: Session | None  # None: a heading
    heading: Content | None = None
    parallel: bool = False
    title_length: int = 0
    #: A heading over parallel sessions: their start and number (drawn when shown).
    slot: dt.datetime | None = None
    slot_size: int = 0
    #: The line marking the time now (its moment is ``slot``).
    now_line: bool = False


def session_rows(view: ScheduleView, lang: str, title_widths: dict[str, int],
                 now: dt.datetime | None = None) -> tuple[list[Row], dict[str, int]]:
    """The rows of *view*, and the row of each session. *title_widths* (cells, by
    session id) is filled in as sessions are first listed, to be kept per
    programme and language. On the day of *now*, a line marks it: before the
    first sessions that started in the last quarter of an hour or start later,
    or after the last while they run."""
    programme, sessions = view.programme, view.sessions
    if now is not None and (view.day is None or conference_day(view.catalogue, now) != view.day):
        now = None
    rows: list[Row] = []
    index: dict[str, int] = {}
    add = rows.append
    day, count, start = None, len(sessions), 0
    while start < count:
        slot = sessions[start].start
        end = start + 1
        while end < count and sessions[end].start == slot:
            end += 1
        group = sessions[start:end]
        if now is not None and slot >= now - JUST_STARTED:
            if rows:  # above what you can still walk into: just started, or to come
                add(Row(None, slot=now, now_line=True))
            now = None
        if view.day is None and group[0].day != day:  # a search over all days
            day = group[0].day
            add(Row(None, Content.styled(day_heading(programme, day, lang), "bold reverse")))
        foreground = sum(1 for s in group if s.kind not in BACKGROUND)
        parallel = foreground > 1
        if parallel:
            add(Row(None, slot=slot, slot_size=foreground))
        for session in group:
            width = title_widths.get(session.id)
            if width is None:
                title = clip(session.title.get(lang))
                width = title_widths[session.id] = (
                    len(title) if title.isascii() else cell_len(title))
            index[session.id] = len(rows)
            add(Row(session, None, parallel and session.kind not in BACKGROUND, width))
        start = end
    if now is not None and any(s.end > now for s in sessions):
        add(Row(None, slot=now, now_line=True))  # the last sessions are still on
    if not sessions:
        hint = NO_WORDS_MATCH if view.query.strip() else NOTHING_MATCHES
        rows.append(Row(None, Content.styled(_(hint), "italic")))
    return rows, index


def row_height(row: Row, width: int) -> int:
    """A heading is one line; a session two, three when its title is long."""
    if row.session is None:
        return 1
    return 2 if row.title_length <= max(width - ROW_INDENT, 10) else 3
