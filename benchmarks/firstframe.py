"""Launch a terminal app on a pseudo-terminal and time its first frame.

The clock starts just before the process is created and stops when the text
*marker* has been written to the terminal: interpreter start-up, imports, the
app's own work and Textual's first full frame are all inside, exactly as a
person at a terminal would wait for them. The app is then asked to quit
(ctrl+q) and, if it does not, killed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

TIMEOUT = 30.0


def first_frame_ms(argv: list[str], marker: str, env: dict[str, str],
                   size: tuple[int, int] = (120, 40)) -> float:
    """Milliseconds from launching *argv* to *marker* appearing on its terminal."""
    columns, rows = size
    wanted = marker.encode()
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal is the pty's other end
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execvpe(argv[0], argv, {**env, "TERM": "xterm-256color", "COLUMNS": str(columns),
                                   "LINES": str(rows)})
    seen = b""
    try:
        while wanted not in seen:
            if time.perf_counter() - start > TIMEOUT:
                raise TimeoutError(f"{marker!r} not shown within {TIMEOUT:.0f} s by {argv}")
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the app exited
                    chunk = b""
                if not chunk:
                    raise RuntimeError(f"{argv} exited before showing {marker!r}:\n"
                                       f"{seen.decode(errors='replace')[-2000:]}")
                # Keep a tail long enough to find a marker split across reads.
                seen = seen[-len(wanted):] + chunk
        elapsed = (time.perf_counter() - start) * 1000
        _stop(pid, fd)
        return elapsed
    finally:
        os.close(fd)


def _stop(pid: int, fd: int) -> None:
    os.write(fd, b"\x11")  # ctrl+q
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        if select.select([fd], [], [], 0.05)[0]:
            with contextlib.suppress(OSError):
                os.read(fd, 65536)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
