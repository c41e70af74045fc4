"""PDF reader: letter-spaced words and words in small capitals read as words.

A heading or label set with letter-spacing ("S A M M A N T R Ä D E S P R O T O K O L L") leaves
gaps between its letters that pdfium fills with spaces of its own; small capitals made from a
full-size capital and smaller letters ("B" + "ESLUTANDE") change the font size inside a word,
where pdfium cuts its boxes. Both come out of the reader as the words the page shows, while the
spaces between words and the gaps between table cells stay. The PDFs are drawn with reportlab
at exact positions, one glyph at a time, so each test fixes its geometry."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from protokoll.importing.readers import read_file

from .reader_fixtures import font


def _spaced(c: canvas.Canvas, x: float, y: float, text: str, size: float, tracking: float) -> float:
    """Draw ``text`` with ``tracking`` points between its letters, each glyph placed where it
    goes (as WeasyPrint and most typesetters write letter-spacing); the x after it."""
    c.setFont(font(), size)
    for ch in text:
        c.drawString(x, y, ch)
        x += stringWidth(ch, font(), size) + tracking
    return x


def _small_caps(c: canvas.Canvas, x: float, y: float, word: str, size: float, tracking: float) -> float:
    """A word in small capitals: its capital full size, the rest capitals in a smaller size."""
    x = _spaced(c, x, y, word[0], size, tracking)
    return _spaced(c, x, y, word[1:].upper(), size * 0.75, tracking)


def _read(path) -> list[str]:
    return read_file(path).pages[0].lines


def test_a_letter_spaced_heading_reads_as_its_words(tmp_path):
    path = tmp_path / "spaced.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _spaced(c, 72, 780, "SAMMANTRÄDESPROTOKOLL", 18, 6)
    _spaced(c, 72, 740, "FÖRSLAG TILL BESLUT", 9, 2.7)
    _spaced(c, 72, 720, "Beslut", 9, 2.7)
    c.setFont(font(), 11)
    c.drawString(72, 700, "Nämnden beslutar att godkänna förslaget.")
    c.showPage()
    c.save()
    lines = [ln for ln in _read(path) if ln]
    assert lines == [
        "SAMMANTRÄDESPROTOKOLL",
        "FÖRSLAG TILL BESLUT",
        "Beslut",
        "Nämnden beslutar att godkänna förslaget.",
    ]


def test_words_in_small_capitals_are_not_cut_after_their_capital(tmp_path):
    path = tmp_path / "smallcaps.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    x = _small_caps(c, 72, 780, "Beslutande", 11, 1.1)
    c.setFont(font(), 11)
    c.drawString(230, 780, "Anna Berg (S), ordförande")
    x = _spaced(c, 72, 740, "§ 8 ", 14, 1.4)
    x = _small_caps(c, x, 740, "Föreningsbidrag", 14, 1.4)
    x = _small_caps(c, x + 4, 740, "2025", 14, 1.4)
    c.showPage()
    c.save()
    lines = [ln for ln in _read(path) if ln]
    assert lines[0] == "BESLUTANDE\tAnna Berg (S), ordförande"
    assert lines[1] == "§ 8 FÖRENINGSBIDRAG 2025"


def test_the_cells_of_a_table_row_of_marks_stay_apart(tmp_path):
    # single letters far apart are cells ("X" marks), not a word set letter-spaced
    path = tmp_path / "marks.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font(), 11)
    for y, cells in ((780, ("Anna Berg", "S", "X", "", "")), (766, ("Olof Ek", "M", "", "X", "X"))):
        for x, text in zip((72, 230, 300, 340, 380), cells, strict=True):
            if text:
                c.drawString(x, y, text)
    c.drawString(72, 740, "A B C")
    c.showPage()
    c.save()
    assert [ln for ln in _read(path) if ln] == ["Anna Berg\tS\tX", "Olof Ek\tM\tX\tX", "A B C"]
