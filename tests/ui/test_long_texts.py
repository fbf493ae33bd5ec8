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
