"""French typography in the French catalogue and the bundled programme's French
text: a no-break space (U+00A0 or U+202F) before « : ; ? ! », inside « », in
numbers and before units; and wrapping that never breaks there."""

from __future__ import annotations

import json
import re

from babel.messages.pofile import read_po

from confterm.i18n import LOCALE_DIR
from confterm.storage.paths import bundled_programme_path
from confterm.ui.render import wrapped

#: An ordinary space where French typography wants a no-break one.
ORDINARY = re.compile(r" [:;?!»]|« |\d \d{3}(?!\d)|[}\d] (?:s|min|h|Mo|Mio|%)(?!\w)")


def french_catalogue() -> list[str]:
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "confterm.po").open("rb") as handle:
        entries = read_po(handle)
    texts = []
    for message in entries:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            texts += strings
    return texts


def french_data() -> list[str]:
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "fr" and isinstance(inner, str):
                    found.append(inner)
                else:
                    walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
    walk(json.loads(bundled_programme_path().read_text(encoding="utf-8")))
    return found


def test_the_french_catalogue_has_no_ordinary_space_where_a_no_break_one_belongs() -> None:
    texts = french_catalogue()
    assert len(texts) > 200
    wrong = [(m.group(), text) for text in texts for m in [ORDINARY.search(text)] if m]
    assert not wrong, wrong
    assert sum("\u00a0:" in text for text in texts) > 50


def test_the_french_data_has_no_ordinary_space_where_a_no_break_one_belongs() -> None:
    texts = french_data()
    assert len(texts) > 100
    wrong = [(m.group(), text[:80]) for text in texts for m in [ORDINARY.search(text)] if m]
    assert not wrong, wrong
    joined = "\n".join(texts)
    assert "1\u00a0300" in joined and "«\u00a0" in joined and "\u00a0»" in joined


def test_the_check_finds_what_it_looks_for() -> None:
    for text in ("Volet : A", "« titre»", "1 300 participants", "toutes les 5 s", "Aide ?"):
        assert ORDINARY.search(text), text
    for text in ("Volet\u00a0: A", "«\u00a0titre\u00a0»", "1\u00a0300", "14:05", "http://x"):
        assert not ORDINARY.search(text), text


def test_wrapping_never_breaks_at_a_no_break_space() -> None:
    text = "Réussites en R&D\u00a0: les transitions verte et numérique, «\u00a0citation\u00a0»"
    for width in range(14, 40):  # each unbreakable group fits on a line
        for line in wrapped(text, width).split("\n"):
            assert not line.startswith((":", "»")) and not line.endswith("«"), (width, line)
    assert wrapped("Volet\u00a0: A", 10) == "Volet\u00a0: A"
