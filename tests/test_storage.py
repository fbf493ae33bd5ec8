"""User files: locations, atomic writes, settings that never lose data."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from confterm.model.programme import Programme
from confterm.opening.cache import open_programme
from confterm.storage import paths
from confterm.storage.atomic import atomic_write_text, move_aside
from confterm.storage.settings import (
    BrowseState,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)

from .conftest import CORPUS


def test_environment_overrides_every_folder(isolated_dirs: Path) -> None:
    assert paths.config_dir() == isolated_dirs / "config"
    assert paths.data_dir() == isolated_dirs / "data"
    assert paths.cache_dir() == isolated_dirs / "cache"


def test_without_overrides_platformdirs_decides(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    with monkeypatch.context() as patched:
        patched.delenv("CONFTERM_CONFIG_DIR")
        patched.setenv("XDG_CONFIG_HOME", str(tmp_path))
        assert paths.config_dir() == tmp_path / "confterm"


def test_atomic_write_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert os.listdir(target.parent) == ["file.json"]


def test_failed_write_keeps_the_old_content(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "folder" / "file.json"
    atomic_write_text(target, "old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(target.parent) == ["file.json"]


def test_user_files_reach_the_disk_and_caches_need_not(
        tmp_path: Path, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bookmarks and settings are synced before they replace the old file (a
    power cut keeps one whole version); a cache is not (a lost one is made again)."""
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    atomic_write_text(tmp_path / "bookmarks.json", "{}")
    assert len(synced) == 2  # the file, then its folder (the rename)
    synced.clear()
    open_programme(CORPUS / "minimal.json")
    assert list((isolated_dirs / "cache" / "validated").glob("*.pickle"))
    assert synced == []


