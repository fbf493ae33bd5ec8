"""Recent programmes: remembered when opened, listed on now / upcoming / past,
the last one reopened by `confterm` alone, and the browser's open screen."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.cli.common import location, open_programme, remember_opened
from confterm.i18n import set_language
from confterm.model.clock import Clock
from confterm.opening.sources import open_location
from confterm.storage.paths import bundled_programme_path
from confterm.storage.recent import Recent, in_order, last_opened, load_recent
from confterm.ui.app import ConftermApp
from confterm.ui.screens.open_programme import OpenScreen, recent_row

from .conftest import CORPUS, until

T = dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC)


def entry(name: str, first: str, last: str, opened_hours_ago: int = 0) -> Recent:
    return Recent(f"/nowhere/{name}.json", name, dt.date.fromisoformat(first),
                  dt.date.fromisoformat(last), T - dt.timedelta(hours=opened_hours_ago))


def test_on_now_then_upcoming_soonest_then_past_latest() -> None:
    entries = [entry("old", "2024-01-01", "2024-01-03", 1), entry("later", "2025-09-01",
                                                                   "2025-09-02", 5),
               entry("soon", "2025-03-10", "2025-03-11", 9), entry("now", "2025-02-28",
                                                                   "2025-03-02", 30),
               entry("older", "2023-01-01", "2023-01-03", 0)]
    ordered = [e.name for e in in_order(entries, dt.date(2025, 3, 1))]
    assert ordered == ["now", "soon", "later", "older", "old"]


def test_opening_remembers_and_the_last_one_reopens(tmp_path: Path) -> None:
    assert last_opened() is None
    args = argparse.Namespace()
    assert location(args) == str(bundled_programme_path())  # the first time
    copy = tmp_path / "minimal.json"
    shutil.copy(CORPUS / "minimal.json", copy)
    remember_opened(open_location(str(copy)))
    remember_opened(open_location(str(bundled_programme_path())))
    remember_opened(open_location(str(copy)))  # again: one entry, first
    names = [Path(e.location).name for e in load_recent()]
    assert names == ["minimal.json", "programme.json"]
    assert location(args) == str(copy)
    assert open_programme(args).programme.id == open_location(str(copy)).programme.id
    copy.unlink()  # gone: the one before it
    assert location(args) == str(bundled_programme_path())


def test_confterm_recent_lists_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    remember_opened(open_location(str(bundled_programme_path())))
    capsys.readouterr()
    assert main(["recent", "--format", "json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["name"] == "WCO Technology Conference and Exhibition 2024"
    assert (listed["first_day"], listed["last_day"]) == ("2024-11-12", "2024-11-14")
    assert listed["when"] == "past" and listed["location"].endswith("programme.json")
    assert main(["recent"]) == 0
    assert "WCO Technology Conference" in capsys.readouterr().out


def test_a_broken_list_is_kept_aside_and_a_new_one_starts() -> None:
    from confterm.storage.recent import recent_path

    path = recent_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    assert load_recent() == []
    assert any(p.name.startswith("recent.json.broken") for p in path.parent.iterdir())


async def test_the_open_screen_opens_another_programme(tmp_path: Path) -> None:
    copy = tmp_path / "minimal.json"
    shutil.copy(CORPUS / "minimal.json", copy)
    remember_opened(open_location(str(copy)))
    bundled = open_location(str(bundled_programme_path()))
    app = ConftermApp(bundled.programme, clock=Clock(T, frozen=True), source=bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OpenScreen)
        assert [Path(e.location).name for e in app.screen.entries] == ["minimal.json"]
        assert app.screen.focused is app.screen.query_one("#open-location")  # type at once
        await pilot.press("enter")  # an empty field opens nothing
        assert isinstance(app.screen, OpenScreen)
        await pilot.press("down", "enter")  # the first one listed
        await until(pilot, lambda: app.return_value is not None, "the programme opened")
    assert app.return_value is not None
    assert app.return_value.location == str(copy)


async def test_a_programme_that_does_not_open_is_reported(tmp_path: Path) -> None:
    bundled = open_location(str(bundled_programme_path()))
    app = ConftermApp(bundled.programme, clock=Clock(T, frozen=True), source=bundled)
    missing = tmp_path / "missing.json"
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#open-location").focus()
        await pilot.press(*str(missing), "enter")
        await until(pilot, lambda: app._notifications, "the failure reported")
        assert any("no such file" in str(n.message) for n in app._notifications)
        assert app.return_value is None


def test_a_file_is_remembered_by_its_full_path_and_the_real_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typed relative to one folder, it opens from any other."""
    shutil.copy(CORPUS / "minimal.json", tmp_path / "minimal.json")
    with monkeypatch.context() as patch:
        patch.chdir(tmp_path)
        remember_opened(open_location("minimal.json"))  # no time to give: it is now
    (remembered,) = load_recent()
    assert remembered.location == str(tmp_path.resolve() / "minimal.json")


def test_a_programme_is_remembered_by_its_name_in_each_language() -> None:
    remember_opened(open_location(str(bundled_programme_path())))
    (remembered,) = load_recent()
    assert remembered.name == "WCO Technology Conference and Exhibition 2024"  # as listed
    assert remembered.name_in("fr") == "Conférence et Exposition sur la technologie de l'OMD 2024"
    assert remembered.name_in("de") == remembered.name  # a language it has no name in
    set_language("fr")
    shown = recent_row(remembered, T.date()).plain
    assert "Conférence et Exposition" in shown and "Technology" not in shown
