"""The sidebar: track chooser and theme multi-select with live counts."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from confterm.model.view import ScheduleView
from confterm.ui.render import Display

ALL_TRACKS = "all-tracks"


class _FollowsView:
    """Rebuilds when the day, tracks or themes change (not the search) or the
    language does; subclasses implement ``_rebuild``."""

    _built_for: tuple[object, ...] | None = None

    def watch_view(self, view: ScheduleView | None) -> None:
        key = view.browsing_key() if view is not None else None
        if key != self._built_for:
            self._built_for = key
            self._rebuild()

    def watch_display_options(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        raise NotImplementedError


class TrackList(_FollowsView, OptionList):
    """'All tracks' then the programme's tracks; choosing one posts ``TrackChosen``."""

    view: reactive[ScheduleView | None] = reactive(None, always_update=True)
    display_options: reactive[Display] = reactive(Display())

    class TrackChosen(Message):
        def __init__(self, track_id: str | None) -> None:
            super().__init__()
            self.track_id = track_id  # None: every track

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def _rebuild(self) -> None:
        if self.view is None:
            return
        lang, chosen = self.display_options.lang, self.view.tracks
        options = [Option(self._label("All tracks", not chosen), id=ALL_TRACKS)]
        options += [Option(self._label(t.name.get(lang), t.id in chosen), id=t.id)
                    for t in self.view.programme.tracks]
        keep = self.highlighted
        self.set_options(options)
        self.highlighted = keep if keep is not None else 0

    @staticmethod
    def _label(text: str, chosen: bool) -> Content:
        return Content.assemble(("● " if chosen else "○ ", "$accent"),
                                (text, "bold" if chosen else ""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self.post_message(self.TrackChosen(None if chosen == ALL_TRACKS else chosen))


class ThemeList(_FollowsView, SelectionList[str]):
    """Themes with the number of sessions each would show for the current day and
    track; several may be chosen (a session matches if it has any of them)."""

    view: reactive[ScheduleView | None] = reactive(None, always_update=True)
    display_options: reactive[Display] = reactive(Display())

    class ThemesChosen(Message):
        def __init__(self, theme_ids: frozenset[str]) -> None:
            super().__init__()
            self.theme_ids = theme_ids

    def _rebuild(self) -> None:
        view = self.view
        if view is None:
            return
        counts = view.theme_counts()
        lang = self.display_options.lang
        themes = sorted(view.programme.themes, key=lambda t: t.label.get(lang).casefold())
        keep = self.highlighted
        with self.prevent(SelectionList.SelectedChanged):
            self.clear_options()
            self.add_options([
                Selection(Content.assemble(
                    (f"{counts.get(t.id, 0):>2} ", "dim"),
                    (t.label.get(lang), "" if counts.get(t.id) else "dim")),
                    t.id, t.id in view.themes)
                for t in themes])
        self.highlighted = keep if keep is not None else 0

    def on_selection_list_selected_changed(
            self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        chosen = frozenset(self.selected)
        if self.view is not None and chosen != self.view.themes:
            self.post_message(self.ThemesChosen(chosen))
