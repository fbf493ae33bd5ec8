"""Work in threads beside the interface: it steps aside while keys come, and a
programme read again is shown between keys, not on top of one."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import threading
from pathlib import Path

import pytest

from confterm.model.clock import Clock
from confterm.opening import sources
from confterm.opening.sources import open_location
from confterm.ui.app import ConftermApp
from confterm.ui.background import BREATH, INPUT_QUIET, breather

from ..conftest import CORPUS, until


def test_background_work_waits_until_the_keys_pause() -> None:
    now, slept = [100.0], []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    last_key = [100.0]  # a key this instant
    breather(lambda: last_key[0], clock=lambda: now[0], sleep=sleep)()
    assert now[0] - last_key[0] >= INPUT_QUIET - BREATH  # back only once they paused
    slept.clear()
    last_key[0] = 0.0  # long ago
    breather(lambda: last_key[0], clock=lambda: now[0], sleep=sleep)()
    assert slept == [BREATH]  # a breath only


async def test_a_programme_read_again_is_shown_once_the_keys_pause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "programme.json"
    data = json.loads((CORPUS / "minimal.json").read_text())
    path.write_text(json.dumps(data))
    opened = open_location(str(path))
    read = threading.Event()
    real_reopen = sources.reopen

    def reopen(*args: object, **kwargs: object) -> sources.Opened:
        try:
            return real_reopen(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            read.set()

    monkeypatch.setattr(sources, "reopen", reopen)
    app = ConftermApp(opened.programme, source=opened,
                      clock=Clock(dt.datetime(2025, 3, 1, tzinfo=dt.UTC), frozen=True))
    async with app.run_test(size=(120, 40)) as pilot:
        data["sessions"][0]["title"] = {"en": "Opening, renamed"}
        path.write_text(json.dumps(data))
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        app.collector.last_input = math.inf  # keys keep coming
        app.conference.refresh()
        await until(pilot, read.is_set, "the reading")
        for _ in range(3):
            await pilot.pause()
        assert app.conference.refreshed == 0  # read, kept until the keys pause
        app.collector.last_input = 0.0
        await until(pilot, lambda: app.conference.refreshed == 1, "the refresh shown")
        assert "Opening, renamed" in {s.title.get("en") for s in app.screen.view.programme.sessions}
