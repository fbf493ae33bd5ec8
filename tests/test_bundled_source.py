"""The bundled programme against its source, the WCO press release (in French): every
person and every fact-bearing field it presents as fact stands in the release, and
what the release does not state is labelled as our assumption."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from confterm.model.programme import Kind, Programme
from confterm.model.view import ScheduleView

RELEASE = (Path(__file__).resolve().parents[2] / "shared" / "seed"
           / "wco-technology-conference-2024-press-release.fr.txt")
README = Path(__file__).resolve().parents[1] / "README.md"


def plain(text: str) -> str:
    """The release mixes ' and ’, and ordinary and non-breaking spaces."""
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).casefold()


@pytest.fixture(scope="module")
def release() -> str:
    if not RELEASE.exists():
        pytest.skip(f"the seed release is not beside this checkout: {RELEASE}")
    return plain(RELEASE.read_text("utf-8"))


def test_every_person_and_their_french_titles_are_in_the_release(
        programme: Programme, release: str) -> None:
    assert programme.people
    for person in programme.people:
        assert plain(person.name) in release, person.name
        for field in (person.position, person.organisation):
            assert field is not None, person.id
            assert plain(field.get("fr")) in release, (person.id, field.get("fr"))


def test_every_person_named_in_a_session_description_is_in_the_programme(
        programme: Programme) -> None:
    names = {p.name for p in programme.people}
    for session in programme.sessions:
        text = session.description.get("en") if session.description else ""
        for person in re.findall(r"\b(?:[A-Z][a-zá]+ ){1,2}[A-Z][a-z]+\b", text):
            if person.split()[0] in {"Opening", "Commercial", "Single", "Webb"}:
                continue
            assert person in names, (session.id, person)


def test_numbers_and_quoted_titles_are_the_releases(programme: Programme,
                                                    release: str) -> None:
    texts = [programme.summary.get("fr"), programme.theme.get("fr")]
    for session in programme.sessions:
        texts += [session.title.get("fr")]
        if session.description is not None:
            texts.append(session.description.get("fr"))
    assert plain(programme.theme.get("fr")) in release
    quoted = [q for text in texts for q in re.findall(r"«\s*(.+?)\s*»", text)]
    assert len(quoted) >= 2  # the high-level panel's and the closing panel's titles
    for quote in quoted:
        assert plain(quote) in release, quote
    numbers = {n for text in texts for n in re.findall(r"\d+(?:[ \u00a0\u202f]\d{3})*", text)}
    assert {"1 300", "117", "54"} <= {plain(n) for n in numbers}
    for number in numbers:
        assert plain(number) in release, number
    for place in (programme.city, programme.country):
        assert place is not None and plain(place.get("fr")) in release
    (source,) = programme.sources  # its French title quotes the release's headline
    assert plain(re.findall(r"«\s*(.+?)\s*»", source.title.get("fr"))[0]) in release


def test_breaks_are_labelled_as_assumed_in_both_languages(programme: Programme,
                                                           release: str) -> None:
    assert "pause" not in release and "déjeuner" not in release  # the release has none
    breaks = [s for s in programme.sessions if s.kind is Kind.BREAK]
    assert len(breaks) == 9  # coffee and lunch, each day
    for session in breaks:
        assert session.notes is not None, session.id
        assert "mentions no breaks" in session.notes.get("en"), session.id
        assert "ne mentionne aucune pause" in session.notes.get("fr"), session.id


def test_panels_are_the_releases_round_tables_or_say_their_kind_is_ours(
        programme: Programme) -> None:
    for session in programme.sessions:
        if session.kind is not Kind.PANEL:
            continue
        assert session.notes is not None, session.id
        round_table = session.title.get("fr").startswith("Table ronde")
        assert round_table or "kind (panel)" in session.notes.get("en"), session.id
        assert round_table or "table ronde" in session.notes.get("fr"), session.id


def test_sessions_whose_day_the_release_does_not_give_say_so(programme: Programme) -> None:
    by_id = {s.id: s for s in programme.sessions}
    for sid in ("d2-detection", "d2-digital-trade", "d2-single-window", "d2-ecommerce"):
        session = by_id[sid]
        assert session.kind is Kind.TALK, sid
        assert session.notes is not None
        assert "does not say which of the two days" in session.notes.get("en"), sid
        assert "ne précise ni le jour" in session.notes.get("fr"), sid
    closing = by_id["d3-closing-panel"].notes
    assert closing is not None
    assert "does not give its day" in closing.get("en")
    assert "sans en donner le jour" in closing.get("fr")


def test_the_readme_search_example_finds_sessions(programme: Programme) -> None:
    """The README's first search example (typed without accents) finds sessions
    whose text has the accented word."""
    example = re.search(r"\(`(\w+)` finds « (\w+) »", README.read_text("utf-8"))
    assert example is not None
    typed, word = example.groups()
    assert typed != word
    found = ScheduleView.of(programme).matching(typed).searched().sessions
    assert found
    for session in found:
        texts = [t.get("fr") for t in (session.title, session.description)
                 if t is not None]
        assert any(word in text for text in texts), session.id
