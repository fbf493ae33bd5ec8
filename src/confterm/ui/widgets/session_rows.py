"""The rows of the session list, worked out without any widget.

Parallel sessions are grouped under their time slot; while searching every day,
under day headings. ``session_rows`` makes one small tuple per row, once per
keystroke, for what may be thousands of matches (a session's row is made once).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import accumulate, groupby
from typing import NamedTuple, TypeVar, overload

from rich.cells import cell_len
from textual.content import Content

from confterm.i18n import N_, _
from confterm.model.agenda import JUST_STARTED, conference_day
from confterm.model.programme import BACKGROUND_KINDS, Session
from confterm.model.text import clip
from confterm.model.view import BREATHE_EVERY, ScheduleView
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


T = TypeVar("T")

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


class _WorkedOut(Sequence[T]):
    """A sequence whose items are worked out when read (``_item``): indexing by
    position (from the end too) and by slice, as a list does."""

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        length = len(self)
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(length))]
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError(index)
        return self._item(index)

    def _item(self, index: int) -> T:
        raise NotImplementedError


class SessionRows(_WorkedOut[Row]):
    """The rows of a view, worked out by slot rather than by row: a keystroke at
    10,000 sessions makes the slots' headings (a day, the now line, a slot of
    parallel sessions), and a session's row is looked up (``RowCache``) only when
    something reads it, as drawing does for the rows on screen. Row *i* and the
    row of a session are found by bisecting the slots."""

    def __init__(self, view: ScheduleView, lang: str, now: dt.datetime | None,
                 cache: RowCache) -> None:
        catalogue, positions = view.catalogue, view.positions
        self._catalogue, self._positions, self._cache, self._lang = (
            catalogue, positions, cache, lang)
        if now is not None and (view.day is None or conference_day(catalogue, now) != view.day):
            now = None
        ordered, programme = catalogue.ordered, view.programme
        # Lists aligned with the programme where made (in the indexing thread);
        # before that, at start, a day's sessions read one by one.
        made = catalogue.__dict__
        start_of = (made["starts"].__getitem__ if "starts" in made
                    else lambda i: ordered[i].start)
        busy_of = (made["busy"].__getitem__ if "busy" in made
                   else lambda i: ordered[i].kind not in BACKGROUND_KINDS)
        #: Per slot: its first row, its first session (in ``positions``), the
        #: headings above its sessions, and which of a session's rows it uses.
        self._first_rows: list[int] = []
        self._firsts: list[int] = []
        self._headings: list[tuple[Row, ...]] = []
        self._which: list[int] = []
        rows = taken = 0
        every_day, day = view.day is None, None
        for slot, grouped in groupby(positions, key=start_of):
            count = len(list(grouped))
            group_day = ordered[positions[taken]].day
            headings: list[Row] = []
            if now is not None and slot >= now - JUST_STARTED:
                if rows:  # above what you can still walk into: just started, or to come
                    headings.append(Row(None, slot=now, now_line=True))
                now = None
            if every_day and group_day != day:  # a search over all days
                day = group_day
                headings.append(Row(None, Content.styled(day_heading(programme, day, lang),
                                                         "bold reverse")))
            foreground = sum(map(busy_of, positions[taken:taken + count]))
            which = 1 if foreground > 1 else 0
            if which:
                headings.append(Row(None, slot=slot, slot_size=foreground))
            self._add(rows, taken, headings, which)
            rows, taken = rows + len(headings) + count, taken + count
        trailing: list[Row] = []
        if now is not None and any(ordered[i].end > now for i in positions):
            trailing.append(Row(None, slot=now, now_line=True))  # the last ones are still on
        if not positions:
            trailing.append(Row(None, Content.styled(_(NO_WORDS_MATCH if view.query.strip()
                                                        else NOTHING_MATCHES), "italic")))
        if trailing:
            self._add(rows, taken, trailing, 0)
            rows += len(trailing)
        self._length = rows

    def _add(self, row: int, first: int, headings: list[Row], which: int) -> None:
        self._first_rows.append(row)
        self._firsts.append(first)
        self._headings.append(tuple(headings))
        self._which.append(which)

    def __len__(self) -> int:
        return self._length

    def _item(self, index: int) -> Row:
        slot = bisect_right(self._first_rows, index) - 1
        offset, headings = index - self._first_rows[slot], self._headings[slot]
        if offset < len(headings):
            return headings[offset]
        return self._pair(self._firsts[slot] + offset - len(headings))[self._which[slot]]

    def _pair(self, taken: int) -> tuple[Row, Row]:
        position = self._positions[taken]
        pair = self._cache[position]
        if pair is None:
            pair = self._cache[position] = _rows_of(self._catalogue.ordered[position],
                                                    self._lang)
        return pair

    def row_of(self, taken: int) -> int:
        """The row of the session at place *taken* in the view's positions."""
        # (A slot of headings alone comes last, after every session: never this one.)
        slot = bisect_right(self._firsts, taken) - 1
        return self._first_rows[slot] + len(self._headings[slot]) + taken - self._firsts[slot]

    def line_starts(self, width: int) -> tuple[LineStarts, int]:
        """Each row's first line at *width* (a heading is one line, a session two,
        three when its title is long) and the lines in all."""
        room, cache, pair = max(width - ROW_INDENT, 10), self._cache, self._pair
        long = [(cache[p] or pair(taken))[0].title_length > room
                for taken, p in enumerate(self._positions)]
        starts = LineStarts(self, long)
        return starts, starts.total


