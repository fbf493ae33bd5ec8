"""In French, no English shows through: the browser is driven through every
screen (list, details, agenda with a ★ and a ☆ and a friend's picks, people, now
& next, grid, help, palette, export, open) and each screen's text is checked
against the interface's English strings: the catalogue's, Textual's own, key
names and the bundled programme's English names. The footer and day tabs at
80×24 hold in French what they hold in English."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from confterm.i18n import LOCALE_DIR
from confterm.model.programme import Programme
from confterm.ui.app import ConftermApp
from confterm.ui.screens.agenda import AgendaScreen
from confterm.ui.screens.detail import DetailScreen
from confterm.ui.screens.export import ExportScreen
from confterm.ui.widgets.day_bar import DayBar
from confterm.ui.widgets.footer import KeyFooter

from ..conftest import until
from .conftest import browser, make_app
from .test_friends import give_friend
from .test_grid import DAY2_AFTERNOON

#: English that is not in the catalogue: Textual's own words, key names, and the
#: bundled programme's English names of things the French screens name.
ENGLISH = (
    "Search for commands", "Keys", "Maximize", "Minimize", "Screenshot", "Quit the application",
    "Change theme", "Show help", "space", "enter", "esc", "pgup", "pgdn", "mouse", "home",
    "end", "Plenary Hall", "Workshop Room", "Exhibition Hall", "Brazil", "press release",
    "Workshop track", "Coffee break", "Opening ceremony", "AI Day", "Wed", "Thu", "Tue", "Nov",
    "November", "Wednesday", "English", "French", "local time", "UTC time", "was")


def english_phrases() -> list[str]:
    """Each piece of an English catalogue entry between its placeholders that its
    French translation does not also hold (so "min" and "URL" are not counted)."""
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "confterm.po").open("rb") as handle:
        catalogue = read_po(handle)
    phrases = set(ENGLISH)
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        french = " ".join(message.string if isinstance(message.string, tuple)
                          else (message.string,))
        for english in ids:
            for piece in re.split(r"\{[^}]*\}", english):
                piece = piece.strip(" .,:;()·—–-\n")
                if (len(piece) >= 3 and re.search(r"[A-Za-z]{3}", piece)
                        and piece not in french):
                    phrases.add(piece)
    return sorted(phrases)


def screen_text(app: ConftermApp) -> str:
    """What the current screen draws, line by line (toasts included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def english_in(text: str, phrases: list[str]) -> list[str]:
    return [p for p in phrases if re.search(rf"(?<![\w']){re.escape(p)}(?!\w)", text)]


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def test_the_check_finds_english() -> None:
    phrases = english_phrases()
    assert len(phrases) > 200
    assert english_in("Salle d'atelier A · must attend", phrases) == ["must attend"]
    assert english_in("b espace  Mettre en favori", phrases) == []
    assert "Search" in english_in("/ Search", phrases)


@pytest.mark.usefixtures("french")
async def test_no_english_shows_on_any_screen(programme: Programme) -> None:
    give_friend(programme, "Ana", ("d2-wa-blockchain", "d2-wa-iot"))
    phrases = english_phrases()
    app = make_app(programme, DAY2_AFTERNOON)
    seen: dict[str, str] = {}

    def look(where: str) -> None:
        seen[where] = screen_text(app)

    async with app.run_test(size=(120, 40)) as pilot:
        sessions = app.conference.catalogue.sessions
        app.conference.toggle_bookmark(sessions["d2-wa-conops-data"])
        app.conference.toggle_bookmark(sessions["d2-wb-rd-detection"])  # clashes with Ana's
        app.conference.cycle_priority("d2-wb-rd-detection")  # a maybe
        await pilot.pause()
        look("list")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DetailScreen), "the details")
        await pilot.pause()
        look("details")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is browser(app), "the list again")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), "the agenda")
        look("agenda")
        assert "★" in seen["agenda"] and "☆" in seen["agenda"] and "Ana" in seen["agenda"]
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        await pilot.pause()
        look("export")
        await pilot.press("escape", "escape")
        await until(pilot, lambda: app.screen is browser(app), "the list again")
        for key, where in (("at", "people"), ("n", "now & next"), ("question_mark", "help"),
                           ("o", "open")):
            await pilot.press(key)
            await until(pilot, lambda: app.screen is not browser(app), where)
            await pilot.pause()
            look(where)
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is browser(app), "the list again")
        await pilot.press("g")
        await pilot.pause()
        look("grid")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen is not browser(app), "the palette")
        await pilot.pause()
        look("palette")
        await pilot.press(*"lang")
        await pilot.pause()
        look("palette, languages")
    assert "Salle d'atelier A" in seen["agenda"] and "incontournable" in seen["agenda"]
    assert "Salle\u00a0: Salle" in seen["details"]  # the details' room
    assert "Exporter" in seen["export"] and "Touches" in seen["help"]
    assert "Maintenant" in seen["now & next"] and "Salle plénière" in seen["grid"]
    assert "Langue\u00a0: English" in seen["palette, languages"]  # each language by its name
    leaks = {where: found for where, text in seen.items()
             if (found := english_in(text.replace("Langue\u00a0: English", ""), phrases))}
    assert not leaks, leaks


def shown_ids(app: ConftermApp) -> set[str]:
    return {key.id or key.action for key in app.screen.query_one(KeyFooter).shown_keys}


async def footers_at_80(programme: Programme) -> tuple[list[set[str]], list[str]]:
    give_friend(programme, "Ana", ("d2-wa-blockchain", "d2-wa-iot"))
    app = make_app(programme)  # before the conference
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footers, tabs = [shown_ids(app)], browser(app).query_one(DayBar).labels()
        await pilot.press("g")
        await pilot.pause()
        footers.append(shown_ids(app))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), "the agenda")
        footers.append(shown_ids(app))
        await pilot.press("end")  # onto the friend's picks: + and *
        await pilot.pause()
        footers.append(shown_ids(app))
    during = make_app(programme, DAY2_AFTERNOON)
    async with during.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footers.append(shown_ids(during))
    return footers, tabs


async def test_french_footers_and_day_tabs_fit_80x24_as_english_ones_do(
        programme: Programme, monkeypatch: pytest.MonkeyPatch) -> None:
    english, english_tabs = await footers_at_80(programme)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    french, french_tabs = await footers_at_80(programme)
    assert "tracks" in french[0] and {"agenda-add", "agenda-add-all"} <= french[3]
    assert french[2:4] == english[2:4]  # the agenda, a friend's picks
    # The list and the grid: English fits ten keys in 81 cells; the same ten in
    # French take 94, and the one ranked last ("n Maintenant") gives way.
    for main in (0, 1, 4):
        assert english[main] - french[main] == {"now-next"} and french[main] < english[main]
    assert all(" · " in tab for tab in english_tabs)  # each day's name beside its date
    assert all(" · " in tab for tab in french_tabs), french_tabs
