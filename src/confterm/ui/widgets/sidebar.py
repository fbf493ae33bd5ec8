"""The sidebar: a list for each facet of the programme (``model.facets``): tracks
to choose one of; themes, rooms, spoken languages, kinds and recording to
choose several of; each choice with the number of sessions it would show.

All are line lists (``LineList``). Moving the cursor is the list's own
business; what is chosen belongs to the screen. ``enter``, ``space`` or a click
report ``Picked`` with the choice's id, and the list shows the choice when the
screen's view comes back through its binding, in the same frame as the
sessions it selects. What each list shows is worked out by a pure function
(``facet_choices``).
A long list (FOSDEM has over a hundred tracks) is sorted by name and can be
narrowed down: ``/`` in it starts a filter (shown above it), the letters typed
narrow it, backspace takes one back, enter keeps it, escape clears it.
"""

from __future__ import annotations

import re
from typing import ClassVar, NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.widgets import Static

from confterm.i18n import N_, _
from confterm.model.facets import FACETS, Facet
from confterm.model.text import clip, fold
from confterm.model.view import Catalogue, ScheduleView
from confterm.ui.render import Display
from confterm.ui.widgets.line_list import MOVEMENT_BINDINGS, LineList
from confterm.ui.widgets.lines import line_strip

#: The first choice of a single-choice facet: no filter.
ALL = "all"
#: From this many choices a list is sorted by name and can be filtered by typing.
LONG_LIST = 30


class Choice(NamedTuple):
    id: str
    label: Content
    chosen: bool
    #: What typing in the list matches (the label without its count).
    name: str = ""


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sorting names as people read them: "Room 2" before "Room 10", ignoring
    case and accents."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", fold(name)) if part)


def _counted(count: int, label: str) -> Content:
    return Content.assemble((f"{count:>2} ", "dim"), (label, "" if count else "dim"))


def _in_order(choices: list[Choice]) -> list[Choice]:
    """A long list by name; a short one as it came."""
    if len(choices) < LONG_LIST:
        return choices
    return sorted(choices, key=lambda c: natural_key(c.name))


def facet_choices(facet: Facet, view: ScheduleView, display: Display) -> list[Choice]:
    """The facet's values, each with the number of sessions it would show under
    the other filters; for a single-choice facet (tracks), "All" first."""
    catalogue, lang = view.catalogue, display.lang
    counts, chosen = view.facet_counts[facet.id], view.chosen(facet.id)
    choices = [Choice(value, _counted(counts.get(value, 0), name), value in chosen, name)
               for value in facet.available(catalogue)
               for name in [value_name(facet, catalogue, value, lang)]]
    choices = (sorted(choices, key=lambda c: natural_key(c.name)) if facet.by_name
               else _in_order(choices))
    if facet.multiple:
        return choices
    return [Choice(ALL, Content(_(facet.everything)), not chosen), *choices]


def value_name(facet: Facet, catalogue: Catalogue, value: str, lang: str) -> str:
    """A facet's value as the interface names it (clipped: it is the programme's)."""
    name = facet.name(catalogue, value, lang)
    return _(name) if facet.interface_words else clip(name)


