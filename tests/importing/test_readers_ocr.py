"""Scanned PDFs: OCR when Tesseract with Swedish is installed, a clear warning when it is not.
Both branches are tested on every machine by overriding the availability check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.readers import ocr, read_file
from protokoll.importing.readers.ocr_misreads import (
    looks_misread,
    repair_doubled_capitals,
    repair_glued_signs,
    repair_section_signs,
    repair_table_rules,
)

from .reader_fixtures import image_only_pdf, protocol_pdf

SCAN_LINES = ["Socialnämnden § 14", "Beslut: Nämnden godkänner avtalet"]


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    return image_only_pdf(tmp_path_factory.mktemp("ocr") / "scan.pdf", SCAN_LINES)


@pytest.fixture
def no_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)


def test_scan_without_ocr_is_unreadable_with_install_advice(scan, no_ocr):
    with pytest.raises(UnreadableInput) as e:
        read_file(scan)
    assert str(e.value) == (
        "the PDF has no text layer; install tesseract-ocr and tesseract-ocr-swe to read it"
    )


def test_scanned_page_among_text_pages_is_a_warning(tmp_path, scan, no_ocr):
    from pypdfium2 import PdfDocument

    mixed = PdfDocument(protocol_pdf(tmp_path / "text.pdf", pages=2).read_bytes())
    mixed.import_pages(PdfDocument(scan.read_bytes()))
    mixed.save(tmp_path / "mixed.pdf")
    got = read_file(tmp_path / "mixed.pdf")
    assert [p.number for p in got.pages] == [1, 2, 3]
    assert got.pages[2].lines == []
    assert [(w.code, w.page, w.message) for w in got.warnings] == [
        (
            "pdf-no-text-layer",
            3,
            "page 3 has no text layer; install tesseract-ocr and tesseract-ocr-swe to read it",
        )
    ]


def test_availability_check_matches_the_machine():
    import shutil
    import subprocess

    exe = shutil.which("tesseract")
    expected = (
        bool(exe) and "swe" in subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout
    )
    ocr.available.cache_clear()
    assert ocr.available() is expected


def test_huge_page_is_rendered_within_the_pixel_cap():
    scale = ocr.render_scale(14400, 14400)  # the largest page PDF allows, 5 m square
    assert (14400 * scale) ** 2 <= ocr.MAX_PIXELS * 1.001
    assert ocr.render_scale(595, 842) == pytest.approx(300 / 72)


@pytest.mark.skipif(not ocr.available(), reason="tesseract with Swedish (tesseract-ocr-swe) is not installed")
def test_scan_is_read_by_ocr_with_a_warning(scan):
    got = read_file(scan)
    text = "\n".join(got.pages[0].lines)
    # Tesseract often reads "§" as "8" or "S"; the reader reports what OCR saw, the parser copes.
    assert re.search(r"Socialnämnden [§8S$] ?14", text), text
    assert "godkänner avtalet" in text
    assert [(w.code, w.page) for w in got.warnings] == [("pdf-ocr", 1)]
    assert "OCR" in got.warnings[0].message


def _words(*words):
    """Tesseract's image_to_data dict from (block, line, left, top, width, height, text)."""
    keys = ["block_num", "par_num", "line_num", "left", "top", "width", "height", "text"]
    data = {k: [] for k in keys}
    for block, line, left, top, width, height, text in words:
        for k, v in zip(keys, [block, 1, line, left, top, width, height, text], strict=True):
            data[k].append(v)
    return data


def test_ocr_words_are_laid_out_like_a_text_layer():
    data = _words(
        # labels in block 1, values in block 2, as Tesseract splits a two-column header
        (1, 1, 100, 100, 60, 30, "Plats"), (1, 1, 170, 100, 40, 30, "och"), (1, 1, 220, 100, 40, 30, "tid"),
        (1, 2, 100, 140, 200, 30, "Beslutande"),
        (2, 1, 700, 102, 220, 30, "Stadshuset,"), (2, 1, 935, 102, 60, 30, "kl"), (2, 1, 1010, 102, 90, 30, "13.00"),
        (2, 2, 700, 141, 120, 30, "Anna"), (2, 2, 835, 141, 60, 30, "(S)"),
        # a skewed line: each word a little lower than the last, still one line
        (3, 1, 100, 300, 30, 30, "§"), (3, 1, 140, 312, 20, 30, "5"), (3, 1, 180, 324, 200, 30, "Bygglov"),
        (3, 1, 430, 0, 0, 0, " "),  # Tesseract's empty words are skipped
    )  # fmt: skip
    assert ocr.layout_words(data) == [
        "Plats och tid\tStadshuset, kl 13.00",
        "Beslutande\tAnna (S)",
        "",
        "§ 5 Bygglov",
    ]


