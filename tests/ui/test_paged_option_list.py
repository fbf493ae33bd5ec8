"""Page keys on a list whose options were just added: Textual raises, confterm's list does not."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from confterm.ui.widgets.paged_option_list import PagedOptionList


class ListApp(App[None]):
    def __init__(self, kind: type[OptionList]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind()


async def page_down_before_layout(kind: type[OptionList]) -> OptionList:
    app = ListApp(kind)
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.query_one(OptionList)
        options.add_options([Option(f"option {n}") for n in range(100)])
        options.highlighted = 50
        options.action_page_down()  # before the new options are laid out
        await pilot.pause()
        return options


async def test_textual_still_raises_so_the_guard_is_still_needed() -> None:
    """When this fails, Textual has fixed it: PagedOptionList can go."""
    with pytest.raises(KeyError):
        await page_down_before_layout(OptionList)


async def test_the_guarded_list_drops_the_key_and_pages_afterwards() -> None:
    options = await page_down_before_layout(PagedOptionList)
    assert options.highlighted == 50
    app = ListApp(PagedOptionList)
    async with app.run_test(size=(80, 24)) as pilot:
        listed = app.query_one(OptionList)
        listed.add_options([Option(f"option {n}") for n in range(100)])
        listed.highlighted = 50
        await pilot.pause()
        listed.action_page_down()
        assert (listed.highlighted or 0) > 50  # once laid out, page down works
