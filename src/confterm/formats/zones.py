"""The time zone of an imported programme.

In order: ``--timezone``'s when the file names none, the zone the file names,
and for a file whose every time carries its UTC offset (or is UTC), a zone that
fits those times: one the file names as a city (``Berlin`` for
``Europe/Berlin``) if its offsets match every time, else the file's own fixed
offset (``UTC+05:30``), and the reader says so.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from confterm.model.constraints import check_zone
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.offsets import fixed_offset_name, zone_named


@dataclass(frozen=True)
class Zone:
    name: str
    zone: dt.tzinfo
    #: How the zone was found, when the file did not name it.
    note: str | None = None


def resolve_zone(from_file: str | None, from_user: str | None, source: str, *,
                 moments: Sequence[dt.datetime] = (), places: Iterable[str] = ()) -> Zone:
    """The zone to read the file in. *moments* are the file's times, when every
    one carries its offset; *places* are names in the file that may be a city."""
    name = from_file or from_user
    if not name:
        if moments:
            return infer_zone(moments, places)
        raise ProgrammeError(source, [Problem(
            "file", "the file does not say which time zone it uses; pass --timezone "
                    "ZONE (an IANA name such as Europe/Berlin)")])
    try:
        check_zone(name)
    except ValueError as error:
        where = "time zone in the file" if from_file else "--timezone"
        raise ProgrammeError(source, [Problem(where, str(error))]) from None
    return Zone(name, zone_named(name))


def infer_zone(moments: Sequence[dt.datetime], places: Iterable[str]) -> Zone:
    """A zone for times that all carry their offsets, in a file that names none."""
    offsets = [m.utcoffset() or dt.timedelta(0) for m in moments]
    for place in places:
        for key in _zones_named_in(place):
            zone = zone_named(key)
            if all(m.astimezone(zone).utcoffset() == o for m, o in zip(moments, offsets,
                                                                      strict=True)):
                return Zone(key, zone, f"the file names no time zone; {key} (from "
                                       f"{place!r}) matches all its times")
    common = Counter(offsets).most_common(1)[0][0]
    name = "UTC" if not common else fixed_offset_name(common)
    return Zone(name, zone_named(name), f"the file names no time zone; times are shown "
                                        f"at its own offset, {name}")


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.replace("_", " ").casefold().split())


def _zones_named_in(place: str) -> list[str]:
    """IANA zones whose city (``Sao_Paulo``) is a word sequence of *place*."""
    from zoneinfo import available_timezones

    words = f" {_fold(place)} "
    return sorted(key for key in available_timezones()
                  if "/" in key and not key.startswith(("Etc/", "SystemV/"))
                  and f" {_fold(key.rsplit('/', 1)[1])} " in words)
