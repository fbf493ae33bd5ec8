"""Command palette providers of the browser screen (its ``COMMANDS``): sessions
(by title or person), people, friends, days, filters, language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from confterm.i18n import _, ngettext
from confterm.model.text import clip, fold
from confterm.timefmt import day_tab, time_range
from confterm.wording import language_name, priority_marker

if TYPE_CHECKING:
    from confterm.ui.screens.browser import BrowserScreen

Entry = tuple[str, Callable[[], object], str]  # what to match, what to do, help


class _BrowserCommands(Provider):
    """Matches a list of entries against what the user types."""

    @property
    def browser(self) -> BrowserScreen:
        # Only the browser screen lists these providers, so it is the one asking.
        return cast("BrowserScreen", self.screen)

    def entries(self) -> Iterable[Entry]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for text, action, help_text in self.entries():
            yield DiscoveryHit(Content(text), action, text=text, help=escape(help_text))

    #: Whether every word typed must stand in an entry as typed: in a long list
    #: (every session), letters found here and there would match unrelated
    #: entries ("saunders" in "…shaping strategies for sustainable…").
    whole_words = False

    async def search(self, query: str) -> Hits:
        # Like the search line: accents, case and word order do not matter
        # ("thomaz claudia" finds Cláudia Thomaz); closer fuzzy matches rank first.
        folded_query = fold(query)
        words = folded_query.split()
        matcher = self.matcher(folded_query)
        for text, action, help_text in self.entries():
            folded = fold(text)
            every_word = bool(words) and all(word in folded for word in words)
            if self.whole_words and not every_word:
                continue
            score = matcher.match(folded)
            if score <= 0 and every_word:
                score = 0.1  # every word is there, in another order
            if score > 0:
                shown = (_highlight(matcher, folded_query, text, folded)
                         if len(folded) == len(text) else Content(text))
                yield Hit(score, shown, action, text=text,
                          help=escape(help_text))  # the palette reads help as markup


class _FoundByName(_BrowserCommands):
    """Entries found by what is typed, not listed when the palette opens: the
    list is long (every session, every person, every theme) and would hide the
    rest; found by the words typed, not by letters scattered through them."""

    whole_words = True

    async def discover(self) -> Hits:
        return
        yield


def _highlight(matcher: Matcher, query: str, text: str, folded: str) -> Content:
    """Like ``Matcher.highlight``, but *text* is literal (that one parses markup);
    the match is found in *folded*, the text without accents, of the same length."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(query, folded)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class SessionCommands(_FoundByName):
    """Jump to any session by its title or by a person's name."""

    def entries(self) -> Iterable[Entry]:
        browser = self.browser
        catalogue, display = browser.view.catalogue, browser.display_options
        for session in catalogue.ordered:
            people = ", ".join(clip(p.name) for p in catalogue.session_people(session))
            mark = browser.agenda.get(session.id)
            label = ((f"{priority_marker(mark.priority)} " if mark else "")
                     + clip(session.title.get(display.lang)) + (f" — {people}" if people else ""))
            day = catalogue.programme.days[catalogue.programme.day_index(session.day) - 1]
            where = f"{day_tab(day.date, None)} {time_range(session, display.zone)}"
            yield (label, partial(browser.go_to_session, session),
                   _("Session · {where}").format(where=where))


class PeopleCommands(_FoundByName):
    """Find a person by name or organisation: their sessions in the people screen."""

    def entries(self) -> Iterable[Entry]:
        browser = self.browser
        catalogue, lang = browser.view.catalogue, browser.display_options.lang
        for person in catalogue.people_by_name:
            organisation = clip(person.organisation.get(lang)) if person.organisation else ""
            count = len(catalogue.people_sessions.get(person.id, ()))
            label = clip(person.name) + (f" · {organisation}" if organisation else "")
            yield (label, partial(browser.action_people, clip(person.name)),
                   ngettext("Person · {count} session", "Person · {count} sessions",
                            count).format(count=count))


class FriendCommands(_BrowserCommands):
    """Only the sessions a friend picked (their agenda, imported)."""

    def entries(self) -> Iterable[Entry]:
        browser = self.browser
        for name, agenda in browser.friends.items():
            yield (_("Going with {name}").format(name=name), partial(browser.go_with, name),
                   ngettext("Only the session {name} picked (m shows all)",
                            "Only the {count} sessions {name} picked (m shows all)",
                            len(agenda)).format(count=len(agenda), name=name))


class DayCommands(_BrowserCommands):
    def entries(self) -> Iterable[Entry]:
        browser = self.browser
        lang = browser.display_options.lang
        for number, day in enumerate(browser.view.programme.days, 1):
            label = day_tab(day.date, clip(day.label_in(lang)))
            yield (_("Go to day {number}: {label}").format(number=number, label=label),
                   partial(browser.action_go_day, number), _("Day"))


class ChangeCommands(_BrowserCommands):
    """The changes refreshes found (c), where there are any."""

    def entries(self) -> Iterable[Entry]:
        browser = self.browser
        unseen = len(browser.changed)
        if browser.conference.changes_seen:
            yield (_("Changes in the programme…"), browser.action_changes,
                   ngettext("{count} not looked at yet", "{count} not looked at yet",
                            unseen).format(count=unseen))


class FilterCommands(_FoundByName):
    """Every facet's values to filter on (themes, rooms, kinds…): found by name,
    not listed when the palette opens (a long wall of them would hide the rest)."""

    def entries(self) -> Iterable[Entry]:
        from confterm.model.facets import FACETS
        from confterm.ui.widgets.sidebar import value_name

        browser = self.browser
        view, lang = browser.view, browser.display_options.lang
        for facet in FACETS:
            chosen = view.chosen(facet.id)
            for value in facet.available(view.catalogue):
                said = (_("Remove filter {name} ({facet})") if value in chosen
                        else _("Filter on {name} ({facet})"))
                name = value_name(facet, view.catalogue, value, lang)
                yield (said.format(name=name, facet=_(facet.title)),
                       partial(browser.toggle_filter, facet.id, value), _("Filter"))


class RoomCommands(_FoundByName):
    """Go to a room in the timetable grid: found by its name."""

    def entries(self) -> Iterable[Entry]:
        browser = self.browser
        lang = browser.display_options.lang
        for room in browser.view.programme.rooms:
            yield (_("Go to room: {room}").format(room=clip(room.name.get(lang))),
                   partial(browser.go_to_room, room.id), _("Timetable grid"))


class RoomJump(RoomCommands):
    """The rooms alone, every one listed at once (the grid's j)."""

    async def discover(self) -> Hits:
        for text, action, help_text in self.entries():
            yield DiscoveryHit(Content(text), action, text=text, help=escape(help_text))


class ZoneChoices(_BrowserCommands):
    """Every IANA time zone, for a programme that names none (the browser's Z)."""

    def entries(self) -> Iterable[Entry]:
        from zoneinfo import available_timezones

        browser = self.browser
        zones = sorted(z for z in available_timezones()
                       if "/" in z and not z.startswith(("Etc/", "SystemV/")))
        for zone in [*zones, "UTC"]:
            yield (zone.replace("_", " "), partial(browser.set_programme_zone, zone),
                   _("The programme's time zone"))


class LanguageCommands(_BrowserCommands):
    def entries(self) -> Iterable[Entry]:
        browser = self.browser
        for lang in browser.view.programme.languages:
            yield (_("Language: {lang}").format(lang=clip(language_name(lang), 40)),
                   partial(browser.set_language, lang),
                   _("Show titles and descriptions in this language"))
