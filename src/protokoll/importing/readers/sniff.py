"""Which format a file is, judged by its content (magic bytes), never by its name."""

from __future__ import annotations

import io
import re
import struct
import zipfile

from protokoll.importing.extracted import UnreadableInput

_HTML_START = re.compile(
    rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S
)
_HTML_ANYWHERE = re.compile(rb"<body[\s>]|<head[\s>]", re.I)

# Formats people upload by mistake; a precise message helps them more than "binary".
_KNOWN_OTHER = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office (.doc) file; save it as DOCX or PDF"),
    (b"{\\rtf", "an RTF document; save it as DOCX or PDF"),
    (b"\x89PNG", "a PNG image, not a document"),
    (b"\xff\xd8\xff", "a JPEG image, not a document"),
    (b"GIF8", "a GIF image, not a document"),
    (b"II*\x00", "a TIFF image, not a document"),
    (b"MM\x00*", "a TIFF image, not a document"),
    (b"\x1f\x8b", "a gzip archive, not a document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, not a document"),
    (b"Rar!", "a RAR archive, not a document"),
]


def _strip_text_start(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom) :]
    return head.lstrip()


def _utf16_to_ascii(head: bytes) -> bytes:
    """HTML saved as UTF-16 (some Windows tools) sniffs like its ASCII counterpart."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            body = head[len(bom) :]
            body = body[: len(body) // 2 * 2]
            return body.decode(codec, errors="ignore").encode("ascii", errors="ignore")
    return head


def sniff(data: bytes) -> str:
    """'pdf' | 'docx' | 'html' | 'text'; raises UnreadableInput for formats we do not read."""
    head = data[:65536]
    # The PDF specification lets readers accept junk before the header; pdfium looks within 1 KB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    for magic, what in _KNOWN_OTHER:
        if head.startswith(magic):
            raise UnreadableInput(f"the file is {what}")
    text_head = _strip_text_start(_utf16_to_ascii(head))
    if _HTML_START.match(text_head) or _HTML_ANYWHERE.search(text_head):
        return "html"
    return "text"


# What zipfile raises on a damaged or hand-crafted archive (a mangled header's "version needed"
# surfaces as NotImplementedError, a cut-off name as UnicodeDecodeError or struct.error).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    OSError,
    ValueError,
    EOFError,
    struct.error,
)


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except ZIP_ERRORS:
        # The local headers at the start still name the parts of a DOCX cut short.
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            raise UnreadableInput(
                "the DOCX cannot be read: the zip archive is damaged or cut short"
            ) from None
        raise UnreadableInput("the file is a damaged zip archive") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise UnreadableInput("the file is an OpenDocument file; save it as DOCX or PDF")
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        raise UnreadableInput("the file is an Excel or PowerPoint file, not a protocol document")
    raise UnreadableInput("the file is a zip archive, not a DOCX document")
