"""One shared ``datetime.timezone`` per UTC offset.

Date-times with the very same tzinfo compare field by field; with equal but
distinct ones each comparison works out both offsets (ten times slower, and a
search over 10,000 sessions compares every start). Sharing also saves one
object per date-time.
"""

from __future__ import annotations

import datetime as dt
import re

_ZONES: dict[int, dt.timezone] = {}


def offset_zone(seconds: int) -> dt.timezone:
    """The shared zone for an offset of *seconds* east of UTC."""
    zone = _ZONES.get(seconds)
    if zone is None:
        zone = _ZONES[seconds] = dt.timezone(dt.timedelta(seconds=seconds))
    return zone


def with_shared_offset(moment: dt.datetime) -> dt.datetime:
    """*moment* with its fixed offset as the shared zone for that offset."""
    offset = moment.utcoffset()
    if offset is None:
        return moment
    return moment.replace(tzinfo=offset_zone(int(offset.total_seconds())))


_FIXED = re.compile(r"^UTC([+-])(\d\d):(\d\d)$")


def fixed_offset_name(offset: dt.timedelta) -> str:
    """``UTC+05:30`` for a programme that names no time zone, only an offset."""
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_named(name: str) -> dt.tzinfo:
    """The zone a programme names: an IANA name, or ``UTC±HH:MM`` (a fixed offset).
    Raises ``ValueError`` (or zoneinfo's errors) for anything else."""
    fixed = _FIXED.match(name)
    if fixed is None:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    sign, hours, minutes = fixed.groups()
    if int(hours) > 14 or int(minutes) >= 60:
        raise ValueError(f"{name}: no such UTC offset")
    seconds = (int(hours) * 3600 + int(minutes) * 60) * (1 if sign == "+" else -1)
    return offset_zone(seconds)
