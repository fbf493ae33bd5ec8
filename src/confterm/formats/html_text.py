"""HTML of the usual kind, made plain text without an HTML parser.

Pentabarf and frab descriptions use a little HTML: paragraphs, headings,
bullet and numbered lists, ``<br>``, ``<b>``/``<i>``/``<code>``/``<span>``,
links to web pages and a few entities. ``plain_html`` turns exactly those into
the text inscriptis makes of them, some ten times faster, and says ``None``
for anything else (a ``<div>``, a table, a nested list, a comment, a script,
text beside a list, an entity it does not know…), which then takes the full
path. A test holds the two to the same text on generated descriptions of
every kind.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*?)?(/?)>")
# A tag's attributes as they must read (else a ">" in a quoted value was taken
# for the tag's end).
_ATTRIBUTES = re.compile(
    r"(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*")
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(?:https?://|mailto:)[A-Za-z0-9\-._~:/?#@!$+,;=%]+")
_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,6})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0"}
_INLINE = frozenset({"b", "strong", "i", "em", "u", "code", "span"})
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
# Anything else the full path may read differently: controls, and white space
# other than HTML's and the no-break space (what str.split takes for space).
_UNSURE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


class _Unsure(Exception):
    pass


def _decoded(text: str) -> str:
    def entity(match: re.Match[str]) -> str:
        name, decimal, hexadecimal = match.groups()
        if name:
            return _NAMED[name]
        code = int(decimal) if decimal else int(hexadecimal, 16)
        if not 0x20 <= code < 0xD800 or not chr(code).isprintable():
            raise _Unsure
        return chr(code)

    if "<" in text:
        raise _Unsure  # a tag it does not read (a comment, a script…)
    if "&" not in text:
        return text
    if "&" in _ENTITY.sub("", text):
        raise _Unsure  # an "&" that starts no entity it knows
    return _ENTITY.sub(entity, text)


def _words(text: str) -> str:
    """White space collapsed, as inscriptis does (only the kinds ``_UNSURE`` lets by)."""
    return " ".join(text.split())


def _link(address: str, words: str) -> str:
    """A link as text: its words and, unless they are the address, the address."""
    if words != words.strip(" \t\n\r\f\u00a0") or "[" in words or "]" in words:
        raise _Unsure  # the full path keeps spaces at its ends, reads brackets oddly
    words = _words(words)
    return address if words in ("", address) else f"{words} ({address})"


class _Reader:
    """Reads the tags and text in order: blocks of lines, lists of items."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.inline: list[str] = []  # the text of the block being read, NUL for <br>
        self.block: str | None = None  # "p" (or a heading), "li", or None at the top
        self.items: list[str] | None = None  # the list being read
        self.numbered = False
        self.link: str | None = None  # the address of the open <a>
        self.link_text: list[str] = []
        self.last_was_list = False
        self.loose_text = False  # text outside any block

    def text(self, text: str) -> None:
        if self.link is not None:
            self.link_text.append(text)
            return
        if self.block is None:
            if self.items is not None:
                if text.strip(" \t\n\r\f"):
                    raise _Unsure  # text between list items
                return
            if text.strip(" \t\n\r\f"):
                if self.blocks:
                    raise _Unsure  # text beside blocks
                self.loose_text = True
            self.inline.append(text)
            return
        self.inline.append(text)

    def line(self) -> str:
        lines = [_words(part).strip(" ") for part in "".join(self.inline).split("\x00")]
        self.inline.clear()
        return "\n".join(lines)

    def tag(self, closing: bool, name: str, attributes: str, self_closing: bool) -> None:
        if name in _INLINE:
            if self.link is not None:
                raise _Unsure
            return
        if name == "br":
            if closing or self.link is not None or self.block == "li":
                raise _Unsure
            self.inline.append("\x00")  # (the text cannot hold one: see _UNSURE)
            return
        if name == "a":
            self._anchor(closing, attributes)
            return
        if self.link is not None or self_closing:
            raise _Unsure
        if name in _BLOCKS:
            self._paragraph(closing, name)
        elif name in _LISTS:
            self._list(closing, name)
        elif name == "li":
            self._item(closing)
        else:
            raise _Unsure

    def _anchor(self, closing: bool, attributes: str) -> None:
        if not closing:
            found = _HREF.search(attributes)
            address = (found.group(1) or found.group(2) or "") if found else ""
            if self.link is not None or not _WEB_ADDRESS.fullmatch(address):
                raise _Unsure
            self.link, self.link_text = address, []
            return
        if self.link is None:
            raise _Unsure
        self.inline.append(_link(self.link, "".join(self.link_text)))
        if self.block is None and self.items is None:
            if self.blocks:
                raise _Unsure
            self.loose_text = True
        self.link = None

    def _paragraph(self, closing: bool, name: str) -> None:
        if not closing:
            if self.block is not None or self.items is not None or self.loose_text:
                raise _Unsure
            self.inline.clear()  # white space before it
            self.block = name
            return
        if self.block != name:
            raise _Unsure
        paragraph = self.line().strip("\n")
        if paragraph:
            self.blocks.append(paragraph)
            self.last_was_list = False
        self.block = None

    def _list(self, closing: bool, name: str) -> None:
        if not closing:
            if self.block is not None or self.items is not None or self.loose_text:
                raise _Unsure
            if self.last_was_list:
                raise _Unsure  # two lists in a row read as one
            self.items, self.numbered = [], name == "ol"
            return
        if self.items is None or self.block is not None or self.numbered != (name == "ol"):
            raise _Unsure
        if self.items:
            self.blocks.append("\n".join(self.items))
            self.last_was_list = True
        self.items = None

    def _item(self, closing: bool) -> None:
        if self.items is None:
            raise _Unsure
        if not closing:
            if self.block is not None:
                raise _Unsure
            self.inline.clear()
            self.block = "li"
            return
        if self.block != "li":
            raise _Unsure
        content = self.line()
        number = len(self.items) + 1
        prefix = f"{number:>2}." if self.numbered else "  *"
        self.items.append(f"{prefix} {content}".rstrip())
        self.block = None

    def result(self) -> str:
        if self.block is not None or self.items is not None or self.link is not None:
            raise _Unsure
        if self.loose_text:
            return self.line().strip("\n")
        return "\n\n".join(self.blocks)


