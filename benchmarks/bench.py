"""confterm at scale: load, start-up, keystroke latency and memory, measured.

    python benchmarks/bench.py [--runs N]

Generates synthetic programmes of 1,000 sessions (3 days) and 10,000 sessions
(10 days) in 100 rooms, then prints a table, each figure beside a minimal
Textual hello-world app measured the same way in the same run where that
comparison means something. Nothing is asserted: the numbers are the result.

- load: read, parse and validate the file, in a fresh process (cold: including
  the import of pydantic) and again in the same process (warm); and read back
  from the validated-programme cache, as every start after the first does.
- start: launching ``confterm --programme FILE`` on a 120x40 pseudo-terminal to
  its first complete frame, beside a Textual hello-world launched the same way
  (see ``startup.py``), with the validated-programme cache filled by an earlier
  start.
- search index: time from the first frame until the background thread has
  folded every session's text for searching.
- keystroke: from the key event to the first frame drawn after the session list
  holds the result (animations off), for typing a search, switching days and
  toggling a theme; p50 and p95. Typing starts once the search index is ready.
- peak RSS: maximum resident memory of a process that starts the app and types.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from firstframe import first_frame_ms  # noqa: E402
from generate import generate  # noqa: E402
from startup import CONFTERM_MARKER, HELLO, HELLO_APP, HELLO_MARKER, isolated_env  # noqa: E402

LOAD = """
import sys, time, json
start = time.perf_counter()
from confterm.opening.files import load_programme
load_programme(sys.argv[1])
cold = time.perf_counter() - start
warm = []
for _ in range(5):
    start = time.perf_counter()
    load_programme(sys.argv[1])
    warm.append(time.perf_counter() - start)
from pathlib import Path
from confterm.opening.cache import open_programme
open_programme(Path(sys.argv[1]))  # validates once more and fills the cache
cached = []
for _ in range(5):
    start = time.perf_counter()
    open_programme(Path(sys.argv[1]))
    cached.append(time.perf_counter() - start)
print(json.dumps({"cold": cold * 1000, "warm": sorted(warm)[2] * 1000,
                  "cached": sorted(cached)[2] * 1000}))
"""

# The app with a record of when each frame was drawn (for the scripts below and
# benchmarks/grid.py).
MEASURED_APP = """
import asyncio, json, resource, sys, time
import datetime as dt
from pathlib import Path
from confterm.model.clock import Clock
from confterm.opening.cache import open_programme
from confterm.ui.app import ConftermApp
from textual import events

class Measured(ConftermApp):
    frames: list = []
    def _display(self, screen, renderable):
        if renderable is not None:
            Measured.frames.append(time.perf_counter())
        super()._display(screen, renderable)

import confterm.ui.widgets.session_list as session_list
REBUILDS = []
def _noted():
    now = time.perf_counter()
    REBUILDS.append(now)
    return now
session_list.perf_counter = _noted  # every rebuild of the session list, not only the last

async def settle(app, since, quiet=0.08):
    # Wait until no frame has come for `quiet` seconds, then report the first
    # frame drawn after the session list was first rebuilt since `since` (with
    # the key's result: a refresh landing meanwhile rebuilds it again).
    while True:
        await asyncio.sleep(quiet)
        last = Measured.frames[-1] if Measured.frames else since
        if time.perf_counter() - last >= quiet:
            break
    ready = min((t for t in REBUILDS if t >= since), default=since)
    shown = [f for f in Measured.frames if f >= ready]
    return (shown[0] if shown else last) - since
