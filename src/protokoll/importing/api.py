"""Import one file: a reader extracts its text, the parser turns it into a document."""

from __future__ import annotations

from pathlib import Path

from protokoll.document.model import Document
from protokoll.importing.extracted import Extracted, UnreadableInput
from protokoll.importing.parse import NotAProtocol, parse_extracted

MAX_BYTES = 100 * 1024 * 1024  # larger than any real protocol; refuse before reading it


def read(path: str | Path) -> Extracted:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror}") from exc
    if not path.is_file():
        raise UnreadableInput(f"{path} is not a file")
    if size == 0:
        raise UnreadableInput("the file is empty")
    if size > MAX_BYTES:
        raise UnreadableInput(
            f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB)"
        )
    try:
        from protokoll.importing.readers import read_file
    except ImportError:
        from protokoll.importing.readers.text import read_text

        return read_text(path.read_bytes(), file=path.name)
    return read_file(path)


def parse_file(path: str | Path) -> Document:
    """Read and parse ``path``. Raises UnreadableInput (incl. NotAProtocol) with a one-line reason."""
    return parse_extracted(read(path))


__all__ = ["NotAProtocol", "UnreadableInput", "parse_file", "read"]
