"""Shared fixtures. Every test runs with its own data, config and cache folders."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from textual.pilot import Pilot

from confterm.i18n import set_language
from confterm.model.programme import Programme
from confterm.model.view import ScheduleView
from confterm.opening.files import load_programme
from confterm.storage.paths import bundled_programme_path

CORPUS = Path(__file__).parent / "corpus"

# `make test` runs a quick profile; `make fuzz` sets HYPOTHESIS_PROFILE=fuzz.
settings.register_profile("default", max_examples=150)
settings.register_profile("fuzz", max_examples=10_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    folders = {}
    for name in ("DATA", "CONFIG", "CACHE"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        folders[f"CONFTERM_{name}_DIR"] = str(folder)
        monkeypatch.setenv(f"CONFTERM_{name}_DIR", str(folder))
    for name in ("CONFTERM_NOW", "CONFTERM_PROGRAMME", "CONFTERM_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    # The interface's language follows LANG: the same, English, on every machine.
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield home
    # monkeypatch.undo() in a test would undo these too, and let it write to the
    # real home folder: patch with monkeypatch.context() instead.
    assert {name: os.environ.get(name) for name in folders} == folders, (
        "a test lost the isolated data folders")


@pytest.fixture(scope="session")
def programme() -> Programme:
    return load_programme(bundled_programme_path())


@pytest.fixture(scope="session")
def view(programme: Programme) -> ScheduleView:
    return ScheduleView.of(programme)


@pytest.fixture(autouse=True)
def english_restored() -> Iterator[None]:
    """The interface's language is process-wide: a test in French leaves English."""
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """Each test leaves the garbage collector as it found it: on, nothing frozen."""
    yield
    assert gc.isenabled(), "a test left the garbage collector off"
    assert not gc.get_freeze_count(), "a test left objects frozen"


async def until(pilot: Pilot[object], condition: Callable[[], object], what: str) -> None:
    """Let the app run (its messages, timers and workers) until *condition* holds.
    Never a measured time: a slow machine only waits longer; a wait that never
    ends fails here, by name, after at least a minute."""
    for _ in range(6000):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"still waiting: {what}")
