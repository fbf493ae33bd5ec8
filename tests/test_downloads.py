"""Bad downloads never cost the offline copy, and no answer crashes or hangs confterm.

A raw loopback server first serves a good programme (which becomes the cached
copy), then answers the next request badly: malformed HTTP, a captive portal's
login page, a truncated or unusable body, a reason phrase full of escape
sequences, or a trickle of bytes that never ends.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from confterm.model.errors import ProgrammeError
from confterm.opening.sources import open_location, reopen
from confterm.storage import remote

from .conftest import CORPUS
from .http_fixture import Answer, ok, raw, serve_raw, trickle
from .test_terminal_safety import run_in_pty

PRETALX = (CORPUS / "formats" / "pretalx-schedule.json").read_bytes()
CONFTERM = [sys.executable, "-m", "confterm"]

BAD_ANSWERS: dict[str, Answer] = {
    "a garbage status line": raw(b"GARBAGE\r\n\r\n"),
    "more than 100 headers": raw(b"HTTP/1.1 200 OK\r\n"
                                 + b"".join(b"X-H%d: v\r\n" % i for i in range(120)) + b"\r\n"),
    "a 70 KB header line": raw(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n"),
    "a broken chunked body": raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 b"ZZZ\r\nxx"),
    "a truncated body": raw(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + PRETALX[:100]),
    "a captive portal": ok(b"<!DOCTYPE html><html><body>Log in to Wi-Fi</body></html>",
                           "text/html; charset=utf-8"),
    "a body that is not a programme": ok(b'{"schedule": {"conference": 3}}'),
    "a reason phrase with escapes": raw(b"HTTP/1.1 503 \x1b]0;PWNED\x07Busy\x9b2J\r\n"
                                        b"Content-Length: 0\r\n\r\n"),
    "a closed connection": raw(b""),
}


def cached_body(url: str) -> bytes:
    return remote._cache_files(url)[0].read_bytes()


@pytest.mark.parametrize("answer", BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_a_bad_answer_falls_back_to_the_cached_copy(answer: Answer) -> None:
    with serve_raw([ok(PRETALX), answer]) as url:
        first = open_location(url)
        assert cached_body(url) == PRETALX
        again = reopen(first)
    assert again.offline and again.programme == first.programme
    assert again.error
    assert not any(c in again.error for c in "\x1b\x07\x9b")
    assert cached_body(url) == PRETALX  # the good copy is still the offline copy


def test_the_reasons_say_what_happened() -> None:
    reasons = {}
    for name in ("a captive portal", "a truncated body", "a body that is not a programme",
                 "a reason phrase with escapes"):
        with serve_raw([ok(PRETALX), BAD_ANSWERS[name]]) as url:
            reasons[name] = reopen(open_location(url)).error or ""
    assert "web page" in reasons["a captive portal"]
    assert "cut short (100 of 5000 bytes)" in reasons["a truncated body"]
    assert "not a usable programme" in reasons["a body that is not a programme"]
    assert reasons["a reason phrase with escapes"].startswith("the server answered 503 ␛]0;")


def test_a_login_page_with_no_cached_copy_is_a_clear_error() -> None:
    with serve_raw([BAD_ANSWERS["a captive portal"]]) as url, \
            pytest.raises(ProgrammeError, match=r"web page.*no copy is cached yet"):
        open_location(url)


def test_an_unusable_first_download_reports_what_is_wrong() -> None:
    with serve_raw([ok(b'{"schedule": {"conference": 3}}')]) as url, \
            pytest.raises(ProgrammeError, match=r"schedule\.conference"):
        open_location(url)
    assert not remote._cache_files(url)[0].exists()


@pytest.mark.parametrize("slow", ["headers", "body"])
def test_a_trickling_server_is_cut_off_at_the_deadline(slow: str) -> None:
    done, finished = threading.Event(), threading.Event()
    if slow == "headers":  # about 30 s of headers
        answer = trickle(b"HTTP/1.1 200 OK\r\n" + b"X: y\r\n" * 90, 0.05, done, finished)
    else:
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"

        def answer(conn: object) -> None:
            conn.sendall(head)  # type: ignore[attr-defined]
            trickle(b"x" * 100_000, 0.05, done, finished)(conn)  # type: ignore[arg-type]
    try:
        with serve_raw([ok(PRETALX), answer]) as url:
            first = open_location(url)
            again = reopen(first, deadline=1.0)
            # The deadline ended the wait, not the end of the trickle.
            trickling = not finished.is_set()
    finally:
        done.set()
    assert again.offline and again.programme == first.programme
    assert "within 1 s" in (again.error or "") or "in time" in (again.error or "")
    assert trickling


def write_settings(seconds: int) -> None:
    import os

    folder = Path(os.environ["CONFTERM_CONFIG_DIR"])
    (folder / "settings.json").write_text(json.dumps({"download_seconds": seconds}))


def test_the_command_line_falls_back_within_the_deadline_setting() -> None:
    write_settings(1)
    done = threading.Event()
    try:
        with serve_raw([ok(PRETALX), trickle(b"HTTP/1.1 200 OK\r\n" * 200, 0.05, done)]) as url:
            subprocess.run([*CONFTERM, "sessions", "-p", url], check=True, capture_output=True)
            result = subprocess.run([*CONFTERM, "sessions", "-p", url, "--format", "json"],
                                    capture_output=True, text=True, check=False, timeout=30)
    finally:
        done.set()
    assert result.returncode == 0
    assert json.loads(result.stdout)["count"] == 7
    assert "offline — cached at" in result.stderr and "within 1 s" in result.stderr


def test_import_says_when_it_used_the_cached_copy(tmp_path: Path) -> None:
    with serve_raw([ok(PRETALX), raw(b"HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n")]) as url:
        first = subprocess.run([*CONFTERM, "import", url, "-o", str(tmp_path / "a.json")],
                               capture_output=True, text=True, check=False)
        second = subprocess.run([*CONFTERM, "import", url, "-o", str(tmp_path / "b.json")],
                                capture_output=True, text=True, check=False)
    assert first.returncode == 0 and "cached" not in first.stderr
    assert second.returncode == 0
    assert "importing the copy cached at" in second.stderr and "503 Busy" in second.stderr
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()


def test_quitting_does_not_wait_for_a_download() -> None:
    write_settings(600)
    done, finished = threading.Event(), threading.Event()
    # About 5 minutes of headers: the download is still running when q is pressed.
    forever = trickle(b"HTTP/1.1 200 OK\r\n" + b"X: y\r\n" * 90, 0.5, done, finished)
    try:
        with serve_raw([ok(PRETALX), forever], lifetime=600) as url:
            ran = run_in_pty([*CONFTERM, "-p", url], keys=[(4.0, b"r"), (5.0, b"q")],
                             seconds=100)
            trickling = not finished.is_set()
    finally:
        done.set()
    assert b"Traceback" not in ran.output
    assert b"never awaited" not in ran.output and b"RuntimeWarning" not in ran.output
    assert ran.exited, "quitting waited for the download"
    assert ran.returncode == 0 and trickling
