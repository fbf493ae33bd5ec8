"""``confterm validate``: check a programme file."""

from __future__ import annotations

from pathlib import Path

from confterm.cli.errors import EXIT_OK
from confterm.model.text import shown


def run_validate(path: Path, timezone: str | None) -> int:
    from confterm.formats.detect import load_any
    from confterm.model.errors import Problem
    from confterm.opening.files import read_programme_bytes

    warnings: list[Problem] = []
    programme = load_any(read_programme_bytes(path), str(path), timezone=timezone,
                         warnings=warnings)
    from confterm.cli.output import print_warnings

    print_warnings(warnings, str(path))
    print(f"{shown(path)}: valid. {len(programme.days)} days, {len(programme.sessions)} sessions, "
          f"{len(programme.tracks)} tracks, {len(programme.rooms)} rooms, "
          f"{len(programme.themes)} themes, {len(programme.people)} people.")
    return EXIT_OK
