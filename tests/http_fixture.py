"""Programme servers on loopback for the remote tests: a well-behaved one (ETag,
Last-Modified, 304) and a raw one that answers with any bytes at all."""

from __future__ import annotations

import hashlib
import socket
import threading
from collections.abc import Callable, Iterator
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


Answer = Callable[[socket.socket], None]


#: Seconds the raw server waits for a connection before it looks whether to stop.
ACCEPT_WAIT = 0.2


@contextmanager
def serve_raw(answers: list[Answer], *, lifetime: float = 20.0) -> Iterator[str]:
    """A loopback server that answers the n-th connection with ``answers[n]`` (the
    last one again after that), writing whatever bytes it likes. It stops by itself
    after *lifetime* seconds of waiting for connections (at the most: no clock is
    read), so a test can never leave it running."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(ACCEPT_WAIT)
    stopped = threading.Event()

    def handle(conn: socket.socket, answer: Answer) -> None:
        with conn:
            conn.settimeout(2)
            try:
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    request += chunk
                answer(conn)
            except OSError:
                pass  # the client gave up: that is what some tests want

    def accept() -> None:
        count = 0
        for _ in range(int(lifetime / ACCEPT_WAIT) + 1):  # each waits ACCEPT_WAIT at most
            if stopped.is_set():
                return
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            answer = answers[min(count, len(answers) - 1)]
            count += 1
            threading.Thread(target=handle, args=(conn, answer), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/schedule.json"
    finally:
        stopped.set()
        thread.join(2)
        listener.close()


def ok(body: bytes, content_type: str = "application/json") -> Answer:
    def answer(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode()
                     + b"\r\nContent-Length: " + str(len(body)).encode()
                     + b"\r\nConnection: close\r\n\r\n" + body)
    return answer


def raw(data: bytes) -> Answer:
    def answer(conn: socket.socket) -> None:
        conn.sendall(data)
    return answer


def trickle(data: bytes, every: float, until: threading.Event,
            finished: threading.Event | None = None) -> Answer:
    """One byte every *every* seconds, until *until* is set or the bytes run out
    (then *finished* is set)."""
    def answer(conn: socket.socket) -> None:
        for byte in data:
            if until.wait(every):
                return
            conn.sendall(bytes([byte]))
        if finished is not None:
            finished.set()
    return answer
