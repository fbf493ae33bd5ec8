"""The browser driven as a user would, with Pilot."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest

from confterm.model.programme import Programme
from confterm.ui.app import ConftermApp
from confterm.ui.screens.detail import DetailScreen
from confterm.ui.screens.help import HelpScreen
from confterm.ui.widgets.day_bar import DayBar
from confterm.ui.widgets.footer import KeyFooter
from confterm.ui.widgets.search_line import SearchLine
from confterm.ui.widgets.session_list import SessionList
from confterm.ui.widgets.sidebar import FacetList

from ..conftest import until
from .conftest import browser, listed, make_app, palette_lists, palette_prompts, row_text

DAY1, DAY2, DAY3 = dt.date(2024, 11, 12), dt.date(2024, 11, 13), dt.date(2024, 11, 14)
WIDE, NARROW = (160, 40), (80, 24)


def day_bar(app: ConftermApp) -> DayBar:
    return browser(app).query_one(DayBar)


def drawn_days(app: ConftermApp) -> str:
    """The day bar's labels line as drawn."""
    return day_bar(app).render().plain.splitlines()[0]


async def test_opens_on_day_one_before_the_conference(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE):
        assert browser(app).view.day == DAY1
        assert listed(app)[0] == "d1-opening"
        assert all(i.startswith("d1-") for i in listed(app))


async def test_opens_on_today_while_the_conference_runs(programme: Programme) -> None:
    # 23:30 in Rio on 13 November is already 14 November in UTC: the conference zone decides.
    app = make_app(programme, dt.datetime(2024, 11, 14, 2, 30, tzinfo=dt.UTC))
    async with app.run_test(size=WIDE):
        assert browser(app).view.day == DAY2


