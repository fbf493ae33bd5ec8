"""The time zone of an imported programme: the file's, else ``--timezone``."""

from __future__ import annotations

import datetime as dt

from confterm.model.constraints import check_zone
from confterm.model.errors import Problem, ProgrammeError


def resolve_zone(from_file: str | None, from_user: str | None,
                 source: str) -> tuple[str, dt.tzinfo]:
    """The IANA name and zone to use; the file's own zone wins when it has one."""
    from zoneinfo import ZoneInfo

    name = from_file or from_user
    if not name:
        raise ProgrammeError(source, [Problem(
            "file", "the file does not say which time zone it uses; pass --timezone "
                    "ZONE (an IANA name such as Europe/Berlin)")])
    try:
        check_zone(name)
    except ValueError as error:
        where = "time zone in the file" if from_file else "--timezone"
        raise ProgrammeError(source, [Problem(where, str(error))]) from None
    return name, ZoneInfo(name)
