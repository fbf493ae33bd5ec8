"""Going with friends in the browser: their picks marked by initial in the list,
the grid and the details; "going with NAME"; their picks beside mine in the
agenda, to add one or all; importing an agenda from the agenda screen."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets import OptionList

from confterm.cli import main
from confterm.model.agenda import bookmark_for
from confterm.model.programme import Programme
from confterm.storage.friends import friend_path, friends, open_friend
from confterm.ui.screens.agenda import AgendaScreen
from confterm.ui.widgets.timetable_grid import TimetableGrid

from ..conftest import until
from .conftest import browser, listed, make_app, palette_lists, row_text

WIDE = (160, 40)
ANA = ("d2-wa-conops-data", "d2-wa-blockchain", "d1-opening")


def give_friend(programme: Programme, name: str, session_ids: tuple[str, ...]) -> None:
    store, _ = open_friend(programme.id, name)
    sessions = {s.id: s for s in programme.sessions}
    for session_id in session_ids:
        store.set(bookmark_for(sessions[session_id]))
    store.save()


def meta_line(app: object, session_id: str) -> str:
    """A row's last line (track, room…), after the parallel-session bar."""
    return row_text(app, session_id).splitlines()[-1].strip().lstrip("┃ ")  # type: ignore[arg-type]


async def test_friends_picks_are_marked_everywhere(programme: Programme) -> None:
    give_friend(programme, "Ana", ANA)
    give_friend(programme, "Bo", ("d2-wa-conops-data",))
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        assert "\n" in row_text(app, "d2-wa-conops-data")
        assert meta_line(app, "d2-wa-conops-data").startswith("AB ")  # Ana and Bo picked it
        assert meta_line(app, "d2-wa-blockchain").startswith("A ")
        assert not meta_line(app, "d2-wb-conops-detection").startswith(("A ", "B ", "AB "))
        browser(app).go_to_session(app.conference.catalogue.sessions["d2-wa-conops-data"])
        await pilot.pause()
        detail = browser(app).query_one("#detail .detail-body").render().plain
        assert "Also going: Ana, Bo" in detail
        await pilot.press("g")
        grid = browser(app).query_one(TimetableGrid)
        box = next(b for b in grid.table.boxes if b.session.id == "d2-wa-conops-data")
        assert "AB " in grid.line_text(box.top)


async def test_going_with_a_friend_from_the_palette(programme: Programme) -> None:
    give_friend(programme, "Ana", ANA)
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "ctrl+p", *"going with ana")
        await until(pilot, palette_lists(app, "Going with Ana", first=True), "the friend")
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(listed(app)) == sorted(["d2-wa-conops-data", "d2-wa-blockchain"])
        assert "going with Ana only" in str(browser(app).query_one("#status").render())
        await pilot.press("m")  # back to every session
        assert len(listed(app)) > 2


async def test_the_agenda_shows_a_friends_picks_beside_mine(programme: Programme) -> None:
    give_friend(programme, "Ana", ANA)
    app = make_app(programme)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        sessions = app.conference.catalogue.sessions
        app.conference.toggle_bookmark(sessions["d2-wa-conops-data"])  # shared
        # At 15:00 in room B: Ana's 15:00 blockchain workshop in room A clashes with it.
        app.conference.toggle_bookmark(sessions["d2-wb-rd-detection"])
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        options = screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt)
                   for i in range(options.option_count)]
        heading = next(p for p in prompts if p.startswith("Picks · Ana"))
        assert "3 · 1 shared with my agenda" in heading
        rows = prompts[prompts.index(heading) + 1:]
        marks = {row.split()[0] for row in rows}
        assert marks == {"✓", "⚠", "+"}
        # Add the highlighted pick, then all of them.
        first_pick = next(i for i in range(options.option_count)
                          if (options.get_option_at_index(i).id or "").startswith("pick-")
                          and str(options.get_option_at_index(i).prompt).startswith("+"))
        options.highlighted = first_pick
        before = len(app.conference.agenda)
        await pilot.press("plus")
        assert len(app.conference.agenda) == before + 1
        await pilot.press("asterisk")
        assert set(ANA) <= set(app.conference.agenda.bookmarks)


