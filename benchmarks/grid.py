"""The timetable grid at scale: opening it, moving its cursor, scrolling it sideways.

    python benchmarks/grid.py [--runs N]

Generates a programme of 900 sessions in 60 rooms (4 days) and one of 10,000
sessions in 100 rooms (10 days). For each: from the key (or wheel) event to
the first frame drawn after it, at 120x40 with animations off, for `g` (list to
grid), cursor moves (down, right) and sideways scrolls by the wheel; p50 and
p95. And, at 900/60, launching confterm with the grid as the remembered view to
its first complete frame on a pseudo-terminal, beside a Textual hello-world
launched in turn with it (medians of 11 each).
Nothing is asserted: the numbers are the result.
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

from bench import MEASURED_APP, paired_start_times, percentile  # noqa: E402
from generate import generate  # noqa: E402
from startup import CONFTERM_MARKER, HELLO, HELLO_MARKER, isolated_env  # noqa: E402

KEYS = MEASURED_APP + """
from confterm.ui.widgets.timetable_grid import TimetableGrid

async def settle(since, quiet=0.08):
    while True:
        await asyncio.sleep(quiet)
        last = Measured.frames[-1] if Measured.frames else since
        if time.perf_counter() - last >= quiet:
            break
    shown = [f for f in Measured.frames if f >= since]
    return (shown[0] if shown else last) - since

async def main(path):
    app = Measured(open_programme(Path(path)),
                   clock=Clock(dt.datetime(2020, 1, 1, tzinfo=dt.UTC), frozen=True))
    app.animation_level = "none"
    results = {"open": [], "move": [], "scroll": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(time.perf_counter())
        await asyncio.sleep(0.6)  # the grid is made, hidden, once the first frame is out
        screen = app.screen_stack[0]
        grid = screen.query_one(TimetableGrid)
        async def send(event, kind):
            start = time.perf_counter()
            app._driver.send_message(event)
            results[kind].append(await settle(start) * 1000)
        for day in "1234" * 6:
            screen.action_go_day(int(day)); await settle(time.perf_counter())
            await send(events.Key("g", "g"), "open")
            for key in ("down", "right", "right", "down", "right", "up", "right", "down"):
                await send(events.Key(key, None), "move")
            x, y = grid.region.x + 20, grid.region.y + 5  # over the grid, on screen
            for kind in (events.MouseScrollRight,) * 3 + (events.MouseScrollLeft,):
                await send(kind(grid, x, y, 0, 0, 0, False, False, False, screen_x=x,
                                screen_y=y), "scroll")
            screen.action_toggle_grid(); await settle(time.perf_counter())
    print(json.dumps(results))

asyncio.run(main(sys.argv[1]))
"""

def remembered_grid(env: dict[str, str], programme_id: str) -> None:
    """Settings saying the grid was the last view of *programme_id*."""
    folder = Path(env["CONFTERM_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(
        {"programmes": {programme_id: {"grid": True}}}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="start-up runs per app")
    args = parser.parse_args()
    rows = []
    hello = 0.0
    with tempfile.TemporaryDirectory() as home:
        env = isolated_env(home)
        for label, sessions, days, rooms in (("900/60", 900, 4, 60), ("10k/100", 10000, 10, 100)):
            data = generate(sessions, days, rooms)
            path = Path(home) / f"{sessions}.json"
            path.write_text(json.dumps(data))
            output = subprocess.run([sys.executable, "-c", KEYS, str(path)], check=True, env=env,
                                    capture_output=True, text=True).stdout
            keys = json.loads(output.strip().splitlines()[-1])
            start = None
            if sessions == 900:  # launched in turn with the hello-world
                remembered_grid(env, data["id"])
                confterm, hellos = paired_start_times(
                    ([sys.executable, "-m", "confterm", "--programme", str(path)],
                     CONFTERM_MARKER), ([sys.executable, "-c", HELLO], HELLO_MARKER),
                    args.runs, env)
                start, hello = statistics.median(confterm), statistics.median(hellos)
            rows.append((label, keys, start))
    print(f"{'':40}{'hello-world':>12}" + "".join(f"{label:>12}" for label, *_ in rows))
    for kind, name in (("open", "grid open (g)"), ("move", "grid cursor move"),
                       ("scroll", "grid sideways scroll")):
        for p in (50, 95):
            print(f"{name + f' p{p} (ms)':40}{'':>12}" + "".join(
                f"{percentile(keys[kind], p):>12.1f}" for _, keys, _ in rows))
    starts = [f"{start:>12.0f}" if start else f"{'':>12}" for *_, start in rows]
    print(f"{'start to first frame, grid (ms)':40}{hello:>12.0f}" + "".join(starts))
    ratios = [f"{start / hello:>12.2f}" if start else f"{'':>12}" for *_, start in rows]
    print(f"{'  ratio to hello-world':40}{1:>12.2f}" + "".join(ratios))
    print("Targets: p95 <= 16.7 ms at 900/60 and <= 33 ms at 10k/100; "
          "start <= 1.3x hello-world at 900/60.")


if __name__ == "__main__":
    main()
