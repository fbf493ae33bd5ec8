"""No byte sequence from programme data reaches the terminal as a control code.

The hostile programme (tests/corpus/hostile.json) carries ANSI CSI and OSC
sequences (OSC 8 links, OSC 52 clipboard writes, window titles), C1 controls,
bidi overrides, zero-width characters, Textual/Rich markup, a very long word
and wide characters. Every output is captured as raw bytes: the CLI through a
pipe and through a pseudo-terminal, the TUI through a pseudo-terminal.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import CORPUS

HOSTILE = CORPUS / "hostile.json"
# Sequences that only the hostile data could have produced.
FORBIDDEN = [b"\x1b]8;;http://evil", b"\x1b]52;", b"\x1b]0;PWNED", b"\x1b[8;1;1t",
             b"\xc2\x9b", b"\xc2\x9d", b"\xe2\x80\xae", b"\xe2\x81\xa6"]


def assert_clean(output: bytes) -> None:
    for sequence in FORBIDDEN:
        assert sequence not in output, f"{sequence!r} reached the terminal"


@dataclass(frozen=True)
class PtyRun:
    output: bytes
    #: Whether the program ended by itself (else it was killed after the ceiling).
    exited: bool
    returncode: int


def run_in_pty(argv: list[str], *, keys: list[tuple[float, bytes]] = (),  # type: ignore[assignment]
               size: tuple[int, int] = (50, 160), seconds: float = 20.0) -> PtyRun:
    """Run *argv* on a pseudo-terminal and return all it wrote. *keys* are typed at
    their delays, counted from the program's first output (a slow start delays them
    all alike); a program still running *seconds* after that is killed. Events and
    waits only: no clock is read."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               close_fds=True)
    os.close(slave)
    output = bytearray()
    wrote, closed = threading.Event(), threading.Event()

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output.extend(chunk)
            wrote.set()
        closed.set()
        wrote.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    exited = False
    try:
        if wrote.wait(seconds):
            typed_at = 0.0
            for delay, key in keys:
                if closed.wait(max(delay - typed_at, 0.0)):
                    break  # it ended: nothing left to type into
                typed_at = delay
                os.write(master, key)
        exited = _ended_within(process, seconds)
    finally:
        if not exited:
            process.kill()
        process.wait()
        reader.join(10)
        os.close(master)
    return PtyRun(bytes(output), exited, process.returncode)


def _ended_within(process: subprocess.Popen[bytes], seconds: float) -> bool:
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


CONFTERM = [sys.executable, "-m", "confterm"]


@pytest.mark.parametrize("argv", [
    ["sessions", "-p", str(HOSTILE)],
    ["sessions", "-p", str(HOSTILE), "--format", "json"],
    ["agenda", "-p", str(HOSTILE)],
    ["validate", str(HOSTILE)],
])
def test_cli_output_through_a_pipe(argv: list[str]) -> None:
    result = subprocess.run([*CONFTERM, *argv], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout + result.stderr  # not a terminal: no codes at all


def test_cli_table_on_a_terminal_shows_the_text_harmlessly() -> None:
    output = run_in_pty([*CONFTERM, "sessions", "-p", str(HOSTILE)], seconds=60).output
    assert_clean(output)
    assert b"[bold red]x[/]" in output  # markup shown as text
    assert "␛".encode() in output  # the escape characters shown as a symbol


def test_error_reports_are_neutralised(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(HOSTILE.read_bytes().replace(b'"s2"', b'"s1\\u001b]0;PWNED\\u0007"'))
    result = subprocess.run([*CONFTERM, "validate", str(broken)], capture_output=True,
                            check=False)
    assert result.returncode == 2
    assert b"\x1b" not in result.stderr and "␛]0;PWNED".encode() in result.stderr


def test_the_browser_on_a_terminal() -> None:
    output = run_in_pty(
        [*CONFTERM, "-p", str(HOSTILE), "--now", "2025-03-10T09:30"],
        keys=[(4.0, b"\x1b[B"), (5.0, b"/"), (5.5, b"PWNED"), (7.0, b"\x1b"), (7.5, b"?"),
              (8.5, b"\x1b"), (9.0, b"q")],
        seconds=60).output
    assert output, "the browser wrote nothing"
    assert_clean(output)
    assert "␛".encode() in output  # the hostile text was on screen, made harmless
    assert b"Traceback" not in output


def test_an_unexpected_error_in_the_browser_exits_1_and_names_its_log(tmp_path: Path) -> None:
    """No traceback on the terminal: the details go to a log file that is named."""
    crash = ("import sys\n"
             "from confterm.ui.screens.browser import BrowserScreen\n"
             "def boom(self): raise RuntimeError('boom \\x1b]0;PWNED\\x07')\n"
             "BrowserScreen.action_help = boom\n"
             "from confterm.cli import main\n"
             "sys.exit(main(['--now', '2024-11-01T12:00']))\n")
    script = tmp_path / "crash.py"
    script.write_text(crash)
    ran = run_in_pty([sys.executable, str(script)], keys=[(3.0, b"?")], seconds=60)
    output = ran.output
    assert ran.exited and ran.returncode == 1
    assert b"Traceback" not in output
    assert_clean(output)
    logs = list((Path(os.environ["CONFTERM_CACHE_DIR"]) / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert str(logs[0]).encode() in output
    assert "RuntimeError: boom" in logs[0].read_text()
