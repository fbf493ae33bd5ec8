"""``confterm agenda``: list, add, remove, JSON."""

from __future__ import annotations

import json

import pytest

from confterm.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_remove(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agenda", "add", "d2-wa-conops-data")
    assert code == 0 and "Bookmarked (must attend)" in out
    code, out, _ = run(capsys, "agenda", "add", "d2-wb-conops-detection", "--maybe")
    assert code == 0 and "Clashes with: Command-centre CONOPS" in out
    code, out, _ = run(capsys, "agenda", "--format", "table")
    assert code == 0
    assert "★ ≈14:00–15:00" in out and "☆ ≈14:00–15:00" in out
    assert "⚠ clashes with" in out
    code, out, _ = run(capsys, "agenda", "remove", "d2-wa-conops-data")
    assert code == 0
    code, out, _ = run(capsys, "agenda", "list", "--format", "json")
    document = json.loads(out)
    assert [(b["id"], b["priority"], b["clashes_with"]) for b in document["bookmarks"]] == [
        ("d2-wb-conops-detection", "maybe", [])]


def test_unknown_ids_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "agenda", "add", "nope")
    assert code == 2 and "no session 'nope'" in err
    code, _, err = run(capsys, "agenda", "remove", "d1-opening")
    assert code == 2 and "is not bookmarked" in err


def test_empty_agenda(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "agenda", "--format", "table")
    assert code == 0 and "No bookmarks yet" in out


def test_in_a_pipe_the_agenda_is_tab_separated(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "agenda", "add", "d2-wa-iot", "--maybe")
    code, out, _ = run(capsys, "agenda")
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t")[-1] == "priority"
    assert row.split("\t")[0] == "d2-wa-iot" and row.split("\t")[-1] == "maybe"
