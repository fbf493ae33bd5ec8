"""The bundled WCO 2024 programme holds what the programme brief requires."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from confterm.model.errors import Problem
from confterm.model.programme import Kind, Programme, Role
from confterm.opening.files import load_programme
from confterm.storage.paths import bundled_programme_path


def test_bundled_file_is_the_top_level_data_file() -> None:
    path = bundled_programme_path()
    assert path.name == "programme.json"
    assert json.loads(path.read_text("utf-8"))["id"] == "wco-technology-conference-2024"


def test_event_facts(programme: Programme) -> None:
    assert programme.name.get("en") == "WCO Technology Conference and Exhibition 2024"
    assert "Frontières numériques" in programme.theme.get("fr")
    assert programme.city is not None and programme.city.get("fr") == "Rio de Janeiro"
    assert programme.country is not None and programme.country.get("fr") == "Brésil"
    assert programme.timezone == "America/Sao_Paulo"
    assert [d.date for d in programme.days] == [
        dt.date(2024, 11, 12), dt.date(2024, 11, 13), dt.date(2024, 11, 14)]
    assert programme.days[2].label is not None
    assert programme.days[2].label.get("en") == "AI Day"
    summary = programme.summary.get("en")
    for fact in ("1,300", "117 countries", "54 stands", "Webb Fontaine"):
        assert fact in summary


def test_notice_says_times_and_rooms_are_indicative(programme: Programme) -> None:
    assert programme.notice is not None
    assert "indicative" in programme.notice.get("en")
    assert "indicatifs" in programme.notice.get("fr")


def test_every_time_is_marked_indicative(programme: Programme) -> None:
    # No official clock times exist: none may be presented as official.
    assert all(s.indicative for s in programme.sessions)


def test_every_text_has_english_and_french(programme: Programme) -> None:
    for session in programme.sessions:
        for text in (session.title, session.description, session.notes):
            if text is not None:
                assert set(text.root) == {"en", "fr"}, session.id
    for theme in programme.themes:
        assert set(theme.label.root) == {"en", "fr"}


def test_only_the_five_named_people(programme: Programme) -> None:
    names = {p.id: p.name for p in programme.people}
    assert names == {
        "claudia-thomaz": "Cláudia Thomaz", "ian-saunders": "Ian Saunders",
        "annmarie-highsmith": "AnnMarie Highsmith", "colm-leonard": "Colm Leonard",
        "francisco-lima-mena": "Francisco Lima Mena"}
    highsmith = next(p for p in programme.people if p.id == "annmarie-highsmith")
    assert highsmith.position is not None and highsmith.organisation is not None
    # CBP's own title for « Commissaire exécutive adjointe »: no "Deputy" in it.
    assert highsmith.position.get("en") == "Executive Assistant Commissioner, Office of Trade"
    assert "CBP" in highsmith.organisation.get("en")


def test_high_level_panel_roles(programme: Programme) -> None:
    panel = next(s for s in programme.sessions if s.id == "d1-high-level-panel")
    roles = {p.person: p.role for p in panel.people}
    assert roles == {"ian-saunders": Role.MODERATOR, "claudia-thomaz": Role.PANELLIST,
                     "annmarie-highsmith": Role.PANELLIST, "colm-leonard": Role.PANELLIST,
                     "francisco-lima-mena": Role.PANELLIST}
    assert "Dévoiler de nouveaux horizons" in panel.title.get("fr")


def test_sessions_of_the_brief(programme: Programme) -> None:
    ids = {s.id for s in programme.sessions}
    expected = {
        "d1-opening", "d1-high-level-panel", "d1-break-am", "d1-keynotes", "d1-lunch",
        "d1-panel-maritime", "d1-panel-air", "d1-break-pm", "d1-panel-land",
        "d2-detection", "d2-digital-trade", "d2-break-am", "d2-single-window",
        "d2-ecommerce", "d2-lunch", "d2-wa-conops-data", "d2-wa-blockchain", "d2-wa-iot",
        "d2-wb-conops-detection", "d2-wb-rd-detection", "d2-wb-rd-transitions",
        "d2-break-pm", "d3-ai-use-cases", "d3-break-am", "d3-ai-regulation",
        "d3-ai-prerequisites", "d3-lunch", "d3-ai-risks", "d3-break-pm", "d3-closing-panel",
        "d1-exhibition", "d2-exhibition", "d3-exhibition"}
    assert ids == expected


def test_day_two_workshop_tracks_run_in_parallel(programme: Programme) -> None:
    rio = ZoneInfo("America/Sao_Paulo")
    workshops = [s for s in programme.sessions if s.kind is Kind.WORKSHOP]
    by_track = {t: sorted(s.start.astimezone(rio).time() for s in workshops if s.track == t)
                for t in ("workshop-a", "workshop-b")}
    assert by_track["workshop-a"] == by_track["workshop-b"]
    assert by_track["workshop-a"][0] == dt.time(14, 0)
    assert {s.day for s in workshops} == {dt.date(2024, 11, 13)}


def test_themes_are_a_vocabulary_with_the_required_entries(programme: Programme) -> None:
    labels = {t.id: t.label for t in programme.themes}
    assert labels["iot"].get("fr") == "Internet des objets (IdO)"
    assert labels["blockchain"].get("fr") == "Chaîne de blocs"
    assert labels["ai"].get("en") == "Artificial intelligence"


def test_exhibition_mentions_the_sponsor(programme: Programme) -> None:
    exhibitions = [s for s in programme.sessions if s.kind is Kind.EXHIBITION]
    assert len(exhibitions) == 3
    assert all("Webb Fontaine" in s.description.get("en") for s in exhibitions)


def test_loads_without_warnings() -> None:
    warnings: list[Problem] = []
    load_programme(bundled_programme_path(), warnings=warnings)
    assert warnings == []
