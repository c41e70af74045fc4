"""Reading and writing ``protokoll/1`` JSON with errors that name the field."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from protokoll.document.model import Document


class DocumentError(ValueError):
    """A document that is not valid JSON or does not follow the schema."""


def _where(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def parse_document(data: dict | str | bytes) -> Document:
    """Validate a decoded or encoded document; raise DocumentError naming the first bad field."""
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise DocumentError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if not isinstance(data, dict):
        raise DocumentError("a protokoll/1 document must be a JSON object")
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise DocumentError(f"{_where(first['loc'])}: {first['msg']}{more}") from exc


def load_document(path: str | Path) -> Document:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror}") from exc
    return parse_document(raw)


def dump_document(doc: Document, *, indent: int | None = 2) -> str:
    return json.dumps(doc.to_json_dict(), ensure_ascii=False, indent=indent)


def example(name: str) -> Document:
    """A canonical example shipped in the package: ``minimal`` or ``full``."""
    text = resources.files("protokoll.document").joinpath("examples", f"{name}.json").read_text("utf-8")
    return parse_document(text)