async def test_day_switching_by_number_and_arrows(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3")
        assert browser(app).view.day == DAY3
        assert day_bar(app).active == DAY3
        await pilot.press("left")
        assert browser(app).view.day == DAY2
        await pilot.press("right_square_bracket")
        assert browser(app).view.day == DAY3
        await pilot.press("right")  # already on the last day: stays
        assert browser(app).view.day == DAY3
        await pilot.press("left_square_bracket", "left", "left")
        assert browser(app).view.day == DAY1
        await pilot.press("9")  # no day 9
        assert browser(app).view.day == DAY1


async def test_clicking_a_day_tab(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        second = day_bar(app).placed[1]
        assert second.day == DAY2
        await pilot.click(DayBar, offset=(second.x + 2, 0))
        await pilot.pause()
        assert browser(app).view.day == DAY2


async def test_day_two_shows_both_workshop_tracks_in_parallel(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        ids = listed(app)
        assert ids.index("d2-wb-conops-detection") == ids.index("d2-wa-conops-data") + 1
        assert "┃" in row_text(app, "d2-wa-conops-data")
        headings = browser(app).query_one(SessionList).headings
        assert "14:00 · 2 sessions in parallel" in headings


async def test_track_filter(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "t")
        assert app.focused is browser(app).query_one("#tracks")
        await pilot.press("down", "down", "enter")  # All, Plenary, Workshop track A
        assert browser(app).view.tracks == frozenset({"workshop-a"})
        assert listed(app) == ["d2-wa-conops-data", "d2-wa-blockchain", "d2-wa-iot"]
        await pilot.press("up", "up", "enter")  # back to All tracks
        assert browser(app).view.tracks == frozenset()


async def choose_theme(pilot: object, app: ConftermApp, theme_id: str) -> None:
    themes = browser(app).query_one("#themes", FacetList)
    index = next(i for i, choice in enumerate(themes.choices) if choice.id == theme_id)
    await pilot.press("f", "home", *(["down"] * index), "space")  # type: ignore[attr-defined]


async def test_theme_filter_blockchain_on_day_two(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await choose_theme(pilot, app, "blockchain")
        assert listed(app) == ["d2-wa-blockchain"]
        await choose_theme(pilot, app, "iot")  # several themes: any of them
        assert listed(app) == ["d2-wa-blockchain", "d2-wa-iot"]


async def test_theme_counts_follow_the_day(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        themes = browser(app).query_one("#themes", FacetList)

        def count(theme_id: str) -> str:
            for choice in themes.choices:
                if choice.id == theme_id:
                    return choice.label.plain.split()[0]
            raise AssertionError(theme_id)

        assert count("ai") == "0"
        await pilot.press("3")
        assert count("ai") == "4"


async def test_search_by_person_finds_sessions_on_any_day(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await choose_theme(pilot, app, "iot")
        assert listed(app) == ["d2-wa-iot"]
        await pilot.press("slash", *"highsmith")
        assert listed(app) == ["d1-high-level-panel"]
        await pilot.press("escape")  # clears the search; the filters come back
        assert not browser(app).query_one(SearchLine).display
        assert listed(app) == ["d2-wa-iot"]


async def test_search_in_french_without_accents(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"chaine de blocs", "enter")
        assert listed(app) == ["d2-wa-blockchain"]


async def test_clear_filters(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await choose_theme(pilot, app, "blockchain")
        await pilot.press("escape", "x")
        view = browser(app).view
        assert not view.is_filtered and view.day == DAY2
        assert len(listed(app)) == 14


async def test_language_toggle_shows_french_titles(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("l")
        assert "Cérémonie d'inauguration officielle" in row_text(app, "d1-opening")
        assert "mar. 12 nov. · Plénière" in drawn_days(app)
        await pilot.press("l")
        assert "Official opening ceremony" in row_text(app, "d1-opening")


@contextlib.contextmanager
def local_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> Iterator[None]:
    """This computer's time zone is *name* for a while (TZ, applied with tzset)."""
    original = os.environ.get("TZ")
    monkeypatch.setenv("TZ", name)
    time.tzset()
    try:
        yield
    finally:
        if original is None:
            monkeypatch.delenv("TZ")
        else:
            monkeypatch.setenv("TZ", original)
        time.tzset()


async def test_time_zone_toggle(app: ConftermApp, monkeypatch: pytest.MonkeyPatch) -> None:
    with local_zone(monkeypatch, "Europe/Paris"):
        async with app.run_test(size=WIDE) as pilot:
            await pilot.press("2")
            assert row_text(app, "d2-wa-iot").split()[0] == "≈16:30–17:30"
            await pilot.press("z")
            # 16:30 in Rio (UTC-3) is 20:30 in Paris (UTC+1 in November).
            assert row_text(app, "d2-wa-iot").split()[0] == "≈20:30–21:30"
            assert "Europe/Paris time" in str(browser(app).query_one("#status").render())


async def test_wide_terminal_shows_details_beside_the_list(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("down")
        assert browser(app).current is not None
        assert browser(app).query_one("#detail").display
        await pilot.press("enter")
        assert not isinstance(app.screen, DetailScreen)


async def test_narrow_terminal_folds_the_sidebar_and_opens_details_as_a_modal(
        app: ConftermApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = browser(app)
        assert not screen.query_one("#sidebar").display
        assert not screen.query_one("#detail").display
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("f")
        assert screen.query_one("#sidebar").display
        await pilot.press("escape")
        assert not screen.query_one("#sidebar").display


async def test_enter_typed_ahead_of_another_screen_opens_no_details_over_it(
        app: ConftermApp) -> None:
    """enter then ? typed quickly: the list's choice reaches the browser after
    the help came over it; the details do not open over the help."""
    from confterm.ui.widgets.messages import SessionSelected

    async with app.run_test(size=NARROW) as pilot:
        screen = browser(app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert screen.current is not None
        screen.post_message(SessionSelected(screen.current.id))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not any(isinstance(s, DetailScreen) for s in app.screen_stack)


async def test_help_screen_lists_the_keys(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("Static").render())
        assert "Search as you type" in text and "indicative" in text
        # Keys come in the footer's order: help first, then quit, days, search…
        order = [text.index(s) for s in ("This help", "Quit", "Next day",
                                         "Search as you type", "Choose themes", "Bookmark the")]
        assert order == sorted(order)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_quit_with_q(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_state_is_restored_after_a_restart(programme: Programme) -> None:
    first = make_app(programme)
    async with first.run_test(size=WIDE) as pilot:
        await pilot.press("3", "l")
        await choose_theme(pilot, first, "ai")
        await pilot.press("escape", "q")
    second = make_app(programme)
    async with second.run_test(size=WIDE):
        view = browser(second).view
        assert view.day == DAY3
        assert view.themes == frozenset({"ai"})
        assert browser(second).display_options.lang == "fr"


async def test_state_is_saved_in_the_background_while_browsing(programme: Programme) -> None:
    from confterm.storage.settings import load_settings

    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3")
        # The save comes half a second after the last change.
        await until(pilot, lambda: load_settings().settings.state_for(programme.id).day == DAY3,
                    "day 3 saved")


async def test_settings_that_cannot_be_saved_are_reported_and_kept(
        programme: Programme, monkeypatch: pytest.MonkeyPatch) -> None:
    import confterm.conference.service as app_module

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        monkeypatch.setattr(app_module, "save_settings", full_disk)
        await pilot.press("3")

        def reported() -> bool:
            return any("Could not save settings" in n.message and "No space left" in n.message
                       for n in app._notifications)
        await until(pilot, reported, "the failed save reported")
        assert app.conference.settings.state_for(programme.id).day == DAY3  # kept in memory


async def test_a_broken_settings_file_is_reported_kept_and_ignored(
        programme: Programme) -> None:
    from confterm.storage.settings import settings_path

    path = settings_path()
    path.write_text("{not json")
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Settings file was broken" in m for m in messages)
        assert browser(app).view.day == DAY1
    kept = list(path.parent.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


async def test_keys_can_be_remapped_in_settings(programme: Programme) -> None:
    from confterm.storage.settings import Settings, save_settings

    save_settings(Settings(keys={"search": "ctrl+f"}))
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+f")
        assert app.focused is browser(app).query_one(SearchLine)


async def test_key_settings_that_do_not_fit_are_reported_and_ctrl_q_still_quits(
        programme: Programme) -> None:
    from confterm.storage.settings import Settings, save_settings

    save_settings(Settings(keys={"serach": "ctrl+f", "themes": "ctrl+q", "search": "ctrl+s"}))
    app = make_app(programme)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        messages = " ".join(n.message for n in app._notifications)
        assert "unknown binding ids" in messages and "'serach'" in messages
        assert "ctrl+q always quits" in messages and "'themes'" in messages
        await pilot.press("ctrl+s")  # the rest of the keymap applies
        assert app.focused is browser(app).query_one(SearchLine)
        await pilot.press("escape", "ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_key_setting_holding_an_escape_sequence_is_not_drawn(
        programme: Programme) -> None:
    from confterm.storage.settings import Settings, save_settings

    save_settings(Settings(keys={"search": "\x1b]0;PWNED\x07s", "themes\x1b[2J": "f"}))
    app = make_app(programme)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        messages = " ".join(n.message for n in app._notifications)
        assert "not applied: 'search'" in messages and "\x1b" not in messages
        footer = app.screen.query_one(KeyFooter).render()
        assert "PWNED" not in str(footer)
        await pilot.press("slash")  # search keeps its own key
        assert app.focused is browser(app).query_one(SearchLine)


async def test_command_palette_jumps_to_a_session(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *"IoT and its deployment")
        await until(pilot, palette_lists(app, "The Internet of Things", first=True),
                    "the session first in the palette")
        await pilot.press("enter")
        await pilot.pause()
        assert browser(app).view.day == DAY2
        assert browser(app).current is not None
        assert browser(app).current.id == "d2-wa-iot"


@pytest.mark.parametrize("query", ["claudia", "thomaz claudia"])
async def test_the_palette_ignores_accents_and_word_order(app: ConftermApp, query: str) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *query)
        await until(pilot, lambda: any("Cláudia Thomaz" in p for p in palette_prompts(app)),
                    "Cláudia Thomaz in the palette")


async def test_programme_text_is_shown_literally(tmp_path: object) -> None:
    import json

    from confterm.model.loader import parse_programme

    from ..conftest import CORPUS

    data = json.loads((CORPUS / "minimal.json").read_text())
    data["sessions"][0]["title"] = {"en": "[bold red]x[/] $accent [link=file:///etc]y[/link]"}
    data["people"][0]["name"] = "[i]Ada[/i]\x1b[31m"
    programme = parse_programme(json.dumps(data).encode(), "hostile.json")
    app = make_app(programme, dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("down", "up")
        row = " ".join(row_text(app, "s1").split())  # the title wraps in the list
        assert "[bold red]x[/] $accent [link=file:///etc]y[/link]" in row
        detail = str(browser(app).query_one("#detail .detail-body").render())
        assert "[bold red]x[/]" in detail
        assert "[i]Ada[/i]␛[31m" in detail


async def test_very_narrow_terminal_keeps_labels_whole(app: ConftermApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3")
        labels = day_bar(app).labels()
        assert labels == ["Tue 12 Nov", "Wed 13 Nov", "Thu 14 Nov"]
        actions = {key.action for key in browser(app).query_one(KeyFooter).shown_keys}
        assert "toggle_language" not in actions and "search" in actions
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        labels = day_bar(app).labels()
        assert labels[2] == "Thu 14 Nov · AI Day"
        actions = {key.action for key in browser(app).query_one(KeyFooter).shown_keys}
        assert "toggle_language" in actions


async def test_quick_day_changes_settle_on_the_last_one(app: ConftermApp) -> None:
    """Days changed faster than the app draws must not echo back and forth."""
    from textual import events

    async with app.run_test(size=WIDE) as pilot:
        for key in "3123231":
            app._driver.send_message(events.Key(key, key))  # type: ignore[union-attr]
        await until(pilot, lambda: browser(app).view.day == DAY1 == day_bar(app).active,
                    "day 1 shown")
        for _ in range(3):  # and it stays there
            await pilot.pause()
        assert browser(app).view.day == DAY1
        assert day_bar(app).active == DAY1


async def test_clicking_a_footer_key_presses_it(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        footer = browser(app).query_one(KeyFooter)
        x = 0
        for key in footer.shown_keys:
            if key.action == "help":
                break
            x += key.width
        else:
            raise AssertionError("help is not in the footer")
        await pilot.click(KeyFooter, offset=(x + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_day_bar_windows_many_days_around_the_current_one(programme: Programme) -> None:
    import dataclasses

    # Ten days where the bundled programme has three: the labels cannot all fit.
    first = programme.days[0]
    days = tuple(dataclasses.replace(first, date=DAY1 + dt.timedelta(days=n)) for n in range(10))
    app = make_app(dataclasses.replace(programme, days=days))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("5")
        bar = day_bar(app)
        shown = [item.day for item in bar.placed]
        assert bar.active == DAY1 + dt.timedelta(days=4) and bar.active in shown
        assert len(shown) < 10
        line = drawn_days(app)
        assert line.startswith("‹") and line.rstrip().endswith("›")
        assert len(line) <= NARROW[0]
        await pilot.click(DayBar, offset=(len(line.rstrip()) - 1, 0))  # ›: the next day
        await pilot.pause()
        assert browser(app).view.day == DAY1 + dt.timedelta(days=5)
        await pilot.click(DayBar, offset=(0, 0))  # ‹: the day before
        await pilot.pause()
        assert browser(app).view.day == DAY1 + dt.timedelta(days=4)


async def test_garbage_is_collected_while_the_user_pauses(app: ConftermApp) -> None:
    import gc
    import weakref

    from confterm.collection import QUIET

    class Node:
        other: object = None

    gc.disable()  # as the command line does before it imports the interface
    try:
        async with app.run_test(size=WIDE) as pilot:
            await pilot.pause()
            assert not gc.isenabled()  # no automatic collection inside a keystroke
            cycle = Node()
            cycle.other = cycle
            ref = weakref.ref(cycle)
            del cycle
            await pilot.press("2")
            await pilot.pause(QUIET + 0.6)
            assert ref() is None  # collected once the keys stopped
        assert gc.isenabled()  # and the collector is back when the app closes
    finally:
        gc.enable()


async def test_search_line_edits_and_shows_typed_text_literally(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"[b]iot", "space", *"customs")
        line = browser(app).query_one(SearchLine)
        assert browser(app).view.query == "[b]iot customs"
        assert line.value == "[b]iot customs"
        drawn = "".join(s.text for s in line.render_lines(line.region.reset_offset))
        assert "[b]iot customs" in drawn  # literally, not as markup
        await pilot.press("ctrl+w")
        assert browser(app).view.query == "[b]iot "
        # Editing inside the words: left/right and home move the cursor, not the day.
        day = browser(app).view.day
        await pilot.press("home", "right", "right", "right", "delete", "x")
        assert browser(app).view.query == "[b]xot " and browser(app).view.day == day
        await pilot.press("end", "left", "left", "backspace")
        assert browser(app).view.query == "[b]xt "
        await pilot.press("ctrl+u", *"[b]iot ")
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        assert browser(app).view.query == "[b]"
        await pilot.press("ctrl+u", *"iot")
        assert browser(app).view.query == "iot"
        await pilot.press("enter")  # to the results: keys are commands again
        assert isinstance(app.focused, SessionList)
        await pilot.press("3")
        assert browser(app).view.query == "iot" and browser(app).view.day == DAY3


async def test_keys_typed_faster_than_the_screen_updates_are_all_kept(app: ConftermApp) -> None:
    from textual import events

    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        for char in "highsmith":  # all queued before the screen handles the first
            app._driver.send_message(events.Key(char, char))  # type: ignore[union-attr]
        await until(pilot, lambda: browser(app).view.query == "highsmith", "every key handled")
        assert browser(app).view.query == "highsmith"
        assert listed(app) == ["d1-high-level-panel"]


async def test_the_row_under_the_pointer_is_drawn_highlighted(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        sessions = browser(app).query_one(SessionList)
        y = 4  # a row below the highlighted first one

        def background() -> object:
            return next(iter(sessions.render_line(y))).style.bgcolor  # type: ignore[union-attr]

        plain = background()
        await pilot.hover(SessionList, offset=(20, y))
        assert background() != plain
        await pilot.hover(DayBar, offset=(1, 0))  # away from the list
        assert background() == plain


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_the_first_frame_is_the_finished_screen(
        programme: Programme, size: tuple[int, int]) -> None:
    """Nothing is filled in after the first frame: no footer keys, day
    underline, details or list layout arriving a few frames later."""
    from confterm.model.clock import Clock

    from .conftest import BEFORE

    class FirstFrame(ConftermApp):
        first = ""

        def on_ready(self) -> None:
            super().on_ready()
            FirstFrame.first = self.export_screenshot()

    app = FirstFrame(programme, clock=Clock(BEFORE, frozen=True))
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.5)
        assert FirstFrame.first and app.export_screenshot() == FirstFrame.first


async def test_list_keys_can_be_remapped_too(programme: Programme) -> None:
    from confterm.storage.settings import Settings, save_settings

    save_settings(Settings(keys={"cursor-down": "j,down", "cursor-up": "k,up"}))
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        sessions = browser(app).query_one(SessionList)
        first = sessions.highlighted_session_id
        await pilot.press("j")
        assert sessions.highlighted_session_id not in (None, first)
        await pilot.press("k")
        assert sessions.highlighted_session_id == first


async def test_day_labels_in_wide_script_fit_the_bar(programme: Programme) -> None:
    import dataclasses

    from rich.cells import cell_len

    from confterm.model.programme import Localized

    wide = Localized({"en": "人工知能の日税関"})  # 8 characters, 16 cells
    days = tuple(dataclasses.replace(day, label=wide) for day in programme.days)
    app = make_app(dataclasses.replace(programme, days=days))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("2")
        bar = day_bar(app)
        assert cell_len(drawn_days(app).rstrip()) <= NARROW[0]
        assert bar.active in [item.day for item in bar.placed]
        end = bar.placed[-1]
        assert end.x + end.width <= NARROW[0]


async def click_choice(pilot: object, app: ConftermApp,
                       kind: str, choice_id: str) -> None:
    choices = browser(app).query_one(kind, FacetList).choices
    row = next(i for i, choice in enumerate(choices) if choice.id == choice_id)
    await pilot.click(kind, offset=(4, row))  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_clicking_a_theme_toggles_it(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await click_choice(pilot, app, "#themes", "blockchain")
        assert browser(app).view.themes == frozenset({"blockchain"})
        assert listed(app) == ["d2-wa-blockchain"]
        await click_choice(pilot, app, "#themes", "blockchain")
        assert browser(app).view.themes == frozenset()


async def test_clicking_a_track_chooses_it(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await click_choice(pilot, app, "#tracks", "workshop-b")
        assert browser(app).view.tracks == frozenset({"workshop-b"})


async def test_the_session_kept_highlighted_by_a_search_is_scrolled_into_view(
        app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3")
        kept = browser(app).query_one(SessionList).highlighted_session_id
        await pilot.press("slash", "a", "i")  # matches sessions on every day, day 3 last
        await pilot.pause()
        sessions = browser(app).query_one(SessionList)
        assert kept is not None and sessions.highlighted_session_id == kept
        title = browser(app).view.catalogue.sessions[kept].title.get("en")
        drawn = [sessions.render_line(y).text for y in range(sessions.size.height)]
        assert any(title in line for line in drawn)


async def test_escape_in_the_results_clears_the_search(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"highsmith", "enter")  # enter: on to the results
        assert listed(app) == ["d1-high-level-panel"]
        assert app.focused is browser(app).query_one(SessionList)
        await pilot.press("escape")
        assert not browser(app).query_one(SearchLine).display
        assert browser(app).view.query == ""
        assert "d1-opening" in listed(app)


async def test_the_details_window_bookmarks_and_stays_open_when_clicked(
        app: ConftermApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.click("#detail-modal", offset=(5, 3))  # inside: stays open
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("b")
        assert "d1-opening" in app.conference.bookmarks.agenda
        text = app.screen.query_one("#detail-modal .detail-body").render().plain
        assert "★ Bookmarked: must attend" in text
        await pilot.press("p")
        assert app.conference.bookmarks.agenda.bookmarks["d1-opening"].priority.value == "maybe"
        await pilot.click(offset=(0, 0))  # outside the window: closes it
        assert app.screen is browser(app)
        assert row_text(app, "d1-opening").lstrip().startswith("☆")


async def test_a_new_colour_theme_recolours_the_list_at_once(app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        sessions = browser(app).query_one(SessionList)

        def colours() -> set[str]:
            strips = sessions.render_row(1, "", sessions.size.width)
            return {str(segment.style.color) for strip in strips for segment in strip
                    if segment.style is not None and segment.style.color is not None}

        before = colours()
        app.theme = "gruvbox" if app.theme != "gruvbox" else "nord"
        await pilot.pause()
        assert colours() != before


async def test_a_search_keystroke_is_drawn_with_its_results_in_one_frame(
        programme: Programme, monkeypatch: pytest.MonkeyPatch) -> None:
    """The words typed are not drawn in a frame of their own: a frame that draws the
    search line's new words already holds the sessions they match (else the
    results come a frame later). The worst case is forced rather than waited for:
    after every edit a frame is drawn at once, before the screen has the words, as
    the screen's update timer may on a busy machine. Nothing here reads a clock."""
    from textual import events

    drawn: list[str] = []  # the words the search line drew, since the last frame
    frames: list[tuple[tuple[str, ...], str]] = []  # (words drawn, results' query)
    draw_line = SearchLine.render_line
    edited = SearchLine.watch_value

    def render_line(self: SearchLine, y: int) -> object:
        strip = draw_line(self, y)
        drawn.append(strip.text.strip())  # the words as drawn
        return strip

    def watch_value(self: SearchLine, value: str) -> None:
        edited(self, value)
        # A frame lands right after this edit, before the screen has handled it.
        self.call_next(self.screen._on_timer_update)

    monkeypatch.setattr(SearchLine, "render_line", render_line)
    monkeypatch.setattr(SearchLine, "watch_value", watch_value)

    class Framed(ConftermApp):
        def _display(self, screen: object, renderable: object) -> None:
            if renderable is not None and drawn:
                view = browser(self).query_one(SessionList).view
                frames.append((tuple(drawn), view.query if view is not None else ""))
                drawn.clear()
            super()._display(screen, renderable)  # type: ignore[arg-type]

    app = Framed(programme, clock=make_app(programme).conference.clock)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        line = browser(app).query_one(SearchLine)
        line.cursor_blink = False
        placeholder = line.placeholder.strip()
        sessions = browser(app).query_one(SessionList)
        keys = [(c, c) for c in "customs data"] + [("backspace", None), ("ctrl+w", None)]
        for key, char in keys:
            frames.clear()
            app._driver.send_message(events.Key(key, char))  # type: ignore[union-attr]
            for _ in range(500):  # until the words and their results are on screen
                await pilot.pause()
                if frames and frames[-1][0][-1] == line.value.strip():
                    break
            assert frames, key
            for words, query in frames:
                assert set(words) == {query.strip() or placeholder}, (key, words, query)
            assert sessions.view is not None and sessions.view.query == line.value, key
        assert browser(app).view.query == "customs " and line.value == "customs "
        assert listed(app) and set(listed(app)) == {s.id for s in sessions.view.sessions}


async def test_a_click_highlights_a_session_and_a_double_click_opens_it(
        app: ConftermApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        sessions = browser(app).query_one(SessionList)
        await pilot.click("#sessions", offset=(20, 3))
        await pilot.pause()
        clicked = browser(app).current
        assert clicked is not None and clicked.id != "d1-opening"
        assert sessions.highlighted_session_id == clicked.id and app.screen is browser(app)
        await pilot.click("#sessions", offset=(20, 3), times=2)
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.session == clicked


async def test_colour_themes_are_one_palette_entry_apart_from_the_programmes_themes(
        app: ConftermApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: palette_prompts(app), "the palette's first entries")
        assert not any(p.startswith(("Filter on", "Remove filter")) for p in palette_prompts(app))
        await pilot.press(*"colour")
        await until(pilot, palette_lists(app, "Colour theme…"), "the colour themes")
        await pilot.press("ctrl+u", *"blockchain")  # the programme's themes by name
        await until(pilot, palette_lists(app, "Filter on Blockchain (Themes)"), "the theme")


async def test_in_local_time_the_day_bar_shows_local_dates(
        app: ConftermApp, monkeypatch: pytest.MonkeyPatch) -> None:
    # UTC+14: Rio's morning is tomorrow there.
    with local_zone(monkeypatch, "Pacific/Kiritimati"):
        async with app.run_test(size=WIDE) as pilot:
            assert drawn_days(app).split()[:3] == ["Tue", "12", "Nov"]
            await pilot.press("z")
            await pilot.pause()
            days = drawn_days(app)
            assert days.split()[:3] == ["Wed", "13", "Nov"] and "Tue 12 Nov" not in days
            await pilot.press("z")
            await pilot.pause()
            assert drawn_days(app).split()[:3] == ["Tue", "12", "Nov"]


async def test_a_search_that_finds_nothing_says_how_to_clear_it(app: ConftermApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        sessions = browser(app).query_one(SessionList)
        shown = " ".join(sessions.render_line(y).text for y in range(sessions.size.height))
        assert "Press escape to clear them" in shown and "Press x" not in shown


async def test_the_palette_lists_only_entries_holding_the_words(app: ConftermApp) -> None:
    """Saunders' sessions, not every title whose letters spell his name here and
    there (the closing panel: "…shaping strategies for sustainable…")."""
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *"saunders")
        await until(pilot, palette_lists(app, "Ian Saunders ·"), "the person")
        prompts = palette_prompts(app)
        sessions = [p for p in prompts if p.startswith(("Closing panel", "Official", "High"))]
        assert sessions and all("Ian Saunders" in p for p in sessions), prompts
        assert not any(p.startswith("Closing panel") for p in prompts)


async def test_on_a_narrow_terminal_notices_do_not_cover_the_list(app: ConftermApp) -> None:
    """Below 100 columns a clash is said in the notice line above the list, for a
    while; an error is still a toast; at 160 columns both are toasts."""
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        sessions = app.conference.catalogue.sessions
        for session_id in ("d2-wa-conops-data", "d2-wb-conops-detection"):  # both at 14:00
            browser(app).go_to_session(sessions[session_id])
            await pilot.press("b")
        await pilot.pause()
        assert browser(app).said is not None and "Clashes with" in browser(app).said
        assert "Clashes with" in str(browser(app).query_one("#notice").render())
        assert not any("Clashes with" in n.message for n in app._notifications)
        app.notify("Soon gone", timeout=0.05)
        await until(pilot, lambda: browser(app).said is None, "the notice line cleared")
        app.notify("Broken", severity="error")
        await pilot.pause()
        assert any(n.message == "Broken" for n in app._notifications), list(app._notifications)
