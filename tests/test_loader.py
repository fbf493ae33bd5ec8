"""Broken programme files: every one is refused with the place and the reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.model.errors import MAX_PROBLEMS, Problem, ProgrammeError
from confterm.model.loader import MAX_BYTES, parse_programme
from confterm.opening.files import load_programme

from .conftest import CORPUS

BROKEN = CORPUS / "broken"

# file -> (what names the place, what the message says)
EXPECTED = {
    "syntax-error.json": (":12:58:", "Expecting ',' delimiter"),
    "trailing-comma.json": (":16:3:", "invalid JSON"),
    "wrong-type.json": ("sessions[s1].start", "ISO 8601"),
    "missing-field.json": ("sessions[s2].title", "required field is missing"),
    "duplicate-id.json": ("sessions[s1]", "used 2 times"),
    "end-before-start.json": ("sessions[s1].end", "before it starts"),
    "unknown-theme.json": ("sessions[s1].themes", "unknown theme 'quantum'"),
    "unknown-track.json": ("sessions[s1].track", "unknown track 'side'"),
    "unknown-person.json": ("sessions[s1].people", "unknown person 'bob'"),
    "naive-time.json": ("sessions[s2].start", "no UTC offset"),
    "unknown-timezone.json": ("timezone", "unknown time zone 'Europe/Atlantis'"),
    "outside-its-day.json": ("sessions[s2].start", "outside its day 2025-03-10"),
    "unknown-field.json": ("sessions[s1].tittle", "unknown field"),
    "empty.json": (":1:1:", "the file is empty"),
    "top-level-array.json": (":1:1:", "must hold a JSON object"),
    "utf8-bom.json": (":1:1:", "byte order mark"),
    "invalid-utf8.json": (":3:53:", "invalid UTF-8 (byte 0xe9)"),
    "huge-number.json": (":5:14:", "the number 1e999999 is too large"),
    "deep-nesting.json": (":5:75:", "nested more than 64 levels"),
}


def test_the_corpus_is_complete() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


def test_the_minimal_file_is_valid() -> None:
    assert len(load_programme(CORPUS / "minimal.json").sessions) == 2


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_exits_2_naming_the_place(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / name
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    place, reason = EXPECTED[name]
    assert out == ""
    assert str(path) in err
    assert place in err
    assert reason in err
    assert "Traceback" not in err


def test_syntax_error_shows_the_offending_line_and_a_caret() -> None:
    with pytest.raises(ProgrammeError) as caught:
        load_programme(BROKEN / "syntax-error.json")
    report = caught.value.report().splitlines()
    assert report[2].strip().startswith('"end": "2025-03-10T10:00:00+01:00", "track"')
    assert report[3].index("^") == report[2].index('"room"')


def test_every_problem_is_reported_at_once() -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["sessions"][0]["themes"] = ["nope"]
    data["sessions"][0]["room"] = "attic"
    data["sessions"][1]["end"] = "2025-03-11T08:59:00+01:00"  # a minute before its start
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(json.dumps(data).encode(), "x.json")
    places = [p.place for p in caught.value.problems]
    assert places == ["sessions[s1].room", "sessions[s1].themes", "sessions[s2].end"]


def test_problems_are_capped() -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    session = data["sessions"][0]
    data["sessions"] = [{**session, "id": f"s{i}", "themes": ["nope"]} for i in range(80)]
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(json.dumps(data).encode(), "x.json")
    assert len(caught.value.problems) == MAX_PROBLEMS
    assert caught.value.truncated
    assert "only the first ones are listed" in caught.value.report()


def test_a_session_without_an_id_is_named_by_position() -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    del data["sessions"][1]["id"]
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(json.dumps(data).encode(), "x.json")
    assert caught.value.problems[0].place == "sessions[#1].id"


def test_a_very_large_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: instant, and no memory used
    assert main(["validate", str(path)]) == 2
    with pytest.raises(ProgrammeError, match="larger than the limit of 64 MiB"):
        load_programme(path)


def test_a_large_generated_file_within_the_limit_loads(tmp_path: Path) -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    session = data["sessions"][0]
    data["sessions"] = [{**session, "id": f"s{i}", "room": None} for i in range(5000)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data))
    assert len(load_programme(path).sessions) == 5000


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ProgrammeError, match="no such file"):
        load_programme(tmp_path / "nope.json")
    with pytest.raises(ProgrammeError, match="a folder"):
        load_programme(tmp_path)


def test_same_room_overlaps_are_warnings_not_errors() -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    clash = {**data["sessions"][0], "id": "s3", "start": "2025-03-10T09:30:00+01:00"}
    data["sessions"].append(clash)
    warnings: list[Problem] = []
    programme = parse_programme(json.dumps(data).encode(), "x.json", warnings=warnings)
    assert len(programme.sessions) == 3
    assert [(w.place, w.message) for w in warnings] == [
        ("sessions[s3]", "overlaps 's1' in room 'Hall'")]


def test_programme_text_cannot_carry_terminal_escapes() -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["sessions"][0]["title"] = {"en": "\x1b]52;c;aGk=\x07\x1b[2J\u202eevil"}
    programme = parse_programme(json.dumps(data).encode(), "x.json")
    title = programme.sessions[0].title.get("en")
    assert "\x1b" not in title and "\x07" not in title and "\u202e" not in title
    assert title == "␛]52;c;aGk=␇␛[2J\ufffdevil"


def test_error_reports_cannot_carry_terminal_escapes() -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["sessions"][0]["start"] = "\x1b[2J"
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(json.dumps(data).encode(), "x.json")
    assert "\x1b" not in caught.value.report()


@pytest.mark.parametrize("name", ["syntax-error.json", "deep-nesting.json", "invalid-utf8.json"])
def test_the_installed_command_prints_no_traceback(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "confterm", "validate", str(BROKEN / name)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_warnings_are_capped_like_errors(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    first = data["sessions"][0]
    data["sessions"] += [{**first, "id": f"x{n}"} for n in range(300)]  # all in one room
    path = tmp_path / "crowded.json"
    path.write_text(json.dumps(data))
    assert main(["validate", str(path)]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1].endswith(f"and {300 - MAX_PROBLEMS} more overlaps in the same room, "
                              "not listed")


def test_large_files_validated_in_batches_give_the_same_programme(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import confterm.model.loader as loader
    from confterm.storage.paths import bundled_programme_path

    raw = bundled_programme_path().read_bytes()
    at_once = parse_programme(raw, "p.json")
    monkeypatch.setattr(loader, "BATCHES_ABOVE", 100)  # every file counts as large
    in_batches = parse_programme(raw, "p.json")
    assert in_batches == at_once
    assert [s.id for s in in_batches.sessions] == [s.id for s in at_once.sessions]
    broken = json.loads(raw)
    broken["sessions"][3]["end"] = "2024-11-12T08:00:00-03:00"
    broken["sessions"][5]["themes"] = ["nope"]
    with pytest.raises(ProgrammeError) as caught:
        parse_programme(json.dumps(broken).encode(), "p.json")
    assert [p.place for p in caught.value.problems] == [
        f"sessions[{broken['sessions'][3]['id']}].end",
        f"sessions[{broken['sessions'][5]['id']}].themes"]


def test_equal_times_and_ids_are_held_once_each_at_their_own_offset() -> None:
    """A large programme holds a few hundred distinct times and ids: each is one
    object (less memory, a faster cache). A time equal to another at another
    offset (10:00+01:00 and 09:00Z) is not taken for it: it reads as written."""
    data = json.loads((CORPUS / "minimal.json").read_text())
    first = data["sessions"][0]
    data["sessions"] += [
        {**first, "id": "s3", "title": {"en": "Beside the opening"}},
        {**first, "id": "s4", "title": {"en": "Same instant, UTC"},
         "start": "2025-03-10T08:00:00+00:00", "end": "2025-03-10T09:00:00+00:00"}]
    sessions = {s.id: s for s in parse_programme(json.dumps(data).encode(), "p.json").sessions}
    opening, beside, utc = sessions["s1"], sessions["s3"], sessions["s4"]
    assert beside.start is opening.start and beside.end is opening.end
    assert beside.track is opening.track and beside.day is opening.day
    assert utc.start == opening.start and utc.start is not opening.start
    assert utc.start.isoformat() == "2025-03-10T08:00:00+00:00"
