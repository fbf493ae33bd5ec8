"""Text helpers shared by every consumer of programme data.

Programme text is untrusted. :func:`neutralise` turns every character that a
terminal could interpret (C0/C1 controls, DEL, bidi overrides) into a visible,
inert stand-in and drops characters that draw nothing (zero-width, tags), so
nothing from a programme file can move the cursor, set a hyperlink, write the
clipboard, reorder text on screen or hide text in a name. :func:`fold` is the
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
# Characters that draw nothing: soft hyphen, the combining grapheme joiner, the
# Arabic letter mark, Hangul fillers, Khmer inherent vowels, Mongolian selectors,
# zero-width spaces, joiners and marks (U+200B-U+200F), word joiners and invisible
# operators (U+2060-U+2064), deprecated format characters, the byte order mark and
# tag characters (U+E0000-U+E007F). They would make two names look alike that are
# not, or carry text no one sees.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\U000e0000-\U000e007f]")
_ZWJ = "\u200d"
# Any character ``neutralise`` changes: text with none (line breaks alone, say) is kept.
_ACTIVE = re.compile(
    f"[{_CONTROLS.pattern[1:-1]}{_BIDI.pattern[1:-1]}{_INVISIBLE.pattern[1:-1]}\u2028\u2029]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: "␛" for ESC, "␀" for NUL...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def inert(text: str) -> bool:
    """Whether ``neutralise`` leaves *text* as it is (most text: checked fast)."""
    return (text.isascii() and text.isprintable()) or _ACTIVE.search(text) is None


def neutralise(text: str) -> str:
    """Return *text* with terminal-active characters replaced by visible ones."""
    if inert(text):
        return text
    # Line and paragraph separators are what they say (a terminal would not show them).
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace(
        "\u2029", "\n\n")
    text = _CONTROLS.sub(_control_picture, text)
    return _BIDI.sub("\ufffd", _without_invisible(text))


def _without_invisible(text: str) -> str:
    def drop(match: re.Match[str]) -> str:
        # A zero-width joiner between two pictographs joins an emoji (👩‍💻): kept.
        at = match.start()
        if (match.group() == _ZWJ and 0 < at < len(text) - 1
                and unicodedata.category(text[at - 1]) == "So"
                and unicodedata.category(text[at + 1]) == "So"):
            return _ZWJ
        return ""
    return _INVISIBLE.sub(drop, text)


def invisible_escaped(address: str) -> str:
    """*address* (a URL) with every invisible or bidi character percent-encoded:
    still the same address to a browser, and the reader sees what it holds."""
    def encoded(match: re.Match[str]) -> str:
        return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))
    return _BIDI.sub(encoded, _INVISIBLE.sub(encoded, address))


#: Characters of a name or title that are drawn (a row is one line; details wrap it).
LINE_LIMIT = 300
#: Characters of a description or notes that are drawn in the details.
TEXT_LIMIT = 20_000


@overload
def clip(text: str, limit: int = LINE_LIMIT) -> str: ...
@overload
def clip(text: None, limit: int = LINE_LIMIT) -> None: ...
def clip(text: str | None, limit: int = LINE_LIMIT) -> str | None:
    """*text* cut to *limit* characters as a reader counts them (a letter with its
    accents is one), ending in "…" when it was longer.

    What is drawn is bounded whatever a programme holds (a 10 MB title would take
    minutes to wrap); search, JSON output and calendar export keep the full text.
    A letter piled with marks counts as one, so it cannot push the rest of a
    title out of sight; the marks read are bounded too (eight per character)."""
    if text is None or len(text) <= limit:
        return text
    letters = 0
    for at, char in enumerate(text[: limit * 8]):
        if not _extends(char):
            letters += 1
            if letters == limit:
                return text[:at] + "…"
    return text[: limit * 8] + "…" if len(text) > limit * 8 else text


def _extends(char: str) -> bool:
    """Whether *char* belongs to the character before it (a mark, a joiner)."""
    return unicodedata.category(char) in ("Mn", "Me", "Mc") or char in "\u200d\ufe0f"


def one_line_shown(text: str) -> str:
    """*text* neutralised, on one line (line breaks become spaces)."""
    text = neutralise(text)
    return " ".join(text.split("\n")) if "\n" in text else text


def shown(value: object) -> str:
    """A file name, URL or any other outside value, ready to print: neutralised."""
    return neutralise(str(value))


#: Letters that neither decomposition nor casefold bring to their plain form:
#: dotless ı (Diyarbakır), ø (København), ł (Łódź), đ (Đà Nẵng), ħ, æ, œ, þ.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h",
                                "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text: str) -> str:
    """Normalise *text* for searching: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().translate(_PLAIN_LETTERS).split())
