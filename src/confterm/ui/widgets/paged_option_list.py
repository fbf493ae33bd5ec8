"""Textual's OptionList whose page keys cannot crash before its lines are laid out.

In Textual 8.2, page up/down on an OptionList whose options were just added
(highlighted, but not laid out yet) raises ``KeyError`` looking up the
highlighted option's line. The monkey test found it in the agenda; another
project met it too (kagan-sh/kagan-legacy#31). Here such a key is dropped, as a
key pressed before the first frame would be; ``tests/ui/test_paged_option_list.py``
fails once Textual no longer raises, so this class can go.
"""

from __future__ import annotations

import contextlib

from textual.widgets import OptionList


class PagedOptionList(OptionList):
    def action_page_down(self) -> None:
        with contextlib.suppress(KeyError):  # the lines are not laid out yet
            super().action_page_down()  # type: ignore[no-untyped-call]

    def action_page_up(self) -> None:
        with contextlib.suppress(KeyError):
            super().action_page_up()  # type: ignore[no-untyped-call]
