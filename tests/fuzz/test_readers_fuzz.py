"""Every reader, fed anything: a programme or confterm's own error, nothing else.

`make test` runs a small profile; `make fuzz` runs 10,000 examples per reader
(HYPOTHESIS_PROFILE=fuzz). The per-example deadline catches hangs.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confterm.formats.detect import load_any
from confterm.formats.ics_import import event_spans
from confterm.model.errors import ProgrammeError
from confterm.model.loader import parse_programme
from confterm.model.programme import Programme

from ..conftest import CORPUS

MINIMAL = json.loads((CORPUS / "minimal.json").read_text())
PRETALX = json.loads((CORPUS / "formats" / "pretalx-schedule.json").read_text())


def outcome(call: Any, *args: Any, **kwargs: Any) -> None:
    """The call returns a programme or raises ProgrammeError; anything else fails."""
    try:
        result = call(*args, **kwargs)
    except ProgrammeError as error:
        assert error.problems, "an error must say what is wrong"
        assert "\x1b" not in error.report()
        return
    assert isinstance(result, Programme)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30)


def mutate(document: Any, draw: Any) -> Any:
    """Replace one value somewhere in *document* with arbitrary JSON."""
    if isinstance(document, dict) and document and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(document)))
        return {**document, key: mutate(document[key], draw)}
    if isinstance(document, list) and document and draw(st.booleans()):
        index = draw(st.integers(0, len(document) - 1))
        return [*document[:index], mutate(document[index], draw), *document[index + 1:]]
    return draw(json_values)


@st.composite
def mutated(draw: Any, base: Any) -> bytes:
    return json.dumps(mutate(base, draw)).encode()


SLOW_OK = settings(suppress_health_check=[HealthCheck.too_slow], deadline=2000)


@SLOW_OK
@given(st.binary(max_size=2000))
def test_any_bytes(raw: bytes) -> None:
    outcome(load_any, raw, "fuzz", timezone="UTC")


@SLOW_OK
@given(mutated(MINIMAL))
def test_confterm_json_mutations(raw: bytes) -> None:
    outcome(parse_programme, raw, "fuzz.json")


@SLOW_OK
@given(mutated(PRETALX))
def test_c3voc_json_mutations(raw: bytes) -> None:
    outcome(load_any, raw, "fuzz.json", timezone="Europe/Berlin")


xml_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20)


@st.composite
def frab_xml(draw: Any) -> bytes:
    """Schedules built from the frab grammar, with arbitrary text and attributes."""
    def element(name: str, children: str = "") -> str:
        attributes = "".join(f' {a}="{_escape(draw(xml_text))}"'
                             for a in draw(st.lists(st.sampled_from(
                                 ["guid", "id", "date", "index", "name", "start"]),
                                 max_size=3, unique=True)))
        body = children or _escape(draw(xml_text))
        return f"<{name}{attributes}>{body}</{name}>"

    fields = ["date", "start", "duration", "room", "title", "subtitle", "track", "type",
              "language", "abstract", "description"]
    events = "".join(
        element("event", "".join(element(f) for f in draw(st.lists(
            st.sampled_from(fields), max_size=8))) + element(
                "persons", "".join(element("person") for _ in range(draw(st.integers(0, 2))))))
        for _ in range(draw(st.integers(0, 3))))
    days = "".join(element("day", element("room", events)) for _ in range(draw(
        st.integers(0, 2))))
    conference = element("conference", "".join(element(f) for f in draw(st.lists(
        st.sampled_from(["title", "acronym", "time_zone_name", "day_change", "city"]),
        max_size=5))))
    return f"<schedule>{conference}{days}</schedule>".encode()


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


@SLOW_OK
@given(frab_xml())
def test_frab_xml_grammar(raw: bytes) -> None:
    outcome(load_any, raw, "fuzz.xml", timezone="Europe/Berlin")


@st.composite
def icalendar(draw: Any) -> bytes:
    """Calendars built from the iCalendar grammar, with arbitrary values."""
    value = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=25)
    stamp = st.from_regex(r"\A(19|20)\d\d[01]\d[0-3]\dT[0-2]\d[0-5]\d[0-5]\dZ?\Z")
    properties = st.sampled_from([
        "UID:{v}", "SUMMARY:{v}", "DESCRIPTION:{v}", "LOCATION:{v}", "CATEGORIES:{v}",
        "DTSTART:{t}", "DTEND:{t}", "DTSTART;TZID=Europe/Paris:{t}", "DURATION:PT{n}M",
        "DTSTART;VALUE=DATE:{d}", "DTEND;TZID=Nowhere/Land:{t}", "DURATION:{v}"])
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    for _ in range(draw(st.integers(0, 3))):
        lines.append("BEGIN:VEVENT")
        for template in draw(st.lists(properties, max_size=6)):
            lines.append(template.format(v=draw(value).replace("\n", " "), t=draw(stamp),
                                         n=draw(st.integers(-5, 10**6)),
                                         d=draw(stamp)[:8]))
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode()


@SLOW_OK
@given(icalendar())
def test_icalendar_grammar(raw: bytes) -> None:
    outcome(load_any, raw, "fuzz.ics", timezone="Europe/Paris")


# -- framing and huge tokens ---------------------------------------------------------
#: The pattern confterm framed events with before (it rescanned the rest of the file
#: from every BEGIN never closed): the reference for what an event's bytes are.
REFERENCE_EVENT = re.compile(rb"^BEGIN:VEVENT[ \t]*\r?\n.*?^END:VEVENT[ \t]*(?:\r?\n|\Z)",
                             re.IGNORECASE | re.MULTILINE | re.DOTALL)
FRAME_LINES = [b"BEGIN:VEVENT", b"END:VEVENT", b"begin:vevent \t", b"END:VEVENT\r",
               b" END:VEVENT", b"SUMMARY:x", b"BEGIN:VCALENDAR", b"END:VCALENDAR",
               b"DTSTART:20250101T100000Z", b""]


@st.composite
def framing(draw: Any) -> bytes:
    """Calendars whose BEGIN and END lines come in any order and number."""
    lines = draw(st.lists(st.sampled_from(FRAME_LINES), max_size=40))
    return b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))


@given(framing())
def test_events_are_framed_as_the_reference_pattern_frames_them(raw: bytes) -> None:
    assert event_spans(raw) == [m.span() for m in REFERENCE_EVENT.finditer(raw)]


@SLOW_OK
@given(framing())
def test_any_framing_is_a_programme_or_an_error(raw: bytes) -> None:
    outcome(load_any, raw, "fuzz.ics", timezone="Europe/Paris")


@st.composite
def huge_tokens(draw: Any) -> tuple[str, bytes]:
    """A frab file or a calendar with one very long token: an attribute, a text, a
    property value or a line."""
    size = draw(st.integers(100_000, 3_000_000))
    filler = draw(st.sampled_from([b"x", b"\xc3\xa9", b"<", b"&amp;", b" "]))
    token = (filler * (size // len(filler)))[:size]
    shape = draw(st.sampled_from(["attribute", "text", "property", "line"]))
    if shape == "attribute":
        token = token.replace(b"<", b"x").replace(b"&amp;", b"x")
        return "fuzz.xml", (b'<schedule><day date="2025-01-01" x="' + token
                            + b'"><room name="A"/></day></schedule>')
    if shape == "text":
        return "fuzz.xml", (b'<schedule><conference><title>' + token.replace(b"<", b"x")
                            + b"</title></conference><day date='2025-01-01'/></schedule>")
    if shape == "property":
        return "fuzz.ics", (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20250101T100000Z\r\n"
                            b"SUMMARY:" + token + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    return "fuzz.ics", b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * (size // 14)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
          deadline=20_000, max_examples=max(10, settings.default.max_examples // 15))
@given(huge_tokens())
def test_a_huge_token_is_a_programme_or_an_error(case: tuple[str, bytes]) -> None:
    name, raw = case
    outcome(load_any, raw, name, timezone="Europe/Berlin")
