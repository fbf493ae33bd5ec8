"""Peak memory of opening large programmes, in each format, beside the file size.

    python benchmarks/memory.py              # 60 MB files (about 80,000 sessions)
    python benchmarks/memory.py --sessions 20000

For each format a programme is generated (benchmarks/generate.py) and opened in a
fresh process the way the browser opens it at start (read, convert, validate,
cache), with an empty cache; the process's peak resident memory is read from the
kernel. A hello-world process (Python importing confterm's command line) is
measured too, as the floor. Also: the first frame with a 10 MB title, on a
pseudo-terminal, against a one-session programme.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from firstframe import first_frame_ms  # noqa: E402

# The programmes are written by other processes: a child's peak memory counts the
# pages of its parent before exec, so the measuring process stays small.
FORMATS = ("confterm", "c3voc-json", "frab-xml", "ics")
OPEN = ("import sys; from confterm.opening.sources import open_location; "
        "p = open_location(sys.argv[1]); print(len(p.programme.sessions))")
FLOOR = "import confterm.cli"
SUFFIX = {"confterm": ".json", "c3voc-json": ".json", "frab-xml": ".xml", "ics": ".ics"}


def peak_mib(code: str, *args: str, env: dict[str, str]) -> tuple[float, str]:
    """Peak resident memory (MiB) of a fresh Python process running *code*."""
    process = subprocess.Popen([sys.executable, "-c", code, *args], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"failed: {err[-2000:]}")
    return usage.ru_maxrss / 1024, out.strip()


def flat_frab_xml(sessions: int) -> str:
    """A frab XML file whose every event is in one day and one room (a day is then
    as large as the file)."""
    parts = ['<?xml version="1.0"?><schedule><conference><title>Flat</title>'
             "<time_zone_name>Europe/Berlin</time_zone_name></conference>"
             '<day date="2025-01-01" index="1"><room name="A">']
    for i in range(sessions):
        hour, minute = divmod(i % 1440, 60)
        parts.append(
            f'<event id="{i}" guid="g{i}"><date>2025-01-01T{hour:02d}:{minute:02d}:00+01:00'
            f"</date><start>{hour:02d}:{minute:02d}</start><duration>00:01</duration>"
            f"<room>A</room><title>Talk {i} about a topic of interest</title>"
            f"<type>lecture</type><language>en</language><abstract>An abstract of some "
            f"length for event number {i}, to make it realistic.</abstract><persons>"
            f'<person id="{i % 500}">Person {i % 500}</person></persons></event>')
    parts.append("</room></day></schedule>")
    return "".join(parts)


def tiny_ics(sessions: int) -> str:
    """A calendar of events with little more than a start and a title."""
    parts = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"]
    for i in range(sessions):
        parts.append(f"BEGIN:VEVENT\r\nUID:{i}\r\nDTSTART:20250101T{(i // 60) % 24:02d}"
                     f"{i % 60:02d}00Z\r\nDURATION:PT1M\r\nSUMMARY:E{i}\r\nEND:VEVENT\r\n")
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=80_000)
    args = parser.parse_args()
    days = str(max(3, -(-args.sessions // 2000)))  # at most 20 sessions a room a day
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "CONFTERM_CACHE_DIR": f"{folder}/cache",
               "CONFTERM_DATA_DIR": f"{folder}/data", "CONFTERM_CONFIG_DIR": f"{folder}/config"}
        floor, _ = peak_mib(FLOOR, env=env)
        print(f"{'format':<12} {'file (MiB)':>10} {'peak (MiB)':>10} {'ratio':>6} "
              f"{'above floor':>11}  sessions")
        print(f"{'(floor)':<12} {'':>10} {floor:>10.0f}")
        for name in FORMATS:
            path = Path(folder) / f"programme{SUFFIX[name]}"
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.sessions),
                            "--days", days, "--format", name, "--output", str(path)],
                           check=True, capture_output=True)
            size = path.stat().st_size / 2**20
            peak, count = peak_mib(OPEN, str(path), env=env)
            print(f"{name:<12} {size:>10.1f} {peak:>10.0f} {peak / size:>6.1f} "
                  f"{(peak - floor) / size:>11.1f}  {count}")
            path.unlink()
            for cached in Path(folder, "cache").rglob("*"):
                if cached.is_file():
                    cached.unlink()
        print()
        print("Shapes that hold little text per session or all of it in one place:")
        # The flat file at about 60 MB (twice the sessions); the calendar at the same
        # count of sessions (60 MB of them would take minutes in icalendar's parser).
        for label, suffix, write, count in (
                ("flat frab-xml", ".xml", flat_frab_xml, 2 * args.sessions),
                ("tiny-event ics", ".ics", tiny_ics, args.sessions)):
            path = Path(folder) / f"shape{suffix}"
            path.write_text(write(count), encoding="utf-8")
            size = path.stat().st_size / 2**20
            peak, count = peak_mib(OPEN, str(path), env=env)
            print(f"{label:<14} {size:>8.1f} {peak:>10.0f} {peak / size:>6.1f} "
                  f"{(peak - floor) / size:>11.1f}  {count}")
            path.unlink()
            for cached in Path(folder, "cache").rglob("*"):
                if cached.is_file():
                    cached.unlink()
        print()
        minimal = json.loads((HERE.parent / "tests/corpus/minimal.json").read_text())
        small = Path(folder) / "small.json"
        small.write_text(json.dumps(minimal))
        minimal["sessions"][0]["title"] = {"en": "word " * 2_000_000}
        huge = Path(folder) / "huge-title.json"
        huge.write_text(json.dumps(minimal))
        del minimal
        term = {**env, "TERM": "xterm-256color"}
        command = [sys.executable, "-m", "confterm", "--now", "2025-03-01T10:00", "-p"]
        for label, path in (("one session", small), ("a 10 MB title", huge)):
            times = sorted(first_frame_ms([*command, str(path)], "Quit", term)
                           for _ in range(3))
            print(f"first frame, {label:<14} {times[1]:>6.0f} ms (median of 3, cold cache "
                  "only on the first)")


if __name__ == "__main__":
    main()
