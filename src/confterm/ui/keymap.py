"""The user's key remapping (``keys`` in the settings), checked before it is used.

Textual applies a keymap silently: a misspelt binding id changes nothing, and a
key given to another command can take over ``ctrl+q``, the key that always
quits. Both are reported at start, naming what is wrong.
"""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding

#: Always quits (Textual's own binding); no remapping may take it.
QUIT_KEY = "ctrl+q"


def binding_ids() -> set[str]:
    """Every binding id the interface declares (the README lists them too)."""
    import confterm.ui

    ids: set[str] = set()
    for module in pkgutil.walk_packages(confterm.ui.__path__, "confterm.ui."):
        for value in vars(importlib.import_module(module.name)).values():
            for binding in getattr(value, "BINDINGS", None) or []:
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids


def keymap_problems(keymap: dict[str, str], known: set[str]) -> list[str]:
    """What is wrong with *keymap*, in words; empty when it is fine."""
    problems = []
    unknown = sorted(set(keymap) - known)
    if unknown:
        problems.append("unknown binding ids (see the README for the list): "
                        + ", ".join(repr(i) for i in unknown))
    taking_quit = sorted(i for i, keys in keymap.items()
                         if QUIT_KEY in (k.strip() for k in keys.split(",")))
    if taking_quit:
        problems.append(f"{QUIT_KEY} always quits; it was not given to "
                        + ", ".join(repr(i) for i in taking_quit))
    if "quit" in keymap and not keymap["quit"].strip():
        problems.append("'quit' has no key (ctrl+q still quits)")
    return problems
