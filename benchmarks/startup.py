"""Start-up benchmark: confterm's browser beside a bare Textual app.

Each run is a fresh Python process that starts the app headless; the time from
launching the process (interpreter start-up included) to the first rendered
frame (Textual's ``Ready`` event, when the app prints the clock) is measured
the same way for both apps, so the numbers are directly comparable. The
process then exits. Prints the measured numbers; asserts nothing.

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

HELLO = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Hello(App):
    def compose(self):
        yield Header()
        yield Static("Hello, world")
        yield Footer()

    def on_ready(self):
        print(time.time())
        self.exit()

Hello().run(headless=True, size=(120, 40))
"""

CONFTERM = """
import sys, time
from confterm.storage.paths import bundled_programme_path
from confterm.storage.programme_cache import open_programme
from confterm.ui.app import ConftermApp

class Measured(ConftermApp):
    def on_ready(self):
        # The session list is filled by then: check, so an empty frame cannot pass.
        assert self.browser.query_one("#sessions").session_ids
        print(time.time())
        self.exit()

path = sys.argv[1] if len(sys.argv) > 1 else bundled_programme_path()
Measured(open_programme(path)).run(headless=True, size=(120, 40))
"""


def measure(code: str, args: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.time()
        result = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                                capture_output=True, text=True)
        times.append((float(result.stdout.split()[-1]) - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--programme", help="programme file (default: the bundled one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CONFTERM_CONFIG_DIR": home, "CONFTERM_DATA_DIR": home,
               "CONFTERM_CACHE_DIR": home}
        extra = [args.programme] if args.programme else []
        # One untimed run of each to warm the file-system cache and .pyc files.
        measure(HELLO, [], 1, env)
        measure(CONFTERM, extra, 1, env)
        hello = measure(HELLO, [], args.runs, env)
        confterm = measure(CONFTERM, extra, args.runs, env)
    print(f"Start to first rendered frame, headless 120x40, {args.runs} runs each (ms):")
    print(f"{'app':<24}{'median':>10}{'min':>10}{'max':>10}")
    for name, times in (("textual hello-world", hello), ("confterm", confterm)):
        print(f"{name:<24}{statistics.median(times):>10.0f}{min(times):>10.0f}"
              f"{max(times):>10.0f}")
    ratio = statistics.median(confterm) / statistics.median(hello)
    print(f"confterm / hello-world (median): {ratio:.2f}x  (target <= 1.30x)")


if __name__ == "__main__":
    main()
