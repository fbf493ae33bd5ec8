"""A slow opening says what it waits for, on a terminal only, and wipes the line."""

from __future__ import annotations

import argparse
import io
import threading
import time
from pathlib import Path

import pytest

from confterm.cli import common
from confterm.cli.waiting import while_waiting
from confterm.opening.sources import open_location

from .conftest import CORPUS


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def wait_for(stream: io.StringIO, text: str) -> None:
    """Until the telling thread has written *text* (a slow machine waits longer)."""
    for _ in range(6000):
        if text in stream.getvalue():
            return
        time.sleep(0.01)
    raise AssertionError(f"never written: {text!r}")


def test_a_slow_wait_is_said_with_its_seconds_then_wiped() -> None:
    stream = Terminal()
    with while_waiting("opening big.ics", after=0.0, stream=stream):
        wait_for(stream, "opening big.ics…")
    said = stream.getvalue()
    assert said.startswith("\rconfterm: opening big.ics… 0 s")
    assert said.endswith("\r\x1b[K")  # nothing left on the line for what follows


def test_a_quick_wait_says_nothing() -> None:
    stream = Terminal()
    with while_waiting("opening big.ics", after=5.0, stream=stream):
        pass
    assert stream.getvalue() == ""


def test_nothing_is_said_where_no_one_reads_it() -> None:
    stream = io.StringIO()  # a pipe or a file: not a terminal
    with while_waiting("opening big.ics", after=0.0, stream=stream):
        time.sleep(0.05)
    assert stream.getvalue() == ""


def test_a_long_name_is_shortened_to_one_line() -> None:
    stream = Terminal()
    name = "https://example.org/" + "a" * 200 + "/schedule.json"
    with while_waiting(f"opening {name}", after=0.0, stream=stream):
        wait_for(stream, "…")
    line = stream.getvalue().split("\r")[1]
    assert len(line) < 80 and line.rstrip("\x1b[K").endswith(" 0 s")
    assert "schedule.json" in line  # the end of an address says most


def test_opening_a_programme_slowly_names_it_safely(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's opening: the file's name is neutralised (a name may hold
    an escape sequence), and the line is wiped before anything else is printed."""
    hostile = tmp_path / "x\x1b]0;owned\x07.json"
    hostile.write_bytes((CORPUS.parent.parent / "data" / "programme.json").read_bytes())
    stream = Terminal()
    monkeypatch.setattr("sys.stderr", stream)
    monkeypatch.setattr("confterm.cli.waiting.AFTER", 0.0)

    def slow_open(*args: object, **kwargs: object) -> object:
        wait_for(stream, "opening")
        return open_location(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("confterm.opening.sources.open_location", slow_open)
    opened = common.open_programme(argparse.Namespace(programme=str(hostile), timezone=None))
    assert opened.programme.sessions
    said = stream.getvalue()
    assert "opening " in said and "owned" in said
    assert "\x1b]" not in said and "\x07" not in said  # only the wiping sequence
    assert said.count("\x1b") == said.count("\x1b[K")


def test_a_terminal_that_went_away_ends_the_telling_quietly(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Gone(Terminal):
        def write(self, text: str) -> int:
            raise OSError(5, "Input/output error")

    failed: list[object] = []  # a thread's uncaught error would print a traceback
    monkeypatch.setattr(threading, "excepthook", lambda args: failed.append(args.exc_type))
    with while_waiting("opening big.ics", after=0.0, stream=Gone()):
        time.sleep(0.05)  # the telling thread meets the error meanwhile
    assert failed == []
