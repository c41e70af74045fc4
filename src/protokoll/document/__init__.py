"""The ``protokoll/1`` document format: models, JSON Schema, canonical examples."""

from protokoll.document.io import DocumentError, dump_document, example, load_document, parse_document
from protokoll.document.model import SCHEMA_ID, Document, Item, Person
from protokoll.document.schema import json_schema

__all__ = [
    "SCHEMA_ID",
    "Document",
    "DocumentError",
    "Item",
    "Person",
    "dump_document",
    "example",
    "json_schema",
    "load_document",
    "parse_document",
]
