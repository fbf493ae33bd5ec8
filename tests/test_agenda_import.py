"""Importing an agenda: a calendar or bookmarks file, from confterm or another
app, matched to the programme; into my bookmarks or kept as a friend's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.model.programme import Programme
from confterm.storage.friends import friends

from .http_fixture import Served, serve

ANOTHER_APP = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Some schedule app//EN\r
BEGIN:VEVENT\r
UID:abc-1@elsewhere\r
DTSTART;TZID=America/Sao_Paulo:20241113T140000\r
DTEND;TZID=America/Sao_Paulo:20241113T150000\r
SUMMARY:command-centre conops: STRATEGIES that improved data exchange\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:abc-2@elsewhere\r
DTSTART:20241113T180000Z\r
SUMMARY:A title this app shortened\r
LOCATION:Workshop Room B, Rio de Janeiro\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:abc-3@elsewhere\r
DTSTART;TZID=America/Sao_Paulo:20241113T200000\r
SUMMARY:Karaoke night\r
END:VEVENT\r
END:VCALENDAR\r
"""


def json_out(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(list(argv)) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def ids(document: dict[str, object]) -> list[str]:
    return [entry["id"] for entry in document["bookmarks"]]  # type: ignore[index, attr-defined]


def test_another_apps_calendar_matches_by_time_and_title_then_room(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "other.ics"
    source.write_text(ANOTHER_APP, encoding="utf-8")
    assert main(["agenda", "add", "d1-opening"]) == 0
    assert main(["agenda", "import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Matched 2 sessions from 3 events (1 by time and title, 1 by time and room)" in out
    assert "Not in this programme:\n  2024-11-13 20:00  Karaoke night" in out
    assert "Added 2 to your bookmarks." in out
    mine = json_out(capsys, "agenda", "list", "--format", "json")
    # The rooms' 15:00 workshop (18:00 UTC) in Workshop Room B; mine kept.
    assert set(ids(mine)) == {"d1-opening", "d2-wa-conops-data", "d2-wb-rd-detection"}


def test_round_trip_between_two_attendees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    for session in ("d2-wa-conops-data", "d3-ai-risks"):
        assert main(["agenda", "add", session]) == 0
    assert main(["agenda", "add", "--maybe", "d2-wa-iot"]) == 0
    shared = tmp_path / "ana.ics"
    assert main(["agenda", "export", str(shared)]) == 0
    # Another attendee, another data folder, with a bookmark of their own.
    with monkeypatch.context() as patch:
        patch.setenv("CONFTERM_DATA_DIR", str(tmp_path / "bo"))
        assert main(["agenda", "add", "d2-wa-conops-data"]) == 0
        capsys.readouterr()
        assert main(["agenda", "import", str(shared), "--as", "Ana"]) == 0
        out = capsys.readouterr().out
        assert "Matched 3 sessions from 3 events (3 by confterm's UID)" in out
        assert "Kept as Ana's agenda (3 sessions)" in out
        theirs = json_out(capsys, "agenda", "list", "--of", "ana", "--format", "json")
        assert set(ids(theirs)) == {"d2-wa-conops-data", "d3-ai-risks", "d2-wa-iot"}
        mine = json_out(capsys, "agenda", "list", "--format", "json")
        assert ids(mine) == ["d2-wa-conops-data"]  # their picks are kept apart
        assert main(["agenda", "forget", "Ana"]) == 0
        assert main(["agenda", "list", "--of", "Ana"]) == 2


def test_a_bookmarks_file_keeps_its_priorities(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from confterm.storage.bookmarks import bookmarks_path

    assert main(["agenda", "add", "--maybe", "d2-wa-iot"]) == 0
    copy = tmp_path / "bookmarks.json"
    copy.write_bytes(bookmarks_path("wco-technology-conference-2024").read_bytes())
    assert main(["agenda", "import", str(copy), "--as", "Cy"]) == 0
    theirs = json_out(capsys, "agenda", "list", "--of", "Cy", "--format", "json")
    assert theirs["bookmarks"] == [  # type: ignore[comparison-overlap]
        {**theirs["bookmarks"][0], "id": "d2-wa-iot", "priority": "maybe"}]  # type: ignore[index]


def test_a_friends_agenda_survives_a_programme_update(
        tmp_path: Path, programme: Programme, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ana.ics"
    assert main(["agenda", "add", "d2-wa-conops-data"]) == 0
    assert main(["agenda", "add", "d3-ai-risks"]) == 0
    assert main(["agenda", "export", str(source)]) == 0
    assert main(["agenda", "import", str(source), "--as", "Ana"]) == 0
    data = json.loads(Path(programme_path()).read_text(encoding="utf-8"))
    data["sessions"] = [s for s in data["sessions"] if s["id"] != "d3-ai-risks"]
    updated = tmp_path / "updated.json"
    updated.write_text(json.dumps(data), encoding="utf-8")
    theirs = json_out(capsys, "agenda", "list", "--of", "Ana", "--format", "json",
                      "--programme", str(updated))
    entries = {e["id"]: e for e in theirs["bookmarks"]}  # type: ignore[attr-defined]
    assert entries["d2-wa-conops-data"]["in_programme"] is True
    assert entries["d3-ai-risks"]["in_programme"] is False  # kept, not dropped
    assert set(friends(programme.id)["Ana"].bookmarks) == {"d2-wa-conops-data",
                                                           "d3-ai-risks"}


def programme_path() -> str:
    from confterm.storage.paths import bundled_programme_path

    return str(bundled_programme_path())


def test_an_agenda_from_a_url(capsys: pytest.CaptureFixture[str]) -> None:
    with serve(Served(ANOTHER_APP.encode())) as (url, _server):
        assert main(["agenda", "import", f"{url}/faved.ics", "--as", "Web"]) == 0
    assert "Kept as Web's agenda (2 sessions)" in capsys.readouterr().out


@pytest.mark.parametrize(("content", "said"), [
    (b"not a calendar at all", "not an iCalendar file"),
    (b'{"format": "something else"}', "not a confterm bookmarks file or a calendar"),
])
def test_an_unusable_file_is_refused_naming_it(tmp_path: Path, content: bytes, said: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "broken.ics"
    source.write_bytes(content)
    assert main(["agenda", "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert str(source) in err and said in err


def test_a_friends_name_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.ics"
    source.write_text(ANOTHER_APP, encoding="utf-8")
    assert main(["agenda", "import", str(source), "--as", "../../etc"]) == 2
    assert "letters, digits" in capsys.readouterr().err
