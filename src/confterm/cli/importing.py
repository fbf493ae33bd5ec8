"""``confterm import``: another schedule format in, confterm's programme JSON out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from confterm.cli.output import print_warnings, report, write_output
from confterm.cli.waiting import while_waiting
from confterm.formats.detect import format_of, load_any
from confterm.model.errors import Problem
from confterm.model.text import shown
from confterm.model.validation import programme_to_json
from confterm.opening.files import read_programme_bytes
from confterm.storage.paths import is_url

FORMAT_NAMES = {"confterm": "confterm JSON", "c3voc-json": "c3voc schedule.json",
                "frab-xml": "frab/Pentabarf XML", "ics": "iCalendar"}


def run_import(source: str, output: Path, timezone: str | None,
               deadline: float | None = None) -> int:
    warnings: list[Problem] = []
    if is_url(source):
        from confterm.opening.sources import download

        with while_waiting(f"downloading {shown(source)}"):
            fetched, programme = download(source, timezone=timezone, deadline=deadline)
        raw = fetched.raw
        if fetched.offline:
            print(f"confterm: could not download a new copy ({shown(fetched.error)}); "
                  f"importing the copy cached at {fetched.fetched_at:%Y-%m-%d %H:%M} UTC",
                  file=sys.stderr)
    else:
        raw = read_programme_bytes(Path(source))
        with while_waiting(f"reading {shown(source)}"):
            programme = load_any(raw, source, timezone=timezone, warnings=warnings)
    print_warnings(warnings, source)
    document = programme_to_json(programme)
    # Format marker first, for people reading the file.
    ordered = {"format": programme.format, "version": programme.version, **document}
    where = write_output(output, (json.dumps(ordered, ensure_ascii=False, indent=2)
                                  + "\n").encode("utf-8"))
    report(output, f"Imported {FORMAT_NAMES[format_of(raw)]}: {len(programme.days)} days, "
                   f"{len(programme.sessions)} sessions, {len(programme.rooms)} rooms, "
                   f"{len(programme.tracks)} tracks, {len(programme.themes)} themes -> {where}")
    return 0
