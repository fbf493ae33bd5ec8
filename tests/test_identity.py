"""A programme is known by where it comes from, not by what it claims: no file's
content can move, merge or empty another source's bookmarks, nor take its
offline copy; and what users already have carries over from earlier versions."""

from __future__ import annotations

import hashlib
import json
import shutil
import zlib
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.model.agenda import bookmark_for
from confterm.opening.sources import open_location, reopen
from confterm.storage import remote
from confterm.storage.bookmarks import BookmarkStore, bookmarks_path
from confterm.storage.friends import friends_dir
from confterm.storage.paths import bundled_programme_path, data_dir, safe_file_name

from .conftest import CORPUS
from .http_fixture import ok, raw, serve_raw

BUNDLED_ID = "wco-technology-conference-2024"


def programme_file(path: Path, programme_id: str) -> Path:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["id"] = programme_id
    path.write_text(json.dumps(data))
    return path


def marks(programme_id: str) -> set[str]:
    store, _ = BookmarkStore.open(programme_id)
    return set(store.agenda.bookmarks)


@pytest.mark.parametrize("bundled_opened_first", [True, False])
def test_a_programme_claiming_anothers_id_then_renamed_takes_nothing(
        tmp_path: Path, bundled_opened_first: bool) -> None:
    if bundled_opened_first:  # bookmarked in the browser of the bundled programme
        assert main(["-p", str(bundled_programme_path()), "agenda", "add", "d1-opening"]) == 0
    else:  # bookmarks from before any source was recorded
        bundled = open_location(str(bundled_programme_path())).programme
        store, _ = BookmarkStore.open(BUNDLED_ID)
        store.set(bookmark_for(bundled.sessions[0]))
        store.save()
        (data_dir() / "locations.json").unlink()
    before = marks(BUNDLED_ID)
    assert before
    forged = programme_file(tmp_path / "forged.json", BUNDLED_ID)
    assert open_location(str(forged)).moved_from is None
    programme_file(forged, "evil")  # then it renames itself
    assert open_location(str(forged)).moved_from is None
    assert marks(BUNDLED_ID) == before and marks("evil") == set()
    assert bookmarks_path(BUNDLED_ID).exists()


def test_a_programme_cannot_rename_itself_into_another_sources_bookmarks(
        tmp_path: Path) -> None:
    assert main(["-p", str(bundled_programme_path()), "agenda", "add", "d1-opening"]) == 0
    forged = programme_file(tmp_path / "forged.json", "mine")
    assert main(["-p", str(forged), "agenda", "add", "s1"]) == 0
    programme_file(forged, BUNDLED_ID)
    assert open_location(str(forged)).moved_from is None
    assert marks(BUNDLED_ID) == {"d1-opening"} and marks("mine") == {"s1"}


def test_ids_that_a_file_name_would_confuse_have_files_of_their_own() -> None:
    ids = ["conf/2025", "conf:2025", "conf_2025", "x" * 120 + "a", "x" * 120 + "b", ".."]
    paths = {bookmarks_path(i) for i in ids}
    assert len(paths) == len(ids)
    assert all(p.parent == bookmarks_path("a").parent for p in paths)
    assert len({friends_dir(i) for i in ids}) == len(ids)
    assert bookmarks_path(BUNDLED_ID).name == f"{BUNDLED_ID}.json"  # as before


def test_bookmarks_written_under_the_old_names_carry_over(tmp_path: Path) -> None:
    """Earlier versions shortened ids into file names: a file holding this very id
    is found under its new name; another id that mapped to the same name is not
    given it."""
    programme = open_location(str(programme_file(tmp_path / "p.json", "conf/2025"))).programme
    store, _ = BookmarkStore.open("conf/2025")
    store.set(bookmark_for(programme.sessions[0]))
    store.save()
    old = bookmarks_path("conf/2025").with_name(f"{safe_file_name('conf/2025')}.json")
    bookmarks_path("conf/2025").rename(old)  # as an earlier version left it
    assert marks("conf:2025") == set() and old.exists()
    assert marks("conf/2025") == {"s1"}
    assert not old.exists()


def test_an_old_flat_locations_record_still_follows_a_rename(tmp_path: Path) -> None:
    path = programme_file(tmp_path / "p.json", "mini-2025")
    assert main(["-p", str(path), "agenda", "add", "s1"]) == 0
    record = data_dir() / "locations.json"
    record.write_text(json.dumps({str(path.resolve()): "mini-2025"}))  # the old shape
    programme_file(path, "mini-conf-2025")
    assert open_location(str(path)).moved_from == "mini-2025"
    assert marks("mini-conf-2025") == {"s1"}


def test_a_corrupt_locations_record_is_kept_aside(tmp_path: Path) -> None:
    record = data_dir() / "locations.json"
    record.write_text("{not json")
    open_location(str(programme_file(tmp_path / "p.json", "mini-2025")))
    kept = list(record.parent.glob("locations.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"
    assert json.loads(record.read_text())["locations"]


def crc_twins(prefix: str) -> tuple[str, str]:
    """Two addresses under *prefix* whose CRC32 is the same."""
    seen: dict[int, str] = {}
    for n in range(1_000_000):
        url = f"{prefix}/{hashlib.sha256(str(n).encode()).hexdigest()[:12]}.json"
        crc = zlib.crc32(url.encode())
        if crc in seen:
            return seen[crc], url
        seen[crc] = url
    raise AssertionError("no twins")


def test_an_address_sharing_a_checksum_cannot_take_the_offline_copy(tmp_path: Path) -> None:
    pretalx = (CORPUS / "formats" / "pretalx-schedule.json").read_bytes()
    other = json.dumps(json.loads((CORPUS / "minimal.json").read_text())).encode()
    with serve_raw([ok(pretalx), ok(other), raw(b"")]) as url:
        real, forged = crc_twins(url.rsplit("/", 1)[0])
        first = open_location(real)
        assert open_location(forged).programme.id == "mini-2025"
        again = reopen(first)  # the network fails: the offline copy
    assert again.offline and again.programme == first.programme


def test_an_offline_copy_named_the_old_way_carries_over() -> None:
    pretalx = (CORPUS / "formats" / "pretalx-schedule.json").read_bytes()
    with serve_raw([ok(pretalx), raw(b"")]) as url:
        first = open_location(url)
        body, meta = remote._cache_files(url)
        old = f"{zlib.crc32(url.encode()):08x}"  # how an earlier version named it
        shutil.move(body, body.with_name(f"{old}.body"))
        shutil.move(meta, meta.with_name(f"{old}.json"))
        again = reopen(first)
    assert again.offline and again.programme == first.programme
    assert body.exists() and meta.exists()
