"""Each key is declared once, with its binding: id, keys, label, help text.

The README's list of binding ids (for remapping keys in the settings) must be
exactly the ids the interface declares, and the browser's keys carry the help
text the help screen shows.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

from confterm.ui.app import ConftermApp
from confterm.ui.keymap import binding_ids
from confterm.ui.screens.browser import BrowserScreen

README = Path(__file__).parents[2] / "README.md"


def readme_ids() -> set[str]:
    text = README.read_text()
    paragraph = text[text.index("Binding ids:"):text.index("Other settings:")]
    ids = set(re.findall(r"`([a-z0-9-]+)`", paragraph))
    if "day-1" in ids and "day-9" in ids:
        ids |= {f"day-{n}" for n in range(1, 10)}
    return ids


def test_the_readme_lists_exactly_the_binding_ids() -> None:
    declared = binding_ids()
    assert "search" in declared and "close-help" in declared  # the walk found them
    assert readme_ids() == declared


def test_the_browsers_keys_carry_their_help_text() -> None:
    bindings = [b for b in (*BrowserScreen.BINDINGS, *ConftermApp.BINDINGS)
                if isinstance(b, Binding) and b.description and not b.id.startswith("day-")
                and b.id != "back"]
    missing = [b.id for b in bindings if not b.tooltip]
    assert not missing, f"keys without help text: {missing}"
