"""Programmes published on the web: downloaded with limits, cached, used offline.

- http and https only; redirects only to http(s), at most ``MAX_REDIRECTS``.
- A socket timeout for each step and an overall deadline for the whole download
  (connect, headers and body): a server that trickles a byte a second is cut off.
  The download runs in a daemon thread, so nothing ever waits for it past the
  deadline, quitting included.
- A size cap (the loader's ``MAX_BYTES``); a body shorter than its
  Content-Length, or a web page where a programme was expected (a Wi-Fi login
  page), is a failed download.
- A downloaded body is only a candidate: the caller keeps it (``keep``) once it
  has loaded as a programme, so a bad download never replaces the good copy.
- Every failure, malformed HTTP included, falls back to the cached copy, and the
  result says so, with the time it was fetched. What the server says (reason
  phrases) is neutralised like programme text.

``urllib`` is imported only here, and only when a URL is opened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from confterm.i18n import N_, _
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.loader import MAX_BYTES
from confterm.model.text import neutralise
from confterm.storage.atomic import atomic_write_bytes, atomic_write_text
from confterm.storage.paths import cache_dir, is_url

#: Seconds for each network step (connecting, each read).
TIMEOUT = 10.0
#: Seconds for the whole download; the ``download_seconds`` setting changes it.
DEADLINE = 30.0
MAX_REDIRECTS = 5
USER_AGENT = "confterm (terminal schedule browser)"
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Fetched:
    raw: bytes
    fetched_at: dt.datetime
    #: True when the network failed and this is the cached copy.
    offline: bool = False
    #: Why the network failed, when it did.
    error: str | None = None
    #: For a new download, the validators to store with it once it is kept
    #: (ETag, Last-Modified); None for the cached copy.
    validators: dict[str, str | None] | None = None
    #: Where a new download came from in the end, after redirects.
    final_url: str | None = None

    @property
    def fresh(self) -> bool:
        """A new download, not yet known to be a usable programme."""
        return self.validators is not None


#: Why a download failed when the server sent a web page where a schedule was
#: expected (the caller may look for the schedule under the page, see sources).
WEB_PAGE = N_("the server sent a web page, not a programme (a Wi-Fi login page?)")


class DownloadFailed(Exception):
    """The network did not deliver a usable body; the message says why."""


def _cache_files(url: str) -> tuple[Path, Path]:
    """The offline copy of *url* and what is known of it, named by a digest of the
    whole address: no other address can be given the same files."""
    folder = cache_dir() / "remote"
    name = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"{name}.body", folder / f"{name}.json"


def _carry_over(url: str) -> None:
    """Earlier versions named the copy by a 32-bit checksum that two addresses can
    share; the copy whose record names this very address moves to its own name."""
    body_file, meta_file = _cache_files(url)
    if meta_file.exists():
        return
    folder = body_file.parent
    old = f"{zlib.crc32(url.encode()):08x}"
    old_body, old_meta = folder / f"{old}.body", folder / f"{old}.json"
    try:
        if json.loads(old_meta.read_bytes()).get("url") != url:
            return
        os.replace(old_body, body_file)
        os.replace(old_meta, meta_file)
    except (OSError, ValueError, AttributeError):
        pass


def _read_meta(url: str) -> tuple[bytes | None, dict[str, Any]]:
    _carry_over(url)
    body_file, meta_file = _cache_files(url)
    try:
        meta = json.loads(meta_file.read_text("utf-8"))
        body = body_file.read_bytes()
    except (OSError, ValueError):
        return None, {}
    if not isinstance(meta, dict) or meta.get("url") != url:
        return None, {}
    return body, meta


def _said(text: object, limit: int = 120) -> str:
    """Text from the network (a reason phrase, a header), safe to print."""
    value = neutralise(" ".join(str(text).split()))
    return value if len(value) <= limit else value[: limit - 1] + "…"


class _Download:
    """One download in its own daemon thread; ``cancel`` shuts its sockets, so a
    read blocked on a silent or trickling server returns at once."""

    def __init__(self, request: Any, timeout: float, deadline_at: float) -> None:
        self.final_url: str | None = None
        self.request = request
        self.timeout = timeout
        self.deadline_at = deadline_at
        self.result: tuple[bytes, Any] | DownloadFailed | int | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            cancelled = self._cancelled
        if cancelled:
            _shut(sock)

    def run(self) -> None:
        try:
            self.result = self._get()
        except DownloadFailed as failure:
            self.result = failure
        except Exception as error:  # malformed HTTP and anything else: never a crash
            self.result = DownloadFailed(_describe(error))

    def _get(self) -> tuple[bytes, Any] | int:
        import urllib.error

        try:
            response = self._opener().open(self.request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return 304
            raise DownloadFailed(_("the server answered {code} {reason}").format(
                code=error.code, reason=_said(error.reason))) from None
        with response:
            headers = response.headers
            chunks, total = [], 0
            while True:
                if time.monotonic() > self.deadline_at:
                    raise DownloadFailed(_("the download did not finish in time"))
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > MAX_BYTES:
                    raise DownloadFailed(_("the download is larger than the limit of "
                                           "{size} MiB").format(size=MAX_BYTES // 2**20))
                chunks.append(chunk)
        raw = b"".join(chunks)
        announced = headers.get("Content-Length")
        if announced is not None and announced.strip().isdigit() and int(announced) != len(raw):
            raise DownloadFailed(_("the download was cut short ({got} of {size} bytes)").format(
                got=len(raw), size=int(announced)))
        if _is_web_page(headers.get("Content-Type") or "", raw):
            _remember_page(self.request.full_url, response.geturl(), raw)
            raise DownloadFailed(_(WEB_PAGE))
        self.final_url = response.geturl()
        return raw, headers

    def _opener(self) -> Any:
        import http.client
        import urllib.error
        import urllib.request

        download = self

        class Tracked(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                download._track(self.sock)

        class TrackedTLS(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                download._track(self.sock)

        class Plain(urllib.request.HTTPHandler):
            def http_open(self, req: Any) -> Any:
                return self.do_open(Tracked, req)

        class Secure(urllib.request.HTTPSHandler):
            def https_open(self, req: Any) -> Any:
                return self.do_open(TrackedTLS, req, context=self._context)  # type: ignore[attr-defined]

        class LimitedRedirects(urllib.request.HTTPRedirectHandler):
            max_redirections = MAX_REDIRECTS

            def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                                 newurl: str) -> Any:
                if not is_url(newurl):
                    raise urllib.error.HTTPError(newurl, code, "redirect to a non-http(s) URL "
                                                               "refused", headers, fp)
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        # Only http(s) handlers: no file://, ftp:// or data: URLs, even through a redirect.
        opener = urllib.request.OpenerDirector()
        for handler in (Plain(), Secure(), LimitedRedirects(),
                        urllib.request.HTTPErrorProcessor(),
                        urllib.request.HTTPDefaultErrorHandler()):
            opener.add_handler(handler)
        return opener


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


#: The last web pages met where a schedule was expected (address: its start), so
#: that the schedule they link to can be found (see ``schedule_links``).
_PAGES: dict[str, tuple[str, bytes]] = {}
_PAGE_HEAD = 256 * 1024  # the links are in the head: the start of a page suffices
_C3VOC_TYPES = ("application/vnd.c3voc.schedule+json", "application/vnd.c3voc.schedule+xml")
_LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _remember_page(url: str, final_url: str, raw: bytes) -> None:
    _PAGES[url] = (final_url, raw[:_PAGE_HEAD])
    while len(_PAGES) > 4:
        _PAGES.pop(next(iter(_PAGES)))


def schedule_links(url: str) -> list[str]:
    """The schedules the web page last seen at *url* links to as alternates
    (``<link rel="alternate" type="application/vnd.c3voc.schedule+json" href=…>``,
    JSON first), as absolute http(s) addresses."""
    from html import unescape
    from urllib.parse import urljoin

    base, page = _PAGES.get(url, (url, b""))
    found: list[tuple[int, str]] = []
    for tag in _LINK_TAG.findall(page):
        attributes = {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or b"")
                      for m in _ATTRIBUTE.finditer(tag)}
        kind = attributes.get(b"type", b"").decode("ascii", "replace").strip().lower()
        rel = attributes.get(b"rel", b"").decode("ascii", "replace").lower().split()
        href = unescape(attributes.get(b"href", b"").decode("utf-8", "replace")).strip()
        if "alternate" in rel and kind in _C3VOC_TYPES and href:
            address = urljoin(base, href)
            if address.startswith(("http://", "https://")):
                found.append((_C3VOC_TYPES.index(kind), address))
    return [address for _, address in sorted(found)]


def _is_web_page(content_type: str, raw: bytes) -> bool:
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return content_type.lower().startswith(("text/html", "application/xhtml")) or (
        head.startswith((b"<!doctype html", b"<html")))


def _describe(error: BaseException) -> str:
    """Why a download failed, in words, whatever the exception."""
    import http.client
    import urllib.error

    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, BaseException) and not isinstance(reason, str):
            return _describe(reason)
        return _said(reason)
    if isinstance(error, http.client.IncompleteRead):
        return _("the download was cut short")
    if isinstance(error, http.client.RemoteDisconnected):
        return _("the server closed the connection without answering")
    if isinstance(error, http.client.LineTooLong):
        return _("the server's answer has a line that is too long")
    if isinstance(error, http.client.BadStatusLine):
        return _("the server's answer is not HTTP")
    if isinstance(error, http.client.HTTPException):
        return _("the server's answer is malformed ({why})").format(why=_said(error))
    if isinstance(error, TimeoutError | socket.timeout):
        return _("timed out")
    if isinstance(error, OSError):
        return _said(error.strerror or error)
    return f"{type(error).__name__}: {_said(error)}"


def fetch(url: str, *, timeout: float = TIMEOUT, deadline: float = DEADLINE,
          accept: str | None = None) -> Fetched:
    """The programme at *url*: a new download (to ``keep`` once it loads), the cached
    copy confirmed unchanged (304), or the cached copy when the network fails.
    Raises ``ProgrammeError`` when there is neither. *accept* asks the server for
    a media type (content negotiation)."""
    import urllib.request

    if not is_url(url):
        raise ProgrammeError(url, [Problem("url", "only http:// and https:// are supported")])
    cached, meta = _read_meta(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if accept is not None:
        request.add_header("Accept", accept)
    if cached is not None:
        if meta.get("etag"):
            request.add_header("If-None-Match", meta["etag"])
        if meta.get("last_modified"):
            request.add_header("If-Modified-Since", meta["last_modified"])
    now = dt.datetime.now(dt.UTC)
    download = _Download(request, min(timeout, deadline), time.monotonic() + deadline)
    worker = threading.Thread(target=download.run, name="confterm-download", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        download.cancel()
        return _offline(url, cached, meta, f"no complete answer within {deadline:g} s")
    result = download.result
    if isinstance(result, DownloadFailed) or result is None:
        return _offline(url, cached, meta, str(result or "the download failed"))
    if result == 304:
        if cached is not None:
            with contextlib.suppress(OSError):  # an unwritable cache only costs the date
                _write_meta(url, {**meta, "fetched_at": now.isoformat()})
            return Fetched(cached, now)
        return _offline(url, cached, meta, "the server answered 304 for a copy not cached")
    assert not isinstance(result, int)
    raw, headers = result
    return Fetched(raw, now, validators={"etag": headers.get("ETag"),
                                         "last_modified": headers.get("Last-Modified")},
                   final_url=download.final_url)


def keep(url: str, fetched: Fetched) -> None:
    """Make a new download the offline copy: call once it has loaded as a programme."""
    if not fetched.fresh:
        return
    body_file, _ = _cache_files(url)
    try:
        atomic_write_bytes(body_file, fetched.raw)
        _write_meta(url, {"url": url, **(fetched.validators or {}),
                          "fetched_at": fetched.fetched_at.isoformat()})
    except OSError:
        pass  # an unwritable cache only costs the offline copy


def cached_instead(url: str, reason: str) -> Fetched:
    """The cached copy, used because *reason*; raises ``ProgrammeError`` if none."""
    cached, meta = _read_meta(url)
    return _offline(url, cached, meta, reason)


def _write_meta(url: str, meta: dict[str, Any]) -> None:
    _, meta_file = _cache_files(url)
    atomic_write_text(meta_file, json.dumps(meta, indent=2) + "\n")


def _offline(url: str, cached: bytes | None, meta: dict[str, Any], reason: str) -> Fetched:
    if cached is None:
        raise ProgrammeError(url, [Problem("download", _("{why}; no copy is cached yet").format(
            why=reason))])
    try:
        fetched_at = dt.datetime.fromisoformat(meta["fetched_at"])
    except (KeyError, TypeError, ValueError):
        fetched_at = dt.datetime.fromtimestamp(0, dt.UTC)
    return Fetched(cached, fetched_at, offline=True, error=reason)
