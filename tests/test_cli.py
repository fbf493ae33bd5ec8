"""The command line: sessions, validate, schema, and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confterm import __version__
from confterm.cli import main

from .conftest import CORPUS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def session_ids(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    code, out, _ = run(capsys, "sessions", "--format", "json", *argv)
    assert code == 0
    return [s["id"] for s in json.loads(out)["sessions"]]


def test_validate_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "data/programme.json")
    assert code == 0 and err == ""
    assert "3 days, 33 sessions, 4 tracks, 4 rooms, 22 themes, 5 people" in out


def test_validate_defaults_to_the_programme_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--programme", str(CORPUS / "minimal.json"))
    assert code == 0 and "2 days, 2 sessions" in out


def test_sessions_by_day_and_theme(capsys: pytest.CaptureFixture[str]) -> None:
    assert session_ids(capsys, "--day", "2", "--theme", "blockchain") == ["d2-wa-blockchain"]
    assert session_ids(capsys, "--theme", "iot") == ["d2-wa-iot"]
    assert session_ids(capsys, "--day", "3", "--theme", "ai") == [
        "d3-ai-use-cases", "d3-ai-regulation", "d3-ai-prerequisites", "d3-ai-risks"]
    assert session_ids(capsys, "--day", "2024-11-14", "--theme", "ai") == session_ids(
        capsys, "--day", "3", "--theme", "ai")


def test_sessions_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert session_ids(capsys, "--search", "highsmith") == ["d1-high-level-panel"]
    assert session_ids(capsys, "--search", "chaine de blocs") == ["d2-wa-blockchain"]


def test_sessions_track(capsys: pytest.CaptureFixture[str]) -> None:
    assert session_ids(capsys, "--track", "workshop-b") == [
        "d2-wb-conops-detection", "d2-wb-rd-detection", "d2-wb-rd-transitions"]


def test_sessions_table_groups_by_day_and_marks_indicative_times(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "--theme", "transport", "--format", "table")
    assert code == 0
    assert "Day 1 · Tuesday 12 November 2024 · Plenary" in out
    assert "≈14:00–15:00" in out
    assert "indicative time" in out


def test_sessions_table_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "--search", "blockchain", "--lang", "fr")
    assert code == 0
    assert "La chaîne de blocs" in out


def test_json_output_shape(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "sessions", "--format", "json", "--theme", "iot")
    document = json.loads(out)
    assert document["programme"]["id"] == "wco-technology-conference-2024"
    assert document["count"] == 1
    session = document["sessions"][0]
    assert session["start"] == "2024-11-13T16:30:00-03:00"
    assert session["title"]["fr"].startswith("L'Internet des objets")
    assert session["track"] == "workshop-a" and session["indicative"] is True


def test_no_match_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "--search", "zzzz", "--format", "table")
    assert code == 0 and "No sessions match." in out


@pytest.mark.parametrize(("argv", "message"), [
    (["sessions", "--day", "9"], "the programme has days 1 to 3"),
    (["sessions", "--day", "2030-01-01"], "not a day of this programme"),
    (["sessions", "--day", "tuesday"], "give a day number or a date"),
    (["sessions", "--theme", "quantum"], "--theme 'quantum' is unknown"),
    (["sessions", "--track", "side"], "--track 'side' is unknown"),
])
def test_bad_options_exit_2_with_one_line(capsys: pytest.CaptureFixture[str],
                                          argv: list[str], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["sessions", "--format", "xml"])
    assert caught.value.code == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"confterm {__version__}"


def test_programme_option_for_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    assert session_ids(capsys, "--programme", str(CORPUS / "minimal.json")) == ["s1", "s2"]


def test_broken_programme_for_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "sessions", "-p", str(CORPUS / "broken" / "naive-time.json"))
    assert code == 2 and out == "" and "sessions[s2].start" in err


def test_unexpected_errors_exit_1_without_traceback(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import confterm.cli.sessions

    def boom(_: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(confterm.cli.sessions, "run_sessions", boom)
    code, _, err = run(capsys, "sessions")
    assert code == 1
    assert "unexpected error: RuntimeError: disk on fire" in err
    assert "Traceback" not in err


def test_browser_refuses_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    code, _, err = run(capsys)
    assert code == 2 and "needs a terminal" in err
    assert gc.isenabled()  # paused for start-up, and back on


def test_schema_command_matches_the_committed_schema(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    committed = (Path(__file__).parents[1] / "data" / "programme.schema.json").read_text("utf-8")
    assert code == 0
    assert out == committed, "run `make schema` to update data/programme.schema.json"
    assert json.loads(out)["properties"]["sessions"]["type"] == "array"


def test_a_bad_now_is_a_usage_error(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFTERM_NOW", "yesterday")
    code, _, err = run(capsys)
    assert code == 2 and "CONFTERM_NOW" in err and "ISO date-time" in err
    with pytest.raises(SystemExit) as caught:
        main(["--now", "soon"])
    assert caught.value.code == 2


def test_a_bare_now_is_conference_time() -> None:
    import datetime as dt

    from confterm.opening.files import load_programme
    from confterm.storage.paths import bundled_programme_path
    from confterm.ui.app import ConftermApp

    app = ConftermApp(load_programme(bundled_programme_path()),
                      now=dt.datetime(2024, 11, 13, 14, 0))
    assert app.conference.clock.now().astimezone(dt.UTC).hour == 17



def test_in_a_pipe_sessions_are_tab_separated_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "--day", "1", "--search", "highsmith")
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t") == ["id", "day", "start", "end", "title", "track", "room",
                                   "people"]
    fields = row.split("\t")
    assert fields[:4] == ["d1-high-level-panel", "2024-11-12", "2024-11-12T09:45-03:00",
                          "2024-11-12T11:00-03:00"]
    assert fields[5:7] == ["Plenary", "Plenary Hall"] and "AnnMarie Highsmith" in fields[7]


def test_the_table_shows_each_sessions_id_and_people(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "--search", "highsmith", "--format", "table")
    assert code == 0 and "d1-high-level-panel" in out and "Highsmith" in out


def test_json_carries_the_names_behind_the_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "--day", "2", "--theme", "iot", "--format", "json")
    assert code == 0
    document = json.loads(out)
    (session,) = document["sessions"]
    assert document["rooms"] == {
        session["room"]: {"en": "Workshop Room A", "fr": "Salle d'atelier A"}}
    assert set(document["tracks"]) == {session["track"]}
    assert set(document["people"]) == {p["person"] for p in session["people"]}


def test_a_language_the_programme_lacks_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "sessions", "--day", "1", "--lang", "de")
    assert code == 0 and out
    assert "no text in 'de' (it has en, fr)" in err


def test_import_offers_only_the_options_it_uses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = capsys.readouterr().out
    assert "--timezone" in text and "--output" in text and "--programme" not in text


@pytest.mark.parametrize("room", ["workshop-room-b", "WORKSHOP room B"])
def test_sessions_in_a_room_by_id_or_name(capsys: pytest.CaptureFixture[str],
                                          room: str) -> None:
    assert session_ids(capsys, "--room", room) == [
        "d2-wb-conops-detection", "d2-wb-rd-detection", "d2-wb-rd-transitions"]


def test_an_unknown_room_lists_the_rooms(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sessions", "--room", "attic")
    assert code == 2 and "'attic' is unknown" in err and "'Plenary Hall'" in err


def test_sessions_by_spoken_language(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["sessions"][0]["language"] = ["de", "en"]
    data["sessions"][1]["language"] = ["en-GB"]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data))
    assert session_ids(capsys, "-p", str(path), "--language", "de") == ["s1"]
    assert session_ids(capsys, "-p", str(path), "--language", "en") == ["s1", "s2"]
    assert session_ids(capsys, "-p", str(path), "--language", "fr") == []


def test_people_with_their_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "people", "--format", "json")
    assert code == 0
    people = json.loads(out)
    names = [p["name"] for p in people]
    assert names[:2] == ["AnnMarie Highsmith", "Cláudia Thomaz"]  # sorted, accents aside
    claudia = next(p for p in people if p["name"] == "Cláudia Thomaz")
    assert set(claudia) == {"id", "name", "sessions"}
    opening = next(s for s in claudia["sessions"] if s["id"] == "d1-opening")
    assert opening == {"id": "d1-opening", "day": "2024-11-12",
                       "start": "2024-11-12T09:00:00-03:00",
                       "title": "Official opening ceremony"}  # a session readable alone
    code, out, _ = run(capsys, "people", "--search", "saunders", "--format", "table")
    assert "Tue 12 Nov 09:00" in out and "Tue 12 Nov 09:45" in out  # days, not only times
    code, out, _ = run(capsys, "people", "--search", "claudia revenue", "--format", "json")
    assert [p["name"] for p in json.loads(out)] == ["Cláudia Thomaz"]


def test_sessions_by_kind_and_recording_agree_with_the_sessions_fields(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from confterm.model.validation import programme_to_json

    from .test_facets import PROGRAMME

    path = tmp_path / "congress.json"
    path.write_text(json.dumps(programme_to_json(PROGRAMME)))
    code, out, _ = run(capsys, "sessions", "-p", str(path), "--format", "json",
                       "--kind", "workshop", "--recorded", "no")
    sessions = json.loads(out)["sessions"]
    assert code == 0 and sessions
    assert all(s["kind"] == "workshop" and s["recorded"] is False for s in sessions)
    assert len(sessions) == sum(1 for s in PROGRAMME.sessions
                                if s.kind == "workshop" and s.recorded is False)
    # Field words select what the options select.
    by_words = session_ids(capsys, "-p", str(path), "--search", 'room:"Saal 1" lang:de')
    by_options = session_ids(capsys, "-p", str(path), "--room", "Saal 1", "--language", "de")
    assert by_words == by_options and by_words
    by_person = session_ids(capsys, "-p", str(path), "--search", "by:dupont")
    assert sorted(by_person) == sorted(s.id for s in PROGRAMME.sessions if s.people)
    code, _, err = run(capsys, "sessions", "-p", str(path), "--kind", "concert")
    assert code == 2 and "--kind 'concert' is unknown" in err and "'workshop'" in err


def test_json_goes_out_in_one_write_compact_in_a_pipe_indented_on_a_terminal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from confterm.cli.output import print_json

    class Out(io.StringIO):
        def __init__(self, terminal: bool) -> None:
            super().__init__()
            self.terminal, self.writes = terminal, 0

        def isatty(self) -> bool:
            return self.terminal

        def write(self, text: str) -> int:
            self.writes += 1
            return super().write(text)

    document = {"sessions": [{"id": "s1", "title": {"fr": "Ouverture"}}], "count": 1}
    for terminal in (False, True):
        out = Out(terminal)
        monkeypatch.setattr("sys.stdout", out)
        print_json(document)
        assert out.writes == 1 and json.loads(out.getvalue()) == document
        assert (out.getvalue().count("\n") > 1) == terminal  # indented for a person only
        assert "Ouverture" in out.getvalue()  # not escaped to \\u sequences
