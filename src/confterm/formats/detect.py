"""Reads any supported schedule format, recognised by its content."""

from __future__ import annotations

import json

from confterm.formats.builder import Converted
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.loader import (
    BATCHES_ABOVE,
    build_programme,
    parse_programme,
    validate_converted,
)
from confterm.model.programme import Programme
from confterm.model.text import shown


def format_of(raw: bytes) -> str:
    """'c3voc-json', 'frab-xml', 'ics', else 'confterm' (whose loader then
    explains precisely what is wrong with anything else)."""
    head = raw.lstrip()[:4096]
    if head.upper().startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if head.startswith(b"<"):
        return "frab-xml"
    if head.startswith(b"{") and b'"schedule"' in raw[:65536]:
        return "c3voc-json"
    return "confterm"


def read_programme_data(raw: bytes, source: str, *,
                        timezone: str | None = None) -> Converted | None:
    """Confterm data converted from another format; None for confterm's own."""
    try:
        return _read(raw, source, timezone)
    except ProgrammeError:
        raise
    except (TypeError, AttributeError, KeyError, IndexError, ValueError, OverflowError,
            RecursionError) as error:
        # Readers check what they rely on and name the place; this is the net for
        # a structure they did not foresee, so a hostile file still cannot crash us.
        raise ProgrammeError(source, [Problem(
            "file", f"unexpected structure for {format_of(raw)}: {shown(error)}")]) from None


def _read(raw: bytes, source: str, timezone: str | None) -> Converted | None:
    kind = format_of(raw)
    if kind == "ics":
        from confterm.formats.ics_import import read_ics

        return read_ics(raw, source, timezone=timezone)
    if kind == "frab-xml":
        from confterm.formats.frab_xml import read_frab_xml

        return read_frab_xml(raw, source, timezone=timezone)
    if kind == "c3voc-json":
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            return None  # let the confterm loader report the syntax error precisely
        from confterm.formats.c3voc_json import looks_like, read_c3voc_json

        if looks_like(data):
            return read_c3voc_json(data, source, timezone=timezone)
        return None
    return None


def load_any(raw: bytes, source: str, *, timezone: str | None = None,
             warnings: list[Problem] | None = None) -> Programme:
    """A programme from bytes of any supported format, validated. Warnings are
    appended to *warnings* when it is given."""
    converted = read_programme_data(raw, source, timezone=timezone)
    if converted is None:
        return parse_programme(raw, source, warnings=warnings)
    if warnings is not None:
        warnings.extend(converted.warnings)
    if len(raw) <= BATCHES_ABOVE:  # validated as the reader made it: the fastest
        return build_programme(converted.data, source, warnings=warnings)
    del raw  # released here if the caller has no use for it any more
    # A large file's data is validated as JSON text, made before the validator
    # runs: the reader's dicts are gone by then, so they and the programme's
    # objects are never in memory together (each is several times the file).
    text = json.dumps(converted.data, ensure_ascii=False).encode("utf-8")
    del converted
    return validate_converted(text, source, warnings=warnings)
