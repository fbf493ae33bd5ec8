"""Very long programme texts are drawn clipped, and kept whole for search and export."""

from __future__ import annotations

import datetime as dt
import json

import icalendar

from confterm.formats.ics_export import to_ics
from confterm.model.loader import parse_programme
from confterm.model.text import LINE_LIMIT, TEXT_LIMIT
from confterm.model.view import Catalogue

from ..conftest import CORPUS
from .conftest import browser, listed, make_app, row_text

TITLE = "Tiresome " * 100_000 + "needle"  # about 900 kB, the searched word at its end
DESCRIPTION = "Long " * 200_000


async def test_a_huge_title_is_clipped_on_screen_and_whole_elsewhere() -> None:
    data = json.loads((CORPUS / "minimal.json").read_text())
    data["sessions"][0]["title"] = {"en": TITLE}
    data["sessions"][0]["description"] = {"en": DESCRIPTION}
    programme = parse_programme(json.dumps(data).encode(), "long.json")
    app = make_app(programme, dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(160, 40)) as pilot:
        row = row_text(app, "s1")
        assert "Tiresome Tiresome" in row and len(row) < 2 * 160
        detail = browser(app).query_one("#detail .detail-body").render().plain
        assert "…" in detail and "needle" not in detail
        assert len(detail) < LINE_LIMIT + TEXT_LIMIT + 1000
        await pilot.press("slash", *"needle")
        assert listed(app) == ["s1"]  # search sees the whole title
    calendar = icalendar.Calendar.from_ical(to_ics(programme.sessions, Catalogue(programme)))
    summary = next(str(e["summary"]) for e in calendar.walk("VEVENT") if "needle" in e["summary"])
    assert summary == TITLE


async def test_wrapped_help_lines_keep_their_indent() -> None:
    """Help wraps its own lines (continuations under the descriptions): the window
    never wraps them again, which would start a line at the left edge."""
    from confterm.opening.files import load_programme
    from confterm.storage.paths import bundled_programme_path
    from confterm.ui.screens.help import HelpScreen

    programme = load_programme(bundled_programme_path())
    for size in ((80, 24), (60, 20), (100, 30), (160, 48)):
        app = make_app(programme)
        async with app.run_test(size=size) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            static = app.screen.query_one("#help-dialog Static")
            text = static.render().plain  # type: ignore[union-attr]
            assert static.size.height == len(text.split("\n")), size  # nothing re-wrapped
            assert max(len(line) for line in text.split("\n")) <= static.size.width, size


def test_urls_wrap_after_their_separators() -> None:
    from confterm.ui.render import wrap_url

    url = "https://media.example.org/congress/2025/h264-hd/talk-1234-the-long-title.mp4?x=1&y=2"
    lines = wrap_url(url, 30)
    assert "".join(lines) == url and all(len(line) <= 30 for line in lines)
    assert lines[0] == "https://media.example.org/"  # broken after a slash, not mid-word
    assert all(line[-1] in "/?&=#-" for line in lines[:-1])
    assert wrap_url("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no separator: cut


async def test_detail_items_wrap_under_their_text() -> None:
    import json

    from confterm.model.loader import parse_programme

    data = json.loads((CORPUS / "minimal.json").read_text())
    data["people"] = [{"id": "p", "name": "Ana", "organisation": {
        "en": "The International Organisation of Very Long Names for Testing Wrapping"}}]
    data["sessions"][0]["people"] = [{"person": "p"}]
    data["sessions"][0]["links"] = [{"title": "Recording", "url": "https://media.example.org/"
                                     "congress/2025/h264-hd/talk-1234-long-title.mp4"}]
    programme = parse_programme(json.dumps(data).encode(), "long.json")
    app = make_app(programme, dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        body = browser(app).query_one("#detail .detail-body")
        text = body.render().plain  # type: ignore[attr-defined]
        assert body.size.height == len(text.split("\n"))  # wrapped here, not re-wrapped
        org = text[text.index("The International"):].split("\n")
        assert org[1].startswith("  ") and org[1].strip()  # continues under the text
        url = text[text.index("https://"):].split("\n")
        assert url[1].startswith("  ") and url[0][-1] in "/?&=#-"  # at a separator


async def test_a_session_ending_the_next_day_keeps_its_title_in_line() -> None:
    import json

    from confterm.model.loader import parse_programme
    from confterm.timefmt import time_range

    data = json.loads((CORPUS / "minimal.json").read_text())
    first = data["sessions"][0]
    late = {**first, "id": "late", "title": {"en": "Soldering"}, "indicative": True,
            "start": first["start"][:11] + "23:30:00" + first["start"][19:],
            "end": first["start"][:8] + f"{int(first['start'][8:10]) + 1:02d}" + "T00:30:00"
            + first["start"][19:]}
    data["sessions"].append(late)
    programme = parse_programme(json.dumps(data).encode(), "late.json")
    session = next(s for s in programme.sessions if s.id == "late")
    assert time_range(session, programme.zone) == "≈23:30–00:30+1"
    app = make_app(programme, dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        rows = {sid: row_text(app, sid).splitlines()[0] for sid in ("s1", "late")}
        assert rows["late"].index("Soldering") == rows["s1"].index(
            programme.sessions[0].title.get("en"))