# The commonest shape of all, read with a few regular expressions: blocks of
# paragraphs, headings and flat lists, inline tags without attributes, links
# with only an address, <br> in paragraphs and the named entities. Possessive
# quantifiers: linear time whatever the text.
_SPACE = r"[ \t\n\r\f]*+"
_PHRASE = (r"(?:[^<]++|</?(?:b|strong|i|em|u|code|span)>"
           r"|<a href=\"[^\"<>]*+\">[^<]*+</a>{br})*+")
_IN_ITEM = _PHRASE.format(br="")
_IN_PARAGRAPH = _PHRASE.format(br="|<br ?/?>")
_SHAPE = re.compile(
    rf"{_SPACE}(?:(?:<p>{_IN_PARAGRAPH}</p>|<h([1-6])>{_IN_PARAGRAPH}</h\1>"
    rf"|<ul>{_SPACE}(?:<li>{_IN_ITEM}</li>{_SPACE})*+</ul>"
    rf"|<ol>{_SPACE}(?:<li>{_IN_ITEM}</li>{_SPACE})*+</ol>){_SPACE})*+")
_SHAPE_BLOCKS = re.compile(r"</?(p|h[1-6]|ul|ol)>")
_SHAPE_ITEMS = re.compile(r"</?li>")
_SHAPE_LINK = re.compile(r'<a href="([^"]*)">([^<]*)</a>')
_SHAPE_TAG = re.compile(r"</?(?:b|strong|i|em|u|code|span)>")
_SHAPE_BREAK = re.compile(r"<br ?/?>")
_NAMED_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|nbsp);")


def _shape_link(match: re.Match[str]) -> str:
    address, words = match.groups()
    if not _WEB_ADDRESS.fullmatch(address) or "&" in words:
        raise _Unsure
    return _link(address, words)


def _shape_words(text: str) -> str:
    if "&" in text:
        text = _NAMED_ENTITY.sub(lambda match: _NAMED[match[1]], text)
    return _words(text)


def _shaped(text: str) -> str | None:
    """*text* read by the shortest way, when it has the commonest shape (else None).
    It reads exactly as ``_Reader`` does (a test holds the two together)."""
    if not _SHAPE.fullmatch(text) or ("&" in text and "&" in _NAMED_ENTITY.sub("", text)):
        return None
    # Links and inline tags first, on the whole text: neither can hold a block's
    # tag. Entities last, block by block: a "&lt;p&gt;" is text, not a tag.
    if "<a " in text:
        try:
            text = _SHAPE_LINK.sub(_shape_link, text)
        except _Unsure:
            return None
    text = _SHAPE_TAG.sub("", text)
    pieces = _SHAPE_BLOCKS.split(text)  # space, name, content, name, space, name…
    blocks: list[str] = []
    last_was_list = False
    for at in range(1, len(pieces), 4):
        name, inner = pieces[at], pieces[at + 1]
        if name in _LISTS:
            if last_was_list:
                return None  # two lists in a row read as one
            prefix = "{:>2}." if name == "ol" else "  *"
            items = [f"{prefix.format(number)} {_shape_words(item)}".rstrip()
                     for number, item in enumerate(_SHAPE_ITEMS.split(inner)[1::2], 1)]
            if items:
                blocks.append("\n".join(items))
                last_was_list = True
            continue
        paragraph = ("\n".join([_shape_words(part) for part in _SHAPE_BREAK.split(inner)])
                     .strip("\n") if "<br" in inner else _shape_words(inner))
        if paragraph:
            blocks.append(paragraph)
            last_was_list = False
    result = "\n\n".join(blocks)
    return re.sub(r"\n{3,}", "\n\n", result) if "\n\n\n" in result else result


def plain_html(text: str) -> str | None:
    """*text* (HTML) as plain text, or None when it uses more than the usual."""
    if "](" in text or _UNSURE.search(text):
        return None  # (a Markdown link: the full path's text is read for them)
    shaped = _shaped(text)
    if shaped is not None:
        return shaped
    return _read(text)


def _read(text: str) -> str | None:
    """``plain_html`` by reading each tag in turn."""
    reader = _Reader()
    at = 0
    try:
        for match in _TAG.finditer(text):
            start = match.start()
            if start > at:
                reader.text(_decoded(text[at:start]))
            at = match.end()
            closing, name, attributes, self_closing = match.groups()
            name = name.lower()
            if name in _INLINE and not (attributes or self_closing or reader.link):
                continue  # the most frequent tags: nothing to do
            if attributes and (closing or not _ATTRIBUTES.fullmatch(attributes)):
                return None
            reader.tag(bool(closing), name, attributes or "", bool(self_closing))
        reader.text(_decoded(text[at:]))
        result = reader.result()
    except _Unsure:
        return None
    return re.sub(r"\n{3,}", "\n\n", result)
