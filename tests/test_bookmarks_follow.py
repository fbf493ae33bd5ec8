"""Bookmarks follow their programme: a new id at the same address, a reordered file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.i18n import set_language
from confterm.model.agenda import bookmark_for
from confterm.model.clock import Clock
from confterm.opening.sources import open_location
from confterm.storage.bookmarks import BookmarkStore, bookmarks_path

from .conftest import CORPUS


def programme_file(tmp_path: Path, programme_id: str) -> Path:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["id"] = programme_id
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(data))
    return path


def test_a_new_id_at_the_same_file_takes_the_bookmarks_along(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_language("fr")  # as a browser in French left it: the command line speaks English
    path = programme_file(tmp_path, "mini-2025")
    assert main(["-p", str(path), "agenda", "add", "s1"]) == 0
    programme_file(tmp_path, "mini-conf-2025")  # the publisher renamed it
    capsys.readouterr()
    assert main(["-p", str(path), "agenda", "list", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert [b["id"] for b in json.loads(out)["bookmarks"]] == ["s1"]
    assert "changed from 'mini-2025' to 'mini-conf-2025'" in err
    backups = list(bookmarks_path("mini-2025").parent.glob("mini-2025.json.moved-to-*"))
    assert len(backups) == 1 and not bookmarks_path("mini-2025").exists()
    assert main(["-p", str(path), "agenda", "list"]) == 0  # second time: nothing to say
    assert "changed from" not in capsys.readouterr().err


def test_bookmarks_already_under_the_new_id_are_kept(tmp_path: Path) -> None:
    path = programme_file(tmp_path, "old-id")
    opened = open_location(str(path))
    old, _ = BookmarkStore.open("old-id")
    old.set(bookmark_for(opened.programme.sessions[0]))
    old.save()
    new, _ = BookmarkStore.open("new-id")
    new.set(bookmark_for(opened.programme.sessions[1]))
    new.save()
    programme_file(tmp_path, "new-id")
    assert open_location(str(path)).moved_from == "old-id"
    merged, _ = BookmarkStore.open("new-id")
    assert set(merged.agenda.bookmarks) == {"s1", "s2"}


async def test_a_reload_with_a_new_id_moves_the_bookmarks_and_says_so(tmp_path: Path) -> None:
    from confterm.ui.app import ConftermApp
    from confterm.ui.screens.changes import ChangesScreen

    path = programme_file(tmp_path, "mini-2025")
    opened = open_location(str(path))
    app = ConftermApp(opened.programme, source=opened,
                      clock=Clock(dt.datetime(2025, 3, 1, tzinfo=dt.UTC), frozen=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")  # bookmarks the first session, s1
        programme_file(tmp_path, "mini-conf-2025")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ChangesScreen)
        assert "your bookmarks moved with it" in str(app.screen.query_one("Static").render())
        await pilot.press("escape", "2", "b")  # day 2: bookmark s2 too
    restarted, _ = BookmarkStore.open("mini-conf-2025")
    assert set(restarted.agenda.bookmarks) == {"s1", "s2"}


ICS = """BEGIN:VCALENDAR
VERSION:2.0
X-WR-TIMEZONE:Europe/Paris
{events}END:VCALENDAR
"""
EVENTS = [
    "BEGIN:VEVENT\nDTSTART:20250501T100000\nDTEND:20250501T110000\nSUMMARY:Keynote\n"
    "LOCATION:Hall\nEND:VEVENT\n",
    "BEGIN:VEVENT\nDTSTART:20250501T100000\nDTEND:20250501T110000\nSUMMARY:Keynote\n"
    "LOCATION:Annex\nEND:VEVENT\n",
    "BEGIN:VEVENT\nDTSTART:20250501T140000\nDTEND:20250501T150000\nSUMMARY:Workshop\n"
    "END:VEVENT\n",
]


def test_events_without_uid_keep_their_ids_when_the_file_is_reordered(tmp_path: Path) -> None:
    def ids(events: list[str]) -> dict[tuple[str, str | None], str]:
        path = tmp_path / "p.ics"
        path.write_text(ICS.format(events="".join(events)))
        programme = open_location(str(path)).programme
        return {(s.title.get("en"), s.room): s.id for s in programme.sessions}

    forward, backward = ids(EVENTS), ids(EVENTS[::-1])
    assert forward == backward
    assert len(set(forward.values())) == 3  # same title and time, other room: its own id
