"""DOCX reader: body order, tables as rows, the first page's header once and footers dropped; zip
bombs and damage refused."""

from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.readers import read_bytes, read_file
from protokoll.importing.readers.limits import MB

from .reader_fixtures import zip_bytes


def protocol_docx() -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "SIDHUVUD Byggnadsnämnden"
    d.sections[0].footer.paragraphs[0].text = "SIDFOT Justerandes signatur"
    d.add_heading("Protokoll Byggnadsnämnden", 1)
    d.add_paragraph("Sammanträdesdatum 2024-05-02")
    header = d.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "Plats och tid"
    header.cell(0, 1).text = "Rådhuset, kl 18.00–20.15"
    header.cell(1, 0).text = "Beslutande"
    header.cell(1, 1).text = "Cecilia Öst (C), ordförande\nDavid Ås (L)"
    d.add_paragraph("§ 5 Bygglov för Ängsvägen 3")
    p = d.add_paragraph("Beslut")
    p.add_run().add_break()
    p.add_run("Nämnden beviljar bygglov.\tDnr BN 2024/55")
    vote = d.add_table(rows=3, cols=4)
    for i, text in enumerate(["Ledamot", "Ja", "Nej", "Avstår"]):
        vote.cell(0, i).text = text
    vote.cell(1, 0).text = "Eva Ek (S)"
    vote.cell(1, 1).text = "X"
    vote.cell(2, 0).text = "Olle Ås (V)"
    vote.cell(2, 3).text = "X"
    d.add_paragraph("Justerandes signatur stycke i brödtext")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_paragraphs_and_tables_in_body_order(tmp_path):
    path = tmp_path / "bn.docx"
    path.write_bytes(protocol_docx())
    got = read_file(path)
    assert got.format == "docx"
    assert got.file == "bn.docx"
    assert [p.number for p in got.pages] == [1]
    assert got.pages[0].lines == [
        "SIDHUVUD Byggnadsnämnden",
        "Protokoll Byggnadsnämnden",
        "Sammanträdesdatum 2024-05-02",
        "Plats och tid\tRådhuset, kl 18.00–20.15",
        "Beslutande\tCecilia Öst (C), ordförande",
        "David Ås (L)",
        "§ 5 Bygglov för Ängsvägen 3",
        "Beslut",
        "Nämnden beviljar bygglov.\tDnr BN 2024/55",
        "Ledamot\tJa\tNej\tAvstår",
        "Eva Ek (S)\tX",
        "Olle Ås (V)\t\t\tX",
        "Justerandes signatur stycke i brödtext",
    ]
    assert got.text.count("SIDHUVUD") == 1 and "SIDFOT" not in got.text


def test_docx_with_a_pdf_name_is_read_as_docx(tmp_path):
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(protocol_docx())
    assert read_file(path).format == "docx"


def test_zip_bomb_is_refused_before_unpacking():
    # 20 MB of zeros deflates to about 20 KB: a ratio near 1000:1.
    bomb = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(20 * MB)})
    assert len(bomb) < MB
    t0 = time.perf_counter()
    with pytest.raises(
        UnreadableInput, match=r"^the DOCX looks like a zip bomb: word/document.xml is compressed \d+:1"
    ):
        read_bytes(bomb, file="bomb.docx")
    assert time.perf_counter() - t0 < 1.0


def test_zip_bomb_by_total_size_and_entry_count(monkeypatch):
    from protokoll.importing.readers import docx as docx_reader

    many = zip_bytes({"word/document.xml": b"<w/>", **{f"word/media/{i}.bin": b"x" for i in range(30)}})
    monkeypatch.setattr(docx_reader, "MAX_DOCX_ENTRIES", 20)
    with pytest.raises(UnreadableInput, match="31 entries; the limit is 20"):
        read_bytes(many)
    monkeypatch.setattr(docx_reader, "MAX_DOCX_ENTRIES", 2000)
    monkeypatch.setattr(docx_reader, "MAX_DOCX_UNCOMPRESSED", 64)
    with pytest.raises(UnreadableInput, match="unpacks to 34 bytes|unpacks to .* the limit is 64 bytes"):
        read_bytes(zip_bytes({"word/document.xml": b"<w/>" * 10, "word/x.xml": b"y" * 40}))


