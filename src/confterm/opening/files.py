"""A programme file read within confterm's limits, or a clear error naming it."""

from __future__ import annotations

from pathlib import Path

from confterm.model.errors import Problem, ProgrammeError
from confterm.model.loader import MAX_BYTES, parse_programme, too_large
from confterm.model.programme import Programme
from confterm.storage.reading import read_at_most


def load_programme(path: Path | str, *, warnings: list[Problem] | None = None) -> Programme:
    """Read and validate the programme at *path*.

    Raises :class:`ProgrammeError` listing every problem found. Problems that do
    not prevent loading (such as two sessions sharing a room at the same time)
    are appended to *warnings* when it is given.
    """
    path = Path(path)
    return parse_programme(read_programme_bytes(path), str(path), warnings=warnings)


def read_programme_bytes(path: Path) -> bytes:
    """The bytes of a programme file, refusing missing, unreadable or huge files."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ProgrammeError(str(path), [Problem("file", too_large(size))])
        raw = read_at_most(path, MAX_BYTES)
        if raw is None:
            raise ProgrammeError(str(path), [Problem("file", (
                f"more than the limit of {MAX_BYTES // 2**20} MiB can be read from it"))])
        return raw
    except FileNotFoundError:
        message = "no such file"
    except IsADirectoryError:
        message = "this is a folder, not a programme file"
    except PermissionError:
        message = "permission denied: the file cannot be read"
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}"
    raise ProgrammeError(str(path), [Problem("file", message)])
