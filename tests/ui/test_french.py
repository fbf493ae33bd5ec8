"""The interface in the attendee's language: French labels, footer, help,
messages and dates when the programme is shown in French (LANG or `l`)."""

from __future__ import annotations

import pytest

from confterm.i18n import set_language
from confterm.model.programme import Programme
from confterm.ui.screens.help import HelpScreen
from confterm.ui.widgets.day_bar import DayBar
from confterm.ui.widgets.footer import KeyFooter

from ..conftest import until
from .conftest import browser, make_app, palette_lists

WIDE = (160, 48)


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    """LANG asks for French (LC_ALL and LC_MESSAGES, which would come first, unset)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def footer_text(app: object) -> str:
    return browser(app).query_one(KeyFooter).render().plain  # type: ignore[arg-type, attr-defined, no-any-return]


@pytest.mark.usefixtures("french")
async def test_lang_chooses_french_and_l_switches_back(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = browser(app)
        assert screen.display_options.lang == "fr"
        assert "Chercher" in footer_text(app) and "Aide" in footer_text(app)
        titles = [str(t.render()) for t in screen.query(".sidebar-title")]
        assert titles[:2] == ["Volets", "Thèmes"]
        days = screen.query_one(DayBar).render().plain  # type: ignore[attr-defined]
        assert "mar. 12 nov." in days and "mer. 13 nov." in days
        status = str(screen.query_one("#status").render())
        assert "sessions" in status and "heure de Rio de Janeiro" in status
        assert "heures :" not in status
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.query_one("#help-dialog Static").render().plain  # type: ignore[attr-defined]
        assert "Touches" in help_text and "Chercher en tapant (échap efface)" in help_text
        # Keys longer than their column take a line of their own, never run on.
        assert "↑ ↓ pg.préc. pg.suiv.\n" in help_text and "suiv.Parcourir" not in help_text
        await pilot.press("escape", "l")  # the programme, and so the interface, in English
        await pilot.pause()
        assert screen.display_options.lang == "en"
        assert "Search" in footer_text(app) and "Chercher" not in footer_text(app)
        assert [str(t.render()) for t in screen.query(".sidebar-title")][:2] == [
            "Tracks", "Themes"]
        assert "Wed 13 Nov" in screen.query_one(DayBar).render().plain  # type: ignore[attr-defined]
        assert any("Language: English" in str(n.message) for n in app._notifications)


@pytest.mark.usefixtures("french")
async def test_the_command_palette_speaks_french(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *"aller au jour")
        await until(pilot, palette_lists(app, "Aller au jour 2\u00a0:"), "the days, in French")
        await pilot.press("ctrl+u", *"chaine de blocs")  # a theme, by its French name
        await until(pilot, palette_lists(app, "Filtrer sur Chaîne de blocs (Thèmes)"),
                    "the theme, in French")
        await pilot.press("ctrl+u", *"couleurs")
        await until(pilot, palette_lists(app, "Thème de couleurs…"), "colour themes, in French")


@pytest.mark.usefixtures("french")
async def test_the_details_name_peoples_parts_in_french(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        screen = browser(app)
        screen.go_to_session(app.conference.catalogue.sessions["d1-high-level-panel"])
        await pilot.pause()
        detail = str(screen.query_one("#detail .detail-body").render())
        assert "— Animateur" in detail and "Moderator" not in detail


@pytest.mark.usefixtures("french")
async def test_keys_palette_and_agenda_speak_french(programme: Programme) -> None:
    """Key names, Textual's own palette and commands, the agenda's priorities and
    counts of one: in French, with no English word the review found left."""
    from textual.command import CommandPalette

    from confterm.ui.screens.agenda import AgendaScreen

    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        help_text = str(app.screen.query_one("#help-dialog Static").render())
        assert "b espace" in help_text and "souris" in help_text and "entrée" in help_text
        assert " space" not in help_text and "mouse" not in help_text
        await pilot.press("escape", "ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        palette = app.screen.query_one("CommandInput")
        assert str(palette.placeholder) == "Rechercher une commande…"
        await pilot.press(*"quit")
        await until(pilot, palette_lists(app, "Quitter"), "Textual's Quit, in French")
        await pilot.press("ctrl+u", *"keys")
        assert not palette_lists(app, "Keys")()
        await pilot.press("escape")
        await pilot.press("b", "down", "b", "p", "a")  # one must, one maybe
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), "the agenda")
        agenda = " ".join(str(option.prompt) for option in app.screen.query_one(
            "OptionList")._options)
        assert "incontournable" in agenda and "peut-être" in agenda
        assert "must attend" not in agenda and "maybe" not in agenda


def test_french_elides_de_before_a_vowel_only() -> None:
    from confterm.i18n import elided

    set_language("fr")
    assert elided("heure de Amsterdam") == "heure d'Amsterdam"
    assert elided("heure de Europe/Paris") == "heure d'Europe/Paris"
    assert elided("heure de Hambourg") == "heure de Hambourg"  # an aspirated h
    assert elided("heure de Rio de Janeiro") == "heure de Rio de Janeiro"
    set_language("en")
    assert elided("time de Amsterdam") == "time de Amsterdam"  # only in French
