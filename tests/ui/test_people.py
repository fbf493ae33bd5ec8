"""People: everyone by name, narrowed as you type, each with their sessions; the
command palette finds them too."""

from __future__ import annotations

import datetime as dt

from textual.widgets import OptionList

from confterm.model.programme import Programme
from confterm.model.text import fold
from confterm.model.view import Catalogue
from confterm.ui.screens.people import PeopleList, PeopleScreen, matching_people

from ..conftest import until
from .conftest import browser, make_app, palette_lists

WIDE, NARROW = (160, 40), (80, 24)


def test_people_are_sorted_and_matched_without_accents(programme: Programme) -> None:
    catalogue = Catalogue(programme)
    everyone = matching_people(catalogue, "", "en")
    assert [fold(p.name) for p in everyone] == sorted(fold(p.name) for p in everyone)
    assert [p.name for p in matching_people(catalogue, "THOMAZ claudia", "en")] == [
        "Cláudia Thomaz"]
    # Organisations count too, in the language shown.
    by_org = matching_people(catalogue, "customs", "en")
    assert by_org and all("customs" in fold(str(p.organisation)) for p in by_org)


def test_each_person_has_their_sessions_in_programme_order(programme: Programme) -> None:
    catalogue = Catalogue(programme)
    for person in programme.people:
        sessions = catalogue.people_sessions[person.id]
        assert list(sessions) == [s for s in catalogue.ordered
                                  if any(p.person == person.id for p in s.people)]


async def test_the_people_screen_leads_to_a_session(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("at")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        people = app.screen.query_one(PeopleList)
        assert len(people.people) == len(programme.people)
        await pilot.press(*"thomaz")
        await pilot.pause()
        assert [p.name for p in people.people] == ["Cláudia Thomaz"]
        sessions = app.screen.query_one(OptionList)
        expected = Catalogue(programme).people_sessions["claudia-thomaz"]
        # The count comes first: a long organisation is cut, never the count.
        row = people.render_row(0, "", 30)[0].text
        assert row.startswith(f"{len(expected):>3} Cláudia Thomaz") and row.endswith("…")
        assert sessions.option_count == len(expected) >= 1
        for index, session in enumerate(expected):  # each with its day: days apart
            prompt = str(sessions.get_option_at_index(index).prompt)
            assert f"{session.day:%a %d %b}" in prompt, prompt
        await pilot.press("enter")  # to their sessions
        assert app.screen.focused is sessions
        await pilot.press("down", "enter")  # the second one
        await pilot.pause()
        assert app.screen is browser(app)
        assert browser(app).current == expected[min(1, len(expected) - 1)]
        assert browser(app).view.day == browser(app).current.day


async def test_escape_goes_back_a_step_then_closes(programme: Programme) -> None:
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("at", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("escape")  # from the sessions back to the people
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("escape")
        assert app.screen is browser(app)


async def test_the_palette_finds_people(programme: Programme) -> None:
    from textual.command import CommandList

    app = make_app(programme, dt.datetime(2024, 11, 1, tzinfo=dt.UTC))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *"saunders")
        await until(pilot, palette_lists(app, "Ian Saunders ·"), "the person")
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        person = next(i for i, p in enumerate(prompts) if p.startswith("Ian Saunders ·"))
        options.highlighted = person
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert [p.name for p in app.screen.query_one(PeopleList).people] == ["Ian Saunders"]
