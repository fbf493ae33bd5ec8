"""Text helpers shared by every consumer of programme data.

Programme text is untrusted. :func:`neutralise` turns every character that a
terminal could interpret (C0/C1 controls, DEL, bidi overrides) into a visible,
inert stand-in, so nothing from a programme file can move the cursor, set a
hyperlink, write the clipboard or reorder text on screen. :func:`fold` is the
search normalisation: case- and accent-insensitive.
"""

from __future__ import annotations

import re
import unicodedata
from typing import overload

# C0 except tab and newline, DEL, and C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# Explicit bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: "␛" for ESC, "␀" for NUL...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def neutralise(text: str) -> str:
    """Return *text* with terminal-active characters replaced by visible ones."""
    if text.isprintable():  # fast path: the vast majority of strings
        return text
    # Line and paragraph separators are what they say (a terminal would not show them).
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace(
        "\u2029", "\n\n")
    text = _CONTROLS.sub(_control_picture, text)
    return _BIDI.sub("\ufffd", text)


#: Characters of a name or title that are drawn (a row is one line; details wrap it).
LINE_LIMIT = 300
#: Characters of a description or notes that are drawn in the details.
TEXT_LIMIT = 20_000


@overload
def clip(text: str, limit: int = LINE_LIMIT) -> str: ...
@overload
def clip(text: None, limit: int = LINE_LIMIT) -> None: ...
def clip(text: str | None, limit: int = LINE_LIMIT) -> str | None:
    """*text* cut to *limit* characters, ending in "…" when it was longer.

    What is drawn is bounded whatever a programme holds (a 10 MB title would take
    minutes to wrap); search, JSON output and calendar export keep the full text."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def shown(value: object) -> str:
    """A file name, URL or any other outside value, ready to print: neutralised."""
    return neutralise(str(value))


def fold(text: str) -> str:
    """Normalise *text* for searching: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())
