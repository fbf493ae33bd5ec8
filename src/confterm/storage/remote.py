"""Programmes published on the web: downloaded with limits, cached, used offline.

- http and https only; redirects only to http(s), at most ``MAX_REDIRECTS``.
- A connect/read timeout and a size cap (the loader's ``MAX_BYTES``).
- The last good copy is kept in the user cache folder with its ETag and
  Last-Modified, so later fetches are conditional (a 304 costs no download).
- When the network fails, the cached copy is used and the result says so, with
  the time it was fetched.

``urllib`` is imported only here, and only when a URL is opened.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from confterm.model.errors import Problem, ProgrammeError
from confterm.model.loader import MAX_BYTES
from confterm.storage.atomic import atomic_write_bytes, atomic_write_text
from confterm.storage.paths import cache_dir, is_url

TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = "confterm (terminal schedule browser)"


@dataclass(frozen=True)
class Fetched:
    raw: bytes
    fetched_at: dt.datetime
    #: True when the network failed and this is the cached copy.
    offline: bool = False
    #: Why the network failed, when it did.
    error: str | None = None


def _cache_files(url: str) -> tuple[Path, Path]:
    folder = cache_dir() / "remote"
    name = f"{zlib.crc32(url.encode()):08x}"
    return folder / f"{name}.body", folder / f"{name}.json"


def _read_meta(url: str) -> tuple[bytes | None, dict[str, Any]]:
    body_file, meta_file = _cache_files(url)
    try:
        meta = json.loads(meta_file.read_text("utf-8"))
        body = body_file.read_bytes()
    except (OSError, ValueError):
        return None, {}
    if not isinstance(meta, dict) or meta.get("url") != url:
        return None, {}
    return body, meta


def _opener() -> Any:
    import urllib.request

    class LimitedRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                             newurl: str) -> Any:
            if not is_url(newurl):
                raise urllib.error.HTTPError(newurl, code, "redirect to a non-http(s) URL "
                                                           "refused", headers, fp)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    import urllib.error

    # Only http(s) handlers: no file://, ftp:// or data: URLs, even through a redirect.
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                    LimitedRedirects(), urllib.request.HTTPErrorProcessor(),
                    urllib.request.HTTPDefaultErrorHandler()):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float = TIMEOUT) -> Fetched:
    """The programme at *url*: fresh, confirmed unchanged (304), or cached when
    the network fails. Raises ``ProgrammeError`` when there is neither."""
    import urllib.error
    import urllib.request

    if not is_url(url):
        raise ProgrammeError(url, [Problem("url", "only http:// and https:// are supported")])
    cached, meta = _read_meta(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if cached is not None:
        if meta.get("etag"):
            request.add_header("If-None-Match", meta["etag"])
        if meta.get("last_modified"):
            request.add_header("If-Modified-Since", meta["last_modified"])
    now = dt.datetime.now(dt.UTC)
    try:
        with _opener().open(request, timeout=timeout) as response:
            raw = response.read(MAX_BYTES + 1)
            headers = response.headers
    except urllib.error.HTTPError as error:
        if error.code == 304 and cached is not None:
            _write_meta(url, {**meta, "fetched_at": now.isoformat()})
            return Fetched(cached, now)
        return _offline(url, cached, meta, f"the server answered {error.code} {error.reason}")
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return _offline(url, cached, meta, str(reason))
    if len(raw) > MAX_BYTES:
        return _offline(url, cached, meta, f"the download is larger than the limit of "
                                           f"{MAX_BYTES // 2**20} MiB")
    body_file, _ = _cache_files(url)
    try:
        atomic_write_bytes(body_file, raw)
        _write_meta(url, {"url": url, "etag": headers.get("ETag"),
                          "last_modified": headers.get("Last-Modified"),
                          "fetched_at": now.isoformat()})
    except OSError:
        pass  # an unwritable cache only costs the offline copy
    return Fetched(raw, now)


def _write_meta(url: str, meta: dict[str, Any]) -> None:
    _, meta_file = _cache_files(url)
    atomic_write_text(meta_file, json.dumps(meta, indent=2) + "\n")


def _offline(url: str, cached: bytes | None, meta: dict[str, Any], reason: str) -> Fetched:
    if cached is None:
        raise ProgrammeError(url, [Problem("download", f"{reason}; no copy is cached yet")])
    try:
        fetched_at = dt.datetime.fromisoformat(meta["fetched_at"])
    except (KeyError, TypeError, ValueError):
        fetched_at = dt.datetime.fromtimestamp(0, dt.UTC)
    return Fetched(cached, fetched_at, offline=True, error=reason)


def fetch_programme_bytes(url: str) -> bytes:
    return fetch(url).raw
