"""The JSON Schema of confterm's programme format, generated from the models."""

from __future__ import annotations

import json

from confterm.model.validation import json_schema

SCHEMA_ID = "https://confterm.invalid/programme.schema.json"


def schema_text() -> str:
    schema = json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": SCHEMA_ID, **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
