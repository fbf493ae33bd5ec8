"""Validation markers for the programme dataclasses.

Each marker describes a rule and tells pydantic how to enforce it, but imports
pydantic only when a validator is built. So the dataclasses themselves load
without pydantic: a cached, already validated programme opens fast.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from confterm.model.text import inert, invisible_escaped, neutralise

#: Dates outside these years are refused: no conference is that far off, and
#: arithmetic near year 1 or 9999 (a time zone, a day change) would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def year_problem(moment: dt.date) -> str | None:
    """Why *moment* is refused, or None when its year is in range."""
    if FIRST_YEAR <= moment.year <= LAST_YEAR:
        return None
    return f"{moment.isoformat()} is outside the years {FIRST_YEAR}–{LAST_YEAR}"


def _core_schema() -> Any:
    from pydantic_core import core_schema

    return core_schema


class Neutralised:
    """A string with terminal-active characters made visible (see ``neutralise``)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return _core_schema().no_info_after_validator_function(neutralise, handler(source))


def one_line(text: str) -> str:
    """*text*, neutralised; a line break is refused (names and titles are one line:
    in a calendar file a raw line break would start a new property)."""
    if not inert(text):  # the vast majority is
        text = neutralise(text)
    if "\n" in text:
        raise ValueError("must be one line (it contains a line break)")
    return text


class OneLine:
    """A neutralised string without line breaks."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return _core_schema().no_info_after_validator_function(one_line, handler(source))


@dataclass(frozen=True)
class Identifier:
    """A stable id: letters, digits and ``. _ : @ / + -``, at most 200 characters."""

    pattern: str = r"^[A-Za-z0-9][A-Za-z0-9._:@/+-]*$"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return _core_schema().str_schema(pattern=self.pattern, min_length=1, max_length=200)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        result = handler(schema)
        result["description"] = self.__doc__
        return result


class IsoText:
    """Dates and times must be ISO 8601 strings: pydantic's lax mode would
    otherwise read a number as a Unix timestamp. (A string check chained before
    the parse: no Python call per value.)"""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        core = _core_schema()
        inner = handler(source)
        if inner.get("type") == "date":  # the range check runs in pydantic's core
            inner["ge"], inner["lt"] = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR + 1, 1, 1)
        elif inner.get("type") == "datetime":
            inner["ge"] = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC)
            inner["lt"] = dt.datetime(LAST_YEAR + 1, 1, 1, tzinfo=dt.UTC)
        return core.chain_schema([core.str_schema(strict=True), inner])

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        return handler(schema["steps"][-1])


class Aware:
    """A date-time with a UTC offset. Must come first in ``Annotated``: it
    constrains the plain datetime schema."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if schema.get("type") != "datetime":
            raise TypeError("Aware() must be the first marker on a datetime")
        schema["tz_constraint"] = "aware"
        return schema


class ZoneName:
    """An IANA time zone name such as ``America/Sao_Paulo``, or a fixed offset
    such as ``UTC+05:30``."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return _core_schema().no_info_after_validator_function(check_zone, handler(source))


def check_zone(name: str) -> str:
    from zoneinfo import ZoneInfoNotFoundError

    from confterm.model.offsets import zone_named

    try:
        zone_named(name)
    # OSError: a name such as "America" or "Etc" is a folder of the zone database.
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise ValueError(f"unknown time zone {name!r} (use an IANA name such as "
                         "'America/Sao_Paulo')") from error
    return name


_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class LanguageTag:
    """A language tag such as ``en``, ``fr`` or ``pt-BR``."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return _core_schema().str_schema(pattern=_LANGUAGE.pattern)


def _escaped_address(value: object) -> object:
    return invisible_escaped(value) if isinstance(value, str) else value


class WebAddress:
    """An http(s) address: no other scheme, no white space or control characters;
    invisible and bidi characters are shown percent-encoded."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = _core_schema()
        return schema.no_info_before_validator_function(_escaped_address, schema.str_schema(
            pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s\x00-\x1f\x7f-\x9f]+$", max_length=2000))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        result = handler(schema)
        result["description"] = self.__doc__
        return result
