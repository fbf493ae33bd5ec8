"""The changes refreshes saw, per programme: marks in the browser until the user
has looked (``c``), and ``confterm changes``. The latest ``KEEP`` are kept.

    DATA/changes/PROGRAMME.json   {"version": 1, "changes": [{...}, ...]}

A file that cannot be read counts as empty (it holds nothing the user made:
the next refresh writes it anew); writes are atomic, under a lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from confterm.model.changes import Seen
from confterm.storage.atomic import atomic_write_bytes, file_lock
from confterm.storage.paths import data_dir, id_file_name

KEEP = 500
VERSION = 1


def log_path(programme_id: str) -> Path:
    return data_dir() / "changes" / f"{id_file_name(programme_id)}.json"


def _strings(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def load_changes(programme_id: str) -> list[Seen]:
    """The changes kept for the programme, oldest first."""
    try:
        data = json.loads(log_path(programme_id).read_bytes())
    except (OSError, ValueError, RecursionError):
        return []
    found = []
    for item in data.get("changes", []) if isinstance(data, dict) else []:
        if not isinstance(item, dict):
            continue
        with contextlib.suppress(TypeError, ValueError):
            found.append(Seen(str(item["session"]), str(item["what"]),
                              _strings(item.get("before")), _strings(item.get("after")),
                              dt.datetime.fromisoformat(str(item["when"])),
                              bool(item.get("seen", False))))
    return found


def _save(programme_id: str, changes: list[Seen]) -> None:
    document = {"version": VERSION, "changes": [
        {**asdict(change), "when": change.when.isoformat()} for change in changes[-KEEP:]]}
    # Not synced (written beside a keystroke): a crash loses at most the latest
    # marks, never the file.
    atomic_write_bytes(log_path(programme_id),
                       (json.dumps(document, ensure_ascii=False) + "\n").encode(), durable=False)


def add_changes(programme_id: str, changes: list[Seen]) -> list[Seen]:
    """Keep *changes* after those kept already; returns them all."""
    path = log_path(programme_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with file_lock(path):
        kept = [*load_changes(programme_id), *changes][-KEEP:]
        _save(programme_id, kept)
    return kept


def mark_seen(programme_id: str) -> list[Seen]:
    """Every change kept as seen; returns them."""
    path = log_path(programme_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with file_lock(path):
        kept = [replace(change, seen=True) for change in load_changes(programme_id)]
        _save(programme_id, kept)
    return kept
