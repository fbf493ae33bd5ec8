"""A pretalx event's address opens its schedule: the schedule page asked for JSON
(pretalx answers 303 to the export), else the export paths under the event; the
address found is the one kept, cached and reloaded."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from confterm.model.errors import ProgrammeError
from confterm.opening.sources import open_location, reopen, schedule_candidates

from .conftest import CORPUS

PAGE = b"<!doctype html><html><body>DemoCon</body></html>"
JSON = (CORPUS / "formats" / "pretalx-schedule.json").read_bytes()
XML = (CORPUS / "formats" / "frab-schedule.xml").read_bytes()

Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


@contextmanager
def site(route: Route) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """A loopback web server; *route* answers each GET. Yields its address and the
    (path, Accept) of every request."""
    asked: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append((self.path, self.headers.get("Accept", "")))
            status, headers, body = route(self)
            self.send_response(status)
            for name, value in {"Content-Length": str(len(body)), **headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def pretalx(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
    """Like pretalx: the schedule page negotiates, the export is JSON."""
    if handler.path == "/democon/schedule/" and "application/json" in handler.headers.get(
            "Accept", ""):
        return 303, {"Location": "/democon/schedule/export/schedule.json"}, b""
    if handler.path == "/democon/schedule/export/schedule.json":
        return 200, {"Content-Type": "application/json"}, JSON
    return 200, HTML, PAGE


def exports_only(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
    """No negotiation and no JSON export: only the XML one."""
    if handler.path == "/democon/schedule.xml":
        return 200, {"Content-Type": "application/xml"}, XML
    if handler.path.startswith("/democon/schedule/export/"):
        return 404, HTML, PAGE
    return 200, HTML, PAGE


def test_the_candidates_come_from_any_page_of_the_event() -> None:
    for page in ("https://pretalx.com/democon/", "https://pretalx.com/democon",
                 "https://pretalx.com/democon/schedule/", "https://pretalx.com/democon/talk/X/"):
        assert schedule_candidates(page) == [
            ("https://pretalx.com/democon/schedule/", "application/json"),
            ("https://pretalx.com/democon/schedule/export/schedule.json", None),
            ("https://pretalx.com/democon/schedule.xml", None)]


def test_an_event_page_opens_its_schedule_by_content_negotiation() -> None:
    with site(pretalx) as (base, asked):
        opened = open_location(f"{base}/democon/", deadline=10)
        assert opened.location == f"{base}/democon/schedule/export/schedule.json"
        assert opened.found_under == f"{base}/democon/"
        assert opened.programme.sessions
        note = opened.found_note()
        assert note is not None and "schedule is at" in note
        assert ("/democon/schedule/", "application/json") in asked
        # A reload asks the schedule's own address, not the event page again.
        asked.clear()
        again = reopen(opened, deadline=10)
        assert [path for path, _ in asked] == ["/democon/schedule/export/schedule.json"]
        assert again.programme.id == opened.programme.id


def test_an_event_with_only_the_export_paths() -> None:
    with site(exports_only) as (base, asked):
        opened = open_location(f"{base}/democon/schedule/", deadline=10)
        assert opened.location == f"{base}/democon/schedule.xml"
        assert [path for path, _ in asked] == [
            "/democon/schedule/", "/democon/schedule/",
            "/democon/schedule/export/schedule.json", "/democon/schedule.xml"]


def test_a_web_page_with_no_schedule_under_it_is_still_refused() -> None:
    with site(lambda handler: (200, HTML, PAGE)) as (base, _asked), \
            pytest.raises(ProgrammeError) as caught:
        open_location(f"{base}/some/page", deadline=10)
    assert "web page" in caught.value.report()


def test_an_event_page_linking_its_schedule_opens_that_schedule() -> None:
    """``<link rel="alternate" type="application/vnd.c3voc.schedule+json">`` in the
    page's head names the schedule: it is opened (JSON before XML), and kept as
    the programme's address."""
    page = (b'<!doctype html><html><head><title>Camp</title>'
            b'<link rel="stylesheet" href="/style.css">'
            b'<link rel="alternate" type="application/vnd.c3voc.schedule+xml" '
            b'href="/fahrplan/schedule.xml">'
            b"<link href='fahrplan/schedule.json?v=1&amp;x=2' rel='alternate' "
            b"type='application/vnd.c3voc.schedule+json'>"
            b"</head><body>Camp</body></html>")

    def route(handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        if handler.path == "/camp/fahrplan/schedule.json?v=1&x=2":
            return 200, {"Content-Type": "application/json"}, JSON
        if handler.path == "/fahrplan/schedule.xml":
            return 200, {"Content-Type": "application/xml"}, XML
        if handler.path == "/camp/":
            return 200, HTML, page
        return 404, HTML, PAGE

    with site(route) as (address, asked):
        opened = open_location(f"{address}/camp/")
    assert opened.location == f"{address}/camp/fahrplan/schedule.json?v=1&x=2"
    assert opened.found_under == f"{address}/camp/"
    assert opened.programme.name.get("en") == "DemoCon 2025"
    assert [path for path, _ in asked] == ["/camp/", "/camp/fahrplan/schedule.json?v=1&x=2"]
