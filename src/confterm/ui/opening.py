"""Opening another programme from the browser (``o``, or a time zone chosen
with ``Z``): read or downloaded in a thread; the app then starts over with it,
or the user is told why it could not be opened (nothing else changes)."""

from __future__ import annotations

from functools import partial

from textual.app import App
from textual.screen import Screen

from confterm.i18n import _
from confterm.model.text import shown


def open_in_background(screen: Screen[object], location: str, zone: str | None,
                       deadline: float) -> None:
    screen.notify(_("Opening {place}…").format(place=shown(location)), timeout=30,
                  markup=False)
    screen.run_worker(partial(_open_in_thread, screen.app, location, zone, deadline),
                      thread=True, exclusive=True, group="open-programme")


def _open_in_thread(app: App[object], location: str, zone: str | None,
                    deadline: float) -> None:
    from confterm.model.errors import ProgrammeError
    from confterm.opening.sources import open_location

    try:
        opened = open_location(location, timezone=zone, deadline=deadline)
    except ProgrammeError as error:
        first = error.problems[0] if error.problems else None
        why = f"{first.place}: {first.message}" if first else _("it does not load")
        app.call_from_thread(app.notify, f"{shown(location)}: {shown(why)}",
                             title=_("Not opened"), severity="error", timeout=12, markup=False)
        return
    app.call_from_thread(app.exit, opened)