def test_a_cache_entry_cut_short_anywhere_is_a_miss(isolated_dirs: Path,
                                                    programme: Programme) -> None:
    from confterm.storage.paths import bundled_programme_path

    open_programme(bundled_programme_path())
    (entry,) = (isolated_dirs / "cache" / "validated").glob("*.pickle")
    whole = entry.read_bytes()
    for length in (0, 1, len(whole) // 3, len(whole) // 2, len(whole) - 1):
        entry.write_bytes(whole[:length])
        assert open_programme(bundled_programme_path()) == programme
        entry.write_bytes(whole[:length] + bytes(len(whole) - length))  # or zeros after
        assert open_programme(bundled_programme_path()) == programme


def test_move_aside_never_overwrites(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    first.write_text("1")
    kept1 = move_aside(first)
    first.write_text("2")
    kept2 = move_aside(first)
    assert kept1 != kept2 and kept1.read_text() == "1" and kept2.read_text() == "2"


def test_settings_round_trip() -> None:
    settings = Settings(language="fr", ui_theme="nord", local_time=True,
                        keys={"search": "ctrl+f"}, reminder_minutes=5, bell=False).with_state(
        "conf", BrowseState(day=dt.date(2024, 11, 13),
                            filters={"track": ("a",), "theme": ("iot", "ai"), "kind": ("panel",),
                                     "recorded": ("no",)}))
    save_settings(settings)
    loaded = load_settings()
    assert loaded.problem is None
    assert loaded.settings == settings


def test_filters_saved_by_older_versions_are_read() -> None:
    """Settings files keep each facet under its own key, as the first ones did."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"programmes": {"conf": {
        "day": "2024-11-13", "tracks": ["a"], "themes": ["iot"], "rooms": ["r1"],
        "languages": ["fr"]}}}))
    state = load_settings().settings.state_for("conf")
    assert state.filters == {"track": ("a",), "theme": ("iot",), "room": ("r1",),
                             "language": ("fr",)}


def test_missing_settings_give_defaults() -> None:
    assert load_settings() == load_settings().__class__(Settings())


@pytest.mark.parametrize(("content", "reason"), [
    ("{oops", "not valid JSON"),
    ("[]", "must hold a JSON object"),
    ('{"language": 3}', "language: expected str"),
    ('{"bell": "yes"}', "bell: expected bool"),
    ('{"reminder_minutes": true}', "reminder_minutes: expected int"),
    ('{"reminder_minutes": -4}', "between 0 and 1440"),
    ('{"programmes": {"x": {"day": "someday"}}}', "programmes.x.day: not a date"),
    ('{"keys": {"search": 5}}', "keys.search: expected str"),
])
def test_broken_settings_are_kept_aside_and_reported(content: str, reason: str) -> None:
    path = settings_path()
    path.write_text(content)
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.problem is not None and reason in loaded.problem
    kept = list(path.parent.glob("settings.json.broken-*"))
    assert [k.read_text() for k in kept] == [content]
    assert not path.exists()


def test_unknown_settings_keys_are_ignored() -> None:
    settings_path().write_text(json.dumps({"language": "fr", "future_option": 1}))
    assert load_settings().settings.language == "fr"


def test_the_programme_cache_is_used_only_while_the_file_is_unchanged(
        tmp_path: Path, isolated_dirs: Path) -> None:
    path = tmp_path / "p.json"
    data = json.loads((CORPUS / "minimal.json").read_text())
    path.write_text(json.dumps(data))
    first = open_programme(path)
    cached = list((isolated_dirs / "cache" / "validated").glob("*.pickle"))
    assert len(cached) == 1
    assert open_programme(path) == first
    data["sessions"][0]["title"] = {"en": "Changed"}
    path.write_text(json.dumps(data))
    os.utime(path, ns=(1, 1))  # even with an old timestamp, size and mtime differ
    assert open_programme(path).sessions[0].title.get("en") == "Changed"


def test_a_corrupt_cache_entry_is_a_miss(isolated_dirs: Path, programme: Programme) -> None:
    from confterm.storage.paths import bundled_programme_path

    open_programme(bundled_programme_path())
    for entry in (isolated_dirs / "cache").rglob("*.pickle"):
        entry.write_bytes(b"garbage")
    assert open_programme(bundled_programme_path()) == programme


def test_cached_programmes_load_without_pydantic(isolated_dirs: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from confterm.opening.cache import open_programme;"
            "from confterm.storage.paths import bundled_programme_path;"
            "p = open_programme(bundled_programme_path());"
            "print(len(p.sessions), 'pydantic' in sys.modules)")
    env = {**os.environ}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)
    assert first.stdout.split() == ["33", "True"]   # validated
    assert second.stdout.split() == ["33", "False"]  # from the cache


def test_cached_times_share_one_zone_per_offset(isolated_dirs: Path, programme: Programme) -> None:
    from confterm.storage.paths import bundled_programme_path

    open_programme(bundled_programme_path())
    cached = open_programme(bundled_programme_path())
    assert cached == programme  # the same instants
    zones = {id(t.tzinfo) for s in cached.sessions for t in (s.start, s.end)}
    offsets = {t.utcoffset() for s in cached.sessions for t in (s.start, s.end)}
    assert len(zones) == len(offsets)


def test_a_cached_programme_keeps_its_catalogue_order(
        isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read back from the cache, a programme's catalogue takes the order kept
    with it (no sort of 10,000 sessions at start), the same as a sort gives."""
    from confterm.model import view
    from confterm.storage.paths import bundled_programme_path

    sorted_once = view.Catalogue(open_programme(bundled_programme_path())).ordered
    monkeypatch.setattr(view, "catalogue_order", lambda programme: pytest.fail("sorted"))
    again = open_programme(bundled_programme_path())  # from the cache
    assert view.Catalogue(again).ordered == sorted_once


def test_a_cached_order_that_is_not_a_permutation_is_not_taken(
        isolated_dirs: Path, programme: Programme) -> None:
    import pickle

    from confterm.model.view import Catalogue
    from confterm.opening import cache
    from confterm.storage.paths import bundled_programme_path

    path = bundled_programme_path()
    open_programme(path)
    entry, _ = cache._entry(path, None)
    with entry.open("rb") as handle:
        stored_key, head, count, order = pickle.load(handle)
        rest = handle.read()
    with entry.open("wb") as handle:  # one place twice, one never
        pickle.dump((stored_key, head, count, [order[0], *order[:-1]]), handle)
        handle.write(rest)
    again = open_programme(path)
    assert again == programme
    assert Catalogue(again).ordered == Catalogue(programme).ordered
