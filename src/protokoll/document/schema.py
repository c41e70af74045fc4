"""The published JSON Schema of ``protokoll/1`` (docs/protokoll-1.schema.json)."""

from __future__ import annotations

from protokoll.document.model import SCHEMA_ID, Document


def json_schema() -> dict:
    schema = Document.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://protokoll.example/schema/{SCHEMA_ID}.json"
    schema["title"] = SCHEMA_ID
    return schema
