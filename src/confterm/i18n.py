"""The interface's language: labels, help, footer, messages and dates.

Standard gettext catalogues in the package (``locale/LANG/LC_MESSAGES/confterm.po``,
extracted with Babel by ``make messages`` and compiled to ``.mo`` by ``make`` and
the package build). The interface follows the programme's language (``l``); a
language without a catalogue shows the interface in English. Before a choice is
remembered, ``LC_ALL``/``LC_MESSAGES``/``LANG`` choose.

    _("Search")        # translated now, in the current language
    N_("Search")       # only marked for extraction (translated where it is shown)
"""

from __future__ import annotations

import functools
import gettext
import os
import re
from pathlib import Path

DOMAIN = "confterm"
LOCALE_DIR = Path(__file__).with_name("locale")

_state = {"lang": "en"}
_translation: list[gettext.NullTranslations] = [gettext.NullTranslations()]


def N_(text: str) -> str:
    return text


def _(text: str) -> str:
    return _translation[0].gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation[0].ngettext(singular, plural, count)


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def set_language(lang: str) -> None:
    """Show the interface in *lang* (English where it has no catalogue)."""
    _state["lang"] = lang
    _translation[0] = _catalogue(lang)


def language() -> str:
    """The interface's language as set (the programme's, which may lack a catalogue)."""
    return _state["lang"]


# "de" before a name that starts with a vowel, in French: "heure d'Amsterdam".
_ELISION = re.compile(r"\bde ([AEIOUÂÉÈÊÎÔÛaeiouâéèêîôû])")


def elided(text: str) -> str:
    """*text* (a message with a name put in it) with French elision where the
    interface speaks French; as it is otherwise. Before a vowel only: an h may
    be aspirated ("heure de Hambourg")."""
    return _ELISION.sub(r"d'\1", text) if _state["lang"] == "fr" else text


def spoken() -> str:
    """The language the interface's words are in: the one set, or English where
    it has no catalogue."""
    lang = _state["lang"]
    return lang if translated(lang) else "en"


def translated(lang: str) -> bool:
    """Whether the interface has a catalogue for *lang* (English always has)."""
    return lang == "en" or isinstance(_catalogue(lang), gettext.GNUTranslations)


def system_language() -> str | None:
    """The language the environment asks for (``fr`` for ``fr_FR.UTF-8``), if any."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return None if code in ("c", "posix") else code or None
    return None
