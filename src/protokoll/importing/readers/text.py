"""Plain text. A form feed (\\f) separates pages, as pdftotext writes them."""

from __future__ import annotations

from protokoll.importing.extracted import Extracted, Page, UnreadableInput


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to Windows-1252, which older Swedish systems wrote."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(data: bytes, *, file: str | None = None) -> Extracted:
    if b"\x00" in data[:4096]:
        raise UnreadableInput("the file is binary, not text")
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput("the file is empty")
    pages = [Page(number=i, lines=chunk.split("\n")) for i, chunk in enumerate(text.split("\f"), start=1)]
    return Extracted(pages=pages, format="text", file=file)
