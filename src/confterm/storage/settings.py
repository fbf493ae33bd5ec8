"""User settings and remembered browsing state, in ``settings.json``.

Read by hand rather than with pydantic: it is read at every start, before the
first frame. A settings file that cannot be used is moved aside (never
overwritten) and the defaults are used; the caller is told where it went.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from confterm.model.facets import FACETS
from confterm.storage.atomic import atomic_write_text, move_aside
from confterm.storage.paths import config_dir

SETTINGS_VERSION = 1


class SettingsError(ValueError):
    """A settings file whose content is not usable."""


@dataclass(frozen=True)
class BrowseState:
    """Where the user was in one programme."""

    day: dt.date | None = None
    #: The filters chosen: facet id ("room") to values (see ``model.facets``).
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Sessions that are over left out.
    hide_finished: bool = False
    #: The timetable grid rather than the list.
    grid: bool = False
    #: Rooms left out of the grid, and rooms moved to its first columns (in order).
    hidden_rooms: tuple[str, ...] = ()
    room_order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    version: int = SETTINGS_VERSION
    language: str = ""
    """The programme's (and interface's) language; empty: not chosen yet, so the
    environment's (LANG) where the programme has it."""
    ui_theme: str = "textual-dark"
    local_time: bool = False
    """Show times in the system's time zone rather than the conference's."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s), e.g. {"search": "ctrl+f"}."""
    reminder_minutes: int = 10
    bell: bool = True
    download_seconds: int = 30
    refresh_minutes: float = 15
    """How often a programme is checked for a new version while the browser is
    open (a URL with a conditional request, a file by its modification time);
    0: never."""
    """The longest a download may take, all of it, before the cached copy is used."""
    programmes: dict[str, BrowseState] = field(default_factory=dict)

    def state_for(self, programme_id: str) -> BrowseState:
        return self.programmes.get(programme_id, BrowseState())

    def with_state(self, programme_id: str, state: BrowseState) -> Settings:
        return replace(self, programmes={**self.programmes, programme_id: state})

    def to_json(self) -> str:
        data = asdict(self)
        for state in data["programmes"].values():
            state["day"] = state["day"].isoformat() if state["day"] else None
            # Each facet under its own key, as the first settings files had them.
            filters = state.pop("filters")
            state.update({facet.stored: list(filters.get(facet.id, ())) for facet in FACETS})
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, raw: bytes) -> Settings:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError) as error:
            raise SettingsError(f"not valid JSON ({error})") from None
        if not isinstance(data, dict):
            raise SettingsError("the file must hold a JSON object")
        defaults = cls()
        values: dict[str, Any] = {}
        for name in ("version", "language", "ui_theme", "local_time", "reminder_minutes",
                     "bell", "download_seconds"):
            if name in data:
                values[name] = _typed(data[name], type(getattr(defaults, name)), name)
        if "keys" in data:
            keys = _typed(data["keys"], dict, "keys")
            values["keys"] = {str(k): _typed(v, str, f"keys.{k}") for k, v in keys.items()}
        if "programmes" in data:
            states = _typed(data["programmes"], dict, "programmes")
            values["programmes"] = {str(k): _state(v, f"programmes.{k}")
                                    for k, v in states.items()}
        if "refresh_minutes" in data:
            minutes = data["refresh_minutes"]
            if isinstance(minutes, bool) or not isinstance(minutes, int | float) or not (
                    0 <= minutes <= 24 * 60):
                raise SettingsError("refresh_minutes: must be a number from 0 to 1440")
            values["refresh_minutes"] = float(minutes)
        if not 0 <= values.get("reminder_minutes", 0) <= 24 * 60:
            raise SettingsError("reminder_minutes: must be between 0 and 1440")
        if not 1 <= values.get("download_seconds", 30) <= 600:
            raise SettingsError("download_seconds: must be between 1 and 600")
        return replace(defaults, **values)


def _typed(value: Any, kind: type, where: str) -> Any:
    # bool is an int in Python; a settings file should not mix them up.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SettingsError(f"{where}: expected {kind.__name__}, got {json.dumps(value)}")
    return value


def _state(value: Any, where: str) -> BrowseState:
    value = _typed(value, dict, where)
    day = value.get("day")
    if day is not None:
        try:
            day = dt.date.fromisoformat(_typed(day, str, f"{where}.day"))
        except ValueError:
            raise SettingsError(f"{where}.day: not a date: {day!r}") from None
    def strings(name: str) -> tuple[str, ...]:
        return tuple(_typed(item, str, f"{where}.{name}")
                     for item in _typed(value.get(name, []), list, f"{where}.{name}"))

    grid, hide_finished = (_typed(value.get(name, False), bool, f"{where}.{name}")
                           for name in ("grid", "hide_finished"))
    filters = {facet.id: strings(facet.stored) for facet in FACETS}
    return BrowseState(day=day, grid=grid, hide_finished=hide_finished,
                       filters={facet: values for facet, values in filters.items() if values},
                       hidden_rooms=strings("hidden_rooms"), room_order=strings("room_order"))


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    problem: str | None = None  # what went wrong reading the file, for the user


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> LoadedSettings:
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as error:
        return LoadedSettings(Settings(), f"Settings not read ({error.strerror}); "
                                         "using defaults.")
    try:
        return LoadedSettings(Settings.from_json(raw))
    except SettingsError as error:
        reason = str(error)
    try:
        kept = move_aside(path)
    except OSError:
        return LoadedSettings(Settings(), f"Settings file {path} is broken ({reason}); "
                                         "using defaults.")
    return LoadedSettings(Settings(), f"Settings file was broken ({reason}); "
                                     f"it was kept as {kept} and defaults are used.")


def save_settings(settings: Settings, path: Path | None = None) -> None:
    atomic_write_text(path or settings_path(), settings.to_json())
