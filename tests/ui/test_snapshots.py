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