def test_stored_large_entry_is_not_a_bomb():
    """Size alone is no bomb: an uncompressed (stored) 2 MB image is an ordinary DOCX part."""
    from protokoll.importing.readers.docx import check_zip

    check_zip(
        zip_bytes(
            {"word/document.xml": b"<w/>", "word/media/a.png": bytes(2 * MB)}, compression=zipfile.ZIP_STORED
        )
    )


def test_damaged_docx_is_refused():
    good = protocol_docx()
    with pytest.raises(UnreadableInput, match="^the DOCX cannot be read"):
        read_bytes(good[: len(good) // 2], file="cut.docx")
    broken_xml = zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><unclosed"}
    )
    with pytest.raises(UnreadableInput, match="^the DOCX cannot be read"):
        read_bytes(broken_xml, file="broken.docx")


def billion_laughs() -> bytes:
    entities = "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "hahahahahaha">{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>&h;</w:t></w:r></w:p><w:p><w:r><w:t>Ordinarie text</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ).encode()


def test_entity_expansion_in_document_xml_does_not_explode():
    """&h; would expand to 10**7 × "hahahahahaha" (120 MB); libxml2 refuses the amplification."""
    good = zipfile.ZipFile(io.BytesIO(protocol_docx()))
    entries = {n: good.read(n) for n in good.namelist()}
    entries["word/document.xml"] = billion_laughs()
    t0 = time.perf_counter()
    with pytest.raises(UnreadableInput, match="^the DOCX cannot be read: .*amplification"):
        read_bytes(zip_bytes(entries))
    assert time.perf_counter() - t0 < 2.0


def test_docx_without_text_is_unreadable():
    d = docx.Document()
    buf = io.BytesIO()
    d.save(buf)
    with pytest.raises(UnreadableInput, match="no text"):
        read_bytes(buf.getvalue())


def test_zip_that_is_not_docx():
    with pytest.raises(UnreadableInput, match="zip archive, not a DOCX"):
        read_bytes(zip_bytes({"readme.txt": b"hej"}))


def test_zip_bomb_with_a_lying_directory_is_refused_without_unpacking():
    """The directory says 1000 bytes; the stream inflates to 50 MB. Refused after at most one
    64 KB step, not after zipfile inflated it all."""
    import struct
    import tracemalloc

    good = zipfile.ZipFile(io.BytesIO(protocol_docx()))
    entries = {n: good.read(n) for n in good.namelist()}
    entries["word/document.xml"] = bytes(50 * MB)
    data = bytearray(zip_bytes(entries))
    local = data.find(b"PK\x03\x04")
    while data[local + 30 : local + 30 + 17] != b"word/document.xml":
        local = data.find(b"PK\x03\x04", local + 4)
    data[local + 22 : local + 26] = struct.pack("<I", 1000)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + 17] != b"word/document.xml":
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = struct.pack("<I", 1000)
    tracemalloc.start()
    try:
        with pytest.raises(
            UnreadableInput, match="^the DOCX looks like a zip bomb: word/document.xml unpacks to more"
        ):
            read_bytes(bytes(data))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * MB


def test_damaged_entry_is_refused():
    data = bytearray(protocol_docx())
    central = data.find(b"PK\x01\x02")
    first = data.find(b"PK\x03\x04")
    name_len = int.from_bytes(data[first + 26 : first + 28], "little")
    start = first + 30 + name_len
    data[start : start + 8] = b"\xff" * 8  # corrupt the first entry's deflate stream
    assert central > start
    with pytest.raises(UnreadableInput, match="^the DOCX cannot be read: .* is damaged$"):
        read_bytes(bytes(data))


