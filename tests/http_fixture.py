"""A programme server on loopback for the remote tests: ETag, Last-Modified, 304."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Served:
    body: bytes = b""
    status: int = 200
    redirect_to: str | None = None
    requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@contextmanager
def serve(served: Served) -> Iterator[tuple[str, ThreadingHTTPServer]]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append(dict(self.headers))
            if served.redirect_to:
                self.send_response(302)
                self.send_header("Location", served.redirect_to)
                self.end_headers()
                return
            if served.status != 200:
                self.send_error(served.status)
                return
            if self.headers.get("If-None-Match") == served.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", served.etag)
            self.send_header("Last-Modified", "Wed, 13 Nov 2024 12:00:00 GMT")
            self.send_header("Content-Length", str(len(served.body)))
            self.end_headers()
            self.wfile.write(served.body)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/schedule.json", server
    finally:
        server.shutdown()
        server.server_close()
