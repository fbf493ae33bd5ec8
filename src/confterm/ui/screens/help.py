"""The help screen: every key (as currently mapped) and what the data is."""

from __future__ import annotations

import textwrap

from textual.binding import Binding
from textual.content import Content

from confterm.i18n import N_, _
from confterm.model.programme import Programme
from confterm.model.text import TEXT_LIMIT, clip
from confterm.ui.render import Display
from confterm.ui.screens.text_dialog import TextDialog
from confterm.ui.widgets.footer import PRIORITY, footer_rank

#: Keys not bound by a screen, named as the interface names them (translated).
_ALWAYS = [(N_("enter"), N_("Show the highlighted session's details")),
           (N_("↑ ↓ pgup pgdn"), N_("Move through the list")),
           (N_("tab"), N_("Move between the list, the sidebar and the details")),
           ("ctrl+u ctrl+w", N_("In the search line: clear the words, or the last word; "
                                "enter goes to the results")),
           ("room:", N_("Search words that choose filters: room: track: theme: lang: kind: "
                        "recorded: by: (a person) day: (its number or date), by the start "
                        "of a name, e.g. room:\"Saal 1\" by:dupont day:2")),
           (N_("mouse"), N_("Click a session to highlight it, double-click it for its details; "
                        "click a day, a track or theme, a ★ or a key in the footer")),
           ("ctrl+q", N_("Quit"))]


class HelpScreen(TextDialog):
    DIALOG_ID = "help-dialog"
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", N_("Close"), id="close-help")]

    def __init__(self, programme: Programme, display: Display,
                 bindings: list[Binding]) -> None:
        super().__init__()
        self.programme = programme
        self.display_options = display
        self.keys = bindings

    def _content(self) -> Content:
        lang = self.display_options.lang
        by_action: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        # In the footer's order: the keys it shows first come first here too.
        rank = {binding_id: index for index, binding_id in enumerate(PRIORITY)}
        ordered = sorted(self.keys, key=lambda b: rank.get(footer_rank(b.id), len(PRIORITY)))
        for binding in ordered:
            if not binding.description or binding.action.startswith("go_day"):
                continue
            keys = by_action.setdefault(binding.action, [])
            for key in binding.key.split(","):
                shown = self.app.get_key_display(Binding(key.strip(), ""))
                if shown not in keys:
                    keys.append(shown)
            # What a key does is declared once, with its binding (its tooltip).
            descriptions[binding.action] = _(binding.tooltip or binding.description)
        rows: list[tuple[str, str]] = [("1 … 9", _("Go to day N"))]
        rows += [(" ".join(keys), descriptions[action]) for action, keys in by_action.items()]
        rows += [(_(keys), _(meaning)) for keys, meaning in _ALWAYS]
        width = min(max(len(k) for k, _ in rows), 12) + 2
        text_width = max(self.content_width - width, 20)
        parts: list[str | tuple[str, str]] = [(_("Keys"), "bold underline"), "\n"]
        for shown_keys, meaning in rows:
            lines = textwrap.wrap(meaning, text_width) or [""]
            first = shown_keys.ljust(width)
            if len(shown_keys) >= width:  # longer than the column: on a line of its own
                parts += [(shown_keys, "$accent bold"), "\n"]
                first = " " * width
            parts += [(first, "$accent bold"), lines[0], "\n"]
            parts += [part for line in lines[1:] for part in (" " * width, line, "\n")]
        full = self.content_width
        remap = textwrap.fill(_("Keys can be remapped in the settings file: see the README."),
                              full)
        parts += ["\n", remap, "\n", "\n", (_("About this programme"), "bold underline"),
                  "\n",
                  (textwrap.fill(clip(self.programme.name.get(lang)), full), "bold"), "\n"]
        for about in (self.programme.theme, self.programme.summary, self.programme.notice):
            if about is not None:
                for paragraph in clip(about.get(lang), TEXT_LIMIT).split("\n"):
                    parts += [textwrap.fill(paragraph, full, break_on_hyphens=False), "\n"]
        for source in self.programme.sources:
            label = _("Source:")
            lines = textwrap.wrap(f"{label} {clip(source.title.get(lang))}", full,
                                  subsequent_indent=" " * (len(label) + 1)) or [""]
            parts += [(label, "dim"), lines[0][len(label):], "\n"]
            parts += [part for line in lines[1:] for part in (line, "\n")]
        return Content.assemble(*parts)
