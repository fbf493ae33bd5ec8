"""Markdown of the usual kind, made plain text without rendering it to HTML.

Most descriptions in pretalx and c3voc exports use a little Markdown:
paragraphs, headings, tight bullet and numbered lists, ``**strong**`` and
``*emphasis*``, ``code``, and links to web pages. ``plain_markdown`` turns
exactly those into the text the full path (markdown-it, then inscriptis on
its HTML) makes of them, some ten times faster, and says ``None`` for
anything else (a quote, a table of pipes, nested lists, an image, an escape,
a word_with_underscores…), which then takes the full path. A test holds the
two to the same text on generated descriptions of every kind.
"""

from __future__ import annotations

import re
from operator import itemgetter

_HEADING = re.compile(r"#{1,6} +([^#\s][^#]*?)\s*$")
_BULLET = re.compile(r"([-*+]) {1,4}(\S.*)$")
_NUMBERED = re.compile(r"(\d{1,2})\. {1,4}(\S.*)$")
# Any other line that starts like a block of Markdown (a quote, code, a heading
# or list of another shape, a rule or an underline, raw HTML) is left to the
# full path, as is a paragraph line indented like one of them.
_OTHER_BLOCK = re.compile(
    r"\s*(?:[#>`~<|]|[-*+_=](?:\s|$)|[-*_=\s]+$|\d+[.)])|    |\t")
# A link to a web page; its text plain, its address ASCII that needs no encoding.
# No pattern below spans a line: all the text's pieces are read at once, a line each.
_LINK = re.compile(r"\[([^\[\]*_`\\<>!\n]+)\]\((https?://[A-Za-z0-9\-._~:/?#@!$&+,;=%]+)\)")
_CODE = re.compile(r"`([^`\s*_\[\]\\<>](?:[^`*_\[\]\\<>\n]*[^`\s*_\[\]\\<>])?)`")
# The marker first, what stands before it looked at after: a pattern that starts
# with a look-behind is tried at every character, twice as slow.
_STRONG = re.compile(r"(\*\*|__)(?<![\w*_\\]..)(?=[^\s*_])([^*_\n]*?[^\s*_])\1(?![\w*_])")
_EMPHASIS = re.compile(r"([*_])(?<![\w*_\\].)(?=[^\s*_])([^*_\n]*?[^\s*_])\1(?![\w*_])")
# What is left after those means something else to Markdown (or might).
_UNSURE = re.compile(r"[*_`\[\]\\<]|&#?\w+;")
_ODD_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_PLACED_LINK = re.compile("\x00(\\d+)\x00")
_FIRST, _SECOND = itemgetter(1), itemgetter(2)  # a match's group, without a Python call


class _Unsure(Exception):
    pass


def _inline(pieces: list[str]) -> list[str] | None:
    """Each piece of inline Markdown (a paragraph, a heading, an item) as text,
    links left as ``\\x00N\\x00`` for ``_place_links``; None when unsure. All
    pieces are read at once: none holds a line break, no pattern spans one."""
    text = "\n".join(pieces)
    if "![" in text:
        return None  # an image
    links: list[str] = []

    def link(match: re.Match[str]) -> str:
        words, url = " ".join(match.group(1).split()), match.group(2)
        links.append(url if words in ("", url) else f"{words} ({url})")
        return f"\x00{len(links) - 1}\x00"

    # Each pattern only where its marker is (much text has none).
    if "](" in text:
        text = _LINK.sub(link, text)
    if "`" in text:
        text = _CODE.sub(_FIRST, text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(_SECOND, _STRONG.sub(_SECOND, text))
    if _UNSURE.search(text):
        return None
    # As inscriptis: any white space, no-break too.
    return [" ".join(piece.split()) for piece in text.split("\n")] + links


def plain_markdown(text: str) -> str | None:
    """*text* (Markdown) as plain text, or None when it uses more than the usual."""
    if "\x00" in text or _ODD_BREAKS.search(text):
        return None
    # First the blocks, as pieces of inline text by number: a paragraph or a
    # heading is its piece's number, a list its items' (prefix, number).
    pieces: list[str] = []
    blocks: list[int | list[tuple[str, int]]] = []
    last_was_list = False  # (two lists in a row read differently: left to the full path)
    paragraph: list[str] = []
    items: list[tuple[str, int]] = []
    marker = ""

    def close_paragraph() -> None:
        nonlocal last_was_list
        if paragraph:
            last_was_list = False
            if any(line.endswith("  ") or line.endswith("\\") for line in paragraph[:-1]):
                raise _Unsure  # a hard line break
            blocks.append(len(pieces))
            pieces.append(" ".join(line.strip() for line in paragraph))
            paragraph.clear()

    def close_list() -> None:
        nonlocal marker, last_was_list, items
        if items:
            if last_was_list:
                raise _Unsure
            last_was_list = True
            blocks.append(items)
            items = []
        marker = ""

    try:
        for line in text.split("\n"):
            if not line.strip():
                close_paragraph()
                close_list()
                continue
            first = line[0]  # (each pattern only where its first character can be)
            heading = _HEADING.match(line) if first == "#" else None
            bullet = _BULLET.match(line) if first in "-*+" else None
            number = _NUMBERED.match(line) if first.isdigit() else None
            if (not (heading or bullet or number) and not first.isalpha()
                    and _OTHER_BLOCK.match(line)):
                return None
            if heading:
                if items:
                    return None
                close_paragraph()
                blocks.append(len(pieces))
                pieces.append(heading.group(1))
                last_was_list = False
            elif bullet or number:
                kind = bullet.group(1) if bullet else "."
                if paragraph or (marker and kind != marker):
                    return None  # a list that interrupts, or a new kind of list
                if number and int(number.group(1)) != len(items) + 1:
                    return None  # numbered as Markdown would not number it
                marker = kind
                items.append(("  * " if bullet else f"{len(items) + 1:>2}. ", len(pieces)))
                pieces.append((bullet or number).group(2))  # type: ignore[union-attr]
            else:
                if items:
                    return None  # a line that continues an item
                paragraph.append(line)
        close_paragraph()
        close_list()
    except _Unsure:
        return None
    # Then their text, all at once.
    read = _inline(pieces)
    if read is None:
        return None
    result = "\n\n".join(
        read[block] if isinstance(block, int)
        else "\n".join(prefix + read[at] for prefix, at in block) for block in blocks)
    if len(read) > len(pieces):
        links = read[len(pieces):]
        result = _PLACED_LINK.sub(lambda match: links[int(match.group(1))], result)
    return result
