"""The user's key remapping (``keys`` in the settings), checked before it is used.

Textual applies a keymap silently: a misspelt binding id changes nothing, and a
key given to another command can take over ``ctrl+q``, the key that always
quits. Both are reported at start, naming what is wrong.
"""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding

from confterm.i18n import _
from confterm.model.text import neutralise

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
        problems.append(_("unknown binding ids (see the README for the list): {ids}").format(
            ids=", ".join(repr(neutralise(i)) for i in unknown)))
    taking_quit = sorted(i for i, keys in keymap.items()
                         if QUIT_KEY in (k.strip() for k in keys.split(",")))
    if taking_quit:
        problems.append(_("{key} always quits; it was not given to {ids}").format(
            key=QUIT_KEY, ids=", ".join(repr(neutralise(i)) for i in taking_quit)))
    if "quit" in keymap and not keymap["quit"].strip():
        problems.append(_("'quit' has no key (ctrl+q still quits)"))
    unreadable = sorted(i for i, keys in keymap.items() if not is_key_text(keys))
    if unreadable:
        problems.append(_("key names hold only letters, digits, '+', ',' and '_'; not applied: "
                          "{ids}").format(ids=", ".join(repr(neutralise(i)) for i in unreadable)))
    return problems


def is_key_text(keys: str) -> bool:
    """Whether *keys* can name keys ("ctrl+f", "f3,slash"): nothing else is drawn
    in the footer and help from the settings file."""
    return bool(keys) and keys.isascii() and all(
        c.isalnum() or c in "+,_- " for c in keys)


def usable_keymap(keymap: dict[str, str]) -> dict[str, str]:
    """What of *keymap* is applied: key names only, and none takes ctrl+q."""
    return {binding_id: keys for binding_id, keys in keymap.items()
            if is_key_text(keys) and QUIT_KEY not in (k.strip() for k in keys.split(","))}
