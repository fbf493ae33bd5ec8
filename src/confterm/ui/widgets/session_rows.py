"""The rows of the session list, worked out without any widget.

Parallel sessions are grouped under their time slot; while searching every day,
under day headings. ``session_rows`` makes one small tuple per row, once per
keystroke, for what may be thousands of matches (a session's row is made once).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from rich.cells import cell_len
from textual.content import Content

from confterm.i18n import N_, _
from confterm.model.agenda import JUST_STARTED, conference_day
from confterm.model.programme import BACKGROUND_KINDS, Session
from confterm.model.text import clip
from confterm.model.view import ScheduleView
from confterm.timefmt import day_heading
from confterm.ui.render import ROW_INDENT

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


#: Each session's row alone and among parallel sessions, by its place in the
#: catalogue's ``ordered`` (None: not made yet); kept per programme and language.
RowCache = list[tuple["Row", "Row"] | None]


def new_row_cache(view: ScheduleView) -> RowCache:
    return [None] * len(view.catalogue.ordered)


def _rows_of(session: Session, lang: str) -> tuple[Row, Row]:
    title = clip(session.title.get(lang))
    width = len(title) if title.isascii() else cell_len(title)
    quiet = session.kind in BACKGROUND_KINDS
    return Row(session, None, False, width), Row(session, None, not quiet, width)


class RowIndex(Mapping[str, int]):
    """The row of each listed session, by its id, worked out when asked (a
    keystroke at 10,000 sessions asks for one or two): the sessions' places in
    the catalogue, and where headings were put between them."""

    def __init__(self, view: ScheduleView, inserted: list[int]) -> None:
        self._position = view.catalogue.position
        self._ids = view.catalogue.ids
        self._positions = view.positions  # ascending
        #: For each row that is not a session: how many sessions come before it.
        self._inserted = inserted

    def __getitem__(self, session_id: str) -> int:
        place = self._position[session_id]
        found = bisect_left(self._positions, place)
        if found == len(self._positions) or self._positions[found] != place:
            raise KeyError(session_id)
        return found + bisect_right(self._inserted, found)

    def __iter__(self) -> Iterator[str]:
        return map(self._ids.__getitem__, self._positions)

    def __len__(self) -> int:
        return len(self._positions)


def session_rows(view: ScheduleView, lang: str, now: dt.datetime | None = None,
                 cache: RowCache | None = None) -> tuple[list[Row], RowIndex]:
    """The rows of *view*, and the row of each session. *cache* (see
    ``RowCache``) is filled in as sessions are first listed: a keystroke at
    10,000 sessions then makes only the headings. On the day of *now*, a line
    marks it: before the first sessions that started in the last quarter of an
    hour or start later, or after the last while they run."""
    catalogue, programme, positions = view.catalogue, view.programme, view.positions
    if cache is None:
        cache = new_row_cache(view)
    if now is not None and (view.day is None or conference_day(catalogue, now) != view.day):
        now = None
    ordered, busy = catalogue.ordered, catalogue.busy
    rows: list[Row] = []
    inserted: list[int] = []  # sessions listed before each heading

    def add(row: Row) -> None:
        inserted.append(len(rows) - len(inserted))
        rows.append(row)

    every_day, day = view.day is None, None
    for slot, grouped in groupby(positions, key=catalogue.starts.__getitem__):
        if now is not None and slot >= now - JUST_STARTED:
            if rows:  # above what you can still walk into: just started, or to come
                add(Row(None, slot=now, now_line=True))
            now = None
        group = list(grouped)
        if every_day and ordered[group[0]].day != day:  # a search over all days
            day = ordered[group[0]].day
            add(Row(None, Content.styled(day_heading(programme, day, lang), "bold reverse")))
        pairs = list(map(cache.__getitem__, group))
        if None in pairs:
            pairs = [pair or _made(cache, i, ordered[i], lang) for i, pair in zip(
                group, pairs, strict=True)]
        foreground = sum(map(busy.__getitem__, group))
        which = 1 if foreground > 1 else 0
        if which:
            add(Row(None, slot=slot, slot_size=foreground))
        rows.extend(map(itemgetter(which), pairs))  # type: ignore[arg-type]
    if now is not None and any(ordered[i].end > now for i in positions):
        add(Row(None, slot=now, now_line=True))  # the last sessions are still on
    if not positions:
        add(Row(None, Content.styled(_(NO_WORDS_MATCH if view.query.strip()
                                        else NOTHING_MATCHES), "italic")))
    return rows, RowIndex(view, inserted)


def fill_row_cache(cache: RowCache, view: ScheduleView, lang: str) -> None:
    """Make every session's rows (in a thread, before the first search lists
    them all); safe while the list uses the cache: a row is at worst made twice."""
    for position, session in enumerate(view.catalogue.ordered):
        if cache[position] is None:
            cache[position] = _rows_of(session, lang)


def _made(cache: RowCache, position: int, session: Session, lang: str) -> tuple[Row, Row]:
    made = cache[position] = _rows_of(session, lang)
    return made


def row_heights(rows: list[Row], width: int) -> list[int]:
    """Each row's height, in one pass (thousands on a keystroke): a heading is
    one line; a session two, three when its title is long."""
    room = max(width - ROW_INDENT, 10)
    return [1 if row.session is None else 2 if row.title_length <= room else 3
            for row in rows]
