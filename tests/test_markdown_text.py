"""Markdown made text without HTML reads exactly as through markdown-it and
inscriptis, on generated descriptions of every kind the README promises, and
leaves what it does not know to them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.formats.markdown_text import plain_markdown
from confterm.formats.text import from_markdown, readable

WORDS = st.sampled_from(["customs", "données", "risk", "R&D", "2024", "e-commerce", "AI",
                         "Zoll", "x>y", "«bord»", "naïve", "(draft)", "1.5", "50%",
                         "https://example.org/slides", "ok!", "why?", "a:b", "1\u00a0300",
                         "x\u2009y", "end."])
URLS = st.sampled_from(["https://www.wcoomd.org/en/topics.aspx", "http://example.org/a?b=1&c=2",
                        "https://pretalx.example/talk/ABC123/", "https://x.org/#frag"])


@st.composite
def inline(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        word = draw(WORDS)
        kind = draw(st.sampled_from(["plain"] * 5 + ["strong", "em", "code", "link",
                                                      "under", "odd"]))
        if kind == "strong":
            word = f"**{word} {draw(WORDS)}**"
        elif kind == "em":
            word = f"*{word}*"
        elif kind == "under":
            word = f"_{word}_"
        elif kind == "code":
            word = f"`{word}`"
        elif kind == "link":
            word = f"[{word} {draw(WORDS)}]({draw(URLS)})"
        elif kind == "odd":  # what the fast path must leave alone
            word = draw(st.sampled_from(["snake_case", "a*b*c", "\\*", "<b>x</b>", "&amp;",
                                         "![img](https://x.org/i.png)", "[ref][1]",
                                         "**unclosed", "***both***", "`a` `b`", "x  \ny"]))
        parts.append(word)
    return " ".join(parts)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["paragraph"] * 3 + ["lines", "heading", "bullets", "numbers",
                                                     "odd"]))
    if kind == "paragraph":
        return draw(inline())
    if kind == "lines":
        return f"{draw(inline())}\n{draw(inline())}"
    if kind == "heading":
        return f"{'#' * draw(st.integers(1, 6))} {draw(inline())}"
    if kind == "bullets":
        marker = draw(st.sampled_from("-*+"))
        return "\n".join(f"{marker} {draw(inline())}" for _ in range(draw(st.integers(1, 12))))
    if kind == "numbers":
        return "\n".join(f"{n}. {draw(inline())}" for n in range(1, draw(st.integers(2, 12))))
    return draw(st.sampled_from([
        "> quoted", "```\ncode\n```", "    indented", "---", "Title\n===", "* * *",
        "- one\n  - nested", "1) other", "3. starts at three", "- a\n\n- loose",
        "| a | b |", "text\n- interrupts", "<div>html</div>", "- a\ncontinued",
        " # indented heading", "\t tab", "para\u2028next"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(block(), min_size=1, max_size=6), st.sampled_from(["\n\n", "\n\n\n"]))
def test_the_short_way_reads_as_the_long_way(blocks: list[str], gap: str) -> None:
    text = gap.join(blocks)
    plain = plain_markdown(text)
    if plain is not None:
        assert plain == from_markdown(text), text


def test_the_usual_descriptions_take_the_short_way() -> None:
    """Paragraphs, headings, lists, strong, emphasis, code and links: no HTML."""
    text = ("## About\n\nCustoms face **growing volumes**; we look at *risk engines* and "
            "`APIs`.\nA second line.\n\n- data quality and [the WCO Data Model]"
            "(https://www.wcoomd.org/data-model)\n- targeting\n\nThen:\n\n1. First\n2. Second\n\n"
            "Slides: https://example.org/slides (R&D, 50%).")
    plain = plain_markdown(text)
    assert plain is not None and plain == from_markdown(text) == readable(text)
    assert plain.splitlines()[:3] == [
        "About", "", "Customs face growing volumes; we look at risk engines and APIs. "
        "A second line."]
    assert "  * data quality and the WCO Data Model (https://www.wcoomd.org/data-model)" in plain
    assert " 2. Second" in plain


def test_what_it_does_not_know_it_leaves_to_the_long_way() -> None:
    for text in ("> a quote", "snake_case_words and *em*", "- a\n  - nested", "a  \nb",
                 "Title\n---", "see <https://x.org>", "&eacute;t&eacute;"):
        assert plain_markdown(text) is None, text
