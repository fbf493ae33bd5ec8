"""A browser killed (SIGTERM) or whose terminal closed (SIGHUP) leaves the terminal
as it found it and saves what was not saved yet."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios

import pytest

from confterm.storage.paths import bundled_programme_path
from confterm.storage.settings import load_settings

CONFTERM = [sys.executable, "-m", "confterm"]
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


def read_until(master: int, wanted: bytes, output: bytearray, rounds: int = 2000) -> bool:
    """Read the terminal until *wanted* has been written (or the program ended)."""
    for _ in range(rounds):  # each round waits at most 0.05 s for output
        if wanted in output:
            return True
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return wanted in output
            if not chunk:
                return wanted in output
            output += chunk
    return wanted in output


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
def test_a_signal_restores_the_terminal_and_saves(number: signal.Signals) -> None:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        [*CONFTERM, "-p", str(bundled_programme_path()), "--now", "2024-11-01T12:00"],
        stdin=slave, stdout=slave, stderr=slave, close_fds=True,
        env={**os.environ, "TERM": "xterm-256color"})
    os.close(slave)
    output = bytearray()
    try:
        assert read_until(master, b"Quit", output), "the browser was never drawn"
        os.write(master, b"3")  # day 3: saved half a second later, or at the end
        assert read_until(master, b"AI use cases in customs", output)  # day 3 shown
        process.send_signal(number)
        read_until(master, b"\x00never", output, rounds=400)  # everything until it ends
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    tail = bytes(output[output.rfind(b"AI use cases in customs"):])
    assert LEAVE_ALTERNATE_SCREEN in tail and MOUSE_OFF in tail
    assert b"Traceback" not in output and b"Warning" not in output
    state = load_settings().settings.state_for("wco-technology-conference-2024")
    assert state.day is not None and state.day.day == 14
