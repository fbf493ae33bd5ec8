"""The programme: confterm's own schedule format, as frozen dataclasses.

Validation rules are attached as ``Annotated`` markers (``confterm.model.constraints``)
and enforced by :mod:`confterm.model.validation`; this module itself does not
import pydantic, so an already validated programme loads from the cache fast.
Cross references (a session's track, room, themes and people) are checked by
:mod:`confterm.model.checks`, so that every broken reference is reported at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Final, Literal

from confterm.model.constraints import (
    Aware,
    Identifier,
    IsoText,
    LanguageTag,
    Neutralised,
    OneLine,
    WebAddress,
    ZoneName,
)
from confterm.model.offsets import zone_named
from confterm.model.text import inert, neutralise

FORMAT_NAME: Final = "confterm-programme"
FORMAT_VERSION: Final = 1

#: Language tag used when a source gives text without saying which language.
UNDETERMINED = "und"

SafeStr = Annotated[str, Neutralised()]
#: Names and titles: neutralised, and refused if they hold a line break.
LineStr = Annotated[str, OneLine()]
Id = Annotated[str, Identifier()]
Instant = Annotated[dt.datetime, Aware(), IsoText()]  # Aware needs the bare datetime schema
Date = Annotated[dt.date, IsoText()]
TimeZoneName = Annotated[str, ZoneName()]
Language = Annotated[str, LanguageTag()]

# Plain (not slotted) frozen dataclasses: unpickling them from the validated
# cache restores each __dict__ in C, several times faster than slots.
#: Unknown fields are errors (they are usually typos). The attribute docstrings
#: below describe the fields in the published JSON Schema: reading them parses
#: this file's source, so only the schema turns that on (``validation.json_schema``).
_STRICT: dict[str, Any] = {"extra": "forbid", "use_attribute_docstrings": False}


def _by_language(text: Localized) -> dict[str, str]:
    """A text as a file holds it (a named function: the schema can be pickled)."""
    return text.root


@dataclass(frozen=True)
class Localized:
    """Text in one or more languages, keyed by language tag (``en``, ``fr``…).

    In a file: ``{"en": "…", "fr": "…"}``, or a plain string when the language
    is not known.
    """

    root: dict[str, str]

    def get(self, lang: str) -> str:
        """The text in *lang*, else English, else French, else any language."""
        root = self.root
        text = root.get(lang) or root.get("en") or root.get("fr") or root.get(UNDETERMINED)
        return text if text is not None else next(iter(root.values()))

    def all_text(self) -> str:
        return " ".join(self.root.values())

    def __hash__(self) -> int:
        return hash(tuple(self.root.items()))

    @classmethod
    def _validated(cls, value: str | dict[str, str]) -> Localized:
        # One Python call per text, whatever its number of languages; the dict
        # pydantic built is kept unless a text needs neutralising.
        if isinstance(value, str):
            value = {UNDETERMINED: value}
        for text in value.values():
            if not inert(text):
                return cls._neutralised(value)
        return cls(value)

    @classmethod
    def _neutralised(cls, value: dict[str, str]) -> Localized:
        """For text with a character that is not printable (rare)."""
        return cls({lang: neutralise(text) for lang, text in value.items()})

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        texts = core_schema.dict_schema(handler.generate_schema(Language),
                                        core_schema.str_schema(), min_length=1)
        return core_schema.no_info_after_validator_function(
            cls._validated, core_schema.union_schema(
                [core_schema.str_schema(), texts], mode="left_to_right"),
            serialization=core_schema.plain_serializer_function_ser_schema(_by_language))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        texts = {"type": "object", "minProperties": 1,
                 "additionalProperties": {"type": "string"},
                 "description": "Text by language tag, e.g. {\"en\": \"…\", \"fr\": \"…\"}"}
        return {"anyOf": [{"type": "string"}, texts]}


@dataclass(frozen=True)
class Line(Localized):
    """Localized text on one line: a name, label or title. A line break is refused
    (in a calendar file it would start a new property)."""

    __hash__ = Localized.__hash__  # not the dataclass's: a dict cannot be hashed

    @classmethod
    def _validated(cls, value: str | dict[str, str]) -> Localized:
        text = super()._validated(value)
        if any("\n" in t for t in text.root.values()):  # (after \r and U+2028 became one)
            raise ValueError("must be one line (it contains a line break)")
        return text


class Kind(StrEnum):
    CEREMONY = "ceremony"
    KEYNOTE = "keynote"
    PANEL = "panel"
    TALK = "talk"
    WORKSHOP = "workshop"
    BREAK = "break"
    EXHIBITION = "exhibition"
    SOCIAL = "social"
    OTHER = "other"


#: Kinds that run alongside everything (breaks, the exhibition): shown quieter,
#: they make no slot "parallel" and clash with nothing.
BACKGROUND_KINDS = frozenset({Kind.EXHIBITION, Kind.BREAK})


class Role(StrEnum):
    SPEAKER = "speaker"
    MODERATOR = "moderator"
    PANELLIST = "panellist"
    HOST = "host"


@dataclass(frozen=True)
class Source:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    title: Line
    url: SafeStr | None = None
    published: Date | None = None
    language: Language | None = None


@dataclass(frozen=True)
class Day:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    date: Date
    label: Line | None = None
    """A name for the day, e.g. 'AI Day'."""

    def label_in(self, lang: str) -> str | None:
        return self.label.get(lang) if self.label is not None else None


@dataclass(frozen=True)
class Track:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    id: Id
    name: Line


@dataclass(frozen=True)
class Room:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    id: Id
    name: Line
    """By language where the venue names its rooms in several."""


@dataclass(frozen=True)
class Theme:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    id: Id
    label: Line


@dataclass(frozen=True)
class Person:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    id: Id
    name: LineStr
    position: Line | None = None
    """Job title or role."""
    organisation: Line | None = None


@dataclass(frozen=True)
class Participation:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    person: Id
    """The id of an entry in 'people'."""
    role: Role = Role.SPEAKER


@dataclass(frozen=True)
class Link:
    """A page about a session: its event page, feedback form, recording, slides."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    title: LineStr
    url: Annotated[str, WebAddress()]


