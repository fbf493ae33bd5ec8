"""Building a large programme without collector pauses."""

from __future__ import annotations

import gc

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


def test_what_others_froze_stays_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            built = [[n] for n in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert len(built) == 1_000
    finally:
        gc.unfreeze()
