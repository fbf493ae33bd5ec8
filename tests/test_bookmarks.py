"""Bookmarks on disk: round trip, recovery, merging writers, crash safety."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from confterm.model.agenda import Bookmark, Priority, bookmark_for
from confterm.model.view import ScheduleView
from confterm.storage.bookmarks import BookmarkStore, bookmarks_path, decode

PROGRAMME_ID = "wco-technology-conference-2024"
#: Writer processes killed by the clock in the soak test (make soak).
KILLS = 200


def test_bookmarks_survive_a_round_trip(view: ScheduleView) -> None:
    store, problem = BookmarkStore.open(PROGRAMME_ID)
    assert problem is None and len(store.agenda) == 0
    session = view.catalogue.sessions["d2-wa-iot"]
    store.set(bookmark_for(session, Priority.MAYBE))
    assert store.dirty
    store.save()
    assert not store.dirty
    again, _ = BookmarkStore.open(PROGRAMME_ID)
    mark = again.agenda.get("d2-wa-iot")
    assert mark is not None and mark.priority is Priority.MAYBE
    assert mark.title == session.title.get("en") and mark.start == session.start


def test_the_file_is_versioned_json_keyed_by_session_id(view: ScheduleView) -> None:
    store, _ = BookmarkStore.open(PROGRAMME_ID)
    store.set(bookmark_for(view.catalogue.sessions["d1-opening"]))
    store.save()
    document = json.loads(bookmarks_path(PROGRAMME_ID).read_text())
    assert document["format"] == "confterm-bookmarks" and document["version"] == 1
    assert document["programme"] == PROGRAMME_ID
    assert list(document["bookmarks"]) == ["d1-opening"]


def test_a_corrupt_file_is_moved_aside_and_reported() -> None:
    path = bookmarks_path(PROGRAMME_ID)
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "confterm-bookmarks", "version": 1, "bookmarks": {"x": 3}}')
    store, problem = BookmarkStore.open(PROGRAMME_ID)
    assert len(store.agenda) == 0
    assert problem is not None and "could not be read" in problem
    kept = list(path.parent.glob(f"{path.name}.broken-*"))
    assert len(kept) == 1 and str(kept[0]) in problem
    assert json.loads(kept[0].read_text())["bookmarks"] == {"x": 3}


def test_a_bookmark_stays_when_its_session_leaves_the_programme(view: ScheduleView) -> None:
    path = bookmarks_path(PROGRAMME_ID)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"format": "confterm-bookmarks", "version": 1,
                                "programme": PROGRAMME_ID, "bookmarks": {
                                    "cancelled-talk": {"priority": "must",
                                                       "added": "2024-11-01T10:00:00+00:00",
                                                       "title": "A cancelled talk",
                                                       "start": None}}}))
    store, _ = BookmarkStore.open(PROGRAMME_ID)
    assert [b.title for b in store.agenda.missing(view.catalogue)] == ["A cancelled talk"]
    store.set(bookmark_for(view.catalogue.sessions["d1-opening"]))
    store.save()
    assert set(decode(path.read_bytes()).bookmarks) == {"cancelled-talk", "d1-opening"}


def test_saving_merges_changes_made_by_another_process(view: ScheduleView) -> None:
    sessions = view.catalogue.sessions
    mine, _ = BookmarkStore.open(PROGRAMME_ID)
    theirs, _ = BookmarkStore.open(PROGRAMME_ID)
    mine.set(bookmark_for(sessions["d1-opening"]))
    mine.save()
    theirs.set(bookmark_for(sessions["d3-ai-risks"]))
    theirs.save()  # does not know about d1-opening, must not drop it
    mine.remove("d1-opening")
    mine.set(bookmark_for(sessions["d2-wa-iot"]))
    mine.save()
    final = set(decode(bookmarks_path(PROGRAMME_ID).read_bytes()).bookmarks)
    assert final == {"d3-ai-risks", "d2-wa-iot"}
    assert set(mine.agenda.bookmarks) == final


def test_a_failed_save_keeps_the_changes_pending(view: ScheduleView,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import confterm.storage.bookmarks as module

    store, _ = BookmarkStore.open(PROGRAMME_ID)
    store.set(bookmark_for(view.catalogue.sessions["d1-opening"]))
    real_write = module.atomic_write_text

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "atomic_write_text", disk_full)
    with pytest.raises(OSError):
        store.save()
    assert store.dirty and "d1-opening" in store.agenda
    monkeypatch.setattr(module, "atomic_write_text", real_write)
    store.save()
    assert not store.dirty
    assert "d1-opening" in decode(bookmarks_path(PROGRAMME_ID).read_bytes()).bookmarks


def test_a_read_only_data_folder_still_opens(view: ScheduleView, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import confterm.storage.bookmarks as module

    path = bookmarks_path(PROGRAMME_ID)
    store, _ = BookmarkStore.open(PROGRAMME_ID)
    store.set(bookmark_for(view.catalogue.sessions["d1-opening"]))
    store.save()

    def read_only(_: Path) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(module, "file_lock", read_only)
    again, problem = BookmarkStore.open(PROGRAMME_ID)
    assert problem is not None and "read-only" in problem
    assert "d1-opening" in again.agenda
    assert path.exists()


WRITER = textwrap.dedent("""
    import sys, time
    from confterm.model.agenda import Bookmark
    from confterm.storage.bookmarks import BookmarkStore
    store, _ = BookmarkStore.open("wco-technology-conference-2024")
    prefix, count = sys.argv[1], int(sys.argv[2])
    for i in range(count):
        store.set(Bookmark(f"{prefix}-{i}", title="x" * 2000))
        store.save()
    if count == 0:  # forever, for the crash test
        i = 0
        while True:
            store.set(Bookmark(f"{prefix}-{i % 50}", title="y" * 5000))
            store.save()
            i += 1
