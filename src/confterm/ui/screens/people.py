"""Everyone in the programme, by name, narrowed as you type; a person's sessions.

Typing goes to the field at the top (accents, case and word order do not
matter, organisations count too); ↑ ↓ move through the people, whose sessions
are listed below them; enter moves to those sessions and enter again shows one
in the browser (the screen returns it).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from confterm.i18n import N_, _
from confterm.model.agenda import Agenda
from confterm.model.programme import Person, Session
from confterm.model.text import clip, fold
from confterm.model.view import Catalogue
from confterm.ui.render import Display, brief_row
from confterm.ui.screens.once import ClosesOnce
from confterm.ui.widgets.line_list import LineList
from confterm.ui.widgets.lines import line_strip


def matching_people(catalogue: Catalogue, text: str, lang: str) -> list[Person]:
    """People whose name or organisation holds every word of *text*, by name."""
    words = fold(text).split()
    if not words:
        return list(catalogue.people_by_name)
    return [p for p in catalogue.people_by_name
            if all(w in fold(f"{p.name} {_organisation(p, lang)}") for w in words)]


def _organisation(person: Person, lang: str) -> str:
    return clip(person.organisation.get(lang)) if person.organisation else ""


class PeopleList(LineList):
    """One line a person: name, organisation, number of sessions."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"people-list--cursor", "people-list--hover"}
    DEFAULT_CSS = """
    PeopleList {
        height: 1fr;
        overflow-x: hidden;
        & > .people-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .people-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
        & > .people-list--hover { background: $block-hover-background; }
    }
    """

    class Moved(Message):
        def __init__(self, person: Person | None) -> None:
            super().__init__()
            self.person = person

    class Chosen(Message):
        def __init__(self, person: Person) -> None:
            super().__init__()
            self.person = person

    def __init__(self, catalogue: Catalogue, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalogue = catalogue
        self.lang = lang
        self.people: list[Person] = list(catalogue.people_by_name)
        self._generation = 0

    def show(self, people: list[Person]) -> None:
        self.people = people
        self._generation += 1
        self.lay_out()
        self.cursor = 0 if people else None
        if self.cursor == 0:
            self.cursor_moved(0)
        self.refresh()

    @property
    def person(self) -> Person | None:
        if self.cursor is None or self.cursor >= len(self.people):
            return None
        return self.people[self.cursor]

    def row_count(self) -> int:
        return len(self.people)

    def layout_key(self) -> object:
        return self._generation

    def cursor_moved(self, index: int | None) -> None:
        self.post_message(self.Moved(self.person))

    def clicked(self, index: int, x: int, chain: int) -> None:
        if chain >= 2:
            self.post_message(self.Chosen(self.people[index]))

    def render_row(self, index: int, state: str, width: int) -> list[Strip]:
        person = self.people[index]
        count = len(self.catalogue.people_sessions.get(person.id, ()))
        organisation = _organisation(person, self.lang)
        # The count first: a long organisation is cut, the count never is.
        line = Content.assemble((f"{count:>3} ", "$text-accent"), (clip(person.name), "bold"),
                                (f" · {organisation}" if organisation else "", "dim"))
        style = (self.get_visual_style(f"people-list--{state}") if state
                 else self.get_visual_style())
        return [line_strip(line, width, style)]


class PeopleScreen(ClosesOnce, ModalScreen[Session | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Close"), id="close-people"),
        Binding("down", "move(1)", N_("Down"), show=False, id="people-down"),
        Binding("up", "move(-1)", N_("Up"), show=False, id="people-up"),
    ]

    def __init__(self, catalogue: Catalogue, agenda: Agenda, display: Display,
                 text: str = "") -> None:
        super().__init__()
        self.catalogue = catalogue
        self.agenda = agenda
        self.display_options = display
        self.text = text

    def compose(self) -> ComposeResult:
        count = len(self.catalogue.programme.people)
        with Vertical(id="people-dialog"):
            yield Static(Content.styled(_("People · {count}").format(count=count), "bold"),
                         id="people-title",
                         markup=False)
            yield Input(self.text, placeholder=_("Type a name or organisation"),
                        id="people-filter", select_on_focus=False)
            yield PeopleList(self.catalogue, self.display_options.lang, id="people-list")
            yield Static(id="person-heading", markup=False)
            yield OptionList(id="person-sessions")
            yield Static(Content.styled(
                _("type to narrow · ↑↓ people (with their number of sessions) · enter their "
                  "sessions, enter again to go to one · esc back"), "dim"), id="people-keys",
                markup=False)

    def on_mount(self) -> None:
        self.query_one(PeopleList).show(
            matching_people(self.catalogue, self.text, self.display_options.lang))
        self.set_focus(self.query_one(Input))

    @on(Input.Changed, "#people-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.query_one(PeopleList).show(
            matching_people(self.catalogue, event.value, self.display_options.lang))

    @on(PeopleList.Moved)
    def _person_moved(self, event: PeopleList.Moved) -> None:
        person, heading = event.person, self.query_one("#person-heading", Static)
        sessions = self.query_one(OptionList)
        sessions.clear_options()
        if person is None:
            heading.update(Content.styled(_("Nobody matches."), "dim"))
            return
        about = [clip(x.get(self.display_options.lang)) for x in
                 (person.position, person.organisation) if x]
        heading.update(Content.assemble((clip(person.name), "bold underline"),
                                        (f"  {', '.join(about)}" if about else "", "dim")))
        width = max(self.query_one("#people-dialog").size.width - 6, 40)
        sessions.add_options([
            Option(brief_row(session, self.catalogue, self.display_options,
                             self.agenda.get(session.id), width, with_day=True),
                   id=session.id)
            for session in self.catalogue.people_sessions.get(person.id, ())])

    @on(Input.Submitted, "#people-filter")
    @on(PeopleList.Chosen)
    def _choose(self) -> None:
        sessions = self.query_one(OptionList)
        if sessions.option_count:
            sessions.highlighted = 0
            self.set_focus(sessions)
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#person-sessions")
    def _session_chosen(self, event: OptionList.OptionSelected) -> None:
        session = self.catalogue.sessions.get(event.option.id or "")
        if session is not None:
            self.dismiss(session)

    def action_move(self, step: int) -> None:
        self.query_one(PeopleList).action_cursor(step)

    def action_back(self) -> None:
        if self.focused is self.query_one(OptionList):
            self.set_focus(self.query_one(Input))  # back to the people
        else:
            self.dismiss(None)
