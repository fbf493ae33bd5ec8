"""The command line beside jq, on the same cached programme.

    python benchmarks/cli_speed.py [--sessions 900] [--runs 5]

Generates a c3voc ``schedule.json`` (``generate.py``: 900 sessions in 60 rooms
over 4 days), opens it once so that confterm's validated cache holds it, then
times whole processes, alternating, from launch to exit: ``confterm sessions
--format json``, ``confterm now --format json`` (during the conference) and
``jq`` walking the same file and printing every event. Prints the medians and
each command's ratio to jq. Skips jq's column where jq is not installed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import as_c3voc, generate  # noqa: E402
from startup import isolated_env  # noqa: E402

JQ_WALK = "[.schedule.conference.days[].rooms[][] | {id, guid, title, start, duration, room}]"


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=900)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = isolated_env(home)
        path = Path(home) / "schedule.json"
        path.write_text(as_c3voc(generate(args.sessions, 4, rooms=60)), encoding="utf-8")
        confterm = [sys.executable, "-m", "confterm", "--programme", str(path)]
        commands = {
            "confterm sessions --format json": [*confterm, "sessions", "--format", "json"],
            "confterm now --format json": [*confterm, "--now", "2025-09-02T11:00",
                                           "now", "--format", "json"],
        }
        jq = shutil.which("jq")
        if jq:
            commands["jq (every event)"] = [jq, JQ_WALK, str(path)]
        for argv in commands.values():  # the cache filled, the byte code compiled
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                times[name].append(timed(argv, env))
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    floor = medians.get("jq (every event)")
    print(f"{args.sessions} sessions, cached; medians of {args.runs} runs, alternating (ms)")
    for name, median in medians.items():
        ratio = f"{median / floor:6.2f}x jq" if floor else ""
        print(f"{name:36}{median:8.0f}  {ratio}")
    print("Target: confterm's commands within 2x jq.")


if __name__ == "__main__":
    main()