class LineStarts(_WorkedOut[int]):
    """The first line of each row of ``SessionRows``, worked out per slot."""

    def __init__(self, rows: SessionRows, long: list[bool]) -> None:
        self._rows, self._long = rows, long
        self._slot_lines: list[int] = []
        line = 0
        firsts = rows._firsts
        for slot, first in enumerate(firsts):
            self._slot_lines.append(line)
            end = firsts[slot + 1] if slot + 1 < len(firsts) else len(long)
            line += len(rows._headings[slot]) + 2 * (end - first) + sum(long[first:end])
        self.total = line
        self._within: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def _item(self, index: int) -> int:
        rows = self._rows
        slot = bisect_right(rows._first_rows, index) - 1
        offset, heads = index - rows._first_rows[slot], len(rows._headings[slot])
        line = self._slot_lines[slot]
        if offset <= heads:
            return line + offset
        within = self._within.get(slot)
        if within is None:  # the lines before each session of the slot
            first = rows._firsts[slot]
            end = rows._firsts[slot + 1] if slot + 1 < len(rows._firsts) else len(self._long)
            within = self._within[slot] = [0, *accumulate(
                3 if long else 2 for long in self._long[first:end])]
        return line + heads + within[offset - heads]


class RowIndex(Mapping[str, int]):
    """The row of each listed session, by its id, worked out when asked (a
    keystroke at 10,000 sessions asks for one or two)."""

    def __init__(self, rows: SessionRows) -> None:
        self._rows = rows
        self._position = rows._catalogue.position
        self._positions = rows._positions  # ascending
        self._catalogue = rows._catalogue

    def __getitem__(self, session_id: str) -> int:
        place = self._position[session_id]
        found = bisect_left(self._positions, place)
        if found == len(self._positions) or self._positions[found] != place:
            raise KeyError(session_id)
        return self._rows.row_of(found)

    def __iter__(self) -> Iterator[str]:
        return map(self._catalogue.ids.__getitem__, self._positions)

    def __len__(self) -> int:
        return len(self._positions)


def session_rows(view: ScheduleView, lang: str, now: dt.datetime | None = None,
                 cache: RowCache | None = None) -> tuple[SessionRows, RowIndex]:
    """The rows of *view* (see ``SessionRows``), and the row of each session.
    *cache* (see ``RowCache``) keeps the sessions' rows, per programme and
    language. On the day of *now*, a line marks it: before the first sessions
    that started in the last quarter of an hour or start later, or after the
    last while they run."""
    rows = SessionRows(view, lang, now, cache if cache is not None else new_row_cache(view))
    return rows, RowIndex(rows)


def fill_row_cache(cache: RowCache, view: ScheduleView, lang: str,
                   breathe: Callable[[], object] = lambda: None) -> None:
    """Make every session's rows (in a thread, before the first search lists
    them all); safe while the list uses the cache: a row is at worst made twice.
    *breathe* as in ``Catalogue.prepare_search``."""
    for position, session in enumerate(view.catalogue.ordered):
        if cache[position] is None:
            cache[position] = _rows_of(session, lang)
        if position % BREATHE_EVERY == BREATHE_EVERY - 1:
            breathe()

