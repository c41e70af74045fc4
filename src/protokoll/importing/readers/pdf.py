"""PDF with pypdfium2: text per page with its page number; OCR for pages without a text layer.

pdfium is the engine in Chrome: fast, tolerant of the damaged PDFs that municipal archive
systems produce, and permissively licensed (Apache-2.0/BSD-3). See docs/readers.md.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from protokoll.document.model import Warning
from protokoll.importing.extracted import Extracted, Page, UnreadableInput
from protokoll.importing.readers import ocr
from protokoll.importing.readers.limits import MAX_PDF_PAGES, Budget
from protokoll.importing.readers.ocr_misreads import repair_glued_signs
from protokoll.importing.readers.pdf_layout import Segment, clean, group_lines

# A page with less text than this, and an image on it, is a scan with a stamped page number
# or a title rather than a page with a text layer.
SCANNED_PAGE_MAX_CHARS = 30

_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in _PASSWORD_ERRORS:
            raise UnreadableInput("the PDF is encrypted; save an unprotected copy and import that") from None
        reason = str(e).removeprefix("Failed to load document ").strip(" .()") or "unknown error"
        raise UnreadableInput(f"the PDF cannot be read: {reason}") from None


def _segments(textpage: pdfium.PdfTextPage) -> list[Segment]:
    """pdfium's text, cut into positioned segments.

    Each of pdfium's lines (runs of characters in content order, ended by a generated CRLF)
    is one segment with the box pdfium computes for it. Only a line that pdfium splits into
    several boxes (a wide gap: label and value) is cut by box, with get_text_bounded; that
    call scans the whole page, so it is kept off the common path.
    """
    text = textpage.get_text_range()
    if len(text) != textpage.count_chars():
        # Characters outside the BMP shift Python's indices against pdfium's: cut by box only.
        return _segments_by_box(textpage, 0, -1)
    segments: list[Segment] = []
    pos = 0
    for line in text.split("\r\n"):
        if line.strip():
            n = textpage.count_rects(pos, len(line))
            # the whole line letter-spaced: a space for every other character, most words one letter
            whole = line.count(" ") * 3 > len(line) and _letter_spaced(line)
            if n == 1:
                first = pos + len(line) - len(line.lstrip())
                words = line
                if whole:
                    drop = _letter_gaps(textpage, pos, line, 0, len(line))
                    words = "".join(ch for j, ch in enumerate(line) if j not in drop)
                segments.append(Segment(*textpage.get_rect(0), clean(words), _origin(textpage, first)))
            elif n > 1:
                boxes = _segments_by_box(textpage, pos, len(line))
                words = clean(line)
                if (whole or any(_letter_spaced(seg.text) for seg in boxes)) and len(words) == len(line):
                    boxes, words = _boxes_without_letter_spacing(textpage, pos, words, boxes, whole=whole)
                segments.extend(_word_parts_joined(boxes, words))
        pos += len(line) + 2
    return segments


def _segments_by_box(textpage: pdfium.PdfTextPage, start: int, count: int) -> list[Segment]:
    boxes = [textpage.get_rect(i) for i in range(textpage.count_rects(start, count))]
    return [
        Segment(*box, clean(textpage.get_text_bounded(*box)), _box_origin(textpage, box)) for box in boxes
    ]


def _word_parts_joined(segments: list[Segment], line: str) -> list[Segment]:
    """Boxes that pdfium's own text runs together without a space are one word: pdfium cuts
    its boxes where the font or its size changes, which happens inside a word set in small
    capitals ("B" + "ESLUTANDE", the capital full size) or with one letter in another font.
    Left as boxes, the gap that letter-spacing leaves between them would read as a space."""
    out = segments[:1]
    pos = line.find(segments[0].text.strip())
    if pos < 0:
        return segments
    pos += len(segments[0].text.strip())
    for seg in segments[1:]:
        text = seg.text.strip()
        at = line.find(text, pos) if text else -1
        if at < 0:
            return segments
        prev = out[-1]
        # a word's letters are never a line's height apart; farther is a table's next cell
        if at == pos and prev.text.strip() and 0 <= seg.left - prev.right < max(prev.height, seg.height):
            out[-1] = Segment(
                prev.left,
                min(prev.bottom, seg.bottom),
                seg.right,
                max(prev.top, seg.top),
                prev.text.rstrip() + text,
                prev.origin,
            )
        else:
            out.append(seg)
        pos = at + len(text)
    return out


def _letter_spaced(text: str) -> bool:
    """Most of the text's words one letter long: letter-spacing that pdfium reads as spaces
    ("B E S L U T", "K u lt u r-")."""
    tokens = text.split()
    return len(tokens) >= 3 and 2 * sum(len(t) == 1 for t in tokens) >= len(tokens)


# a space between words adds at least this share of the font size to the gap between letters
_WORD_SPACE_EM = 0.2


def _boxes_without_letter_spacing(
    textpage: pdfium.PdfTextPage, start: int, line: str, boxes: list[Segment], *, whole: bool
) -> tuple[list[Segment], str]:
    """The boxes without the spaces pdfium put between the letters of a letter-spaced word, and
    the line the same: the ``whole`` line is letter-spaced (a glyph per box, as a typesetter
    places them), or only the boxes whose own text is. Each box is found in the line (pdfium's
    text of both is the same)."""
    drop = _letter_gaps(textpage, start, line, 0, len(line)) if whole else set()
    out = []
    pos = 0
    for seg in boxes:
        text = seg.text.strip()
        at = line.find(text, pos) if text else -1
        if at < 0:
            out.append(seg)
            continue
        if not whole and _letter_spaced(text):
            # the space before the box too: its capital may be set apart in full size
            lo = at - 1 if at and line[at - 1] == " " else at
            drop |= _letter_gaps(textpage, start, line, lo, at + len(text))
        kept = "".join(ch for j, ch in enumerate(text, at) if j not in drop)
        out.append(
            seg if kept == text else Segment(seg.left, seg.bottom, seg.right, seg.top, kept, seg.origin)
        )
        pos = at + len(text)
    return out, "".join(ch for j, ch in enumerate(line) if j not in drop)


def _letter_gaps(textpage: pdfium.PdfTextPage, start: int, line: str, lo: int, hi: int) -> set[int]:
    """Where in ``line[lo:hi]`` (a word or words set letter-spaced, "S A M M A N T R Ä D E S
    P R O T O K O L L") pdfium generated a space between two letters that stand no farther
    apart than the letters do: the narrowest such gap is the letter-spacing, and a gap wider by
    a word space is a space between words. The spaces the PDF itself holds stay."""
    boxes = {j: _char_box(textpage, start + j) for j in range(max(lo - 1, 0), min(hi + 1, len(line)))}
    spaced: dict[int, float] = {}
    for j in range(max(lo, 1), min(hi, len(line) - 1)):
        a, b = boxes.get(j - 1), boxes.get(j + 1)
        if (
            line[j] == " "
            and a
            and b
            and line[j - 1].isalpha()
            and line[j + 1].isalpha()
            and pdfium_c.FPDFText_IsGenerated(textpage, start + j) == 1
        ):
            spaced[j] = b[0] - a[1]
    if not spaced:
        return set()
    narrowest = min(spaced.values())
    return {
        j
        for j, gap in spaced.items()
        if gap < narrowest + _WORD_SPACE_EM * pdfium_c.FPDFText_GetFontSize(textpage, start + j - 1)
    }


def _char_box(textpage: pdfium.PdfTextPage, index: int) -> tuple[float, float] | None:
    """The left and right edge of character ``index``."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if not pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top):
        return None
    return (left.value, right.value)


def _origin(textpage: pdfium.PdfTextPage, index: int | None) -> tuple[float, float] | None:
    """Where character ``index`` sits on its baseline: glyph boxes move with descenders and
    accents, the baseline does not, so lines of two columns can be compared by it."""
    x, y = ctypes.c_double(), ctypes.c_double()
    if index is None or index < 0 or not pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y):
        return None
    return (x.value, y.value)


