"""A cache of validated programmes, so that opening one again skips validation.

Validation needs pydantic, whose import alone takes longer than drawing the
first frame; a programme that was validated before is read back from a pickle
in the user cache folder. The cache entry is used only while the programme
file has the same path, size and modification time, and was written by the
same confterm and Python versions; anything else validates the file afresh.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
import sys
import zlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from confterm import __version__
from confterm.collection import collector_paused
from confterm.model.offsets import offset_zone
from confterm.model.programme import Programme, Session
from confterm.model.view import catalogue_order, known_order
from confterm.storage.atomic import atomic_write_with
from confterm.storage.paths import cache_dir

#: Part of every key: entries written by another version are read as misses.
_VERSION = f"{__version__}/cache10/py{sys.version_info.major}.{sys.version_info.minor}"


def _entry(path: Path, timezone: str | None) -> tuple[Path, tuple[str, int, int, str, str]]:
    resolved = path.resolve()
    stat = resolved.stat()
    # Only a file name: the full path is in the key, so a collision is just a miss.
    name = f"{zlib.crc32(str(resolved).encode()):08x}"
    return (cache_dir() / "validated" / f"{name}.pickle",
            (str(resolved), stat.st_size, stat.st_mtime_ns, _VERSION, timezone or ""))


#: Sessions per pickle in a cache entry (see ``_dump``): a piece is read in a
#: millisecond or two, and a reading in a thread breathes between pieces.
_CHUNK = 250

#: Called between the pieces of a cache entry while it is read (see ``breathing``).
_between_pieces: ContextVar[Callable[[], object] | None] = ContextVar(
    "between_pieces", default=None)


@contextlib.contextmanager
def breathing(breathe: Callable[[], object] | None) -> Iterator[None]:
    """Call *breathe* between the pieces of a cache entry read in this block (a
    reading in a thread lets the interface's thread go first)."""
    token = _between_pieces.set(breathe)
    try:
        yield
    finally:
        _between_pieces.reset(token)


def _unpickle(entry: Path, key: tuple[object, ...]) -> Programme | None:
    """The cached programme if the entry is current, else None (any failure is a miss)."""
    breathe = _between_pieces.get()
    try:
        # One unpickler per piece: each piece was pickled with a memo of its own.
        with collector_paused(), entry.open("rb") as handle:
            stored_key, programme, count, order = pickle.load(handle)
            if stored_key != key or not isinstance(programme, Programme):
                return None
            sessions: list[Session] = []
            while len(sessions) < count:
                if breathe is not None:
                    breathe()
                sessions.extend(pickle.load(handle))
    except Exception:
        return None
    # The head was built without its sessions; nothing else refers to it yet.
    object.__setattr__(programme, "sessions", tuple(sessions))
    if (isinstance(order, list) and len(order) == count
            and (not order or (min(order) == 0 and max(order) == count - 1))
            and len(set(order)) == count):  # every place once: the order of these
        known_order(programme, order)
    return programme


def _store(entry: Path, key: tuple[object, ...], programme: Programme) -> None:
    """Write the cache entry, streamed into the file (a large programme's pickle
    is never held in memory whole)."""
    with contextlib.suppress(OSError):  # a read-only cache only costs speed
        # Not synced: an entry a crash cut short fails to read, and is made again.
        atomic_write_with(entry, lambda handle: _dump(handle, key, programme), durable=False)


def _dump(handle: BinaryIO, key: tuple[object, ...], programme: Programme) -> None:
    """Pickle with shared standard offsets (``offset_zone``): pydantic's own
    offset type would make every later start import pydantic to unpickle it."""
    import copyreg

    from pydantic_core import TzInfo

    def reduce_zone(tz: dt.tzinfo) -> tuple[Callable[[int], dt.timezone], tuple[int]]:
        offset = tz.utcoffset(None)
        assert offset is not None
        return offset_zone, (int(offset.total_seconds()),)

    pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[TzInfo] = reduce_zone
    pickler.dispatch_table[dt.timezone] = reduce_zone
    # The programme without its sessions, then its sessions a chunk at a time with
    # the memo cleared in between: the memo (every object pickled so far) would
    # otherwise grow as large as the programme itself.
    sessions, order = programme.sessions, catalogue_order(programme)
    known_order(programme, order)  # (the catalogue made of it next need not sort)
    pickler.dump((key, replace(programme, sessions=()), len(sessions), order))
    for start in range(0, len(sessions), _CHUNK):
        pickler.clear_memo()
        pickler.dump(sessions[start:start + _CHUNK])


def _load(path: Path, timezone: str | None) -> Programme:
    # Only on a miss: these import pydantic and the format readers.
    from confterm.formats.detect import load_any
    from confterm.opening.files import read_programme_bytes
    from confterm.opening.schema_cache import keep_schemas, prepare_validation

    prepare_validation()
    with collector_paused():
        programme = load_any(read_programme_bytes(path), str(path), timezone=timezone)
    keep_schemas()
    return programme


def open_programme(path: Path, *, timezone: str | None = None) -> Programme:
    """The programme at *path*, in any supported format: from the cache when it is
    current, else read, converted, validated and cached. *timezone* is used when
    the file names none. Raises ``ProgrammeError`` like ``load_programme``."""
    try:
        entry, key = _entry(path, timezone)
    except OSError:
        return _load(path, timezone)  # reports the missing or unreadable file
    cached = _unpickle(entry, key)
    if cached is not None:
        return cached
    programme = _load(path, timezone)
    _store(entry, key, programme)
    return programme


def open_programme_bytes(raw: bytes, source: str, *, timezone: str | None = None) -> Programme:
    """Like :func:`open_programme`, for a downloaded programme (keyed by content)."""
    # Named and keyed by digests: no other address, and no other body of this one,
    # can be taken for it.
    import hashlib

    name = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    entry = cache_dir() / "validated" / f"{name}-remote.pickle"
    key = (source, len(raw), hashlib.sha256(raw).hexdigest(), _VERSION, timezone or "")
    cached = _unpickle(entry, key)
    if cached is not None:
        return cached
    from confterm.formats.detect import load_any
    from confterm.opening.schema_cache import keep_schemas, prepare_validation

    prepare_validation()
    with collector_paused():
        programme = load_any(raw, source, timezone=timezone)
    keep_schemas()
    _store(entry, key, programme)
    return programme
