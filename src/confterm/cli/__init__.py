"""The ``confterm`` command: a thin layer over the core, a module per command.

Exit codes: 0 success, 2 bad input or usage, 1 an unexpected error. Heavy
modules (pydantic, rich, textual) are imported inside the commands that use
them, so ``confterm --help`` and the TUI start without paying for the others.
"""

from __future__ import annotations

from confterm.cli.main import main

__all__ = ["main"]