async def test_importing_an_agenda_from_the_agenda_screen(
        programme: Programme, tmp_path: Path) -> None:
    for session_id in ("d2-wa-iot", "d1-opening"):
        assert main(["agenda", "add", session_id]) == 0
    shared = tmp_path / "cy.ics"
    assert main(["agenda", "export", str(shared)]) == 0
    assert main(["agenda", "remove", "d2-wa-iot"]) == 0
    assert main(["agenda", "remove", "d1-opening"]) == 0
    app = make_app(programme)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("a", "i")
        await pilot.pause()
        await pilot.press(*str(shared), "enter", *"Cy", "enter")
        await until(pilot, lambda: "Cy" in app.conference.sharing.friends,  # read in a thread
                    "Cy's agenda read")
        assert set(app.conference.sharing.friends["Cy"].bookmarks) == {"d2-wa-iot",
                                                                       "d1-opening"}
        assert any("Kept 2 sessions as Cy's agenda" in str(n.message)
                   for n in app._notifications)
        await pilot.press("escape")
        assert meta_line(app, "d1-opening").startswith("C ")


async def test_the_grid_shows_a_friend_kept_while_it_is_open(programme: Programme) -> None:
    """A friend's agenda kept while the grid is the view: their initials appear on
    its boxes at once (as on the list's rows), not at the next scroll."""
    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "g")
        await pilot.pause()
        grid = browser(app).query_one(TimetableGrid)
        box = next(b for b in grid.table.boxes if b.session.id == "d2-wa-conops-data")
        y = grid.header_lines + box.top - grid.scroll_offset.y

        def drawn() -> str:  # the line as Textual will put it on screen
            strips = grid.render_lines(Region(0, 0, grid.size.width, grid.size.height))
            return strips[y].text

        assert "A " not in drawn()
        give_friend(programme, "Ana", ANA)
        sharing = app.conference.sharing
        sharing.friends = friends(programme.id)
        sharing.friends_changed.publish(sharing.friends)
        await pilot.pause()
        assert "A " in drawn()


async def test_the_agenda_offers_a_friends_keys_only_with_friends(programme: Programme) -> None:
    from confterm.ui.widgets.footer import KeyFooter

    def footer_actions(app: object) -> set[str]:
        return {key.action for key in app.screen.query_one(KeyFooter).shown_keys}  # type: ignore[attr-defined]

    app = make_app(programme)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("b", "a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert not {"add", "add_all"} & footer_actions(app)
        give_friend(programme, "Ana", ANA)  # then kept as Ana's agenda, as importing does
        sharing = app.conference.sharing
        sharing.keep(sharing.read(str(friend_path(programme.id, "Ana"))), "Ana")
        await pilot.pause()
        assert {"add", "add_all"} <= footer_actions(app)


def test_a_maybe_comes_back_a_maybe_through_a_calendar(
        programme: Programme, tmp_path: Path) -> None:
    """Exported to a calendar (PRIORITY 5 for maybe, 1 for must attend) and
    imported as a friend's agenda, each pick keeps its priority."""
    assert main(["agenda", "add", "d2-wa-iot", "--maybe"]) == 0
    assert main(["agenda", "add", "d1-opening"]) == 0
    shared = tmp_path / "mine.ics"
    assert main(["agenda", "export", str(shared)]) == 0
    assert main(["agenda", "import", str(shared), "--as", "Cy"]) == 0
    cy = friends(programme.id)["Cy"]
    assert cy.bookmarks["d2-wa-iot"].priority.value == "maybe"
    assert cy.bookmarks["d1-opening"].priority.value == "must"
