"""The highlighted row is legible in every colour theme: each piece of its text
(the ★ included) at WCAG AA contrast (4.5:1) against the cursor's background."""

from __future__ import annotations

import pytest
from rich.color import Color

from confterm.model.programme import Programme
from confterm.ui.widgets.session_list import SessionList

from .conftest import browser, make_app

THEMES = ["textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-latte",
          "solarized-light", "dracula", "tokyo-night", "confterm-high-contrast"]


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", THEMES)
async def test_the_highlighted_row_reaches_aa_contrast(programme: Programme, theme: str) -> None:
    app = make_app(programme)
    async with app.run_test(size=(160, 40)) as pilot:
        app.theme = theme
        await pilot.press("b")  # a ★ on the highlighted row
        await pilot.pause()
        sessions = browser(app).query_one(SessionList)
        assert sessions.has_focus and sessions.cursor is not None
        strips = sessions.render_row(sessions.cursor, "cursor", 100)
        worst = min(
            contrast(segment.style.color, segment.style.bgcolor)
            for strip in strips for segment in strip
            if segment.text.strip() and segment.style is not None
            and segment.style.color is not None and segment.style.bgcolor is not None)
        assert "★" in "".join(segment.text for segment in strips[0])
        assert not any(segment.style is not None and segment.style.dim
                       for strip in strips for segment in strip if segment.text.strip())
        assert worst >= 4.5, (theme, round(worst, 2))


@pytest.mark.parametrize("theme", ["textual-dark", "nord", "solarized-light"])
async def test_the_grids_cursor_box_reaches_aa_contrast(programme: Programme, theme: str) -> None:
    from confterm.ui.widgets.timetable_grid import TimetableGrid

    app = make_app(programme)
    async with app.run_test(size=(160, 40)) as pilot:
        app.theme = theme
        await pilot.press("2", "g", "down", "b")
        await pilot.pause()
        grid = browser(app).query_one(TimetableGrid)
        assert grid.highlighted is not None
        box = grid.table.boxes[grid.highlighted]
        lines = grid._box_lines(grid.highlighted, 20)
        assert len(lines) == box.height
        worst = min(contrast(segment.style.color, segment.style.bgcolor)
                    for strip in lines for segment in strip
                    if segment.text.strip() and segment.style is not None
                    and segment.style.color is not None and segment.style.bgcolor is not None)
        assert worst >= 4.5, (theme, round(worst, 2))


async def test_the_current_day_stands_out_by_more_than_bold(programme: Programme) -> None:
    from confterm.ui.widgets.day_bar import DayBar

    app = make_app(programme)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("2")
        bar = browser(app).query_one(DayBar)
        active = bar.get_visual_style("day-bar--active")
        other = bar.get_visual_style()
        assert active.background != other.background  # a band of colour, not only bold


def test_the_high_contrast_theme_reaches_aaa_for_text_and_aa_on_panels() -> None:
    """Computed from the theme itself: every colour text is drawn in, against the
    background (7:1) and against the panels and the hover (4.5:1)."""
    from confterm.ui.themes import HIGH_CONTRAST as theme

    variables = theme.to_color_system().generate()
    texts = ["foreground", "primary", "secondary", "accent", "warning", "error", "success",
             "text-muted", "text-accent", "footer-key-foreground"]
    grounds = {"background": 7.0, "panel": 4.5, "boost": 4.5, "block-hover-background": 4.5}
    for text in texts:
        for ground, least in grounds.items():
            ratio = contrast(Color.parse(variables[text][:7]), Color.parse(variables[ground][:7]))
            assert ratio >= least, (text, ground, round(ratio, 2))
    for cursor in ("block-cursor", "block-cursor-blurred"):  # the list's, the sidebar's
        ratio = contrast(Color.parse(variables[f"{cursor}-foreground"][:7]),
                         Color.parse(variables[f"{cursor}-background"][:7]))
        assert ratio >= 7.0, (cursor, round(ratio, 2))