class ChoiceList(LineList):
    BINDINGS: ClassVar[list[BindingType]] = [
        *MOVEMENT_BINDINGS, Binding("enter,space", "pick", N_("Choose"), show=False, id="choose")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-list--cursor", "choice-list--hover", "choice-list--marker",
        "choice-list--filter"}
    DEFAULT_CSS = """
    ChoiceList {
        overflow-x: hidden;
        & > .choice-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .choice-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .choice-list--hover { background: $block-hover-background; }
        & > .choice-list--marker { color: $accent; }
        & > .choice-list--filter { color: $text-accent; text-style: italic; }
    }
    """
    #: The marker before a chosen and an unchosen choice.
    MARKERS = ("■ ", "□ ")

    # Bound from the screen. Not repainted on every change of view (a search
    # keystroke): only a rebuild changes what is drawn.
    view: var[ScheduleView | None] = var[ScheduleView | None](None, always_update=True)
    display_options: var[Display] = var(Display())

    class Picked(Message):
        def __init__(self, choice_list: ChoiceList, choice_id: str) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.choice_id = choice_id

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: list[Choice] = []  # as shown (filtered by what was typed)
        self.every_choice: list[Choice] = []
        #: Letters typed in a long list to narrow it down, and whether more are coming.
        self.typed = ""
        self.typing = False
        self._built_for: tuple[object, ...] | None = None
        self.set_reactive(LineList.cursor, 0)

    # -- what is listed --------------------------------------------------------------
    def make_choices(self, view: ScheduleView, display: Display) -> list[Choice]:
        raise NotImplementedError

    def watch_view(self, view: ScheduleView | None) -> None:
        self._rebuild()

    def watch_display_options(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """Again only when the programme, day, tracks, themes or language change
        (not the search)."""
        view = self.view
        key = ((view.catalogue, view.browsing_key(), self.display_options)
               if view is not None else None)
        if view is None or key == self._built_for:
            return
        self._built_for = key
        self.every_choice = self.make_choices(view, self.display_options)
        self._show_choices()

    @property
    def filterable(self) -> bool:
        return len(self.every_choice) >= LONG_LIST

    def _show_choices(self) -> None:
        old = self.choices
        words = fold(self.typed).split()
        self.choices = [c for c in self.every_choice
                        if all(word in fold(c.name or c.label.plain) for word in words)]
        self.header_lines = 1 if self.typed or self.typing else 0
        self.cursor = min(self.cursor or 0, max(len(self.choices) - 1, 0))
        if len(old) == len(self.choices):  # e.g. a theme chosen: redraw only its line
            for index, (before, after) in enumerate(zip(old, self.choices, strict=True)):
                if before != after:
                    self.refresh_row(index)
        else:
            self.lay_out()

    # -- typing to filter ----------------------------------------------------------------
    async def _on_key(self, event: events.Key) -> None:
        if not self.filterable:
            return
        typing, typed = self.typing, self.typed
        if not typing and event.key == "slash":
            typing = True
        elif typing and event.is_printable and event.character:
            typed += event.character
        elif typing and event.key == "backspace":
            typed, typing = typed[:-1], bool(typed)
        elif typing and event.key == "enter":
            typing = False
        elif event.key == "escape" and (typing or typed):
            typing, typed = False, ""
        else:
            return
        event.stop()
        event.prevent_default()  # a letter typed here is not a command
        self.typing, self.typed = typing, typed
        self._laid_out_for = None
        self._show_choices()
        self.lay_out()
        self.refresh()

    def render_header(self, y: int, width: int) -> Strip:
        shown = f"  {len(self.choices)} of {len(self.every_choice)}"
        caret = "▏" if self.typing else ""
        return line_strip(Content.assemble(("/ ", "dim"), self.typed, caret, (shown, "dim")),
                          width, self.get_visual_style("choice-list--filter"))

    # -- the LineList contract -----------------------------------------------------------
    def row_count(self) -> int:
        return len(self.choices)

    def layout_key(self) -> object:
        return (len(self.choices), self.typed, self.typing)

    def clicked(self, index: int, x: int, chain: int) -> None:
        if chain == 1:  # a double click is not two picks
            self.action_pick()

    def action_pick(self) -> None:
        if self.cursor is not None and 0 <= self.cursor < len(self.choices):
            self.post_message(self.Picked(self, self.choices[self.cursor].id))

    def render_row(self, index: int, state: str, width: int) -> list[Strip]:
        choice = self.choices[index]
        style = (self.get_visual_style(f"choice-list--{state}") if state
                 else self.get_visual_style())
        marker = Content.styled(self.MARKERS[0 if choice.chosen else 1],
                                self.get_visual_style("choice-list--marker"))
        label = choice.label.stylize("bold") if choice.chosen else choice.label
        return [line_strip(Content.assemble(marker, label), width, style)]


class FacetList(ChoiceList):
    """One facet's values (rooms, themes…) with their number of sessions."""

    def __init__(self, facet: Facet) -> None:
        super().__init__(id=facet.stored)
        self.facet = facet
        if not facet.multiple:
            self.MARKERS = ("● ", "○ ")

    def make_choices(self, view: ScheduleView, display: Display) -> list[Choice]:
        return facet_choices(self.facet, view, display)


class FacetSidebar(VerticalScroll):
    """A title and a list for each facet the programme has (tracks and themes
    always; rooms, spoken languages, kinds and recording where it has them),
    scrolled to a list when its key focuses it."""

    view: var[ScheduleView | None] = var[ScheduleView | None](None, always_update=True)
    display_options: var[Display] = var(Display())

    def __init__(self, catalogue: Catalogue, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._facets = [facet for facet in FACETS
                        if len(facet.available(catalogue)) >= facet.least]

    def compose(self) -> ComposeResult:
        for facet in self._facets:
            yield Static(_(facet.title), classes="sidebar-title", markup=False, name=facet.title)
            yield FacetList(facet).data_bind(FacetSidebar.view, FacetSidebar.display_options)

    def watch_display_options(self) -> None:
        for title in self.query(".sidebar-title").results(Static):
            title.update(_(title.name) if title.name else "")

    def list_of(self, facet_id: str) -> FacetList | None:
        """The facet's list, if the programme has that facet."""
        return next((found for found in self.query(FacetList) if found.facet.id == facet_id),
                    None)