def _rendered_break(run_or_paragraph, *, first: bool) -> None:
    """Put Word's w:lastRenderedPageBreak into a run, before or after its text."""
    from docx.oxml import OxmlElement

    run = run_or_paragraph.runs[0]._r if hasattr(run_or_paragraph, "runs") else run_or_paragraph
    marker = OxmlElement("w:lastRenderedPageBreak")
    if first:
        run.insert(0, marker)
    else:
        run.append(marker)


def _docx_bytes(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_pages_follow_words_rendered_page_breaks():
    d = docx.Document()
    d.add_paragraph("§ 1 Sidan ett")
    spanning = d.add_paragraph("Ett långt stycke som går över sidbrytningen")
    spanning.add_run(" och slutar på sidan två.")
    _rendered_break(spanning.runs[1]._r, first=True)  # mid-paragraph: the paragraph stays on page 1
    d.add_paragraph("§ 2 Sidan två")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Ledamot"
    table.cell(0, 1).text = "Ja"
    table.cell(1, 0).text = "Eva Ek (S)"
    table.cell(1, 1).text = "X"
    _rendered_break(table.cell(1, 0).paragraphs[0], first=True)  # the row starts page 3
    after = d.add_paragraph("§ 3 Fortfarande sidan tre")
    got = read_bytes(_docx_bytes(d))
    assert [(p.number, p.lines) for p in got.pages] == [
        (1, ["§ 1 Sidan ett", "Ett långt stycke som går över sidbrytningen och slutar på sidan två."]),
        (2, ["§ 2 Sidan två", "Ledamot\tJa"]),
        (3, ["Eva Ek (S)\tX", "§ 3 Fortfarande sidan tre"]),
    ]
    assert after.text  # the paragraph exists; only its page is asserted above


def test_without_rendered_breaks_everything_is_page_one():
    """An explicit break alone says nothing of where text flowed over a page by itself."""
    d = docx.Document()
    d.add_paragraph("§ 1 Före")
    d.add_page_break()
    d.add_paragraph("§ 2 Efter")
    got = read_bytes(_docx_bytes(d))
    assert [(p.number, p.lines) for p in got.pages] == [(1, ["§ 1 Före", "", "§ 2 Efter"])]


def _date_only_in_the_header(first_page_header: bool) -> bytes:
    d = docx.Document()
    section = d.sections[0]
    if first_page_header:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[
            0
        ].text = "HAGBY KOMMUN\tMiljönämnden\tSammanträdesdatum 2019-03-14"
        section.header.paragraphs[0].text = "Miljönämnden\t2019-03-14\tSida 2"
    else:
        section.header.paragraphs[0].text = "HAGBY KOMMUN\tMiljönämnden\tSammanträdesdatum 2019-03-14"
    section.footer.paragraphs[0].text = "Justerandes signatur\tUtdragsbestyrkande"
    d.add_heading("SAMMANTRÄDESPROTOKOLL", 1)
    d.add_paragraph("Plats och tid\tStadshuset, kl. 13.00–15.30")
    d.add_paragraph("Beslutande\tLinnea Åkerman (S), ordförande")
    d.add_paragraph("\tMats Hedin (M)")
    d.add_paragraph("§ 21 Tillsynsplan 2019")
    d.add_paragraph("Beslut")
    d.add_paragraph("Miljönämnden fastställer tillsynsplanen.")
    return _docx_bytes(d)


@pytest.mark.parametrize("first_page_header", [False, True], ids=["header", "first-page header"])
def test_the_first_pages_header_is_read_once_as_the_letterhead(first_page_header):
    from protokoll.importing.parse import parse_extracted

    got = read_bytes(_date_only_in_the_header(first_page_header))
    assert got.pages[0].lines[0] == "HAGBY KOMMUN\tMiljönämnden\tSammanträdesdatum 2019-03-14"
    assert "Sida 2" not in got.text and "Justerandes signatur" not in got.text
    doc = parse_extracted(got)
    assert doc.meeting.date.isoformat() == "2019-03-14"
    assert [i.paragraph for i in doc.items] == [21]
