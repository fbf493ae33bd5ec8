"""The user's own files (bookmarks, friends' agendas) never crash confterm: times
without an offset or out of range are read or left out, each bookmark kept, and
no text in them reaches the terminal as a control sequence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.storage.bookmarks import bookmarks_path
from confterm.storage.paths import bundled_programme_path

BUNDLED = str(bundled_programme_path())
HOSTILE_TITLE = "\x1b]8;;http://evil.example/\x07click\x1b]8;;\x07 \u202eevil"


def write_bookmarks(path: Path, entries: dict[str, dict[str, object]],
                    programme: str = "wco-technology-conference-2024") -> Path:
    document = {"format": "confterm-bookmarks", "version": 1, "programme": programme,
                "bookmarks": entries}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document))
    return path


def mark(start: str | None, title: str = "Gone session", added: str = "2024-11-01T10:00:00+00:00"
         ) -> dict[str, object]:
    return {"priority": "must", "added": added, "title": title, "start": start}


ODD = {
    "no offset": mark("2024-11-12T09:00:00"),
    "year 1": mark("0001-01-01T00:00:00+00:00"),
    "year 9999": mark("9999-12-31T23:59:00+00:00"),
    "added without offset": mark("2024-11-12T09:00:00+00:00", added="2024-11-01T10:00:00"),
}


@pytest.mark.parametrize("case", ODD, ids=list(ODD))
def test_the_agenda_lists_a_bookmark_with_an_odd_time(
        case: str, capsys: pytest.CaptureFixture[str]) -> None:
    write_bookmarks(bookmarks_path("wco-technology-conference-2024"),
                    {"d1-opening": mark("2024-11-12T12:00:00+00:00"), "gone-1": ODD[case],
                     "gone-2": mark("2024-11-13T09:00:00+00:00")})
    assert main(["-p", BUNDLED, "agenda", "list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)["bookmarks"]
    assert {b["id"] for b in listed} == {"d1-opening", "gone-1", "gone-2"}


@pytest.mark.parametrize("case", ODD, ids=list(ODD))
async def test_the_browsers_agenda_opens_with_an_odd_time(case: str) -> None:
    from confterm.ui.screens.agenda import AgendaScreen

    from .ui.conftest import make_app

    write_bookmarks(bookmarks_path("wco-technology-conference-2024"),
                    {"d1-opening": mark("2024-11-12T12:00:00+00:00"), "gone-1": ODD[case],
                     "gone-2": mark("2024-11-13T09:00:00+00:00")})
    from confterm.opening.files import load_programme

    app = make_app(load_programme(bundled_programme_path()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.is_running


@pytest.mark.parametrize("case", ODD, ids=list(ODD))
def test_importing_a_friends_file_with_an_odd_time(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    friend = write_bookmarks(tmp_path / "ana.json", {
        "d1-opening": mark("2024-11-12T12:00:00+00:00", "Official opening ceremony"),
        "d2-wa-iot": ODD[case]}, programme="another-export")  # matched by time
    code = main(["-p", BUNDLED, "agenda", "import", str(friend), "--as", "Ana"])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert "unexpected" not in err


def test_a_hostile_title_in_a_bookmarks_file_is_shown_harmlessly(
        capsys: pytest.CaptureFixture[str]) -> None:
    write_bookmarks(bookmarks_path("wco-technology-conference-2024"),
                    {"gone-1": mark("2024-11-12T09:00:00+00:00", HOSTILE_TITLE)})
    for fmt in ("table", "tsv", "json"):
        assert main(["-p", BUNDLED, "agenda", "list", "--format", fmt]) == 0
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\u202e" not in out + err and "\x07" not in out
        assert fmt != "table" or "click" in out  # the table lists bookmarks gone too
