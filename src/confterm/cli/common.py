"""What several commands share: which programme to open, and opening it."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from typing import TYPE_CHECKING

from confterm.cli.errors import UsageError
from confterm.cli.waiting import while_waiting
from confterm.model.text import shown

if TYPE_CHECKING:
    from confterm.model.programme import Programme
    from confterm.opening.sources import Opened
    from confterm.storage.recent import Recent


def location(args: argparse.Namespace) -> str:
    """The programme to open: --programme, else CONFTERM_PROGRAMME, else the one
    opened last, else (the first time) the bundled one."""
    location: str | None = getattr(args, "programme", None) or os.environ.get(
        "CONFTERM_PROGRAMME")
    if not location:
        last = _last_opened()
        location = last.location if last is not None else None
    if not location:
        from confterm.storage.paths import bundled_programme_path

        location = str(bundled_programme_path())
    return location


def _last_opened() -> Recent | None:
    from confterm.storage.recent import last_opened

    return last_opened()


def timezone_option(args: argparse.Namespace, where: str | None = None) -> str | None:
    """--timezone, else the zone the programme at *where* was opened with last.
    An unknown zone is an error, whether or not the programme needs one."""
    zone: str | None = getattr(args, "timezone", None)
    if zone is not None:
        from confterm.model.constraints import check_zone

        try:
            check_zone(zone)
        except ValueError as error:
            raise UsageError(f"--timezone: {shown(error)}") from None
    if zone is None and where is not None:
        from confterm.storage.recent import load_recent, location_key

        key = location_key(where)
        zone = next((e.timezone for e in load_recent() if location_key(e.location) == key),
                    None)
    return zone


def download_deadline() -> float:
    """How long a download may take (the ``download_seconds`` setting)."""
    from confterm.storage.settings import load_settings

    return float(load_settings().settings.download_seconds)


def open_programme(args: argparse.Namespace) -> Opened:
    from confterm.opening.sources import open_location
    from confterm.storage.paths import is_url
    from confterm.wording import offline_note

    where = location(args)
    zone = timezone_option(args, where)
    deadline = download_deadline() if is_url(where) else None
    with while_waiting(f"opening {shown(where)}"):
        opened = open_location(where, timezone=zone, deadline=deadline)
    if opened.offline:
        note = offline_note(opened.fetched_at, opened.offline)
        print(f"confterm: {note} ({shown(opened.error)})", file=sys.stderr)
    if opened.moved_from is not None:
        print(f"confterm: {opened.moved_note()}", file=sys.stderr)
    if opened.found_under is not None:
        print(f"confterm: {shown(opened.found_note())}", file=sys.stderr)
    return opened


def load(args: argparse.Namespace) -> Programme:
    return open_programme(args).programme


def parse_day(value: str, programme: Programme) -> dt.date:
    """A day given as its number (1-based) or as YYYY-MM-DD."""
    dates = [d.date for d in programme.days]
    if value.isdigit():
        number = int(value)
        if 1 <= number <= len(dates):
            return dates[number - 1]
        raise UsageError(f"--day {value}: the programme has days 1 to {len(dates)}")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--day {value!r}: give a day number or a date (YYYY-MM-DD)") from None
    if day not in dates:
        raise UsageError(f"--day {value}: not a day of this programme "
                         f"({', '.join(map(str, dates))})")
    return day


def remember_opened(opened: Opened) -> None:
    """Add the programme to the recent ones (a read-only data folder only costs that):
    a file by its full path (one typed relative to another folder opens from any),
    opened now (the real time, whatever --now pretends)."""
    from confterm.storage.recent import Recent, location_key
    from confterm.storage.recent import remember_opened as remember

    programme = opened.programme
    days = [d.date for d in programme.days]
    with contextlib.suppress(OSError):
        remember(Recent(location_key(opened.location), programme.name.get("en"),
                        min(days, default=None), max(days, default=None),
                        dt.datetime.now(dt.UTC), opened.timezone, dict(programme.name.root)))
