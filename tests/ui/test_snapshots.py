"""What the browser looks like, at 80×24 and 160×48 (pytest-textual-snapshot):
list, details, help, agenda, timetable grid and people.

After an intended change of the UI, review and update with `make snapshots`.
"""

from __future__ import annotations

from typing import Any

import pytest

from confterm.model.programme import Programme

from .conftest import make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SCENES = {
    "day1-default": [],
    "day2-parallel-workshops": ["2", "end"],
    "theme-filtered": ["2", "f", "home", "down", "down", "space", "escape"],
    "details": ["down", "down", "enter"],  # the high-level panel, with its people
    "help": ["question_mark"],
    # Both 14:00 workshops bookmarked: the clash shows in the list and the agenda.
    "agenda-with-clash": ["2", "home", *["down"] * 7, "b", "down", "b", "a"],
    # The second day as a timetable: the two workshop rooms side by side, one
    # workshop bookmarked, the cursor moved across to the other room.
    "grid-day2": ["2", "g", "down", "down", "b", "right"],
    "people": ["at", *"i"],
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", list(SCENES))
def test_snapshot(snap_compare: Any, programme: Programme, scene: str,
                  size: tuple[int, int]) -> None:
    keys = SCENES[scene]
    if scene == "details" and size[0] >= 100:
        keys = ["down", "down"]  # wide: details beside the list, no modal
    assert snap_compare(make_app(programme), press=keys, terminal_size=size)


def sixty_rooms() -> Programme:
    """A generated day in 60 rooms (benchmarks/generate.py's shape, small)."""
    from .test_grid import many_rooms

    return many_rooms(60)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_grid_of_sixty_rooms(snap_compare: Any, size: tuple[int, int]) -> None:
    """The grid at the whole width: as many of the 60 rooms as fit, the cursor
    moved two rooms across."""
    import datetime as dt

    app = make_app(sixty_rooms(), dt.datetime(2025, 9, 1, 10, 20, tzinfo=dt.UTC))
    assert snap_compare(app, press=["g", "right", "right"], terminal_size=size)


def test_snapshot_list_at_now_with_items_open_all_day(
        snap_compare: Any, tmp_path: Any) -> None:
    """At 14:20 on a congress day: the now line at the top, the talk to come
    below it, what runs all day (info desk, kids' workshop, exhibition) above."""
    import datetime as dt

    from .test_now import BERLIN, all_day_congress

    app = make_app(all_day_congress(tmp_path), dt.datetime(2025, 12, 27, 14, 20, tzinfo=BERLIN))
    assert snap_compare(app, terminal_size=(100, 30))


@pytest.mark.parametrize("scene", ["day2-parallel-workshops", "agenda-with-clash"])
def test_snapshot_in_french_at_80x24(snap_compare: Any, programme: Programme, scene: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The same scenes in French: rooms, day tabs, footer, no-break spaces."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert snap_compare(make_app(programme), press=SCENES[scene], terminal_size=(80, 24))
