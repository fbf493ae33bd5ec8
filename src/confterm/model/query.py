"""The search line's language: free words, and field words that choose filters.

    room:"Saal 1" lang:en by:dupont day:2 blockchain

A field word is one of the facets' words (``track``, ``theme``, ``room``,
``lang``, ``kind``, ``recorded``), ``by`` (a person) or ``day`` (its number or
date), then a colon and a value, quoted when it holds spaces. A value names
what it chooses by the start of its name or of a word in it, ignoring case and
accents; a name it equals is chosen alone ("Saal 1", not "Saal 10"). Several
values of one field choose any of them, as in the sidebar. A word whose field
is unknown, and every other word, is searched for as text. A field with no
value yet (``room:`` while typing) chooses nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from confterm.model.facets import FACETS
from confterm.model.text import fold

if TYPE_CHECKING:
    from confterm.model.view import Catalogue

#: What a field word that names nothing chooses: a value no session has.
NAMES_NOTHING = frozenset({""})
PERSON_WORD = "by"
DAY_WORD = "day"
FIELD_WORDS = (*(facet.word for facet in FACETS), PERSON_WORD, DAY_WORD)
# A field word and its value (quoted: up to the closing quote or the end), or a word.
_TOKEN = re.compile(r'(?P<field>[^\s:"]+):(?:"(?P<quoted>[^"]*)"?|(?P<value>\S*))|(?P<word>\S+)')


@dataclass(frozen=True)
class Query:
    #: Free words, folded, each to be found in a session's text.
    words: tuple[str, ...] = ()
    #: Facets chosen by field words: (index in FACETS, values), any of them matching.
    filters: tuple[tuple[int, frozenset[str]], ...] = ()
    #: Sessions of the people named by ``by:`` (None: no such field).
    sessions: frozenset[str] | None = None
    #: Days named by ``day:`` (None: no such field).
    days: frozenset[dt.date] | None = None
    #: The field words as typed (word, value).
    fields: tuple[tuple[str, str], ...] = ()
    #: Those that name nothing ("room:nowhere"): they select no session.
    unnamed: tuple[tuple[str, str], ...] = ()

    def narrows_to(self, other: Query) -> bool:
        """Whether *other* only adds to this query's free words (so that it can
        search this query's results instead of every session)."""
        return (self.fields == other.fields
                and all(any(old in new for new in other.words) for old in self.words))


def tokens(text: str) -> Iterable[tuple[str | None, str]]:
    """(field word, value) or (None, word) for each token of *text*."""
    for match in _TOKEN.finditer(text):
        field = match.group("field")
        if field is not None and fold(field) in FIELD_WORDS:
            value = match.group("quoted")
            yield fold(field), match.group("value") if value is None else value
        else:
            yield None, match.group()


def starts_a_word(value: str, name: str) -> bool:
    """Whether folded *value* starts folded *name* or one of its words."""
    return name.startswith(value) or f" {value}" in name


def _chosen(value: str, names: Iterable[tuple[str, Iterable[str]]]) -> frozenset[str]:
    """The ids whose names *value* names: those it equals if any, else those it starts."""
    exact, started = set(), set()
    for item, item_names in names:
        for name in item_names:
            if name == value:
                exact.add(item)
            elif starts_a_word(value, name):
                started.add(item)
    return frozenset(exact or started)


def _facet_names(catalogue: Catalogue, index: int) -> list[tuple[str, set[str]]]:
    facet, languages = FACETS[index], catalogue.programme.languages
    found = []
    for value in facet.available(catalogue):
        names = {fold(value), *(fold(facet.name(catalogue, value, lang)) for lang in languages)}
        if facet.interface_words:
            names.add(fold(catalogue.translate(facet.name(catalogue, value, "en"))))
        found.append((value, names))
    return found


def _days(value: str, catalogue: Catalogue) -> frozenset[dt.date]:
    dates = [day.date for day in catalogue.programme.days]
    if value.isdigit():
        number = int(value)
        return frozenset(dates[number - 1:number]) if number >= 1 else frozenset()
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        return frozenset()
    return frozenset({date} & set(dates))


def parse_query(text: str, catalogue: Catalogue) -> Query:
    words: list[str] = []
    chosen: dict[int, frozenset[str]] = {}
    people: frozenset[str] | None = None
    days: frozenset[dt.date] | None = None
    fields: list[tuple[str, str]] = []
    unnamed: list[tuple[str, str]] = []
    for field, value in tokens(text):
        if field is None:
            words.extend(fold(value).split())
            continue
        folded = " ".join(fold(value).split())
        if not folded:
            continue  # still being typed
        fields.append((field, value))
        if field == PERSON_WORD:
            named = _chosen(folded, ((p.id, (fold(p.name),)) for p in catalogue.people_by_name))
            ids = frozenset(s.id for person in named for s in catalogue.people_sessions[person])
            people = ids if people is None else people | ids
        elif field == DAY_WORD:
            dates = _days(folded, catalogue)
            days, named = dates | (days or frozenset()), frozenset(map(str, dates))
        else:
            index = next(i for i, facet in enumerate(FACETS) if facet.word == field)
            named = _chosen(folded, _facet_names(catalogue, index))
            chosen[index] = chosen.get(index, frozenset()) | named
        if not named:
            unnamed.append((field, value))
    # A field that names nothing chooses nothing (a value no session has, not "no filter").
    filters = tuple((index, values or NAMES_NOTHING) for index, values in chosen.items())
    return Query(tuple(words), filters, people, days, tuple(fields), tuple(unnamed))
