"""The interface's translations: standard gettext catalogues, kept in step with
the code, complete for French; every key's label and help in the catalogue."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from textual.binding import Binding

import confterm.ui
from confterm.i18n import LOCALE_DIR, N_, _, set_language, system_language, translated

SOURCE = Path(confterm.ui.__file__).parents[1]


def catalogue(lang: str) -> dict[str, str]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "confterm.po").open("rb") as handle:
        entries = read_po(handle)
    # A plural entry counts as translated only with every form filled in.
    return {message.id if isinstance(message.id, str) else message.id[0]:
            message.string if isinstance(message.string, str)
            else message.string[0] if all(message.string) else ""
            for message in entries if message.id}


def marked_in_code() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(SOURCE), keywords={"_": None, "N_": None, "ngettext": (1, 2)}):
        found.add(message if isinstance(message, str) else message[0])
    return found


def bindings() -> list[Binding]:
    """Every key the interface declares, with its label and help."""
    found = []
    for module_info in pkgutil.walk_packages(confterm.ui.__path__, "confterm.ui."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if not cls.__module__.startswith("confterm."):
                continue  # Textual's own widgets: their keys are Textual's
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding):
                    found.append(binding)
    return found


def test_every_marked_string_has_a_french_translation() -> None:
    french = catalogue("fr")
    missing = sorted(text for text in marked_in_code() if not french.get(text))
    assert not missing, f"not in the French catalogue (run make messages): {missing}"


def test_every_key_label_and_help_is_in_the_catalogue() -> None:
    french = catalogue("fr")
    shown = {text for binding in bindings() for text in (binding.description,
                                                          binding.tooltip) if text}
    assert len(shown) > 40
    missing = sorted(text for text in shown if text not in french)
    assert not missing, f"keys whose label or help is not translatable: {missing}"


def test_languages_without_a_catalogue_fall_back_to_english() -> None:
    set_language("de")
    assert _("Search") == "Search" and not translated("de")
    set_language("fr")
    assert _("Search") == "Chercher" and translated("fr")
    assert N_("Search") == "Search"  # marked only


def test_the_environment_chooses_the_default(monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert system_language() == "fr"
    monkeypatch.setenv("LC_MESSAGES", "de_DE")
    assert system_language() == "de"
    monkeypatch.setenv("LC_ALL", "C")
    assert system_language() is None


def test_languages_are_named_in_the_language_asked_for_or_their_own() -> None:
    from confterm.wording import language_name

    assert language_name("fr", "en") == "French" and language_name("en", "fr") == "anglais"
    assert language_name("fr") == "français"  # its own name
    assert language_name("pt-BR", "en") == "Brazilian Portuguese"
    assert language_name("x-klingon", "en") == "x-klingon"  # what CLDR does not know: the tag
