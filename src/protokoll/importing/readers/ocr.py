"""OCR of scanned PDF pages with Tesseract (Swedish), used only when it is installed.

Tesseract is an external program (apt ``tesseract-ocr tesseract-ocr-swe``); pytesseract
runs it in a subprocess with a timeout, so a page cannot hang an import.
"""

from __future__ import annotations

import functools
import math
import shutil
import subprocess

import pypdfium2 as pdfium

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.readers.limits import Budget
from protokoll.importing.readers.ocr_misreads import (
    repair_doubled_capitals,
    repair_section_signs,
    repair_table_rules,
)
from protokoll.importing.readers.pdf_layout import Segment, column_gap, group_lines, join_segments

LANG = "swe"
DPI = 300
# Tesseract's page segmentation: "a single column of text of variable sizes". Its default (full
# automatic layout) takes a table's narrow columns of one-letter cells (party "S", "X" marks)
# for noise and drops them; reading rows across the page keeps them, and the columns come back
# from the gaps between the words (layout_words), as in a text layer.
PAGE_SEGMENTATION = "--psm 4"
# A hostile MediaBox can ask for a page of several square metres; cap the bitmap instead of
# rendering gigapixels. 40 Mpx is A3 at 300 dpi.
MAX_PIXELS = 40_000_000

INSTALL_ADVICE = "install tesseract-ocr and tesseract-ocr-swe to read it"


def missing_advice(page_number: int) -> str:
    return f"page {page_number} has no text layer; {INSTALL_ADVICE}"


@functools.cache
def available() -> bool:
    """True when the tesseract binary runs and has Swedish language data."""
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    langs = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    return LANG in langs


def render_scale(width_pt: float, height_pt: float) -> float:
    scale = DPI / 72
    pixels = width_pt * scale * height_pt * scale
    if pixels > MAX_PIXELS:
        scale *= math.sqrt(MAX_PIXELS / pixels)
    return scale


def ocr_page(page: pdfium.PdfPage, *, budget: Budget, page_number: int) -> list[str]:
    import pytesseract

    width, height = page.get_size()
    bitmap = page.render(scale=render_scale(width, height), grayscale=True)
    image = bitmap.to_pil()
    remaining = max(budget.seconds - budget.elapsed, 1.0)
    try:
        data = pytesseract.image_to_data(
            image, lang=LANG, config=PAGE_SEGMENTATION, timeout=remaining, output_type=pytesseract.Output.DICT
        )
    except RuntimeError as e:  # pytesseract's timeout
        raise UnreadableInput(f"OCR of page {page_number} took longer than the time limit") from e
    except pytesseract.TesseractError as e:
        raise UnreadableInput(f"OCR of page {page_number} failed: {e.message or e.status}") from None
    finally:
        image.close()
        bitmap.close()
    return [
        repair_doubled_capitals(repair_section_signs(repair_table_rules(line))) for line in layout_words(data)
    ]


def layout_words(data: dict[str, list]) -> list[str]:
    """Tesseract's words as lines laid out like a PDF's text layer.

    Tesseract's own lines keep a skewed scan's words together; its blocks, though, may put a
    header's labels and values in separate columns. Each Tesseract line becomes one segment
    per cell (its words cut where a column gap parts them, as pdfium cuts a text layer's line
    into boxes), and segments on the same visual line are joined left to right, with a tab
    across a wide gap (label<TAB>value), by the same rules as text from a PDF.
    """
    lines: dict[tuple[int, int, int], list[Segment]] = {}
    for i, word in enumerate(data["text"]):
        if not word or not word.strip():
            continue
        left, top = float(data["left"][i]), float(data["top"][i])
        right, bottom = left + float(data["width"][i]), top + float(data["height"][i])
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        # Image rows grow downwards; segments use PDF coordinates, which grow upwards.
        lines.setdefault(key, []).append(Segment(left, -bottom, right, -top, word.strip()))
    segments = []
    for words in lines.values():
        words.sort(key=lambda s: s.left)
        cell = [words[0]]
        for word in words[1:]:
            if column_gap(cell[-1], word):
                segments.append(_joined(cell))
                cell = []
            cell.append(word)
        segments.append(_joined(cell))
    return group_lines(segments)


def _joined(words: list[Segment]) -> Segment:
    return Segment(
        words[0].left,
        min(w.bottom for w in words),
        words[-1].right,
        max(w.top for w in words),
        join_segments(words, words=True),
    )
