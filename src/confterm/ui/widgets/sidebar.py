"""The sidebar: track chooser and theme multi-select with live counts.

Both are lists drawn line by line. Moving the cursor is the list's own
business; what is chosen belongs to the screen. ``enter``, ``space`` or a click
report ``Picked`` with the choice's id, and the list shows the choice when the
screen's view comes back through its binding, in the same frame as the
sessions it selects.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from confterm.model.text import clip
from confterm.model.view import ScheduleView
from confterm.ui.render import Display
from confterm.ui.widgets.hover import Hovering
from confterm.ui.widgets.lines import line_strip
from confterm.ui.widgets.list_keys import MOVEMENT_BINDINGS

ALL_TRACKS = "all-tracks"


class Choice(NamedTuple):
    id: str
    label: Content
    chosen: bool


class ChoiceList(Hovering[int], ScrollView, can_focus=True, inherit_bindings=False):
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
    cursor: var[int] = var(0)

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

    # -- what is listed --------------------------------------------------------------
    def make_choices(self, view: ScheduleView, display: Display) -> list[Choice]:
        raise NotImplementedError

    def watch_view(self, view: ScheduleView | None) -> None:
        self._rebuild()

    def watch_display_options(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """Again only when the day, tracks, themes or language change (not the search)."""
        view = self.view
        key = (view.browsing_key(), self.display_options) if view is not None else None
        if view is None or key == self._built_for:
            return
        self._built_for = key
        old, self.choices = self.choices, self.make_choices(view, self.display_options)
        self.cursor = min(self.cursor, max(len(self.choices) - 1, 0))
        if len(old) == len(self.choices):  # e.g. a theme chosen: redraw only its line
            for index, (before, after) in enumerate(zip(old, self.choices, strict=True)):
                if before != after:
                    self._refresh_line(index)
        else:
            self.virtual_size = Size(self.scrollable_content_region.width, len(self.choices))
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.choices)

    # -- cursor, keys and mouse ----------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_line(old)
        self._refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)

    def _refresh_line(self, index: int | None) -> None:
        if index is not None:
            self.refresh(Region(0, index - self.scroll_offset.y, self.size.width, 1))

    def action_cursor(self, step: int) -> None:
        if self.choices:
            self.cursor = min(max(self.cursor + step, 0), len(self.choices) - 1)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(self.size.height - 1, 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(len(self.choices) - 1, 0)

    def action_pick(self) -> None:
        if 0 <= self.cursor < len(self.choices):
            self.post_message(self.Picked(self, self.choices[self.cursor].id))

    def _index_at(self, y: int) -> int | None:
        index = y + self.scroll_offset.y
        return index if 0 <= index < len(self.choices) else None

    def on_click(self, event: events.Click) -> None:
        index = self._index_at(event.y)
        if index is not None:
            self.cursor = index
            self.action_pick()

    def item_at(self, x: int, y: int) -> int | None:
        return self._index_at(y)

    def hover_changed(self, old: int | None, new: int | None) -> None:
        self._refresh_line(old)
        self._refresh_line(new)

    # -- drawing --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self._index_at(y)
        base = self.get_visual_style()
        if index is None:
            return Strip.blank(width, base.rich_style)
        choice = self.choices[index]
        state = ("choice-list--cursor" if index == self.cursor else
                 "choice-list--hover" if index == self.hover else None)
        style = self.get_visual_style(state) if state else base
        marker = Content.styled(self.MARKERS[0 if choice.chosen else 1],
                                self.get_visual_style("choice-list--marker"))
        label = choice.label.stylize("bold") if choice.chosen else choice.label
        return line_strip(Content.assemble(marker, label), width, style)


class TrackList(ChoiceList):
    """'All tracks' then the programme's tracks, one of them chosen."""

    def make_choices(self, view: ScheduleView, display: Display) -> list[Choice]:
        lang, chosen = display.lang, view.tracks
        return [Choice(ALL_TRACKS, Content("All tracks"), not chosen)] + [
            Choice(t.id, Content(clip(t.name.get(lang))), t.id in chosen)
            for t in view.programme.tracks]


class ThemeList(ChoiceList):
    """Themes with the number of sessions each would show for the current day and
    track; several may be chosen (a session matches if it has any of them)."""

    MARKERS = ("■ ", "□ ")

    def make_choices(self, view: ScheduleView, display: Display) -> list[Choice]:
        counts, lang = view.theme_counts(), display.lang
        themes = sorted(view.programme.themes, key=lambda t: clip(t.label.get(lang)).casefold())
        return [Choice(t.id, Content.assemble(
            (f"{counts.get(t.id, 0):>2} ", "dim"),
            (clip(t.label.get(lang)), "" if counts.get(t.id) else "dim")), t.id in view.themes)
            for t in themes]
