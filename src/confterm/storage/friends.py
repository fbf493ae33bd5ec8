"""Friends' agendas: the picks of people you go with, one file each beside your
own bookmarks, with the same guarantees (atomic writes, merged under a lock,
unreadable files kept aside, picks whose session left the programme kept).

    DATA/friends/PROGRAMME/NAME.json   (a bookmarks file that names its owner)
"""

from __future__ import annotations

import json
from pathlib import Path

from confterm.model.agenda import Agenda
from confterm.model.text import fold, neutralise
from confterm.storage.bookmarks import BookmarkFileError, BookmarkStore, carry_over, decode
from confterm.storage.paths import data_dir, id_file_name, safe_file_name

#: The longest a friend's name may be.
NAME_LIMIT = 30


class FriendNameError(ValueError):
    """A name that cannot name a friend's agenda."""


def check_name(name: str) -> str:
    """*name* tidied (spaces), or ``FriendNameError`` saying what is wrong with it."""
    name = " ".join(name.split())
    if not name:
        raise FriendNameError("a friend's name cannot be empty")
    if len(name) > NAME_LIMIT:
        raise FriendNameError(f"a friend's name is at most {NAME_LIMIT} characters")
    if not all(c.isalnum() or c in " -_.'" for c in name):
        raise FriendNameError("a friend's name holds letters, digits, spaces and - _ . ' only")
    return name


def friends_dir(programme_id: str) -> Path:
    folder = data_dir() / "friends" / id_file_name(programme_id)
    carry_over(folder.with_name(safe_file_name(programme_id)), folder, programme_id)
    return folder


def friend_path(programme_id: str, name: str) -> Path:
    # The same name whatever its case or accents; a short hash keeps names that
    # only differ by characters a file name cannot hold apart.
    import hashlib

    key = fold(name)
    digest = hashlib.sha256(key.encode()).hexdigest()[:8]
    return friends_dir(programme_id) / f"{safe_file_name(key, fallback='friend')}-{digest}.json"


def open_friend(programme_id: str, name: str) -> tuple[BookmarkStore, str | None]:
    return BookmarkStore.open(programme_id, friend_path(programme_id, name), owner=name)


def friends(programme_id: str) -> dict[str, Agenda]:
    """Every friend's agenda for this programme, by name, sorted by name. A file
    that cannot be read is left where it is (and left out)."""
    found: dict[str, Agenda] = {}
    folder = friends_dir(programme_id)
    try:
        files = sorted(folder.glob("*.json"))
    except OSError:
        return found
    for path in files:
        try:
            raw = path.read_bytes()
            owner = json.loads(raw).get("owner")
            agenda = decode(raw)
        except (OSError, ValueError, AttributeError, BookmarkFileError):
            continue
        if isinstance(owner, str) and owner:
            found[neutralise(owner)[:NAME_LIMIT]] = agenda
    return dict(sorted(found.items(), key=lambda item: fold(item[0])))


def forget(programme_id: str, name: str) -> bool:
    """Remove a friend's agenda; False when there was none by that name."""
    path = friend_path(programme_id, name)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
