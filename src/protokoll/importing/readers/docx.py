"""DOCX with python-docx: paragraphs and tables in body order, the first page's running header
above them; footers dropped.

The zip is inspected before anything is unpacked (entry count, total size, compression ratio),
so a small upload cannot expand into gigabytes. python-docx parses the XML with entity
resolution off, so an entity-expansion ("billion laughs") document stays small.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from protokoll.importing.extracted import Extracted, Page, UnreadableInput
from protokoll.importing.readers.limits import (
    DOCX_RATIO_MIN_SIZE,
    MAX_DOCX_ENTRIES,
    MAX_DOCX_RATIO,
    MAX_DOCX_UNCOMPRESSED,
    format_limit,
    format_size,
)
from protokoll.importing.readers.sniff import ZIP_ERRORS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Text a reader of the printed document never sees: deleted revisions, field instructions,
# the VML copy of a drawing that Word writes next to the modern one.
SKIP = {W + "del", W + "delText", W + "instrText", W + "moveFrom", MC_FALLBACK}


def check_zip(data: bytes) -> None:
    """Refuse a zip bomb or a damaged zip before any entry is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except ZIP_ERRORS as e:
        raise UnreadableInput(f"the DOCX cannot be read: the zip archive is damaged ({e})") from None
    if len(infos) > MAX_DOCX_ENTRIES:
        raise UnreadableInput(
            f"the DOCX looks like a zip bomb: {len(infos)} entries; the limit is {MAX_DOCX_ENTRIES}"
        )
    total = sum(i.file_size for i in infos)
    if total > MAX_DOCX_UNCOMPRESSED:
        raise UnreadableInput(
            f"the DOCX looks like a zip bomb: it unpacks to {format_size(total)}; "
            f"the limit is {format_limit(MAX_DOCX_UNCOMPRESSED)}"
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > DOCX_RATIO_MIN_SIZE and ratio > MAX_DOCX_RATIO:
            raise UnreadableInput(
                f"the DOCX looks like a zip bomb: {info.filename} is compressed {ratio:.0f}:1; "
                f"the limit is {MAX_DOCX_RATIO}:1"
            )
    for info in infos:
        _check_declared_size(data, info)


def _check_declared_size(data: bytes, info: zipfile.ZipInfo) -> None:
    """The checks above trust the sizes in the zip directory, which an attacker writes.
    zipfile's ``read()`` inflates an entry's whole compressed stream in one call before
    cutting it to the declared size, so a lying directory would still unpack gigabytes inside
    python-docx. Inflate each entry here in bounded steps and stop as soon as it produces more
    than it declares."""
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise UnreadableInput(f"the DOCX cannot be read: {info.filename} is damaged")
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise UnreadableInput(
            f"the DOCX cannot be read: {info.filename} uses a compression Word does not write"
        )
    offset = info.header_offset
    header = data[offset : offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise UnreadableInput(f"the DOCX cannot be read: {info.filename} is damaged")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    start = offset + 30 + name_len + extra_len
    pending = data[start : start + info.compress_size]
    inflater = zlib.decompressobj(-15)
    produced = 0
    try:
        while pending and not inflater.eof:
            out = inflater.decompress(pending, 1 << 16)
            produced += len(out)
            if produced > info.file_size:
                raise UnreadableInput(
                    f"the DOCX looks like a zip bomb: {info.filename} unpacks to more than the "
                    f"{format_size(info.file_size)} its zip directory declares"
                )
            if not out and len(inflater.unconsumed_tail) == len(pending):
                # zlib made no progress: a mangled stream it neither reads nor rejects.
                raise UnreadableInput(f"the DOCX cannot be read: {info.filename} is damaged")
            pending = inflater.unconsumed_tail
        produced += len(inflater.flush())
    except zlib.error:
        raise UnreadableInput(f"the DOCX cannot be read: {info.filename} is damaged") from None
    if produced != info.file_size:
        raise UnreadableInput(f"the DOCX cannot be read: {info.filename} is damaged")


def _run_text(el, out: list[str], depth: int) -> None:
    """Text of a paragraph's content in document order: runs, hyperlinks, insertions, fields."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "txbxContent":
            # A text box: its paragraphs on their own lines, where the box is anchored.
            out.append("\n")
            for line in _block_lines(child, depth + 1, paging=False):
                out.append(f"{line}\n")
        else:
            _run_text(child, out, depth)


def _paragraph_lines(p, depth: int) -> list[str]:
    parts: list[str] = []
    _run_text(p, parts, depth)
    text = "".join(parts)
    if not text.strip():
        return [""]  # an empty paragraph (or one holding only a page break) is one blank line
    return [line.rstrip() for line in text.split("\n")]


class PageBreak:
    """Where Word last broke a page (w:lastRenderedPageBreak), between lines."""


PAGE_BREAK = PageBreak()


def _page_breaks(el) -> tuple[int, int]:
    """Word's rendered page breaks in a paragraph or table row: (before any text, after some).
    A block that starts on a new page has its marker before its text; a block that runs over
    a page end stays on the page where it starts. Text boxes are outside the flow."""
    before = after = 0
    seen_text = False
    stack = [el]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == W + "txbxContent" or tag in SKIP:
            continue
        if tag == W + "lastRenderedPageBreak":
            if seen_text:
                after += 1
            else:
                before += 1
        elif tag == W + "t" and node.text and node.text.strip():
            seen_text = True
        stack.extend(reversed([c for c in node if isinstance(c.tag, str)]))
    return before, after


def _with_breaks(el, lines: list, paging: bool) -> list:
    if not paging:
        return lines
    before, after = _page_breaks(el)
    return [PAGE_BREAK] * before + lines + [PAGE_BREAK] * after


def _span(tc) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    try:
        return max(1, min(int(span.get(W + "val", "1")), 50)) if span is not None else 1
    except ValueError:
        return 1


def _table_lines(tbl, depth: int, paging: bool) -> list:
    lines: list = []
    for tr in tbl.iterchildren(W + "tr"):
        cells: list[list[str]] = []
        for tc in tr.iterchildren(W + "tc"):
            cell = [line for line in _block_lines(tc, depth + 1, paging=False) if line.strip()]
            cells.append(cell or [""])
            # A merged cell spans grid columns; keep one empty cell per extra column so that
            # columns (e.g. Ja / Nej / Avstår in a vote) stay where they are.
            cells.extend([[""]] * (_span(tc) - 1))
        if not any(c[0] or len(c) > 1 for c in cells):
            lines.extend(_with_breaks(tr, [], paging))
            continue
        row = ["\t".join(c[0] for c in cells).rstrip("\t") if len(cells) > 1 else cells[0][0]]
        for c in cells:
            row.extend(c[1:])
        lines.extend(_with_breaks(tr, row, paging))
    return lines


def _block_lines(container, depth: int = 0, *, paging: bool = False) -> list:
    """Lines of a body, cell or text box: paragraphs and tables in order; content controls
    (w:sdt) and custom XML are looked into. With ``paging``, PAGE_BREAK markers stand between
    lines where Word broke pages."""
    lines: list = []
    if depth > 50:
        return lines
    for child in container:
        tag = child.tag
        if tag == W + "p":
            lines.extend(_with_breaks(child, _paragraph_lines(child, depth), paging))
        elif tag == W + "tbl":
            lines.extend(_table_lines(child, depth, paging))
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"):
            lines.extend(_block_lines(child, depth + 1, paging=paging))
    return lines


def _pages(items: list) -> list[Page]:
    pages = [Page(number=1, lines=[])]
    for item in items:
        if item is PAGE_BREAK:
            pages.append(Page(number=len(pages) + 1, lines=[]))
        else:
            pages[-1].lines.append(item)
    return pages


def _letterhead(document) -> list[str]:
    """The running header of the first page, once: a Word protocol often states its kommun,
    organ and meeting date only there, as the letterhead a printed copy shows. Later pages
    repeat it and the footer holds the signature boxes and the address, so neither is read."""
    try:
        section = document.sections[0]
        header = section.first_page_header if section.different_first_page_header_footer else section.header
        if header.is_linked_to_previous:  # the first section defines no header of its own
            return []
        return [line for line in _block_lines(header._element) if line.strip()]
    except Exception:  # a damaged header part loses the letterhead, never the protocol
        return []


def read_docx(data: bytes, *, file: str | None = None) -> Extracted:
    check_zip(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as e:  # python-docx raises many kinds on a damaged package; all mean "unreadable"
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise UnreadableInput(f"the DOCX cannot be read: {reason}") from None
    # Page numbers only where Word recorded its rendering: explicit breaks alone would number
    # pages wrongly wherever text flowed over a page end by itself.
    paging = body.find(f".//{W}lastRenderedPageBreak") is not None
    pages = _pages(_block_lines(body, paging=paging))
    pages[0].lines[:0] = _letterhead(document)
    if not any(line.strip() for page in pages for line in page.lines):
        raise UnreadableInput("the DOCX contains no text")
    return Extracted(pages=pages, format="docx", file=file)
