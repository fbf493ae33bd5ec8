"""Words shown to people that the command line and the interface share.

Kept out of the model, which holds facts (a bookmark's priority), not how they
are shown (★ "must attend").
"""

from __future__ import annotations

import datetime as dt
import functools

from confterm.i18n import N_, _
from confterm.model.agenda import Priority

MARKERS = {Priority.MUST: "★", Priority.MAYBE: "☆"}
LABELS = {Priority.MUST: N_("must attend"), Priority.MAYBE: N_("maybe")}


def priority_marker(priority: Priority) -> str:
    """★ for a session you must attend, ☆ for a maybe."""
    return MARKERS[priority]


def priority_label(priority: Priority) -> str:
    """"must attend" or "maybe", in the interface's language."""
    return _(LABELS[priority])


def offline_note(fetched_at: dt.datetime | None, offline: bool) -> str | None:
    """'offline — cached at …' when a programme from the web could not be refreshed."""
    if not offline or fetched_at is None:
        return None
    return _("offline — cached at {when}").format(when=f"{fetched_at.astimezone():%Y-%m-%d %H:%M}")


def language_name(tag: str, in_lang: str | None = None) -> str:
    """The language *tag* names, in *in_lang* (its own name when None): "anglais",
    "English", "français". The tag itself where CLDR does not know it."""
    return _language_name(tag, in_lang or tag)


@functools.lru_cache(maxsize=256)  # a programme may name thousands of tags
def _language_name(tag: str, in_lang: str) -> str:
    from babel import Locale, UnknownLocaleError  # CLDR data: only when a name is shown

    try:
        names = Locale.parse(in_lang.replace("-", "_")).languages
    except (UnknownLocaleError, ValueError):
        return tag
    found = names.get(tag.replace("-", "_")) or names.get(tag.split("-")[0].lower())
    return found or tag
