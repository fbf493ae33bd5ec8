"""Validate a programme's bytes, or explain precisely why they cannot be loaded.

No I/O here: reading files is ``confterm.opening.files``' work."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from confterm.model.checks import find_problems, find_warnings
from confterm.model.constraints import FIRST_YEAR, LAST_YEAR
from confterm.model.errors import Problem, ProgrammeError
from confterm.model.programme import Programme

#: Programme files larger than this are refused before being read.
MAX_BYTES = 64 * 1024 * 1024
#: Larger programmes are validated a batch of sessions at a time: validating in
#: one go keeps the whole parsed input beside the programme, several times the
#: file's size.
BATCHES_ABOVE = 8 * 1024 * 1024
#: Where JSON nests too deeply for the parser, the error points at this depth
#: (the format itself needs about 6 levels).
MAX_DEPTH = 64

_BOM = b"\xef\xbb\xbf"
_TIME_FIELDS = frozenset({"start", "end", "day", "date", "published"})
_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true or false", type(None): "null"}


def parse_programme(raw: bytes, source: str, *,
                    warnings: list[Problem] | None = None) -> Programme:
    """Validate the bytes of a programme file; *source* names it in errors."""
    if not raw.strip():
        raise ProgrammeError(source, [Problem("file", "the file is empty", 1, 1)])
    if len(raw) > MAX_BYTES:
        raise ProgrammeError(source, [Problem("file", too_large(len(raw)))])
    if raw.startswith(_BOM):
        raise ProgrammeError(source, [Problem(
            "file", "the file starts with a UTF-8 byte order mark (BOM); "
            "save it as UTF-8 without BOM", 1, 1)])
    return validate_converted(raw, source, warnings=warnings)


def validate_converted(raw: bytes, source: str, *,
                       warnings: list[Problem] | None = None) -> Programme:
    """Validate UTF-8 JSON in confterm's format: a file's checked bytes, or what a
    reader converted from another format (which may be larger than a file may be)."""
    from pydantic_core import ValidationError, from_json

    from confterm.model.validation import validate_in_batches, validate_json

    try:
        if len(raw) <= BATCHES_ABOVE:  # parse and validate in one go: the fastest
            programme = validate_json(raw)
        else:  # bounded memory for large files, about a quarter slower
            # pydantic's parser shares repeated short strings (ids, times, language
            # keys): a large programme's parsed input is much smaller.
            data = from_json(raw, cache_strings="all", allow_inf_nan=False)
            programme = validate_in_batches(data) if isinstance(data, dict) else (
                validate_json(raw))
            del data
    except (ValidationError, ValueError, RecursionError, TypeError):
        pass  # read it again the slow way, which explains precisely what is wrong
    else:
        return _checked(programme, source, warnings)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw[: error.start].decode("utf-8", "replace"))
        raise ProgrammeError(source, [Problem(
            "file", f"invalid UTF-8 (byte 0x{raw[error.start]:02x}); the file must be "
            "UTF-8 encoded", line, column)]) from None
    return build_programme(_parse_json(text, source), source, warnings=warnings)


def build_programme(data: Any, source: str, *,
                    warnings: list[Problem] | None = None) -> Programme:
    """Validate parsed JSON data (or data from a format reader) into a programme."""
    if not isinstance(data, dict):
        kind = _JSON_KINDS.get(type(data), "a value")
        raise ProgrammeError(source, [Problem(
            "top level", f"the file must hold a JSON object ({{...}}), not {kind}", 1, 1)])
    from pydantic_core import ValidationError

    from confterm.model.validation import validate

    try:
        programme = validate(data)
    except ValidationError as error:
        raise ProgrammeError(source, _schema_problems(error, data)) from None
    return _checked(programme, source, warnings)


def _checked(programme: Programme, source: str, warnings: list[Problem] | None) -> Programme:
    problems = find_problems(programme)
    if problems:
        raise ProgrammeError(source, problems)
    if warnings is not None:
        warnings.extend(find_warnings(programme))
    _share_equal_values(programme)
    return programme


def _share_equal_values(programme: Programme) -> None:
    """The sessions' equal times, days and ids made one object each. A programme
    of 10,000 sessions holds a few hundred distinct times and ids: held once,
    it takes less memory, sorts faster (a tuple compares an object with itself
    at once) and its cached copy reads back a quarter faster (the pickle refers
    to one object). Set in place: the sessions are new, nobody holds them yet.
    A time is shared only with one at the same offset (10:00+02:00 equals
    08:00Z, but does not read the same)."""
    shared: dict[object, Any] = {}
    one = shared.setdefault
    for session in programme.sessions:
        fields = session.__dict__
        start, end = fields["start"], fields["end"]
        fields["start"] = one((start, start.utcoffset()), start)
        fields["end"] = one((end, end.utcoffset()), end)
        fields["day"] = one(fields["day"], fields["day"])
        for name in ("track", "room"):
            if fields[name] is not None:
                fields[name] = one(fields[name], fields[name])
        # Tuples of ids, and who takes part (a person in a role): equal ones, once.
        for name in ("themes", "language", "people"):
            if fields[name]:
                fields[name] = one(fields[name], fields[name])


def too_large(size: int) -> str:
    return (f"the file is {size / 2**20:.1f} MiB, larger than the limit of "
            f"{MAX_BYTES // 2**20} MiB")


def _position(prefix: str) -> tuple[int, int]:
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        lines = text.splitlines() or [""]
        excerpt = lines[min(error.lineno, len(lines)) - 1]
        problem = Problem("file", f"invalid JSON: {error.msg}", error.lineno, error.colno,
                          excerpt if len(excerpt) <= 200 else None)
    except RecursionError:
        line, column = _too_deep_at(text)
        problem = Problem("file", f"JSON nested more than {MAX_DEPTH} levels deep",
                          line, column)
    except _HugeNumber as error:
        line, column = _position(text[: max(text.find(error.literal), 0)])
        shown = error.literal if len(error.literal) <= 20 else error.literal[:20] + "…"
        problem = Problem("file", f"the number {shown} is too large", line, column)
    except ValueError:  # an integer with more digits than Python converts
        match = re.search(r"\d{1000,}", text)
        line, column = _position(text[: match.start()] if match else "")
        problem = Problem("file", "a number has too many digits", line, column)
    raise ProgrammeError(source, [problem])


class _HugeNumber(ValueError):
    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise _HugeNumber(literal)
    return value


def _too_deep_at(text: str) -> tuple[int, int]:
    """Where brackets first nest deeper than MAX_DEPTH (only used on the error path)."""
    depth, in_string, escaped = 0, False, False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _position(text[:index])
        elif char in "]}":
            depth -= 1
    return 1, 1


def _schema_problems(error: Any, data: dict[str, Any]) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        place = _field_path(item["loc"], data)
        message = item["msg"]
        message = message.removeprefix("Value error, ")
        if item["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            message = "unknown field (check its spelling)"
        elif item["type"] == "timezone_aware":
            message = (f"has no UTC offset (add one such as -03:00 or Z; "
                       f"got {_short(item.get('input'))})")
        elif item["type"] == "string_type" and item["loc"] and item["loc"][-1] in _TIME_FIELDS:
            message = ("must be an ISO 8601 string such as 2024-11-13T14:00:00-03:00 "
                       f"(got {_short(item.get('input'))})")
        elif item["type"] in ("greater_than_equal", "less_than") and item["loc"] and (
                item["loc"][-1] in _TIME_FIELDS):
            message = (f"is outside the years {FIRST_YEAR}–{LAST_YEAR} "
                       f"(got {_short(item.get('input'))})")
        elif item["type"] in ("missing", "missing_argument"):
            message = "required field is missing"
        elif item["type"] not in ("value_error", "literal_error"):
            message = f"{message} (got {_short(item.get('input'))})"
        problems.append(Problem(place, message))
    return problems


def _field_path(loc: tuple[int | str, ...], data: Any) -> str:
    """Turn ``('sessions', 3, 'end')`` into ``sessions[d2-wa-iot].end``."""
    path, node = "", data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            key = item.get("id") if isinstance(item, dict) else None
            label = key if isinstance(key, str) and key else f"#{part}"
            path += f"[{label}]"
            node = item
        elif part.startswith(("function-", "dict[")):  # a validator's own step
            continue
        else:
            path += f".{part}" if path else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return path or "top level"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if value is not None else "null"
    return text if len(text) <= 60 else text[:57] + "..."
