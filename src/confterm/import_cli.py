"""``confterm import``: another schedule format in, confterm's programme JSON out."""

from __future__ import annotations

import json
from pathlib import Path

from confterm.formats.detect import format_of, load_any
from confterm.model.loader import read_programme_bytes
from confterm.model.validation import programme_to_json
from confterm.output import report, write_output

FORMAT_NAMES = {"confterm": "confterm JSON", "c3voc-json": "c3voc schedule.json",
                "frab-xml": "frab/Pentabarf XML", "ics": "iCalendar"}


def run_import(source: str, output: Path, timezone: str | None) -> int:
    if source.startswith(("http://", "https://")):
        from confterm.storage.remote import fetch_programme_bytes

        raw = fetch_programme_bytes(source)
    else:
        raw = read_programme_bytes(Path(source))
    programme = load_any(raw, source, timezone=timezone)
    document = programme_to_json(programme)
    # Format marker first, for people reading the file.
    ordered = {"format": programme.format, "version": programme.version, **document}
    where = write_output(output, (json.dumps(ordered, ensure_ascii=False, indent=2)
                                  + "\n").encode("utf-8"))
    report(output, f"Imported {FORMAT_NAMES[format_of(raw)]}: {len(programme.days)} days, "
                   f"{len(programme.sessions)} sessions, {len(programme.rooms)} rooms, "
                   f"{len(programme.tracks)} tracks, {len(programme.themes)} themes -> {where}")
    return 0