@pytest.mark.parametrize(
    ("ocr_line", "repaired"),
    [
        # what Tesseract's Swedish model made of "§" in Liberation Sans/Serif and DejaVu
        ("8 12 Val av justerare", "§ 12 Val av justerare"),
        ("$& 3 Fastställande av dagordning", "§ 3 Fastställande av dagordning"),
        ("& 31 Val av justerare", "§ 31 Val av justerare"),
        ("$47 Detaljplan för Ekhagen", "§ 47 Detaljplan för Ekhagen"),
        ("KS 8 145 Budget för år 2026", "KS § 145 Budget för år 2026"),
        ("TN & 31\tVal av justerare", "TN § 31\tVal av justerare"),
        ("S 14 Bygglov", "§ 14 Bygglov"),
        ("& 63/20 Budget", "§ 63/20 Budget"),
        ("8 7", "§ 7"),  # a heading whose title is on the next line
        ("Ledamot, 88 22-27", "Ledamot, §§ 22-27"),
        ("Protokollet\tSS 9-14", "Protokollet\t§§ 9-14"),
        ("Kerstin Rapp\tC\t$$ 31-34", "Kerstin Rapp\tC\t§§ 31-34"),
        ("Dnr KS 2025/118 $ 47", "Dnr KS 2025/118 § 47"),
        ("MBN 838 77\tDnr MBN 2024-000311", "MBN § 77\tDnr MBN 2024-000311"),
        ("MHN 83 2 Tillsynsplan 2025", "MHN § 2 Tillsynsplan 2025"),
        (
            "granskning enligt 5 kap. 18 8 plan- och bygglagen.",
            "granskning enligt 5 kap. 18 § plan- och bygglagen.",
        ),
        ("enligt 4 kap. 2a $ lagen", "enligt 4 kap. 2a § lagen"),
        # numbers and text stay as they are
        ("812 bostäder byggs", "812 bostäder byggs"),
        ("8 Ledamöter", "8 Ledamöter"),
        ("8\t12\t14", "8\t12\t14"),
        ("Beslut enligt 8 12 ovan", "Beslut enligt 8 12 ovan"),
        ("Bygg & Trä AB", "Bygg & Trä AB"),
        ("SD 12 ledamöter", "SD 12 ledamöter"),
        ("Summa 88 ja", "Summa 88 ja"),
        ("838 bostäder 12 Nya", "838 bostäder 12 Nya"),
        ("se 3 kap. 8 8 Ledamöter", "se 3 kap. 8 8 Ledamöter"),
    ],
)
def test_a_misread_section_sign_is_put_back_where_only_it_can_stand(ocr_line, repaired):
    assert repair_section_signs(ocr_line) == repaired


LIBERATION_SANS = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"


@pytest.mark.skipif(not ocr.available(), reason="tesseract with Swedish (tesseract-ocr-swe) is not installed")
@pytest.mark.skipif(
    not Path(LIBERATION_SANS).exists(), reason="fonts-liberation (an Arial-like face) is not installed"
)
def test_a_scan_in_an_office_face_keeps_its_paragraph_headings(tmp_path):
    # Arial-like text, where Tesseract reads every "§" as "8": without the repair the scanned
    # protocol would have no items at all
    lines = [
        "Beslutande Anna Berg (S) §§ 12-13",
        "§ 12 Val av justerare",
        "§ 13 Budget för år 2026",
        "Nämnden godkänner budgeten.",
    ]
    scan = image_only_pdf(tmp_path / "scan.pdf", lines, size=(420, 150), font_file=LIBERATION_SANS)
    text = "\n".join(read_file(scan).pages[0].lines)
    assert "§ 12 Val av justerare" in text
    assert "§ 13 Budget" in text
    assert "§§ 12-13" in text


@pytest.mark.parametrize(
    ("ocr_line", "repaired"),
    [
        ("Henrik Ståhlberg\tVv\tXx", "Henrik Ståhlberg\tV\tX"),
        ("Summa\t8\tXx", "Summa\t8\tX"),
        ("Ek Ab Ok Ås", "Ek Ab Ok Ås"),  # two letters, but not one letter twice
        ("Xx-ray och Ss-", "Xx-ray och Ss-"),
    ],
)
def test_a_lone_capital_read_twice_is_one_capital(ocr_line, repaired):
    assert repair_doubled_capitals(ocr_line) == repaired


