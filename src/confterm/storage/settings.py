"""User settings and remembered browsing state, in ``settings.json``.

A settings file that cannot be read is moved aside (never overwritten) and the
defaults are used; the caller is told where the old file went.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from confterm.storage.atomic import atomic_write_text, move_aside
from confterm.storage.paths import config_dir

SETTINGS_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class BrowseState(_Frozen):
    """Where the user was in one programme."""

    day: dt.date | None = None
    tracks: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


class Settings(_Frozen):
    version: int = SETTINGS_VERSION
    language: str = "en"
    ui_theme: str = "textual-dark"
    local_time: bool = Field(default=False, description="Show times in the local zone.")
    keys: dict[str, str] = Field(
        default_factory=dict, description="Binding id -> key(s), e.g. {'search': 'ctrl+f'}.")
    reminder_minutes: int = Field(default=10, ge=0, le=24 * 60)
    bell: bool = True
    programmes: dict[str, BrowseState] = Field(default_factory=dict)

    def state_for(self, programme_id: str) -> BrowseState:
        return self.programmes.get(programme_id, BrowseState())

    def with_state(self, programme_id: str, state: BrowseState) -> Settings:
        return self.model_copy(update={"programmes": {**self.programmes, programme_id: state}})


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
        return LoadedSettings(Settings.model_validate_json(raw))
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        reason = f"{where}: {first['msg']}"
    try:
        kept = move_aside(path)
    except OSError:
        return LoadedSettings(Settings(), f"Settings file {path} is broken ({reason}); "
                                         "using defaults.")
    return LoadedSettings(Settings(), f"Settings file was broken ({reason}); "
                                     f"it was kept as {kept} and defaults are used.")


def save_settings(settings: Settings, path: Path | None = None) -> None:
    atomic_write_text(path or settings_path(), settings.model_dump_json(indent=2) + "\n")
