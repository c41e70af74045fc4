"""Plain text. A form feed (\\f) separates pages, as pdftotext writes them."""

from __future__ import annotations

import re

from protokoll.document.model import Warning
from protokoll.importing.extracted import Extracted, Page, UnreadableInput
from protokoll.importing.readers.ocr_misreads import (
    looks_misread,
    repair_glued_signs,
    repair_label_words,
    repair_lone_signs,
    repair_section_numbers,
    repair_section_signs,
)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Control characters that never occur in text someone wrote (tab, newline, CR, form feed do).
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"} | {"\x7f", "\ufffd"}


def decode(data: bytes) -> str:
    """UTF-8 or UTF-16 when a BOM says so, else UTF-8 (a few stray bytes replaced), falling back
    to Windows-1252, which older Swedish systems wrote."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # a UTF-8 text with a stray byte (pages pasted together from different sources) is still
    # UTF-8: read as Windows-1252 every "å" of it would turn to "Ã¥". Each å, ä, ö of a
    # Windows-1252 text is an invalid UTF-8 byte, so a text whose valid non-ASCII letters outnumber
    # its invalid bytes three to one is UTF-8, and only the stray bytes are replaced.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for c in text if c > "\x7f") - bad
    if wide >= 3 * bad:
        return text
    return data.decode("cp1252", errors="replace")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read: a NUL byte in a file without a
    UTF-16 BOM, or many control characters once decoded."""
    head = data[:8192]
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in head:
        return True
    sample = decode(head)
    if not sample:
        return False
    control = sum(1 for ch in sample if ch in _CONTROL)
    return control > 0.05 * len(sample)


# Markdown, as meeting apps and wikis export a protocol: "## 77 § Title", "**Beslut**", pipe tables
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])")


def _is_markdown(lines: list[str]) -> bool:
    """Two Markdown headings, or one and a pipe table's rule row: "# " alone opens no line of
    a printed protocol."""
    headings = sum(1 for line in lines if _MD_HEADING.match(line))
    return headings >= 2 or (headings == 1 and any(_MD_TABLE_RULE.match(line) for line in lines))


def _from_markdown(lines: list[str]) -> list[str]:
    """The text a reader of the rendered page sees: no heading marks, no bold or italic marks,
    a pipe table's cells separated by tabs like any other table's, and no YAML front matter
    (the export's metadata, with its export date, is not the protocol)."""
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
        if end is not None:
            lines = lines[end + 1 :]
    out = []
    for line in lines:
        if _MD_TABLE_RULE.match(line):
            continue
        line = _MD_HEADING.sub("", line)
        if "*" in line or "__" in line:
            line = _MD_EMPHASIS.sub(r"\1", _MD_STRONG.sub(r"\2", line))
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            line = "\t".join(cell.strip() for cell in line.strip()[1:-1].split("|"))
        out.append(line)
    return out


def read_text(data: bytes, *, file: str | None = None) -> Extracted:
    if looks_binary(data):
        raise UnreadableInput("the file is binary, not text or a document format protokoll reads")
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput("the file is empty")
    pages = [Page(number=i, lines=chunk.split("\n")) for i, chunk in enumerate(text.split("\f"), start=1)]
    if "#" in text and _is_markdown(pages[0].lines):
        for page in pages:
            page.lines = _from_markdown(page.lines)
    for page in pages:
        # a text saved from OCR keeps its misread labels ("Besiutande", "0rdförande") and § numbers
        # ("§ 4l"); a label or number spelt right is left alone, so other texts pass unchanged
        page.lines = [repair_section_numbers(repair_label_words(line)) for line in page.lines]
    if any("§" in line for page in pages for line in page.lines):
        for page, lines in zip(pages, repair_lone_signs([page.lines for page in pages]), strict=True):
            page.lines = lines
    warnings = []
    if looks_misread([line for page in pages for line in page.lines]):
        # a text someone saved from OCR: its § headings read "8 12 Val av justerare"
        before = [page.lines for page in pages]
        after = repair_glued_signs(
            [[repair_section_signs(line) for line in lines] for lines in before], set(range(len(pages)))
        )
        repaired = sum(
            a != b for old, new in zip(before, after, strict=True) for a, b in zip(old, new, strict=True)
        )
        for page, lines in zip(pages, after, strict=True):
            page.lines = lines
        warnings.append(
            Warning(
                code="ocr-section-sign",
                message=f"the text reads like OCR output with '§' misread (as 8, $ or &); {repaired} lines repaired",
            )
        )
    return Extracted(pages=pages, format="text", file=file, warnings=warnings)