"""

# Types, switches days and themes; prints latencies (ms) and the peak RSS (KiB).
KEYS = MEASURED_APP + """
async def main(path, scenario):
    app = Measured(open_programme(Path(path)),
                   clock=Clock(dt.datetime(2020, 1, 1, tzinfo=dt.UTC), frozen=True))
    app.animation_level = "none"
    results = {"search": [], "day": [], "theme": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, time.perf_counter())
        # The search index is built in the background after the first frame.
        while not app.screen_stack[0].pane.search_prepared:
            await asyncio.sleep(0.005)
        index_ms = (time.perf_counter() - Measured.frames[0]) * 1000
        async def press(key, char, kind):
            start = time.perf_counter()
            app._driver.send_message(events.Key(key, char))
            results[kind].append(await settle(app, start) * 1000)
        for _ in range(2):
            app.screen_stack[0].action_search(); await settle(app, time.perf_counter())
            for char in "security":
                await press(char, char, "search")
            for _ in range(len("security")):
                await press("backspace", None, "search")
            app.screen_stack[0].action_back(); await settle(app, time.perf_counter())
            for key in "2131231321":
                await press(key, key, "day")
            for _ in range(10):
                app.screen_stack[0].action_filter("theme"); await settle(app, time.perf_counter())
                await press("space", " ", "theme")
                app.screen_stack[0].action_back(); await settle(app, time.perf_counter())
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({**results, "rss_kib": usage, "index_ms": index_ms}))

asyncio.run(main(sys.argv[1], None))
"""

HELLO_RSS = HELLO_APP + """
import resource

class Measured(Hello):
    def on_ready(self):
        self.exit()

Measured().run(headless=True, size=(120, 40))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str, *args: str, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                            capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


def start_times(argv: list[str], marker: str, runs: int, env: dict[str, str]) -> list[float]:
    first_frame_ms(argv, marker, env)  # warms the file cache, .pyc files and validated cache
    return [first_frame_ms(argv, marker, env) for _ in range(runs)]


def paired_start_times(first: tuple[list[str], str], second: tuple[list[str], str], runs: int,
                       env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Start-up times of two apps launched in turn, so that the machine's drift
    during the runs weighs on both alike: ``(argv, marker)`` each."""
    for argv, marker in (first, second):
        first_frame_ms(argv, marker, env)  # warm-up
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for (argv, marker), found in zip((first, second), times, strict=True):
            found.append(first_frame_ms(argv, marker, env))
    return times


def line(name: str, hello: float | None, values: list[float], digits: int = 0) -> None:
    """One row of the table: the hello-world's figure (if it has one), then ours."""
    first = "" if hello is None else f"{hello:.{digits}f}"
    print(f"{name:34}{first:>12}" + "".join(f"{value:>12.{digits}f}" for value in values))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(round(p / 100 * (len(ordered) - 1)), len(ordered) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per app")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = isolated_env(home)
        files = {}
        for label, sessions, days in (("1k", 1000, 3), ("10k", 10000, 10)):
            path = Path(home) / f"{label}.json"
            path.write_text(json.dumps(generate(sessions, days)))
            files[label] = str(path)
        hello_start = statistics.median(start_times([sys.executable, "-c", HELLO], HELLO_MARKER,
                                                    args.runs, env))
        hello_rss = int(run(HELLO_RSS, env=env)) / 1024
        rows = []
        for label, path in files.items():
            load = json.loads(run(LOAD, path, env=env))
            start = statistics.median(start_times(
                [sys.executable, "-m", "confterm", "--programme", path], CONFTERM_MARKER,
                args.runs, env))
            keys = json.loads(run(KEYS, path, env=env))
            rows.append((label, load, start, keys))
    print(f"{'':34}{'hello-world':>12}" + "".join(f"{label:>12}" for label, *_ in rows))
    line("load + validate, cold (ms)", None, [r[1]["cold"] for r in rows])
    line("load + validate, warm (ms)", None, [r[1]["warm"] for r in rows])
    line("load from the validated cache (ms)", None, [r[1]["cached"] for r in rows])
    line("start to first frame (ms)", hello_start, [r[2] for r in rows])
    line("  ratio to hello-world", 1, [r[2] / hello_start for r in rows], digits=2)
    line("search index ready after (ms)", None, [r[3]["index_ms"] for r in rows])
    for kind, name in (("search", "search keystroke"), ("day", "day switch"),
                       ("theme", "theme toggle")):
        for p in (50, 95):
            line(f"{name} p{p} (ms)", None, [percentile(r[3][kind], p) for r in rows], digits=1)
    line("peak RSS (MiB)", hello_rss, [r[3]["rss_kib"] / 1024 for r in rows])
    print("Targets at 10k: load <= 150 ms, start <= 2x hello-world, keystroke p95 <= 50 ms "
          "(<= 16 ms at 1k), peak RSS <= 150 MiB.")


if __name__ == "__main__":
    main()
