"""Validation and serialisation of programmes with pydantic (imported only here)."""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING, Any

from confterm.model.offsets import with_shared_offset
from confterm.model.programme import Programme, Session

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@cache
def programme_adapter() -> TypeAdapter[Programme]:
    from pydantic import TypeAdapter

    return TypeAdapter(Programme)


#: Validators made from schemas kept between runs (``use_schemas``), by name.
_validators: dict[str, Any] = {}


def use_schemas(schemas: dict[str, Any]) -> None:
    """Validate with these core schemas (``core_schemas``' of an earlier run):
    pydantic's own import and schema building are then not needed."""
    from pydantic_core import SchemaValidator

    _validators.update({name: SchemaValidator(schema) for name, schema in schemas.items()})


def core_schemas() -> dict[str, Any]:
    """The programme's and a batch of sessions' core schemas, without their
    metadata (functions that make the JSON Schema; validation needs none)."""
    def without_metadata(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: without_metadata(inner) for key, inner in value.items()
                    if key != "metadata"}
        if isinstance(value, list):
            return [without_metadata(inner) for inner in value]
        return value

    return {"programme": without_metadata(programme_adapter().core_schema),
            "sessions": without_metadata(sessions_adapter().core_schema)}


def _validator(name: str) -> Any:
    found = _validators.get(name)
    if found is None:
        adapter = programme_adapter() if name == "programme" else sessions_adapter()
        found = _validators[name] = adapter.validator
    return found


def validate(data: Any) -> Programme:
    """Build a programme from parsed JSON; raises ``pydantic.ValidationError``."""
    result: Programme = _validator("programme").validate_python(data)
    return result


@cache
def sessions_adapter() -> TypeAdapter[tuple[Session, ...]]:
    from pydantic import TypeAdapter

    return TypeAdapter(tuple[Session, ...])


#: Sessions validated at a time by ``validate_in_batches``.
BATCH = 1000


def validate_in_batches(data: dict[str, Any]) -> Programme:
    """Like ``validate``, but the sessions a batch at a time, each batch's input
    released once validated: the input's dicts and the programme's objects are
    never in memory whole together. Consumes *data*."""
    sessions = data.pop("sessions", ())
    if not isinstance(sessions, list):
        data["sessions"] = sessions
        return validate(data)
    head = validate(data)
    validator = _validator("sessions")
    validated: list[Session] = []
    for start in range(0, len(sessions), BATCH):
        for session in validator.validate_python(sessions[start:start + BATCH]):
            _share_repeated(session)
            validated.append(session)
        sessions[start:start + BATCH] = [None] * len(sessions[start:start + BATCH])
    # The head was built with no sessions; nothing else refers to it yet.
    object.__setattr__(head, "sessions", tuple(validated))
    return head


def _share_repeated(session: Session) -> None:
    """Let sessions share what repeats from one to the next: the zone of each
    date-time (pydantic gives every one its own) and the ids of rooms, tracks and
    themes (parsed as a string each time they appear)."""
    fields = vars(session)  # frozen: the instance dict is written directly
    fields["start"] = with_shared_offset(session.start)
    fields["end"] = with_shared_offset(session.end)
    if session.room is not None:
        fields["room"] = sys.intern(session.room)
    if session.track is not None:
        fields["track"] = sys.intern(session.track)
    if session.themes:
        fields["themes"] = tuple(map(sys.intern, session.themes))


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
    result: Programme = _validator("programme").validate_json(raw)
    return result
