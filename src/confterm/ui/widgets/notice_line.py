"""The line under the title: what the user should know about the programme
shown (offline, a guessed time zone, the programme's own notice) and, on
narrow terminals, what confterm says for a few seconds instead of a toast.
Bound from the browser screen; hidden when it has nothing to say."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from confterm.i18n import _
from confterm.model.programme import Programme
from confterm.model.text import TEXT_LIMIT, clip, one_line_shown
from confterm.ui.render import Display


class NoticeLine(Widget):
    DEFAULT_CSS = """
    NoticeLine {
        width: 1fr;
        height: 1;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    programme: reactive[Programme | None] = reactive(None)
    display_options: reactive[Display] = reactive(Display())
    #: "offline — cached at …" for a remote programme that could not be refreshed.
    offline_note: reactive[str | None] = reactive(None)
    #: What is said for a while (text, severity), if anything (see ``say``).
    said: reactive[tuple[str, str] | None] = reactive(None)

    def __init__(self, programme: Programme, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(NoticeLine.programme, programme)
        self._said_timer: Timer | None = None

    def on_mount(self) -> None:
        self._shown_if_any()

    def say(self, text: str, severity: str, seconds: float) -> None:
        """*text* here for *seconds*, before the rest."""
        self.said = (text, severity)
        if self._said_timer is not None:
            self._said_timer.stop()
        self._said_timer = self.set_timer(seconds, self._unsay)

    def _unsay(self) -> None:
        self.said, self._said_timer = None, None

    def _parts(self) -> list[tuple[str, str]]:
        programme = self.programme
        parts: list[tuple[str, str]] = []
        if self.said is not None:
            text, severity = self.said
            style = "$warning bold" if severity == "warning" else "$accent bold"
            parts.append((f"» {one_line_shown(text)} ", style))
        if self.offline_note:
            parts.append((f"⚠ {self.offline_note} (r reloads) ", "$error bold"))
        if programme is not None and programme.timezone_note:
            parts.append(("⚠ " + _("Time zone guessed (Z sets it): {how} ").format(
                how=programme.timezone_note), "$warning bold"))
        if programme is not None and programme.notice is not None:
            parts.append((f"⚠ {clip(programme.notice.get(self.display_options.lang), TEXT_LIMIT)}",
                          "$warning"))
        return parts

    def _shown_if_any(self) -> None:
        self.display = bool(self._parts())

    watch_programme = watch_display_options = watch_offline_note = watch_said = _shown_if_any

    def render(self) -> Content:
        return Content.assemble(*self._parts())
