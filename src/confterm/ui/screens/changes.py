"""The change report after a reload: new, cancelled and moved sessions."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from confterm.i18n import N_, _, ngettext
from confterm.model.agenda import Agenda
from confterm.model.changes import Changes
from confterm.model.programme import Session
from confterm.model.text import clip
from confterm.model.view import Catalogue
from confterm.timefmt import day_tab, time_range
from confterm.ui.render import Display
from confterm.ui.screens.text_dialog import TextDialog

Parts = list[str | tuple[str, str]]


class ChangesScreen(TextDialog):
    DIALOG_ID = "changes-dialog"
    BINDINGS = [Binding("escape,enter,q", "dismiss", N_("Close"), id="close-changes")]

    def __init__(self, changes: Changes, before: Catalogue, after: Catalogue,
                 agenda: Agenda, display: Display, *, note: str | None = None) -> None:
        super().__init__()
        #: Said first, e.g. that the bookmarks moved to the programme's new id.
        self.note = note
        self.changes = changes
        self.before = before
        self.after = after
        self.agenda = agenda
        self.display_options = display

    def _when(self, session: Session, catalogue: Catalogue) -> str:
        room = clip(catalogue.room_name(session, self.display_options.lang))
        text = f"{day_tab(session.day, None)} {time_range(session, self.display_options.zone)}"
        return f"{text} · {room}" if room else text

    def _line(self, session: Session, detail: str) -> Parts:
        marked = session.id in self.agenda
        style = "$warning bold" if marked else ""
        return [("★ " if marked else "  ", "$warning bold"),
                (clip(session.title.get(self.display_options.lang)), style or "bold"), "\n",
                "    ", (detail, "dim"), "\n"]

    def _content(self) -> Content:
        changes = self.changes
        parts: Parts = [(ngettext("The programme changed: {count} change",
                                  "The programme changed: {count} changes",
                                  changes.count()).format(count=changes.count()), "bold"), "\n"]
        if self.note:
            parts += [(f"★ {self.note}", "$warning"), "\n"]
        marked = sum(1 for s in (*changes.added, *changes.cancelled,
                                 *(m.after for m in (*changes.moved, *changes.retitled)))
                     if s.id in self.agenda)
        if marked:
            parts += [("★ " + ngettext(
                "{count} of your bookmarked sessions changed: it is listed first in its "
                "section.",
                "{count} of your bookmarked sessions changed: they are listed first in each "
                "section.", marked).format(count=marked),
                       "$warning"), "\n"]
        if changes.moved:
            parts += ["\n", (_("Moved"), "bold underline"), "\n"]
            for move in changes.moved:
                parts += self._line(move.after, f"{self._when(move.before, self.before)}  →  "
                                                f"{self._when(move.after, self.after)}")
        if changes.retitled:
            parts += ["\n", (_("Retitled"), "bold underline"), "\n"]
            for change in changes.retitled:
                was = clip(change.before.title.get(self.display_options.lang))
                parts += self._line(change.after, _("was {when}").format(when=was))
        if changes.people:
            parts += ["\n", (_("People changed"), "bold underline"), "\n"]
            for change in changes.people:
                names = ", ".join(clip(p.name) for p in self.after.session_people(change.after))
                parts += self._line(change.after, names)
        if changes.cancelled:
            parts += ["\n", (_("Cancelled"), "bold underline"), "\n"]
            for session in changes.cancelled:
                was = _("was {when}").format(when=self._when(session, self.before))
                kept = " · " + _("your bookmark is kept") if session.id in self.agenda else ""
                parts += self._line(session, was + kept)
        if changes.added:
            parts += ["\n", (_("New"), "bold underline"), "\n"]
            for session in changes.added:
                parts += self._line(session, self._when(session, self.after))
        return Content.assemble(*parts)
