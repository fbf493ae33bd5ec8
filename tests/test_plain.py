"""``confterm --plain``: whole lines a screen reader can follow, commands read
from standard input, the same bookmarks as the browser."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys

import pytest

from confterm.cli.parser import now_option
from confterm.cli.plain import run_plain
from confterm.storage.bookmarks import BookmarkStore
from confterm.storage.paths import bundled_programme_path

BUNDLED = str(bundled_programme_path())
PROGRAMME_ID = "wco-technology-conference-2024"


def plain(commands: str, now: str = "2024-11-13T14:05") -> list[str]:
    args = argparse.Namespace(programme=BUNDLED, now=now_option(now))
    out = io.StringIO()
    assert run_plain(args, io.StringIO(commands), out) == 0
    text = out.getvalue()
    assert "\x1b" not in text and not any(c in text for c in "┃┏━│╭─▕▏")
    return text.splitlines()


def test_every_line_stands_alone_and_numbers_lead_to_sessions() -> None:
    lines = plain("now\nshow 3\nquit\n")
    assert lines[0].startswith("WCO Technology Conference and Exhibition 2024: 33 sessions")
    assert ("3. now: Wed 13 Nov 14:00–15:00 · Workshop Room B · Command-centre CONOPS: "
            "strategies that improved detection capabilities") in lines
    shown = lines[lines.index(next(line for line in lines if line.startswith("8. "))) + 1:]
    assert shown[0].startswith("Wed 13 Nov 14:00–15:00 · Workshop Room B")
    assert "Id: d2-wb-conops-detection" in shown and "Kind: workshop" in shown


def test_bookmarking_is_the_browsers_bookmarking() -> None:
    lines = plain("search conops\nbookmark 1\nbookmark 2\nagenda\nunbookmark d2-wa-conops-data\n")
    assert any(line.startswith("Bookmarked: ") for line in lines)
    assert any(line.startswith("It clashes with: ") for line in lines)  # both at 14:00
    assert "2 sessions bookmarked." in lines
    assert any(line.startswith("Clash: Command-centre CONOPS") for line in lines)
    assert any(line.startswith("Removed from your agenda: ") for line in lines)
    store, _ = BookmarkStore.open(PROGRAMME_ID)
    assert set(store.agenda.bookmarks) == {"d2-wb-conops-detection"}


def test_days_next_people_help_and_what_goes_wrong() -> None:
    lines = plain("day 3\nnext\npeople saunders\nhelp\nday 9\nshow 99\nsearch\nfrobnicate\n"
                  "quit\nnow\n")
    assert "Day 3, Thursday 14 November 2024: 9 sessions." in lines
    assert any(line.startswith("1. Thu 14 Nov 09:00–10:00 · Plenary Hall · AI use cases")
               for line in lines)
    assert "Ian Saunders: 2 sessions." in lines
    assert any(line.startswith("  show N") for line in lines)
    assert "day takes a number from 1 to 3." in lines
    assert any(line.startswith("No session '99'") for line in lines)
    assert any(line.startswith("search takes words") for line in lines)
    assert "Unknown command: frobnicate. Type help for the commands." in lines
    assert not any(line.startswith("1. now:") for line in lines)  # after quit: nothing


@pytest.mark.parametrize("now", ["2024-11-01T10:00", "2024-12-01T10:00"])
def test_outside_the_conference(now: str) -> None:
    lines = plain("now\n", now)
    assert lines[1] in ("The conference is not on now.", "The conference is over.")


def test_term_dumb_chooses_plain_and_the_end_of_input_ends_it() -> None:
    result = subprocess.run([sys.executable, "-m", "confterm", "-p", BUNDLED, "--now",
                             "2024-11-13T14:05"], input="now\n", capture_output=True,
                            text=True, check=False, env={**os.environ, "TERM": "dumb"},
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "1. now: Wed 13 Nov" in result.stdout and "\x1b" not in result.stdout


def test_changes_an_open_browser_saw_are_listed_as_lines() -> None:
    import datetime as dt

    from confterm.model.changes import Seen
    from confterm.storage.change_log import add_changes

    assert "No change seen yet" in plain("changes\nquit\n")[-1]
    when = dt.datetime(2024, 11, 13, 13, 30, tzinfo=dt.UTC)
    add_changes(PROGRAMME_ID, [
        Seen("d2-wa-iot", "moved", {"start": "2024-11-13T16:30:00-03:00",
                                    "end": "2024-11-13T17:30:00-03:00",
                                    "title": "The Internet of Things (IoT)"},
             {"start": "2024-11-13T17:00:00-03:00", "end": "2024-11-13T18:00:00-03:00",
              "title": "The Internet of Things (IoT)"}, when)])
    lines = plain("changes\nshow 1\nquit\n")
    assert any(line.startswith("1. moved: The Internet of Things (IoT) · seen Wed 13 Nov 13:30")
               for line in lines)
    assert "Id: d2-wa-iot" in lines  # its number leads to the session
