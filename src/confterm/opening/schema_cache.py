"""pydantic's schemas for the programme format, kept between runs.

Validating a programme that is not in the validated cache (a new file, a new
download, a refresh) needs pydantic's validators. Importing pydantic and
building them from the model takes some 110 ms, more than converting a
thousand descriptions; the core schemas they are built from are the same on
every run. They are kept in the cache folder, keyed by the model's source and
the Python, pydantic and pydantic-core versions, and the validators are made
from them directly (some 40 ms). Any doubt — another key, a file that does not
read — builds them afresh.
"""

from __future__ import annotations

import contextlib
import pickle
import sys
from importlib.util import find_spec
from pathlib import Path

from confterm.model import constraints, programme, validation
from confterm.storage.atomic import atomic_write_bytes
from confterm.storage.paths import cache_dir

_state = {"ready": False}


def _path() -> Path:
    import pydantic_core  # validation needs it anyway

    try:  # BLAKE2 as hashlib has it, without hashlib's import of OpenSSL (2-8 ms)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

    digest = blake2b(digest_size=16)
    # What the schemas are made of and by: the model's source, pydantic's version
    # (read, not imported: its import is what this saves), pydantic-core's, Python's.
    for module in (programme, constraints, validation):
        digest.update(Path(module.__file__ or "").read_bytes())
    spec = find_spec("pydantic")
    digest.update(Path(spec.origin if spec and spec.origin else "").with_name(
        "version.py").read_bytes())
    digest.update(f"{pydantic_core.__version__} {sys.version}".encode())
    return cache_dir() / "schemas" / f"{digest.hexdigest()}.pickle"


def prepare_validation() -> None:
    """Before validating: take the kept schemas if there are (once a process)."""
    if _state["ready"]:
        return
    _state["ready"] = True
    try:
        validation.use_schemas(pickle.loads(_path().read_bytes()))
    except Exception:  # none yet, unreadable, or from another model: built afresh
        _state["missing"] = True


def keep_schemas() -> None:
    """After a validation that built the schemas: keep them for the next runs."""
    if not _state.pop("missing", False):
        return
    with contextlib.suppress(Exception):  # a cache: failing to write it loses nothing
        atomic_write_bytes(_path(), pickle.dumps(validation.core_schemas(), protocol=5),
                           durable=False)
