"""The filters, declared once: each facet of a session an attendee can filter on.

A ``Facet`` says how a session maps to its values (ids), which values a
programme has, how a value is named, whether one or several may be chosen, and
its words: the sidebar's title, the status line's, the search line's field word
(``room:``) and the command line's option (``--room``). The view's filtering,
the sidebar's sections and counts, the status line, the filters remembered per
programme, the command line's options and the palette are all derived from
``FACETS``; adding a filter is one entry here, plus its key and translations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from confterm.model.programme import Session
    from confterm.model.view import Catalogue


def N_(text: str) -> str:
    return text


@dataclass(frozen=True)
class Facet:
    #: Also the search line's field word unless ``word`` says otherwise, and the
    #: command line's option (``--room``).
    id: str
    #: Settings key of the values chosen (kept as in older settings files).
    stored: str
    #: The sidebar's title and the status line's "rooms: {names}" (to translate).
    title: str
    status: str
    #: Several values may be chosen (any of them matches), or one.
    multiple: bool
    #: The values a session has (ids).
    values: Callable[[Catalogue, Session], tuple[str, ...]]
    #: The values the programme has, in its order.
    available: Callable[[Catalogue], tuple[str, ...]]
    #: A value's name in a language.
    name: Callable[[Catalogue, str, str], str]
    #: Sorted by name in the sidebar (else in the programme's order).
    by_name: bool = False
    #: Names are interface words (kinds…) that the interface translates.
    interface_words: bool = False
    #: The search line's field word (``lang:``), when not the id.
    field_word: str = ""
    #: A sidebar section only from this many values (one kind says nothing).
    least: int = 1
    #: The command line option's help.
    help: str = ""
    #: A single-choice facet's first choice: none of them (no filter).
    everything: str = ""

    @property
    def word(self) -> str:
        return self.field_word or self.id


def _spoken(catalogue: Catalogue, session: Session) -> tuple[str, ...]:
    # "en-GB" is chosen by "en-gb" and by "en".
    tags = [tag.lower() for tag in session.language]
    return tuple(dict.fromkeys([*tags, *(tag.split("-")[0] for tag in tags)]))


#: Whether a session is recorded: the programme says yes or no, or says nothing.
RECORDED = ("yes", "no", "unknown")
RECORDED_NAMES = {"yes": N_("recorded"), "no": N_("not recorded"), "unknown": N_("not said")}


def _recorded(catalogue: Catalogue, session: Session) -> tuple[str, ...]:
    said = session.recorded
    return ("unknown",) if said is None else ("yes",) if said else ("no",)


FACETS: tuple[Facet, ...] = (
    Facet("track", "tracks", N_("Tracks"), N_("track: {names}"), multiple=False,
          values=lambda c, s: (s.track,) if s.track else (),
          available=lambda c: tuple(c.tracks),
          name=lambda c, v, lang: c.tracks[v].name.get(lang) if v in c.tracks else v,
          help="track id or name (repeatable: any of them)", everything=N_("All tracks")),
    Facet("theme", "themes", N_("Themes"), N_("themes: {names}"), multiple=True,
          values=lambda c, s: s.themes,
          available=lambda c: tuple(c.themes),
          name=lambda c, v, lang: c.theme_label(v, lang), by_name=True,
          help="theme id or name (repeatable: any of them)"),
    Facet("room", "rooms", N_("Rooms"), N_("rooms: {names}"), multiple=True,
          values=lambda c, s: (s.room,) if s.room else (),
          available=lambda c: tuple(c.rooms),
          name=lambda c, v, lang: c.rooms[v].name.get(lang) if v in c.rooms else v,
          help="room id or name, any case (repeatable: any of them)"),
    Facet("language", "languages", N_("Spoken in"), N_("spoken in: {names}"), multiple=True,
          values=_spoken, available=lambda c: c.spoken, name=lambda c, v, lang: v,
          field_word="lang", help="spoken language, e.g. de (repeatable: any of them)"),
    Facet("kind", "kinds", N_("Kinds"), N_("kinds: {names}"), multiple=True,
          values=lambda c, s: (s.kind.value,),
          available=lambda c: c.kinds_used,
          name=lambda c, v, lang: v, interface_words=True, least=2,
          help="kind of session: talk, workshop, panel, keynote… (repeatable: any of them)"),
    Facet("recorded", "recording", N_("Recording"), N_("recording: {names}"), multiple=True,
          values=_recorded,
          available=lambda c: tuple(v for v in RECORDED if v in c.recording_said)
          if c.recording_said - {"unknown"} else (),
          name=lambda c, v, lang: RECORDED_NAMES.get(v, v), interface_words=True,
          help="yes, no or unknown: whether the programme says sessions are recorded"),
)

BY_ID: dict[str, Facet] = {facet.id: facet for facet in FACETS}
#: Each facet's place in ``FACETS`` (and in a view's ``filters``).
INDEX: dict[str, int] = {facet.id: index for index, facet in enumerate(FACETS)}
