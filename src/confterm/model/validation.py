"""Validation and serialisation of programmes with pydantic (imported only here)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from confterm.model.programme import Programme, Session

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@cache
def programme_adapter() -> TypeAdapter[Programme]:
    from pydantic import TypeAdapter

    return TypeAdapter(Programme)


@cache
def session_adapter() -> TypeAdapter[Session]:
    from pydantic import TypeAdapter

    return TypeAdapter(Session)


def validate(data: Any) -> Programme:
    """Build a programme from parsed JSON; raises ``pydantic.ValidationError``."""
    return programme_adapter().validate_python(data)


def session_to_json(session: Session) -> dict[str, Any]:
    """A session as plain JSON data, in the programme file's own format."""
    result: dict[str, Any] = session_adapter().dump_python(session, mode="json")
    return result


def programme_to_json(programme: Programme) -> dict[str, Any]:
    result: dict[str, Any] = programme_adapter().dump_python(programme, mode="json",
                                                             exclude_defaults=True)
    return result


def json_schema() -> dict[str, Any]:
    """The JSON Schema, fields described by their attribute docstrings. Its own
    adapter: reading docstrings parses the model's source, some 30 ms that
    validation does without."""
    from pydantic import TypeAdapter

    from confterm.model import programme

    config = programme._STRICT  # shared by every model class
    config["use_attribute_docstrings"] = True
    try:
        adapter = TypeAdapter(Programme)
    finally:
        config["use_attribute_docstrings"] = False
    return adapter.json_schema(mode="validation")


def validate_json(raw: bytes) -> Programme:
    """Parse and validate in one pass (the fast path for well-formed files)."""
    return programme_adapter().validate_json(raw)
