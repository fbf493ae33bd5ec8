"""Package build: compile the interface's translations (.po, kept in git) to the
.mo files gettext reads, and put them in the wheel."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sys.path.insert(0, str(root / "tools"))
        from translations import compile_all

        package = root / "src" / "confterm"
        for mo in compile_all(package / "locale"):
            build_data["force_include"][str(mo)] = f"confterm/{mo.relative_to(package)}"
