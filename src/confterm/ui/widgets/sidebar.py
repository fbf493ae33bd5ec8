"""The sidebar: track chooser and theme multi-select with live counts.

Both are line lists (``LineList``). Moving the cursor is the list's own
business; what is chosen belongs to the screen. ``enter``, ``space`` or a click
report ``Picked`` with the choice's id, and the list shows the choice when the
screen's view comes back through its binding, in the same frame as the
sessions it selects. What each list shows is worked out by a pure function
(``track_choices``, ``theme_choices``).
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip

from confterm.model.text import clip
from confterm.model.view import ScheduleView
from confterm.ui.render import Display
from confterm.ui.widgets.line_list import MOVEMENT_BINDINGS, LineList
from confterm.ui.widgets.lines import line_strip

ALL_TRACKS = "all-tracks"


class Choice(NamedTuple):
    id: str
    label: Content
    chosen: bool


def track_choices(view: ScheduleView, display: Display) -> list[Choice]:
    """'All tracks' then the programme's tracks, one of them chosen."""
    lang, chosen = display.lang, view.tracks
    return [Choice(ALL_TRACKS, Content("All tracks"), not chosen)] + [
        Choice(t.id, Content(clip(t.name.get(lang))), t.id in chosen)
        for t in view.programme.tracks]


def theme_choices(view: ScheduleView, display: Display) -> list[Choice]:
    """Themes by name, each with the number of sessions it would show for the
    current day and track (dim when none); several may be chosen."""
    counts, lang = view.theme_counts(), display.lang
    themes = sorted(view.programme.themes, key=lambda t: clip(t.label.get(lang)).casefold())
    return [Choice(t.id, Content.assemble(
        (f"{counts.get(t.id, 0):>2} ", "dim"),
        (clip(t.label.get(lang)), "" if counts.get(t.id) else "dim")), t.id in view.themes)
        for t in themes]


class ChoiceList(LineList):
    BINDINGS: ClassVar[list[BindingType]] = [
        *MOVEMENT_BINDINGS, Binding("enter,space", "pick", "Choose", show=False, id="choose")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-list--cursor", "choice-list--hover", "choice-list--marker"}
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
    }
    """
    #: The marker before a chosen and an unchosen choice.
    MARKERS = ("● ", "○ ")

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
        self.choices: list[Choice] = []
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
        key = ((id(view.catalogue), view.browsing_key(), self.display_options)
               if view is not None else None)
        if view is None or key == self._built_for:
            return
        self._built_for = key
        old, self.choices = self.choices, self.make_choices(view, self.display_options)
        self.cursor = min(self.cursor or 0, max(len(self.choices) - 1, 0))
        if len(old) == len(self.choices):  # e.g. a theme chosen: redraw only its line
            for index, (before, after) in enumerate(zip(old, self.choices, strict=True)):
                if before != after:
                    self.refresh_row(index)
        else:
            self.lay_out()

    # -- the LineList contract -----------------------------------------------------------
    def row_count(self) -> int:
        return len(self.choices)

    def layout_key(self) -> object:
        return len(self.choices)

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


class TrackList(ChoiceList):
    """'All tracks' then the programme's tracks, one of them chosen."""

    def make_choices(self, view: ScheduleView, display: Display) -> list[Choice]:
        return track_choices(view, display)


class ThemeList(ChoiceList):
    """Themes with the number of sessions each would show for the current day and
    track; several may be chosen (a session matches if it has any of them)."""

    MARKERS = ("■ ", "□ ")

    def make_choices(self, view: ScheduleView, display: Display) -> list[Choice]:
        return theme_choices(view, display)