""")


def test_two_processes_bookmarking_at_once_keep_both() -> None:
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, name, "25"])
               for name in ("left", "right")]
    assert [w.wait(timeout=60) for w in writers] == [0, 0]
    final = decode(bookmarks_path(PROGRAMME_ID).read_bytes()).bookmarks
    assert set(final) == {f"{side}-{i}" for side in ("left", "right") for i in range(25)}


CRASHER = textwrap.dedent("""
    import os, signal, sys
    from confterm.model.agenda import Bookmark
    from confterm.storage.bookmarks import BookmarkStore
    point, offset = sys.argv[1], int(sys.argv[2])
    die = lambda: os.kill(os.getpid(), signal.SIGKILL)
    real_replace, real_fdopen = os.replace, os.fdopen
    if point == "before-replace":
        os.replace = lambda *args: die()
    elif point == "after-replace":
        def replace(*args):
            real_replace(*args)
            die()
        os.replace = replace
    elif point == "mid-write":
        class Half:
            def __init__(self, handle): self.handle = handle
            def __enter__(self): return self
            def __exit__(self, *exc): self.handle.close()
            def fileno(self): return self.handle.fileno()
            def flush(self): self.handle.flush()
            def write(self, data):
                self.handle.write(data[:offset % len(data)])
                self.handle.flush()
                os.fsync(self.handle.fileno())
                die()
        os.fdopen = lambda *args: Half(real_fdopen(*args))
    store, _ = BookmarkStore.open("wco-technology-conference-2024")
    store.set(Bookmark("new", title="n" * 5000))
    store.save()
    print("the save finished: the kill did not land", flush=True)
""")
#: Where a writer is killed: inside the temporary file, before and after the rename.
KILL_POINTS = [("mid-write", 1), ("mid-write", 4000), ("before-replace", 0),
               ("after-replace", 0)]


def _kill_a_save(point: str, offset: int) -> set[str]:
    """Save "new" over a file holding "old", killed at *point*; the bookmarks after."""
    path = bookmarks_path(PROGRAMME_ID)
    store, _ = BookmarkStore.open(PROGRAMME_ID)
    for key in list(store.agenda.bookmarks):
        store.remove(key)
    store.set(bookmark_for_id("old"))
    store.save()
    writer = subprocess.run([sys.executable, "-c", CRASHER, point, str(offset)],
                            capture_output=True, text=True, check=False)
    assert writer.returncode == -signal.SIGKILL, (point, writer.stdout, writer.stderr)
    return set(decode(path.read_bytes()).bookmarks)  # raises if half-written


@pytest.mark.parametrize(("point", "offset"), KILL_POINTS)
def test_a_writer_killed_mid_save_leaves_the_old_file_or_the_new(point: str,
                                                                 offset: int) -> None:
    after = _kill_a_save(point, offset)
    assert after == ({"old", "new"} if point == "after-replace" else {"old"})


def test_writers_killed_at_random_points_never_break_the_file() -> None:
    rng = random.Random(20241113)
    for _ in range(12):
        point = rng.choice(["mid-write", "before-replace", "after-replace"])
        assert _kill_a_save(point, rng.randrange(1, 200_000)) in ({"old"}, {"old", "new"})
    # Killed writers leave temporary files; the next save sweeps the old ones.
    path = bookmarks_path(PROGRAMME_ID)
    leftovers = [p for p in path.parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers
    for leftover in leftovers:
        os.utime(leftover, (0, 0))
    store, _ = BookmarkStore.open(PROGRAMME_ID)
    store.set(bookmark_for_id("after"))
    store.save()
    assert [p for p in path.parent.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.soak
def test_killing_the_writer_at_any_moment_never_breaks_the_file() -> None:
    """The old content or the new, whenever the process dies (200 kills by the clock)."""
    path = bookmarks_path(PROGRAMME_ID)
    rng = random.Random(20241113)
    for _ in range(KILLS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, "crash", "0"])
        time.sleep(0.2 + rng.random() * 0.15)  # start-up, then some saves
        writer.send_signal(signal.SIGKILL)
        assert writer.wait() == -signal.SIGKILL
        if path.exists():
            agenda = decode(path.read_bytes())  # raises if half-written
            assert all(key.startswith("crash-") for key in agenda.bookmarks)
    assert path.exists(), "the writer never got to save"


def bookmark_for_id(session_id: str) -> Bookmark:
    return Bookmark(session_id)
