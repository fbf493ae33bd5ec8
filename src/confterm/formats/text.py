"""Descriptions from other formats, made readable as plain text.

Pentabarf and FOSDEM write HTML (``<p>``, ``&amp;``), pretalx writes Markdown
(``**bold**``, ``[text](url)``). The usual kinds of HTML go straight to text
(``html_text``); other HTML is converted by inscriptis, which keeps
the layout a reader needs (paragraphs, line breaks, list bullets) and drops
scripts and styles; Markdown is rendered to HTML by markdown-it first (the
usual kinds of Markdown, straight to the same text: ``markdown_text``). Links
keep their address: ``slides (https://…)``. Text that shows neither is left as
it is, and both libraries are imported only when some text needs them.
The result is still untrusted text: the model neutralises it like any other.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from confterm.formats.html_text import plain_html
from confterm.formats.markdown_text import plain_markdown

_HTML = re.compile(
    r"<(?:p|br|div|span|a|b|i|em|strong|u|s|ul|ol|li|dl|dt|dd|h[1-6]|pre|code|blockquote"
    r"|table|tr|td|th|img|hr|sup|sub)\b[^>]*>|</[a-z][a-z0-9]*\s*>"
    r"|&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
# Markdown, tested cheapest first: paired markers, a link, code, then block
# syntax at the start of a line, then single-character emphasis.
_MD_LINK = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)")
_MD_CODE = re.compile(r"`[^`\n]+`")
_MD_BLOCK = re.compile(r"^(?:#{1,6}|[-*+]|\d+[.)]|>)\s+\S", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*[^\s*][^*\n]*(?<=\S)\*(?![\w*])"
                          r"|(?<!\w)_[^\s_][^_\n]*(?<=\S)_(?!\w)")


def _is_markdown(text: str) -> bool:
    return ("**" in text or "__" in text
            or ("](" in text and _MD_LINK.search(text) is not None)
            or ("`" in text and _MD_CODE.search(text) is not None)
            or (_MD_BLOCK.search(text) is not None if "\n" in text or text[:1] in "#-*+>"
                or text[:1].isdigit() else False)
            or (("*" in text or "_" in text) and _MD_EMPHASIS.search(text) is not None))


_LINK = re.compile(r"\[([^\]\n]*)\]\(((?:https?|mailto):[^)\s]*)\)")
_BLANK_LINES = re.compile(r"\n{3,}")


def readable(text: str) -> str:
    """*text* as plain text: HTML and Markdown converted, anything else unchanged."""
    if ("<" in text or "&" in text) and _HTML.search(text):
        plain = plain_html(text)  # the usual kinds, without parsing the HTML
        return plain if plain is not None else _from_html(text)
    if _is_markdown(text):
        plain = plain_markdown(text)  # the usual kinds, without rendering HTML
        return plain if plain is not None else from_markdown(text)
    return text


def from_markdown(text: str) -> str:
    """Any Markdown as plain text: rendered by markdown-it, then read by inscriptis."""
    return _from_html(_markdown().render(text))


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})


@cache
def _config() -> Any:
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    return ParserConfig(css=CSS_PROFILES["strict"], display_links=True)


def _from_html(html: str) -> str:
    from inscriptis import get_text

    text = get_text(html, _config())
    text = _LINK.sub(lambda m: m.group(2) if m.group(1) in ("", m.group(2))
                     else f"{m.group(1)} ({m.group(2)})", text)
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
