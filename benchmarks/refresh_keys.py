"""Keystrokes while the programme is read again in the background.

    python benchmarks/refresh_keys.py [--refreshes 12] [--in-thread]

A 1,000-event programme with real-shaped descriptions (c3voc JSON with
Markdown, frab XML with HTML) is open in the browser; its file is rewritten
(one title changed, so every reading is a full import: no cache can answer)
and an automatic refresh reads it again in its background thread while day
keys are pressed, one after the other, until the new version is in. Each
keystroke's latency — from the key event to the first frame drawn with the new
day's list — is measured as ``bench.py`` does; beside it, the same keys with
no refresh running. p50 and p95 of each; the refresh's own time too. A large
programme is read again by a child process (``confterm.opening.elsewhere``);
``--in-thread`` measures the reading in the refresh's thread instead.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import MEASURED_APP, percentile  # noqa: E402
from generate import as_c3voc, as_frab_xml, generate  # noqa: E402
from startup import isolated_env  # noqa: E402

KEYS = MEASURED_APP + """
from confterm.opening.sources import open_location

async def main(path, versions, refreshes, in_thread):
    if in_thread:  # as before: read in the refresh's thread, whatever the size
        import confterm.opening.elsewhere
        confterm.opening.elsewhere.FROM_SESSIONS = 10**9
    versions = [Path(v).read_bytes() for v in versions]
    opened = open_location(path)
    app = Measured(opened.programme, source=opened,
                   clock=Clock(dt.datetime(2020, 1, 1, tzinfo=dt.UTC), frozen=True))
    app.animation_level = "none"
    quiet_keys, busy_keys, reads = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, time.perf_counter(), quiet=0.06)
        while not app.screen_stack[0].pane.search_prepared:
            await asyncio.sleep(0.005)
        conference = app.conference
        keys = iter("123" * 10000)
        async def press(into):
            key = next(keys)
            start = time.perf_counter()
            app._driver.send_message(events.Key(key, key))
            into.append(await settle(app, start, quiet=0.06) * 1000)
        for _ in range(30):
            await press(quiet_keys)
        for index in range(refreshes):
            Path(path).write_bytes(versions[index % 2])
            before, started = conference.refreshed, time.perf_counter()
            conference.refresh()
            while conference.refreshed == before:
                await press(busy_keys)
            reads.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"quiet": quiet_keys, "busy": busy_keys, "reads": reads}))

asyncio.run(main(sys.argv[1], sys.argv[2:4], int(sys.argv[4]), sys.argv[5] == "thread"))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--refreshes", type=int, default=12)
    parser.add_argument("--in-thread", action="store_true",
                        help="read in the refresh's thread, as before (no child process)")
    args = parser.parse_args()
    print(f"1,000 events, real-shaped descriptions; {args.refreshes} refreshes; "
          "latency of a day key (ms)")
    print(f"{'':36}{'p50':>8}{'p95':>8}{'max':>8}{'keys':>6}{'refresh read':>14}")
    with tempfile.TemporaryDirectory() as home:
        env = isolated_env(home)
        data = generate(1000, 3)
        changed = json.loads(json.dumps(data))
        changed["sessions"][0]["title"] = {"en": "A title changed by the publisher"}
        for label, writer, name in (("c3voc, Markdown", as_c3voc, "schedule.json"),
                                    ("frab, HTML", as_frab_xml, "schedule.xml")):
            paths = []
            for index, version in enumerate((data, changed)):
                raw = writer(version, real=True)
                path = Path(home) / f"{index}-{name}"
                path.write_bytes(raw if isinstance(raw, bytes) else raw.encode())
                paths.append(path)
            live = Path(home) / name
            live.write_bytes(paths[0].read_bytes())
            result = json.loads(subprocess.run(
                [sys.executable, "-c", KEYS, str(live), *map(str, paths), str(args.refreshes),
                 "thread" if args.in_thread else "process"],
                env=env, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
            reads = sorted(result["reads"])
            for kind, title in (("quiet", "no refresh"), ("busy", "during a refresh")):
                values = result[kind]
                read = f"{reads[len(reads) // 2]:11.0f} ms" if kind == "busy" else ""
                print(f"{label + ', ' + title:36}{percentile(values, 50):8.1f}"
                      f"{percentile(values, 95):8.1f}{max(values):8.1f}{len(values):6d}{read:>14}")
    print("Target: during a refresh, keystroke p95 <= 33 ms.")


if __name__ == "__main__":
    main()
