"""Where confterm keeps user data. Environment variables override platformdirs.

- ``CONFTERM_CONFIG_DIR``: settings (``settings.json``)
- ``CONFTERM_DATA_DIR``: bookmarks, one file per programme
- ``CONFTERM_CACHE_DIR``: downloaded programmes
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "confterm"


def _dir(variable: str, kind: str) -> Path:
    override = os.environ.get(variable)
    if override:
        return Path(override).expanduser()
    import platformdirs

    finder = getattr(platformdirs, f"user_{kind}_path")
    path: Path = finder(APP_NAME, appauthor=False)
    return path


def is_url(location: str) -> bool:
    """A programme to download rather than a file to read."""
    return location.lower().startswith(("http://", "https://"))


def safe_file_name(text: str, *, fallback: str = "programme") -> str:
    """*text* (a programme id, say) as one file name: no folder separators, no
    leading dot, nothing but letters, digits and ``-_.``; it cannot climb out of
    the folder it is joined to."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in text)
    safe = safe.lstrip(".")[:120]
    return safe if safe.strip("_") else fallback


def id_file_name(programme_id: str) -> str:
    """*programme_id* as a file name of its own: two ids never share one. An id that
    is a safe file name already is used as it is (what earlier versions wrote);
    any other is made safe and told apart by a digest after a ``+``, which no safe
    name holds (``conf/2025`` and ``conf:2025`` no longer meet in ``conf_2025``)."""
    safe = safe_file_name(programme_id)
    if safe == programme_id:
        return safe
    import hashlib

    digest = hashlib.sha256(programme_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{safe[:80]}+{digest}"


def config_dir() -> Path:
    return _dir("CONFTERM_CONFIG_DIR", "config")


def data_dir() -> Path:
    return _dir("CONFTERM_DATA_DIR", "data")


def cache_dir() -> Path:
    return _dir("CONFTERM_CACHE_DIR", "cache")


def bundled_programme_path() -> Path:
    """The programme that ships with confterm (WCO Technology Conference 2024)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "programme.json"  # inside an installed wheel
    if packaged.is_file():
        return packaged
    return package.parents[1] / "data" / "programme.json"  # a source checkout
