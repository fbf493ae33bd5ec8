"""Import every schedule file in a folder and report how each went.

    make interop INTEROP_DIR=~/schedules [INTEROP_TIMEZONE=Europe/Berlin]

For each file: its format, the number of events, the import time (read,
convert and validate, in this process, after a first warm-up import of the
file), and every warning; a refused file shows why. Nothing is written. The
files are yours: confterm's tests use small fixtures of their own instead.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from confterm.formats.detect import format_of, load_any
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.loader import MAX_BYTES
from confterm.model.text import shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--timezone", default=None,
                        help="for files that name no time zone and carry no offsets")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.expanduser().iterdir() if p.is_file())
    if not files:
        raise SystemExit(f"no files in {args.folder}")
    for path in files:
        if path.stat().st_size > MAX_BYTES:
            print(f"{shown(path.name)}: larger than {MAX_BYTES // 2**20} MiB, skipped")
            continue
        raw = path.read_bytes()
        warnings: list[Problem] = []
        try:
            load_any(raw, path.name, timezone=args.timezone)  # warm-up: imports, caches
            started = time.perf_counter()
            programme = load_any(raw, path.name, timezone=args.timezone, warnings=warnings)
            took = (time.perf_counter() - started) * 1000
        except ProgrammeError as error:
            print(f"{shown(path.name)}: {format_of(raw)}, refused")
            print("    " + error.report().replace("\n", "\n    "))
            continue
        print(f"{shown(path.name)}: {format_of(raw)}, {len(programme.sessions)} events, "
              f"{len(programme.days)} days, {took:.0f} ms, {len(warnings)} warnings")
        for warning in warnings:
            print(f"    warning: {shown(warning.describe(path.name))}")


if __name__ == "__main__":
    main()
