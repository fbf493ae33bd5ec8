"""The programme: pydantic models of confterm's own schedule format.

Every model is frozen; queries live in :mod:`confterm.model.view`. Cross
references (a session's track, room, themes and people) are checked by
:mod:`confterm.model.checks` so that every broken reference is reported at once.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    model_validator,
)

from confterm.model.text import neutralise

FORMAT_NAME: Final = "confterm-programme"
FORMAT_VERSION: Final = 1

#: Language tag used when a source gives text without saying which language.
UNDETERMINED = "und"

SafeStr = Annotated[str, AfterValidator(neutralise)]
Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:@/+-]*$",
        description="A stable identifier: letters, digits and . _ : @ / + -",
    ),
]


def _text_from_plain_string(value: object) -> object:
    return {UNDETERMINED: value} if isinstance(value, str) else value


class Localized(RootModel[dict[str, SafeStr]]):
    """Text in one or more languages, keyed by language tag (``en``, ``fr``…)."""

    root: Annotated[dict[str, SafeStr], BeforeValidator(_text_from_plain_string)]
    model_config = ConfigDict(frozen=True)

    @model_validator(mode="after")
    def _not_empty(self) -> Localized:
        if not self.root:
            raise ValueError("needs text in at least one language")
        return self

    def get(self, lang: str) -> str:
        """The text in *lang*, else English, else French, else any language."""
        for key in (lang, "en", "fr", UNDETERMINED):
            if key in self.root:
                return self.root[key]
        return next(iter(self.root.values()))

    def all_text(self) -> str:
        return " ".join(self.root.values())


def _check_zone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r} (use an IANA name such as "
                         "'America/Sao_Paulo')") from error
    return name


TimeZoneName = Annotated[str, AfterValidator(_check_zone)]


def _iso_text(value: object) -> object:
    # Without this, pydantic's lax mode would read a number as a Unix timestamp.
    if isinstance(value, int | float):
        raise ValueError("must be an ISO 8601 string such as 2024-11-13T14:00:00-03:00")
    return value


Instant = Annotated[AwareDatetime, BeforeValidator(_iso_text)]
Date = Annotated[dt.date, BeforeValidator(_iso_text)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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


class Role(StrEnum):
    SPEAKER = "speaker"
    MODERATOR = "moderator"
    PANELLIST = "panellist"
    HOST = "host"


class Source(_Frozen):
    title: SafeStr
    url: SafeStr | None = None
    published: dt.date | None = None
    language: str | None = None


class Day(_Frozen):
    date: Date
    label: Localized | None = Field(
        default=None, description="A name for the day, e.g. 'AI Day'.")


class Track(_Frozen):
    id: Id
    name: Localized


class Room(_Frozen):
    id: Id
    name: SafeStr


class Theme(_Frozen):
    id: Id
    label: Localized


class Person(_Frozen):
    id: Id
    name: SafeStr
    position: Localized | None = Field(default=None, description="Job title or role.")
    organisation: Localized | None = None


class Participation(_Frozen):
    person: Id = Field(description="The id of an entry in 'people'.")
    role: Role = Role.SPEAKER


class Session(_Frozen):
    id: Id = Field(description="Stable forever: bookmarks refer to it.")
    day: Date = Field(description="The conference day the session belongs to.")
    start: Instant
    end: Instant
    kind: Kind = Kind.TALK
    track: Id | None = None
    room: Id | None = None
    themes: tuple[Id, ...] = ()
    people: tuple[Participation, ...] = ()
    title: Localized
    description: Localized | None = None
    notes: Localized | None = None
    indicative: bool = Field(
        default=False,
        description="True when the time and room are not from an official source.")

    @property
    def duration(self) -> dt.timedelta:
        return self.end - self.start


class Programme(_Frozen):
    """A whole conference programme in confterm's own format."""

    format: Literal["confterm-programme"] = FORMAT_NAME
    version: Literal[1] = FORMAT_VERSION
    id: Id = Field(description="Stable id of the programme; bookmarks are stored under it.")
    name: Localized
    theme: Localized | None = None
    summary: Localized | None = None
    city: SafeStr | None = None
    country: SafeStr | None = None
    venue: SafeStr | None = None
    timezone: TimeZoneName
    languages: tuple[str, ...] = ("en",)
    notice: Localized | None = Field(
        default=None, description="Shown to users, e.g. that times are indicative.")
    sources: tuple[Source, ...] = ()
    day_change: dt.time = Field(
        default=dt.time(0, 0),
        description="Local time at which one conference day ends and the next begins.")
    days: tuple[Day, ...] = Field(min_length=1)
    tracks: tuple[Track, ...] = ()
    rooms: tuple[Room, ...] = ()
    themes: tuple[Theme, ...] = ()
    people: tuple[Person, ...] = ()
    sessions: tuple[Session, ...] = ()

    @property
    def zone(self) -> dt.tzinfo:
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.timezone)

    def day_index(self, day: dt.date) -> int:
        """1-based number of *day* in the programme."""
        return [d.date for d in self.days].index(day) + 1
