"""Building a large programme without collector pauses."""

from __future__ import annotations

import gc

import pytest

from confterm.collection import collector_paused


def test_objects_built_in_bulk_are_not_walked_by_the_next_young_collection() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        built = [[n] for n in range(50_000)]
    assert gc.isenabled()
    # Filed with the oldest objects: young collections, which come often, skip them.
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in built[::1000])


def test_what_others_froze_stays_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where objects are frozen already (by the app, or anyone), the pause files
    nothing: it neither freezes nor unfreezes. Watched through the calls rather
    than the process's freeze count, which a thread of an earlier test may still
    change."""
    calls: list[str] = []
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 58_000)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    with collector_paused():
        built = [[n] for n in range(1_000)]
    assert calls == [] and len(built) == 1_000
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 0)
    with collector_paused():
        built = [[n] for n in range(1_000)]
    assert calls == ["freeze", "unfreeze"]  # nothing frozen before: filed as old