def test_words_of_one_ocr_line_parted_by_a_column_gap_are_cells():
    # reading rows across the page, Tesseract puts a table row's cells on one line
    data = _words(
        (1, 1, 100, 100, 60, 30, "Lisa"), (1, 1, 170, 100, 90, 30, "Edlund"),
        (1, 1, 700, 100, 20, 30, "S"), (1, 1, 900, 100, 20, 30, "X"),
    )  # fmt: skip
    assert ocr.layout_words(data) == ["Lisa Edlund\tS\tX"]


@pytest.mark.skipif(not ocr.available(), reason="tesseract with Swedish (tesseract-ocr-swe) is not installed")
@pytest.mark.skipif(
    not Path(LIBERATION_SANS).exists(), reason="fonts-liberation (an Arial-like face) is not installed"
)
def test_a_scanned_table_keeps_its_one_letter_cells(tmp_path):
    # Tesseract's automatic layout drops a column of one-letter cells as noise
    rows = [
        ("Ledamot", "Parti", "Närvarande"),
        ("Lisa Edlund, ordförande", "S", "X"),
        ("Gustav Hallin", "M", "X"),
        ("Yasmin Karimi", "S", "X"),
        ("Henrik Ståhlberg", "V", "X"),
        ("Camilla Furu", "M", "-"),
    ]
    scan = image_only_pdf(tmp_path / "table.pdf", [], size=(520, 200), font_file=LIBERATION_SANS, cells=rows)
    lines = [line for line in read_file(scan).pages[0].lines if line]
    assert lines == ["\t".join(row) for row in rows]


def test_a_sign_run_into_its_number_is_put_back_where_the_headings_around_it_say_so():
    pages = [
        ["Paragrafer\t§§ 40-45", "KF 841 Val av justerare", "Text om 812 bostäder."],
        ["KF § 42 Budget", "KF § 43 Motion", "KF 844 Simhall", "KF § 45 Taxa", "KF 846 Meddelanden"],
    ]
    assert repair_glued_signs(pages, scanned={0, 1}) == [
        ["Paragrafer\t§§ 40-45", "KF § 41 Val av justerare", "Text om 812 bostäder."],
        ["KF § 42 Budget", "KF § 43 Motion", "KF § 44 Simhall", "KF § 45 Taxa", "KF § 46 Meddelanden"],
    ]


def test_a_number_the_headings_do_not_vouch_for_stays_as_read():
    # a protocol numbered in the 800s, a page with a text layer, and no heading read right at all
    assert repair_glued_signs([["KS § 850 Budget", "KS 851 Lokaler", "KS § 852 Val"]], scanned={0}) == [
        ["KS § 850 Budget", "KS 851 Lokaler", "KS § 852 Val"]
    ]
    assert repair_glued_signs([["§ 40 Budget", "KF 841 Val"]], scanned=set()) == [
        ["§ 40 Budget", "KF 841 Val"]
    ]
    assert repair_glued_signs([["SN 813 Budget", "SN 814 Val"]], scanned={0}) == [
        ["SN 813 Budget", "SN 814 Val"]
    ]


@pytest.mark.parametrize(
    ("ocr_line", "repaired"),
    [
        # a bordered table's rules read as "=" and "|"
        ("Åsa Pettersson\t=S\tNorrvik\tOrdförande", "Åsa Pettersson\tS\tNorrvik\tOrdförande"),
        ("Bengt Ljung\tM\tÅbyhamn = Vice ordförande", "Bengt Ljung\tM\tÅbyhamn\tVice ordförande"),
        ("| Malin Hjort\tS |", "Malin Hjort\tS"),
        ("4\t11 = Prislista för hjälpmedel 2026", "4\t11\tPrislista för hjälpmedel 2026"),
        # characters inside words and numbers stay
        ("Ja=5, Nej=3", "Ja=5, Nej=3"),
        ("Bygg & Trä | AB", "Bygg & Trä\tAB"),
    ],
)
def test_a_scanned_table_s_rules_are_cell_edges_not_text(ocr_line, repaired):
    assert repair_table_rules(ocr_line) == repaired


_OCR_ALPHABET = "8$&S§|= \t0123456789-–/.:AÅKFXxVvaåkp"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_OCR_ALPHABET, max_size=40), max_size=12))
def test_the_misread_repairs_take_any_line_and_keep_its_words(lines):
    for line in lines:
        repaired = repair_doubled_capitals(repair_section_signs(repair_table_rules(line)))
        # a repair puts a sign back or drops a table rule; every digit stays, in order
        assert [c for c in repaired if c.isdigit()] == [c for c in line if c.isdigit()] or "8" in line
    glued = repair_glued_signs([lines], scanned={0})
    assert len(glued[0]) == len(lines)
    assert looks_misread(lines) in (True, False)
