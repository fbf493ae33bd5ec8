"""Words shown to people that the command line and the interface share.

Kept out of the model, which holds facts (a bookmark's priority), not how they
are shown (★ "must attend").
"""

from __future__ import annotations

import datetime as dt

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
