"""The protocol as a PDF with a real text layer (reportlab), the same content as the text.

Uses the Bitstream Vera fonts bundled with reportlab, which cover å, ä, ö and §, so nothing is
needed from the system. Page furniture (header with "Sida n (N)", "Justerandes signatur",
"Utdragsbestyrkande") is drawn on every page like on paper. Archival PDF/A comes with the
recording work; this is the readable protocol and the importer's benchmark input.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from protokoll.document.model import Document
from protokoll.rendering.layout import Block, build_layout, paginate

REGULAR, BOLD = "ProtokollVera", "ProtokollVera-Bold"
SIZE = 10
LEADING = 13
LEFT, RIGHT = 60, A4[0] - 50
TOP, BOTTOM = A4[1] - 95, 80
WIDTH = RIGHT - LEFT
VALUE_X = LEFT + 175  # second column of a "field" line
VOTE_X = (LEFT + 250, LEFT + 300, LEFT + 350, LEFT + 410)  # Ja, Nej, Avstår, Frånvarande
VOTE_COLUMN = {"Ja": 0, "Nej": 1, "Avstår": 2, "Frånvarande": 3}
AGENDA_TITLE_X = LEFT + 50


@lru_cache(maxsize=1)
def _fonts() -> None:
    folder = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "VeraBd.ttf")))


def _font(block: Block) -> tuple[str, float]:
    if block.kind == "title":
        return BOLD, 11
    if block.kind in ("heading", "label"):
        return BOLD, 11 if block.kind == "heading" else SIZE
    return REGULAR, SIZE


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    return simpleSplit(text, font, size, width) or [""]


def _lines(block: Block) -> list[str] | None:
    """Wrapped lines of a single-column block; None for column blocks."""
    if block.kind == "blank":
        return [""]
    if block.cells:
        return None
    font, size = _font(block)
    return _wrap(block.text, font, size, WIDTH)


def _measure(block: Block) -> int:
    lines = _lines(block)
    if lines is not None:
        return len(lines)
    if block.kind == "field":
        return len(_wrap(block.cells[1], REGULAR, SIZE, RIGHT - VALUE_X))
    if block.kind == "agenda":
        return len(_wrap(block.cells[1], REGULAR, SIZE, RIGHT - AGENDA_TITLE_X - 30))
    return 1


def _draw(canvas: Canvas, block: Block, y: float) -> float:
    lines = _lines(block)
    if lines is not None:
        font, size = _font(block)
        canvas.setFont(font, size)
        for line in lines:
            canvas.drawString(LEFT, y, line)
            y -= LEADING
        return y
    canvas.setFont(REGULAR, SIZE)
    if block.kind == "field":
        canvas.drawString(LEFT, y, block.cells[0])
        for line in _wrap(block.cells[1], REGULAR, SIZE, RIGHT - VALUE_X):
            canvas.drawString(VALUE_X, y, line)
            y -= LEADING
        return y
    if block.kind == "agenda":
        number, title, page = block.cells
        canvas.drawString(LEFT, y, number)
        canvas.drawRightString(RIGHT, y, page)
        for line in _wrap(title, REGULAR, SIZE, RIGHT - AGENDA_TITLE_X - 30):
            canvas.drawString(AGENDA_TITLE_X, y, line)
            y -= LEADING
        return y
    # A ballot table row: the name, then the vote word in its own column.
    cells = block.cells
    canvas.drawString(LEFT, y, cells[0])
    if len(cells) == 2:
        canvas.drawString(VOTE_X[VOTE_COLUMN.get(cells[1], 0)], y, cells[1])
    else:
        for x, cell in zip(VOTE_X, cells[1:], strict=False):
            canvas.drawString(x, y, cell)
    return y - LEADING


def render_pdf(doc: Document) -> bytes:
    _fonts()
    layout = build_layout(doc)
    pages, _ = paginate(layout, _measure, int((TOP - BOTTOM) / LEADING))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(f"{doc.body or ''} {layout.header[2]}".strip())
    canvas.setAuthor(layout.header[0])
    canvas.setSubject("Sammanträdesprotokoll")
    municipality, body, date = layout.header
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        canvas.setFont(BOLD, SIZE)
        canvas.drawString(LEFT, A4[1] - 50, municipality)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 50, "SAMMANTRÄDESPROTOKOLL")
        canvas.setFont(REGULAR, SIZE)
        canvas.drawRightString(RIGHT, A4[1] - 50, f"Sida {number} ({total})")
        canvas.drawString(LEFT, A4[1] - 64, body)
        canvas.drawRightString(RIGHT, A4[1] - 64, date)
        y = TOP
        for block in page.blocks:
            y = _draw(canvas, block, y)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(LEFT, 45, "Justerandes signatur")
        canvas.drawRightString(RIGHT, 45, "Utdragsbestyrkande")
        canvas.showPage()
    canvas.save()
    return out.getvalue()
