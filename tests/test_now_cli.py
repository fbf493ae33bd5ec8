"""``confterm now``: what runs now and what starts next, one whole line a session,
for status lines, prompts and screen readers; before, during and after."""

from __future__ import annotations

import json

import pytest

from confterm.cli import main
from confterm.storage.paths import bundled_programme_path

BUNDLED = str(bundled_programme_path())
DAY2_AFTERNOON = "2024-11-13T14:05"  # conference time (Rio)


def now(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["now", "-p", BUNDLED, *argv]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and not any(c in out for c in "┃┏━│")  # plain lines
    return out


def test_each_line_says_day_time_room_title_and_people(
        capsys: pytest.CaptureFixture[str]) -> None:
    lines = now(capsys, "--now", DAY2_AFTERNOON).splitlines()
    assert ("now: Wed 13 Nov 14:00–15:00 · Workshop Room A · Command-centre CONOPS: "
            "strategies that improved data exchange") in lines
    assert ("next: Wed 13 Nov 15:00–16:00 · Workshop Room B · R&D success stories: better "
            "detection capabilities") in lines
    assert all(line.startswith(("now: ", "next: ")) for line in lines)


def test_bookmarks_come_first_and_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-p", BUNDLED, "agenda", "add", "d2-wb-conops-detection"]) == 0
    capsys.readouterr()
    lines = now(capsys, "--now", DAY2_AFTERNOON).splitlines()
    assert lines[0].startswith("now: Wed 13 Nov 14:00–15:00 · Workshop Room B")
    assert lines[0].endswith("· bookmarked")
    mine = now(capsys, "--now", DAY2_AFTERNOON, "--mine").splitlines()
    assert mine[0] == lines[0] and not any("Room A" in line for line in mine)


def test_short_is_one_line_for_a_status_bar(capsys: pytest.CaptureFixture[str]) -> None:
    out = now(capsys, "--now", DAY2_AFTERNOON, "--format", "short")
    assert out.count("\n") == 1
    assert out.startswith("▶ Command-centre CONOPS")  # not the exhibition open all day
    assert "until 15:00" in out and "next: " in out and "15:00" in out


def test_tsv_json_and_a_room(capsys: pytest.CaptureFixture[str]) -> None:
    rows = now(capsys, "--now", DAY2_AFTERNOON, "--format", "tsv",
               "--room", "workshop room b").splitlines()
    assert rows[0].split("\t")[:3] == ["state", "id", "day"]
    assert [r.split("\t")[:2] for r in rows[1:]] == [["now", "d2-wb-conops-detection"],
                                                      ["next", "d2-wb-rd-detection"]]
    data = json.loads(now(capsys, "--now", DAY2_AFTERNOON, "--format", "json"))
    assert data["day"] == "2024-11-13"
    assert {s["id"] for s in data["running"]} >= {"d2-wa-conops-data", "d2-wb-conops-detection"}
    assert all({"id", "day", "start", "end", "room", "title", "people", "bookmarked"} <= set(s)
               for s in data["running"] + data["next"])


def test_before_and_after_the_conference(capsys: pytest.CaptureFixture[str]) -> None:
    before = now(capsys, "--now", "2024-11-01T10:00").splitlines()
    assert before[0] == ("Not on today; next day: Tue 12 Nov "
                         "(WCO Technology Conference and Exhibition 2024)")
    assert any("Official opening ceremony" in line for line in before)
    after = now(capsys, "--now", "2024-12-01T10:00")
    assert after == "The conference is over (WCO Technology Conference and Exhibition 2024).\n"
    assert now(capsys, "--now", "2024-12-01T10:00", "--format", "short") == "nothing on\n"


def test_no_color_is_honoured_by_the_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR set, a table on a terminal carries no colour (bold may stay)."""
    import re

    from .test_terminal_safety import CONFTERM, run_in_pty

    monkeypatch.setenv("NO_COLOR", "1")
    ran = run_in_pty([*CONFTERM, "-p", BUNDLED, "sessions", "--format", "table"], seconds=60)
    assert b"Tuesday 12 November 2024" in ran.output  # the table was drawn
    colours = re.findall(rb"\x1b\[[0-9;]*(?:3[0-7]|38;[0-9;]+|4[0-7]|48;[0-9;]+|9[0-7])m",
                         ran.output)
    assert colours == []
