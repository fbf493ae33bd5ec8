"""HTML made text without a parser reads exactly as through inscriptis, on
generated descriptions of every kind Pentabarf and frab write, and leaves what
it does not know to inscriptis."""

from __future__ import annotations

from benchmarks.generate import real_description
from hypothesis import given, settings
from hypothesis import strategies as st

from confterm.formats.html_text import _UNSURE, _shaped, plain_html
from confterm.formats.text import _from_html, readable

WORDS = st.sampled_from(["customs", "données", "risk", "R&amp;D", "2024", "e-commerce", "AI",
                         "Zoll", "x&gt;y", "«bord»", "naïve", "(draft)", "1.5", "50%",
                         "https://example.org/slides", "ok!", "why?", "a:b", "1&nbsp;300",
                         "&quot;q&quot;", "it&#39;s", "&#x2014;", "end.", "[x]", "*y*",
                         "x\u00a0y", "a\tb", "line\nnext", "1\u202f300"])
URLS = st.sampled_from(["https://www.wcoomd.org/en/topics.aspx", "http://example.org/a?b=1&amp;c=2",
                        "https://pretalx.example/talk/ABC123/", "mailto:info@example.org",
                        "/relative/page", "javascript:alert(1)"])
SPACE = st.sampled_from(["", " ", "\n", "  ", "\n  "])
ATTRIBUTES = st.sampled_from(["", "", ' class="lead"', " id=x", ' title="a>b"', " data-n='1'"])


@st.composite
def inline(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        word = draw(WORDS)
        kind = draw(st.sampled_from(["plain"] * 5 + ["b", "strong", "i", "em", "code", "span",
                                                      "link", "br", "odd"]))
        if kind in ("b", "strong", "i", "em", "code", "span"):
            word = f"<{kind}{draw(ATTRIBUTES)}>{word}{draw(SPACE)}{draw(WORDS)}</{kind}>"
        elif kind == "link":
            quote = draw(st.sampled_from(['"', "'"]))
            words = draw(st.sampled_from([draw(WORDS), "", " padded ", "a <b>bold</b>"]))
            word = f"<a href={quote}{draw(URLS)}{quote}>{words}</a>"
        elif kind == "br":
            word = draw(st.sampled_from(["<br>", "<br/>", "<br />", "<BR>"]))
        elif kind == "odd":  # what the fast path must leave alone
            word = draw(st.sampled_from([
                "<!-- note -->", "<img src='x.png'>", "&eacute;", "a & b", "&#0;", "<div>x</div>",
                "<sup>2</sup>", "<script>x</script>", "[md](https://x.org)", "x\u2003y", "<",
                "<p>inner</p>", "<li>stray</li>", "</b>", "&#x85;", "\x0c"]))
        parts.append(word)
    return draw(SPACE).join(parts) if parts else ""


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["p"] * 3 + ["h2", "ul", "ol", "empty", "odd"]))
    if kind in ("p", "h2"):
        return f"<{kind}{draw(ATTRIBUTES)}>{draw(SPACE)}{draw(inline())}{draw(SPACE)}</{kind}>"
    if kind in ("ul", "ol"):
        items = "".join(f"{draw(SPACE)}<li>{draw(inline())}</li>"
                        for _ in range(draw(st.integers(0, 12))))
        return f"<{kind}>{items}{draw(SPACE)}</{kind}>"
    if kind == "empty":
        return "<p></p>"
    return draw(st.sampled_from([
        "<ul><li>a<ul><li>nested</li></ul></li></ul>", "<table><tr><td>x</td></tr></table>",
        "<blockquote>q</blockquote>", "<pre>  code\n  kept</pre>", "loose text",
        "<p>unclosed", "<ul><li>a</ul>", "<hr>", "<dl><dt>t</dt><dd>d</dd></dl>"]))


def shortest(html: str) -> str | None:
    """The shortest way, as ``plain_html`` tries it (after its own checks)."""
    return None if "](" in html or _UNSURE.search(html) else _shaped(html)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(block(), min_size=1, max_size=6).map(
    lambda blocks: "\n".join(blocks)), inline()))
def test_the_short_way_reads_as_the_long_way(html: str) -> None:
    plain = plain_html(html)
    if plain is not None:
        assert plain == _from_html(html), html
    shaped = shortest(html)  # the shortest way, tried first, agrees with both
    if shaped is not None:
        assert shaped == plain, html


def test_the_usual_descriptions_take_the_short_way() -> None:
    """As Pentabarf writes them: paragraphs, a list, a link, bold, italics, a break."""
    for number in range(200):
        html = real_description(number, "html")
        plain = plain_html(html)
        assert plain is not None and plain == _from_html(html) == readable(html), html
        assert shortest(html) == plain, html  # and the shortest way
    text = plain_html('<p>Customs &amp; <b>risk</b><br>engines:</p><ol><li>one</li>'
                      '<li><a href="https://x.org/s">the slides</a></li></ol>')
    assert text == "Customs & risk\nengines:\n\n 1. one\n 2. the slides (https://x.org/s)"


def test_what_it_does_not_know_it_leaves_to_the_long_way() -> None:
    for html in ("<div>a</div>", "<ul><li>a<ul><li>b</li></ul></li></ul>", "<!-- c --><p>x</p>",
                 "<p>x</p>loose", "R&D", "&eacute;t&eacute;", "<a href='/page'>x</a>",
                 "<p>a</p><ul><li>x</li></ul><ul><li>y</li></ul>", "<ul><li>a<br>b</li></ul>",
                 "<a href='https://x.org'> spaced </a>", "<p>[a](https://x.org)</p>"):
        assert plain_html(html) is None, html


@st.composite
def commonest(draw: st.DrawFn) -> str:
    """HTML of the commonest shape (what ``_shaped`` reads), now and then a little off."""
    def phrase(breaks: bool) -> str:
        parts = []
        for _ in range(draw(st.integers(0, 6))):
            word = draw(WORDS)
            kind = draw(st.sampled_from(["plain"] * 4 + ["b", "i", "code", "link", "br"]))
            if kind in ("b", "i", "code"):
                word = f"<{kind}>{word}{draw(SPACE)}</{kind}>"
            elif kind == "link":
                words = draw(st.sampled_from([draw(WORDS), "", " padded", "x [y]"]))
                word = f'<a href="{draw(URLS)}">{words}</a>'
            elif kind == "br" and breaks:
                word = draw(st.sampled_from(["<br>", "<br/>", "<br />"]))
            parts.append(word)
        return draw(SPACE).join(parts)

    blocks = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["p", "p", "h3", "ul", "ol"]))
        if kind in ("ul", "ol"):
            items = "".join(f"{draw(SPACE)}<li>{phrase(False)}</li>"
                            for _ in range(draw(st.integers(0, 4))))
            blocks.append(f"<{kind}>{items}{draw(SPACE)}</{kind}>")
        else:
            blocks.append(f"<{kind}>{phrase(True)}</{kind}>")
    return draw(SPACE).join(blocks) + draw(st.sampled_from(["", "", " ", "\n", "<br>", "x"]))


@settings(max_examples=400, deadline=None)
@given(commonest())
def test_the_shortest_way_reads_as_the_long_way(html: str) -> None:
    shaped = shortest(html)
    if shaped is not None:
        assert shaped == _from_html(html), html
    elif plain_html(html) is not None:
        assert plain_html(html) == _from_html(html), html