@dataclass(frozen=True)
class Session:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    id: Id
    """Stable forever: bookmarks refer to it."""
    day: Date
    """The conference day the session belongs to."""
    start: Instant
    end: Instant
    title: Line
    kind: Kind = Kind.TALK
    track: Id | None = None
    room: Id | None = None
    themes: tuple[Id, ...] = ()
    people: tuple[Participation, ...] = ()
    description: Localized | None = None
    notes: Localized | None = None
    indicative: bool = False
    """True when the time and room are not from an official source."""
    language: tuple[Language, ...] = ()
    """The language(s) spoken, as BCP 47 tags in the file's order, e.g. ["de", "en"]."""
    links: tuple[Link, ...] = ()
    """Pages about the session (event page, feedback, recordings, slides): http(s) only."""
    recorded: bool | None = None
    """Whether the session is recorded (streamed or published later), where the
    programme says: c3voc ``do_not_record``, frab ``<recording><optout>``."""
    cancelled: bool = False
    """Cancelled, where the programme says so (schedule2 ``state``): shown as
    cancelled, not left out."""

    @property
    def duration(self) -> dt.timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class Programme:
    """A whole conference programme in confterm's own format."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT
    id: Id
    """Stable id of the programme; bookmarks are stored under it."""
    name: Line
    timezone: TimeZoneName
    """IANA time zone of the conference, e.g. 'America/Sao_Paulo'; or, for a
    schedule that names none, its fixed UTC offset, e.g. 'UTC+05:30'."""
    days: tuple[Day, ...]
    format: Literal["confterm-programme"] = FORMAT_NAME
    version: Literal[1] = FORMAT_VERSION
    theme: Localized | None = None
    summary: Localized | None = None
    city: Line | None = None
    country: Line | None = None
    venue: Line | None = None
    languages: tuple[Language, ...] = ("en",)
    notice: Localized | None = None
    """Shown to users, e.g. that times are indicative."""
    timezone_note: LineStr | None = None
    """How the time zone was worked out when the file did not name it (or named
    one its own times contradict): a guess the browser shows until the user
    chooses a zone."""
    sources: tuple[Source, ...] = ()
    day_change: dt.time = dt.time(0, 0)
    """Local time at which one conference day ends and the next begins."""
    tracks: tuple[Track, ...] = ()
    rooms: tuple[Room, ...] = ()
    themes: tuple[Theme, ...] = ()
    people: tuple[Person, ...] = ()
    sessions: tuple[Session, ...] = field(default=())

    @property
    def zone(self) -> dt.tzinfo:
        return zone_named(self.timezone)

    def day_index(self, day: dt.date) -> int:
        """1-based number of *day* in the programme."""
        return [d.date for d in self.days].index(day) + 1
