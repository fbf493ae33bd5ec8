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
    places = list(places)
    name = from_file or from_user
    if not name:
        if moments:
            return infer_zone(moments, places)
        city = _only_zone_named_in(places)
        if city is not None:
            key, place = city
            return Zone(key, zone_named(key), f"the file names no time zone; {key}, "
                                              f"from {place!r}")
        raise ProgrammeError(source, [Problem(
            "file", "the file does not say which time zone it uses; pass --timezone "
                    "ZONE (an IANA name such as Europe/Berlin)")])
    try:
        check_zone(name)
    except ValueError as error:
        where = "time zone in the file" if from_file else "--timezone"
        raise ProgrammeError(source, [Problem(where, str(error))]) from None
    zone = zone_named(name)
    if from_file and moments and not _fits(zone, moments[:CHECKED]):
        # The file's own offsets give the instants; its declared zone is wrong:
        # the user's choice, else a zone that fits them.
        if from_user:
            return resolve_zone(None, from_user, source)
        found = infer_zone(moments, places)
        return Zone(found.name, found.zone,
                    f"the file says {name}, but its times carry other offsets; shown in "
                    f"{found.name}, which fits them")
    return Zone(name, zone)


#: Times checked against a declared zone (enough to tell; a large file has many).
CHECKED = 500


def _fits(zone: dt.tzinfo, moments: Sequence[dt.datetime]) -> bool:
    """Whether *zone* gives any of *moments* the offset it carries."""
    return any(m.astimezone(zone).utcoffset() == m.utcoffset() for m in moments)


def _only_zone_named_in(places: Iterable[str]) -> tuple[str, str] | None:
    """The one IANA zone a place in the file names as its city, with the place."""
    for place in places:
        if not place:
            continue
        found = _zones_named_in(place)
        if len(found) == 1:
            return found[0], place
    return None


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
