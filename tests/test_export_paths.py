"""Where exports go: links followed, devices written into, ``-`` for standard output,
default names that stay in their folder, file names printed harmlessly, and a
closed pipe that ends a command quietly."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import icalendar
import pytest

from confterm.cli import main

from .conftest import CORPUS

MINIMAL = str(CORPUS / "minimal.json")
CONFTERM = [sys.executable, "-m", "confterm"]


def events(data: bytes) -> list[str]:
    return [str(e["summary"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]


def test_export_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "calendars" / "conference.ics"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    assert main(["-p", MINIMAL, "export", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert events(target.read_bytes()) == ["Opening", "Day two"]


def test_export_into_a_fifo_writes_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["-p", MINIMAL, "export", str(fifo)]) == 0
    reader.join(10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a FIFO, not replaced by a file
    assert events(received[0]) == ["Opening", "Day two"]


@pytest.mark.parametrize("argv", [["export", "-"], ["agenda", "export", "-"]])
def test_dash_writes_the_calendar_to_standard_output(argv: list[str], tmp_path: Path) -> None:
    result = subprocess.run([*CONFTERM, "-p", MINIMAL, *argv], capture_output=True,
                            check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR")
    assert b"to standard output" in result.stderr  # the report stays off the data


def test_import_to_standard_output(tmp_path: Path) -> None:
    import json

    result = subprocess.run([*CONFTERM, "import", str(CORPUS / "formats" / "frab-schedule.xml"),
                             "-o", "-"], capture_output=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format"] == "confterm-programme"


async def test_the_default_export_file_stays_in_the_home_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from confterm.model.loader import parse_programme
    from confterm.ui.app import ConftermApp
    from confterm.ui.screens.export import ExportScreen

    monkeypatch.setenv("HOME", str(tmp_path))
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["id"] = "a/b/../../../../outside/evil"
    app = ConftermApp(parse_programme(json.dumps(data).encode(), "p.json"))
    async with app.run_test() as pilot:
        await pilot.press("a", "e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert screen.default.parent == tmp_path
        assert screen.default.resolve().parent == tmp_path.resolve()
        assert screen.default.name == "a_b_.._.._.._.._outside_evil-agenda.ics"


def test_file_names_are_printed_harmlessly(tmp_path: Path) -> None:
    name = tmp_path / "p\x1b]0;PWNED\x07.json"
    name.write_bytes((CORPUS / "minimal.json").read_bytes())
    out = tmp_path / "o\x1b[2J.ics"
    for argv in (["validate", str(name)], ["-p", str(name), "export", str(out)],
                 ["import", str(name), "-o", str(tmp_path / "x\x1b[31m.json")]):
        result = subprocess.run([*CONFTERM, *argv], capture_output=True, check=False)
        assert result.returncode == 0, result.stderr
        assert b"\x1b" not in result.stdout + result.stderr
        assert "␛".encode() in result.stdout


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    command = " ".join([*CONFTERM, "sessions", "-p", "data/programme.json"])
    result = subprocess.run(["bash", "-c", f"set -o pipefail; {command} | head -1"],
                            capture_output=True, text=True, check=False,
                            cwd=Path(__file__).parents[1])
    assert result.stdout.strip()  # head got its line
    assert result.stderr == ""
    assert result.returncode in (0, 141)
