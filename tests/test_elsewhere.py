"""A large programme read again by a child process: the change is found, the
reading here only takes what the child left, and what is wrong with the file
is reported from here as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.generate import generate

from confterm.model.errors import ProgrammeError
from confterm.opening import cache
from confterm.opening.elsewhere import FROM_SESSIONS
from confterm.opening.sources import open_location, reopen


def large(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    data = generate(FROM_SESSIONS + 20, 2)
    path = tmp_path / "large.json"
    path.write_text(json.dumps(data))
    return path, data


def test_the_child_reads_it_and_this_process_only_takes_the_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, data = large(tmp_path)
    opened = open_location(str(path))
    data["sessions"][0]["title"] = {"en": "Changed by the publisher"}  # type: ignore[index]
    path.write_text(json.dumps(data))

    def not_here(*args: object, **kwargs: object) -> None:
        raise AssertionError("read and validated in this process")

    monkeypatch.setattr(cache, "_load", not_here)
    again = reopen(opened, deadline=60)
    assert {s.title.get("en") for s in again.programme.sessions} >= {
        "Changed by the publisher"}


def test_a_file_broken_meanwhile_is_reported_from_here(tmp_path: Path) -> None:
    path, _ = large(tmp_path)
    opened = open_location(str(path))
    path.write_text('{"format": "confterm-programme", "version": 1,')
    with pytest.raises(ProgrammeError) as raised:
        reopen(opened, deadline=60)
    assert str(path) in raised.value.report()


def test_a_small_programme_is_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from confterm.opening import elsewhere

    path = tmp_path / "small.json"
    path.write_text((Path(__file__).parent / "corpus" / "minimal.json").read_text())
    opened = open_location(str(path))
    monkeypatch.setattr(elsewhere, "prepare_elsewhere", lambda *a: pytest.fail("a child"))
    assert reopen(opened, deadline=5).programme == opened.programme


def test_the_reading_here_lets_the_interface_go_first(tmp_path: Path) -> None:
    """Taking the child's result is done a piece at a time, *breathe* between."""
    path, data = large(tmp_path)
    opened = open_location(str(path))
    data["sessions"][0]["title"] = {"en": "Changed by the publisher"}  # type: ignore[index]
    path.write_text(json.dumps(data))
    breaths: list[None] = []
    again = reopen(opened, deadline=60, breathe=lambda: breaths.append(None))
    assert len(again.programme.sessions) == FROM_SESSIONS + 20
    assert len(breaths) >= -(-len(again.programme.sessions) // cache._CHUNK)
