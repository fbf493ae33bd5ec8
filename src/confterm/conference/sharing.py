"""Going with friends: their agendas beside yours, and importing an agenda (a
calendar or bookmarks file, from a file or a URL) into yours or as theirs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from confterm.conference.announcer import Announcer
from confterm.i18n import _, ngettext
from confterm.model.agenda import Agenda, Priority, bookmark_for
from confterm.model.programme import Session
from confterm.storage.friends import check_name, friends, open_friend

if TYPE_CHECKING:
    from confterm.conference.service import Conference
    from confterm.opening.agendas import ImportedAgenda

__all__ = ["Sharing"]


class Sharing:
    def __init__(self, conference: Conference) -> None:
        self.conference = conference
        #: Friends' agendas by name (sorted by name).
        self.friends: dict[str, Agenda] = friends(conference.programme.id)
        self.friends_changed: Announcer[dict[str, Agenda]] = Announcer()

    def read(self, location: str) -> ImportedAgenda:
        """Read an agenda and match it (slow: a download; safe in a thread).
        Raises ``AgendaFileError`` (``confterm.opening.agendas``). Reading agendas
        is imported here, when first needed, not at every start."""
        from confterm.opening.agendas import read_agenda

        conference = self.conference
        return read_agenda(location, conference.catalogue,
                           deadline=float(conference.settings.download_seconds))

    def keep(self, imported: ImportedAgenda, friend: str | None) -> str:
        """Keep what was read: as *friend*'s agenda (replacing their last), or
        added to mine. Returns what happened, to tell the user. Raises
        ``FriendNameError`` for a name that cannot be used, ``OSError`` when the
        friend's file cannot be written."""
        matched = imported.matched
        missed = (_("; {count} not in this programme").format(count=len(matched.unmatched))
                  if matched.unmatched else "")
        if friend is None:
            added = self.conference.add_bookmarks(list(matched.sessions), imported.priorities)
            return ngettext("Added {added} of {count} matched session to mine{missed}.",
                            "Added {added} of {count} matched sessions to mine{missed}.",
                            len(matched.sessions)).format(
                added=added, count=len(matched.sessions), missed=missed)
        name = check_name(friend)
        store, _problem = open_friend(self.conference.programme.id, name)
        wanted = {s.id for s in matched.sessions}
        for session_id in list(store.agenda.bookmarks):
            if session_id not in wanted:
                store.remove(session_id)
        for session in matched.sessions:
            store.set(bookmark_for(session, imported.priorities.get(session.id, Priority.MUST),
                                   self.conference.clock.now()))
        store.save()
        self.friends = friends(self.conference.programme.id)
        self.friends_changed.publish(self.friends)
        return ngettext("Kept {count} session as {name}'s agenda{missed}.",
                        "Kept {count} sessions as {name}'s agenda{missed}.",
                        len(matched.sessions)).format(
            count=len(matched.sessions), name=name, missed=missed)

    def add_friends_picks(self, name: str, sessions: list[Session] | None = None) -> int:
        """Add *sessions* (default: all) of *name*'s picks to mine."""
        agenda = self.friends.get(name, Agenda())
        picks = sessions if sessions is not None else agenda.sessions(
            self.conference.catalogue)
        return self.conference.add_bookmarks(
            [s for s in picks if s.id in agenda],
            {s.id: agenda.bookmarks[s.id].priority for s in picks if s.id in agenda})
