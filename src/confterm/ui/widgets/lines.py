"""One line of text as a strip, for the lists drawn line by line."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style


def line_strip(content: Content, width: int, style: Style) -> Strip:
    """*content* on one line exactly *width* cells wide: cut with an ellipsis or
    padded. A list redraws dozens of these per keystroke; this skips the
    wrapping and alignment ``Visual.to_strips`` would do for one line. Style
    names such as ``$accent`` resolve against the running app's theme."""
    line = content.truncate(width, ellipsis=True, pad=True)
    return Strip([Segment(text, part.rich_style if part else None)
                  for text, part in line.render(style, "")], width)
