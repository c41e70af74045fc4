"""PDF reader: page numbers, reading order of two-column headers, encrypted/broken/hostile PDFs."""

from __future__ import annotations

import pytest

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.readers import pdf as pdf_reader
from protokoll.importing.readers import read_bytes, read_file

from .reader_fixtures import HEADER, protocol_pdf


@pytest.fixture(scope="module")
def two_page_pdf(tmp_path_factory):
    return protocol_pdf(tmp_path_factory.mktemp("pdf") / "prot.pdf", pages=3)


def test_pages_keep_their_numbers_and_text(two_page_pdf):
    got = read_file(two_page_pdf)
    assert got.format == "pdf"
    assert got.file == "prot.pdf"
    assert [p.number for p in got.pages] == [1, 2, 3]
    for page in got.pages:
        text = "\n".join(page.lines)
        assert f"§ {page.number} Ärende nummer {page.number}" in text
        assert f"Dnr SN 2024/{100 + page.number}" in page.lines
        assert f"Sida {page.number}" in text
    assert got.warnings == []


def test_two_column_header_reads_label_and_value_on_one_line(two_page_pdf):
    lines = read_file(two_page_pdf).pages[0].lines
    expected = [f"{label}\t{value}" for label, value in HEADER]
    start = lines.index(expected[0])
    assert lines[start : start + 3] == expected


def test_lines_are_in_reading_order_top_to_bottom(two_page_pdf):
    lines = [line for line in read_file(two_page_pdf).pages[1].lines if line]
    assert lines == [
        "§ 2 Ärende nummer 2",
        "Dnr SN 2024/102",
        "Nämnden beslutar att godkänna förslaget på sidan 2.",
        "Sida 2",
    ]


def test_encrypted_pdf_is_refused(tmp_path):
    path = protocol_pdf(tmp_path / "locked.pdf", pages=1, encrypt="secret")
    with pytest.raises(UnreadableInput, match="^the PDF is encrypted"):
        read_file(path)


def test_truncated_pdf_is_refused(two_page_pdf):
    data = two_page_pdf.read_bytes()
    for cut in (len(data) // 2, 40):
        with pytest.raises(UnreadableInput, match="^the PDF cannot be read: "):
            read_bytes(data[:cut], file="cut.pdf")


def test_pdf_header_with_garbage_is_refused():
    with pytest.raises(UnreadableInput, match="^the PDF cannot be read: "):
        read_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40, file="x.pdf")


def test_file_named_pdf_that_is_text_is_read_as_text(tmp_path):
    path = tmp_path / "protokoll.pdf"
    path.write_text("Kommunfullmäktige\n§ 1 Val\n")
    got = read_file(path)
    assert got.format == "text"
    assert got.pages[0].lines[:2] == ["Kommunfullmäktige", "§ 1 Val"]


def test_page_limit(tmp_path, monkeypatch):
    path = protocol_pdf(tmp_path / "long.pdf", pages=3)
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGES", 2)
    with pytest.raises(UnreadableInput, match="^the PDF has 3 pages; the limit is 2$"):
        read_file(path)


def test_time_budget_stops_the_read(tmp_path, monkeypatch):
    path = protocol_pdf(tmp_path / "slow.pdf", pages=3)
    monkeypatch.setenv("PROTOKOLL_MAX_READ_SECONDS", "0.000001")
    with pytest.raises(UnreadableInput, match="took longer than 1e-06 s .*PROTOKOLL_MAX_READ_SECONDS"):
        read_file(path)


def test_blank_pdf_without_images_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "blank.pdf"))
    c.showPage()
    c.save()
    with pytest.raises(UnreadableInput, match="no text"):
        read_file(tmp_path / "blank.pdf")


def test_fast_path_and_box_path_agree(two_page_pdf):
    """Lines cut from pdfium's text stream equal lines cut by box alone (the fallback used when
    characters outside the BMP shift the indices)."""
    import pypdfium2 as pdfium

    from protokoll.importing.readers.pdf import _segments, _segments_by_box
    from protokoll.importing.readers.pdf_layout import group_lines

    pdf = pdfium.PdfDocument(two_page_pdf.read_bytes())
    for page in pdf:
        textpage = page.get_textpage()
        assert group_lines(_segments(textpage)) == group_lines(_segments_by_box(textpage, 0, -1))


def test_line_end_hyphen_marker_is_kept_as_hyphen_and_controls_removed():
    from protokoll.importing.readers.pdf_layout import clean

    assert clean("besluts\x02") == clean("besluts\ufffe") == "besluts-"
    assert clean("under\x07lag\tnästa\x00\uffff") == "underlag\tnästa"


def test_hyphenated_line_end_keeps_both_lines(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "hy.pdf"))
    c.drawString(72, 700, "Nämnden har tagit del av besluts-")
    c.drawString(72, 687, "underlaget och beslutar")
    c.showPage()
    c.save()
    assert read_file(tmp_path / "hy.pdf").pages[0].lines == [
        "Nämnden har tagit del av besluts-",
        "underlaget och beslutar",
    ]


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    """Copy/print restrictions need no password to open; the text is readable, so it is read."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    locked = StandardEncryption(userPassword="", ownerPassword="ägare", canCopy=0, canPrint=0)
    path = protocol_pdf(tmp_path / "restricted.pdf", pages=1, encrypt=locked)
    assert "Dnr SN 2024/101" in read_file(path).pages[0].lines


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_is_read_as_displayed(tmp_path, rotation):
    """A landscape page stored as portrait with /Rotate: the text is drawn turned back, so it
    reads horizontally on screen; reading order must follow the displayed page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    width, height = A4
    c = canvas.Canvas(str(tmp_path / "rot.pdf"), pagesize=A4)
    c.setPageRotation(rotation)
    # Undo the display rotation so that drawing at (x, y) appears at (x, y) on screen.
    c.translate(*{90: (width, 0), 180: (width, height), 270: (0, height)}[rotation])
    c.rotate(rotation)
    c.setFont("Helvetica", 12)
    for x, y, text in [
        (450, 300, "Rådhuset, kl 13.00"),  # values drawn first
        (450, 280, "Anna Örn (S)"),
        (60, 300, "Plats och tid"),
        (60, 280, "Beslutande"),
        (60, 240, "§ 7 Liggande sida"),
    ]:
        c.drawString(x, y, text)
    c.showPage()
    c.save()
    assert read_file(tmp_path / "rot.pdf").pages[0].lines == [
        "Plats och tid\tRådhuset, kl 13.00",
        "Beslutande\tAnna Örn (S)",
        "",
        "§ 7 Liggande sida",
    ]