def _box_origin(
    textpage: pdfium.PdfTextPage, box: tuple[float, float, float, float]
) -> tuple[float, float] | None:
    left, bottom, _, top = box
    height = top - bottom
    return _origin(
        textpage, textpage.get_index(left + height / 4, (top + bottom) / 2, height / 2, height / 2)
    )


def _as_displayed(segments: list[Segment], rotation: int) -> list[Segment]:
    """Boxes in the page as it is displayed: /Rotate turns the page clockwise, and reading
    order (top to bottom, left to right) holds on the displayed page, not in user space."""
    if rotation == 90:  # the left edge is on top: display x = y, display y = -x
        return [Segment(s.bottom, -s.right, s.top, -s.left, s.text, _turn(s.origin, 90)) for s in segments]
    if rotation == 180:
        return [Segment(-s.right, -s.top, -s.left, -s.bottom, s.text, _turn(s.origin, 180)) for s in segments]
    if rotation == 270:  # the left edge is at the bottom: display x = -y, display y = x
        return [Segment(-s.top, s.left, -s.bottom, s.right, s.text, _turn(s.origin, 270)) for s in segments]
    return segments


def _turn(point: tuple[float, float] | None, rotation: int) -> tuple[float, float] | None:
    if point is None:
        return None
    x, y = point
    return {90: (y, -x), 180: (-x, -y), 270: (-y, x)}[rotation]


