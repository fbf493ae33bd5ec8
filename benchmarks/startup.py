"""Start-up benchmark: confterm's browser beside a bare Textual app.

Each run launches a fresh process on a pseudo-terminal of 120x40, exactly as a
person starts it, and times it from launch (interpreter start-up included) to
its first complete frame: the moment its footer, the last line Textual draws,
reaches the terminal. Both apps are measured the same way in the same run, so
the numbers compare directly, and both from byte-compiled modules (the warm-up
run writes confterm's, even where PYTHONDONTWRITEBYTECODE is set). Prints the
measured numbers; asserts nothing. A second table times both in Textual's
headless mode, in process, to their first frame.

    python benchmarks/startup.py [--runs N] [--programme FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from firstframe import first_frame_ms

#: The bare Textual app everything is compared with: header, text, footer.
HELLO_APP = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Hello(App):
    def compose(self):
        yield Header()
        yield Static("Hello, world")
        yield Footer()
"""
HELLO = HELLO_APP + "Hello().run()\n"
#: What each app's footer shows last: the frame is complete when it arrives.
HELLO_MARKER = "palette"
CONFTERM_MARKER = "Quit"

# Headless: Textual's headless mode, 120x40, until the app's Ready event (its
# first frame). confterm's first frame is its complete screen (a UI test checks
# that nothing changes after it); the hello-world's footer comes a few frames
# later, so this comparison flatters the hello-world.
HELLO_HEADLESS = HELLO_APP + """
class Measured(Hello):
    def on_ready(self):
        print(time.time())
        self.exit()

Measured().run(headless=True, size=(120, 40))
"""
CONFTERM_HEADLESS = """
import gc, sys, time
gc.disable()  # as the confterm command does before it imports the interface
from confterm.storage.paths import bundled_programme_path
from confterm.opening.sources import open_location
from confterm.ui.app import ConftermApp

class Measured(ConftermApp):
    def on_ready(self):
        super().on_ready()
        assert self.screen_stack[0].query_one("#sessions").session_ids  # not an empty frame
        print(time.time())
        self.exit()

location = sys.argv[1] if len(sys.argv) > 1 else str(bundled_programme_path())
Measured(open_location(location).programme).run(headless=True, size=(120, 40))
"""


def headless_ms(code: str, args: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                            capture_output=True, text=True)
    return (float(result.stdout.split()[-1]) - start) * 1000


def hello_times(runs: int, env: dict[str, str]) -> list[float]:
    return [first_frame_ms([sys.executable, "-c", HELLO], HELLO_MARKER, env)
            for _ in range(runs)]


def confterm_times(runs: int, env: dict[str, str], programme: str | None) -> list[float]:
    argv = [sys.executable, "-m", "confterm", *(["--programme", programme] if programme else [])]
    return [first_frame_ms(argv, CONFTERM_MARKER, env) for _ in range(runs)]


def isolated_env(home: str) -> dict[str, str]:
    env = {**os.environ, "CONFTERM_CONFIG_DIR": f"{home}/config",
           "CONFTERM_DATA_DIR": f"{home}/data", "CONFTERM_CACHE_DIR": f"{home}/cache",
           # Before the conference: the browser opens on day 1 whatever today is.
           "CONFTERM_NOW": "2000-01-01T00:00:00+00:00"}
    # Both apps run from byte-compiled modules, as installed packages do (pip
    # compiles Textual's on install; the warm-up run compiles confterm's).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--programme", help="programme file (default: the bundled one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = isolated_env(home)
        # One untimed run of each: warms the file-system cache, the .pyc files
        # and confterm's validated-programme cache.
        hello_times(1, env)
        confterm_times(1, env, args.programme)
        extra = [args.programme] if args.programme else []
        hello, confterm, hello_headless, confterm_headless = [], [], [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            hello += hello_times(1, env)
            confterm += confterm_times(1, env, args.programme)
            hello_headless.append(headless_ms(HELLO_HEADLESS, [], env))
            confterm_headless.append(headless_ms(CONFTERM_HEADLESS, extra, env))
    report(f"Launch to first complete frame on a 120x40 pseudo-terminal, {args.runs} runs "
           "each (ms):", hello, confterm)
    print()
    report(f"Launch to first frame, Textual headless mode, 120x40, {args.runs} runs each "
           "(ms):", hello_headless, confterm_headless)


def report(title: str, hello: list[float], confterm: list[float]) -> None:
    print(title)
    print(f"{'app':<24}{'median':>10}{'min':>10}{'max':>10}")
    for name, times in (("textual hello-world", hello), ("confterm", confterm)):
        print(f"{name:<24}{statistics.median(times):>10.0f}{min(times):>10.0f}"
              f"{max(times):>10.0f}")
    ratio = statistics.median(confterm) / statistics.median(hello)
    print(f"confterm / hello-world (median): {ratio:.2f}x  (target <= 1.30x)")


if __name__ == "__main__":
    main()
