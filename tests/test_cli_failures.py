"""Every command-line failure is one clear line and exit 2: no exception names,
whatever the system refuses (a full disk, a read-only folder, a folder for a
file, a pipe for a file, a terminal that cannot show every letter)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.storage.paths import bundled_programme_path

from .conftest import CORPUS

CONFTERM = [sys.executable, "-m", "confterm"]
BUNDLED = str(bundled_programme_path())


def no_internals(err: str) -> None:
    for name in ("Error:", "Traceback", "unexpected error", "OSError", "Overflow"):
        assert name not in err, err


def test_a_full_disk_while_bookmarking(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "bookmarks.json")

    monkeypatch.setattr("confterm.storage.bookmarks.atomic_write_text", full)
    assert main(["-p", BUNDLED, "agenda", "add", "d1-opening"]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err
    no_internals(err)


@pytest.mark.parametrize("command", [["agenda", "add", "d1-opening"],
                                     ["agenda", "import", "FRIEND", "--as", "Ana"]])
def test_a_data_folder_that_cannot_be_written(command: list[str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    friend = tmp_path / "ana.ics"
    assert main(["-p", BUNDLED, "agenda", "add", "d1-opening"]) == 0
    assert main(["-p", BUNDLED, "agenda", "export", str(friend)]) == 0
    data = Path(os.environ["CONFTERM_DATA_DIR"])
    shutil.rmtree(data)
    data.write_text("")  # where the data folder should be: nothing can be written
    capsys.readouterr()
    code = main(["-p", BUNDLED, *[str(friend) if c == "FRIEND" else c for c in command]])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Not a directory" in err or "cannot" in err
    no_internals(err)


def test_exporting_to_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-p", BUNDLED, "export", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}: this is a folder, not a file" in err
    no_internals(err)


def test_exporting_to_dev_stdout_into_a_pipe() -> None:
    result = subprocess.run([*CONFTERM, "-p", BUNDLED, "export", "/dev/stdout"],
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR")
    assert b"Wrote 33 sessions" in result.stderr  # not mixed into the calendar


def test_a_terminal_that_cannot_show_every_letter() -> None:
    result = subprocess.run([*CONFTERM, "-p", BUNDLED, "sessions", "--lang", "fr"],
                            capture_output=True, check=False,
                            env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert b"C?r?monie d'inauguration officielle" in result.stdout


def test_a_duration_too_long_is_named_not_an_overflow(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = (CORPUS / "formats" / "frab-schedule.xml").read_text("utf-8")
    durations = raw.count("<duration>")
    assert durations
    start = raw.index("<duration>") + len("<duration>")
    broken = tmp_path / "long.xml"
    broken.write_text(raw[:start] + "99999999:00" + raw[raw.index("</duration>", start):])
    assert main(["validate", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "the duration '99999999:00' is longer than a year" in err
    no_internals(err)




@pytest.mark.parametrize("command", [["sessions"], ["validate"], ["people"]])
def test_an_unknown_time_zone_is_an_error_even_where_none_is_needed(
        command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "-p", BUNDLED, "--timezone", "Nowhere/Land"]) == 2
    err = capsys.readouterr().err
    assert "--timezone: unknown time zone 'Nowhere/Land'" in err