def page_lines(page: pdfium.PdfPage) -> list[str]:
    textpage = page.get_textpage()
    try:
        lines = group_lines(_as_displayed(_segments(textpage), page.get_rotation() % 360))
        if lines:
            return lines
        # Pages pdfium gives no boxes for: its own reading order.
        text = textpage.get_text_range()
        return [clean(line).rstrip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    finally:
        textpage.close()


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def read_pdf(data: bytes, *, file: str | None = None, budget: Budget) -> Extracted:
    pdf = open_pdf(data)
    try:
        count = len(pdf)
        if count == 0:
            raise UnreadableInput("the PDF cannot be read: it has no pages")
        if count > MAX_PDF_PAGES:
            raise UnreadableInput(f"the PDF has {count} pages; the limit is {MAX_PDF_PAGES}")
        pages: list[Page] = []
        warnings: list[Warning] = []
        can_ocr: bool | None = None
        scanned: set[int] = set()
        for index in range(count):
            number = index + 1
            budget.check(f"page {number}")
            try:
                page = pdf[index]
            except pdfium.PdfiumError as e:
                warnings.append(
                    Warning(
                        code="pdf-page-unreadable", message=f"page {number} cannot be read: {e}", page=number
                    )
                )
                pages.append(Page(number=number, lines=[]))
                continue
            try:
                lines = page_lines(page)
                chars = sum(len(line.strip()) for line in lines)
                # A page with nothing drawn on it is a blank page, not a scan.
                if (chars == 0 and pdfium_c.FPDFPage_CountObjects(page) > 0) or (
                    0 < chars < SCANNED_PAGE_MAX_CHARS and _has_image(page)
                ):
                    if can_ocr is None:
                        can_ocr = ocr.available()
                    if can_ocr:
                        lines = ocr.ocr_page(page, budget=budget, page_number=number) or lines
                        scanned.add(index)
                        warnings.append(
                            Warning(
                                code="pdf-ocr",
                                message=f"page {number} has no text layer; its text came from OCR "
                                "and may contain misread characters",
                                page=number,
                            )
                        )
                    elif chars == 0:
                        warnings.append(
                            Warning(code="pdf-no-text-layer", message=ocr.missing_advice(number), page=number)
                        )
            finally:
                page.close()
            pages.append(Page(number=number, lines=lines))
        if not any(line.strip() for p in pages for line in p.lines):
            if can_ocr is None:
                raise UnreadableInput("the PDF contains no text: its pages are blank")
            if can_ocr is False:
                raise UnreadableInput(f"the PDF has no text layer; {ocr.INSTALL_ADVICE}")
            raise UnreadableInput("the PDF contains no text, not even by OCR")
        if scanned:
            repaired = repair_glued_signs([p.lines for p in pages], scanned)
            pages = [Page(number=p.number, lines=lines) for p, lines in zip(pages, repaired, strict=True)]
        return Extracted(pages=pages, format="pdf", file=file, warnings=warnings)
    finally:
        pdf.close()
