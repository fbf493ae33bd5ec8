"""The changes refreshes saw (``c``): the latest first, your bookmarks first,
each with what it was and is. Opening it marks them seen: the Δ marks go."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from confterm.i18n import N_, _
from confterm.model.agenda import Agenda
from confterm.model.changes import Seen, latest_first
from confterm.model.text import clip
from confterm.ui.render import Display, change_facts
from confterm.ui.screens.text_dialog import TextDialog

#: What each kind of change is called.
WHAT = {"added": N_("new"), "cancelled": N_("cancelled"), "moved": N_("moved"),
        "room": N_("room changed"), "retitled": N_("retitled"),
        "people": N_("people changed"), "delayed": N_("delayed")}


class ChangeLogScreen(TextDialog):
    DIALOG_ID = "changes-dialog"
    BINDINGS = [Binding("escape,enter,q,c", "dismiss", N_("Close"), id="close-change-log")]

    def __init__(self, changes: list[Seen], agenda: Agenda, display: Display) -> None:
        super().__init__()
        self.changes = changes
        self.agenda = agenda
        self.display_options = display

    def _content(self) -> Content:
        display = self.display_options
        if not self.changes:
            return Content(_("No change seen since the programme was opened here."))
        parts: list[str | tuple[str, str]] = [(_("Changes seen"), "bold underline"), "\n"]
        for change in latest_first(self.changes, self.agenda.bookmarks.keys()):
            marked = change.session in self.agenda
            title = clip(change.after.get("title") or change.before.get("title") or
                         change.session)
            was, now = change_facts(change.before, display), change_facts(change.after, display)
            if change.what in ("retitled", "people"):  # those, not the (same) times
                key = "title" if change.what == "retitled" else "people"
                was, now = clip(change.before.get(key, "")), clip(change.after.get(key, ""))
            said = " → ".join(x for x in (was, now) if x)
            seen = change.when.astimezone(display.zone)
            parts += [("★ " if marked else "  ", "$warning bold"),
                      ("Δ " if not change.seen else "  ", "$warning bold"),
                      (title, "bold"), "\n", "    ",
                      (f"{_(WHAT.get(change.what, change.what))} · {said} · "
                       + _("seen {when}").format(when=f"{seen:%a %H:%M}"), "dim"), "\n"]
        return Content.assemble(*parts)
