"""No hidden text: characters that draw nothing (zero-width, tags, invisible
operators) never reach a surface, bidi controls in addresses are shown encoded,
and clipping counts what a reader sees, not code points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confterm.cli import main
from confterm.model.text import clip, neutralise

from .conftest import CORPUS

INVISIBLE = ["\u200b", "\u200c", "\u200e", "\u200f", "\u061c", "\u2060", "\u2063",
             "\ufeff", "\u00ad", "\U000e0041", "\U000e007f",
             # and those Python counts printable (a mark, a letter that draws nothing)
             "\u034f", "\u115f", "\u3164", "\uffa0", "\u17b4", "\u180b"]
BIDI = ["\u202e", "\u2066", "\u2069"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_dropped(char: str) -> None:
    assert neutralise(f"Ada{char} Love{char}lace") == "Ada Lovelace"


def test_an_emoji_keeps_its_joiner_and_bidi_controls_stay_visible() -> None:
    assert neutralise("👩\u200d💻") == "👩\u200d💻"
    assert neutralise("a\u200db") == "ab"
    assert "\u202e" not in neutralise("\u202eevil") and "evil" in neutralise("\u202eevil")


def test_a_letter_piled_with_marks_does_not_hide_the_rest_of_a_title() -> None:
    title = "Z" + "\u0301" * 400 + " the rest of the title"
    assert clip(title).endswith("the rest of the title")
    assert clip("é" * 400) == "é" * 299 + "…"  # precomposed: 300 characters drawn
    decomposed = "e\u0301" * 400
    assert clip(decomposed) == "e\u0301" * 299 + "…"  # the same, decomposed
    assert len(clip("\u0301" * 100_000) or "") <= 300 * 8 + 1  # bounded all the same


def hostile(path: Path) -> Path:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["people"] = [{"id": "ada", "name": "Ada Lovelace"},
                      {"id": "ada2", "name": "Ada\u200b Lovelace\U000e0041\U000e0042"}]
    first = data["sessions"][0]
    first["people"] = [{"person": "ada"}, {"person": "ada2"}]
    first["title"] = {"en": "Open\u2060ing\u200f"}
    first["links"] = [{"title": "Slides\u200b", "url": "https://example.org/a\u202eb\u2066c"}]
    path.write_text(json.dumps(data))
    return path


def test_no_surface_shows_hidden_text(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = str(hostile(tmp_path / "p.json"))
    assert main(["sessions", "-p", path, "--format", "json"]) == 0
    out = capsys.readouterr().out
    sessions = json.loads(out)["sessions"]
    assert sessions[0]["title"]["en"] == "Opening"
    assert sessions[0]["links"][0]["url"] == "https://example.org/a%E2%80%AEb%E2%81%A6c"
    for char in INVISIBLE + BIDI:
        assert char not in out
    assert main(["people", "-p", path, "--format", "tsv"]) == 0
    lines = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()[1:]]
    assert lines == ["Ada Lovelace", "Ada Lovelace"]  # alike because they are alike
    assert main(["export", "-p", path, str(tmp_path / "out.ics")]) == 0
    exported = (tmp_path / "out.ics").read_text("utf-8")
    for char in INVISIBLE + BIDI:
        assert char not in exported
