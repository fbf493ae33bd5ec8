"""Importing another format, beside parsing the same bytes with the standard library.

    python benchmarks/import_speed.py [--sessions 1000] [--runs 30]

Generates a programme (``generate.py``) as a frab ``schedule.xml`` and a c3voc
``schedule.json`` and times, in this process after a warm-up, the median of
each of:

- the standard library alone: ``ElementTree.fromstring`` / ``json.loads`` of the
  bytes, and the same plus taking each event's fields out into a dict;
- confterm's import (``load_any``: read, convert, validate, check), and its
  stages: the reader's conversion (parse included), pydantic's validation of
  the converted data, and the cross-reference checks and warnings.

Validation and the checks are the floor of any import that validates: their
sum beside the parse says how close to the parse an import can come.

Each format twice: with plain descriptions, and with real-shaped ones (about
600 characters: Markdown in the c3voc file as pretalx writes it, HTML in the
frab file as Pentabarf does). Then whole processes, alternating: the first
opening of each real-shaped file (``confterm -p FILE sessions --format tsv``
with an empty cache) beside its opening from the validated cache.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import as_c3voc, as_frab_xml, generate  # noqa: E402
from startup import isolated_env  # noqa: E402

from confterm.formats.detect import load_any, read_programme_data  # noqa: E402
from confterm.model.checks import find_problems, find_warnings  # noqa: E402
from confterm.model.validation import validate  # noqa: E402


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def xml_fields(raw: bytes) -> list[dict[str, Any]]:
    root = ElementTree.fromstring(raw)
    return [{child.tag: (child.text or "").strip() for child in event}
            for event in root.iter("event")]


def json_fields(raw: bytes) -> list[dict[str, Any]]:
    data = json.loads(raw)
    return [dict(event) for day in data["schedule"]["conference"]["days"]
            for events in day["rooms"].values() for event in events]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    data = generate(args.sessions, days=3)
    files = {"frab XML": (as_frab_xml(data).encode(), ElementTree.fromstring, xml_fields),
             "c3voc JSON": (as_c3voc(data).encode(), json.loads, json_fields),
             "frab, HTML": (as_frab_xml(data, real=True).encode(), ElementTree.fromstring,
                            xml_fields),
             "c3voc, Markdown": (as_c3voc(data, real=True).encode(), json.loads, json_fields)}
    rows: dict[str, list[str]] = {}
    for raw, parse, fields in files.values():
        converted = read_programme_data(raw, "bench")
        assert converted is not None
        programme = validate(converted.data)
        times = {
            "stdlib parse": median_ms(lambda: parse(raw), args.runs),  # noqa: B023
            "stdlib parse + fields": median_ms(lambda: fields(raw), args.runs),  # noqa: B023
            "confterm import": median_ms(lambda: load_any(raw, "bench"), args.runs),  # noqa: B023
            "  read + convert": median_ms(
                lambda: read_programme_data(raw, "bench"), args.runs),  # noqa: B023
            "  validate (pydantic)": median_ms(
                lambda: validate(converted.data), args.runs),  # noqa: B023
            "  checks + warnings": median_ms(
                lambda: (find_problems(programme), find_warnings(programme)),  # noqa: B023
                args.runs),
        }
        base = times["stdlib parse"]
        floor = base + times["  validate (pydantic)"] + times["  checks + warnings"]
        times["floor: parse + validate + checks"] = floor
        for name, value in times.items():
            rows.setdefault(name, []).append(f"{value:7.1f} ms {value / base:5.1f}×")
        rows.setdefault("file size", []).append(f"{len(raw) / 1024:7.0f} KiB       ")
    width = max(map(len, rows)) + 2
    print(f"{args.sessions} events, median of {args.runs} runs; × = ratio to the stdlib parse")
    print(" " * width + "".join(f"{label:>18}" for label in files))
    for name, cells in rows.items():
        print(f"{name:<{width}}" + "".join(f"{cell:>18}" for cell in cells))
    print()
    first_and_cached({label: files[label][0] for label in ("frab, HTML", "c3voc, Markdown")},
                     runs=max(args.runs // 6, 3))


def first_and_cached(files: dict[str, bytes], runs: int) -> None:
    """Whole processes: a file's first opening beside its cached one. First: the
    file is not in the validated cache, on an installation that has validated a
    programme before (its kept schemas are there); new install: nothing cached."""
    import shutil
    import subprocess
    import tempfile

    print(f"Whole process, confterm -p FILE sessions --format tsv, median of {runs} (ms)")
    print(f"{'':20}{'first':>10}{'cached':>10}{'ratio':>8}{'new install':>14}{'ratio':>8}")
    for label, raw in files.items():
        with tempfile.TemporaryDirectory() as home:
            env = isolated_env(home)
            path = Path(home) / ("schedule.xml" if "frab" in label else "schedule.json")
            path.write_bytes(raw)
            argv = [sys.executable, "-m", "confterm", "-p", str(path), "sessions",
                    "--format", "tsv"]
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)  # compiled
            first, cached, new = [], [], []
            validated = Path(env["CONFTERM_CACHE_DIR"]) / "validated"
            for _ in range(runs):
                shutil.rmtree(validated, ignore_errors=True)  # the schemas are kept
                for into in (first, cached):
                    into.append(_run_ms(argv, env))
                shutil.rmtree(env["CONFTERM_CACHE_DIR"], ignore_errors=True)
                new.append(_run_ms(argv, env))
        a, b, c = statistics.median(first), statistics.median(cached), statistics.median(new)
        print(f"{label:20}{a:10.0f}{b:10.0f}{a / b:7.2f}x{c:14.0f}{c / b:7.2f}x")
    print("Target: the first opening within 2.5x the cached one.")


def _run_ms(argv: list[str], env: dict[str, str]) -> float:
    import subprocess

    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    main()
