"""A plain text file saved from OCR: its § headings read "8 12 Val av justerare", and the text
reader puts the sign back when, and only when, the headings show it was misread."""

from __future__ import annotations

from protokoll.importing.parse import parse_extracted
from protokoll.importing.readers import read_file

OCR_TEXT = """\
BJÖRNVIKS KOMMUN
Sammanträdesprotokoll
Socialnämnden
Sammanträdesdatum 2025-04-08
Beslutande\tKarin Ek (S), ordförande
\tOlof Berg (M)
Närvarande\t88 12-14

8 12 Val av justerare
Beslut
Nämnden utser Olof Berg (M) att justera protokollet.

8 13 Avgift för trygghetslarm
Dnr SN 2025/31
Beslut
Nämnden föreslår kommunfullmäktige att fastställa avgiften enligt 8 kap. 5 8 socialtjänstlagen.

$& 14 Anmälningsärenden
Beslut
Anmälningsärendena läggs till handlingarna.

815 Delegationsbeslut
Beslut
Redovisningen läggs till handlingarna.
"""


def _read(tmp_path, text):
    path = tmp_path / "protokoll.txt"
    path.write_text(text, encoding="utf-8")
    return read_file(path)


def test_a_text_saved_from_ocr_gets_its_section_signs_back_and_a_warning(tmp_path):
    ex = _read(tmp_path, OCR_TEXT)
    lines = ex.pages[0].lines
    assert "§ 12 Val av justerare" in lines
    assert "§ 13 Avgift för trygghetslarm" in lines
    assert "§ 14 Anmälningsärenden" in lines
    assert "§ 15 Delegationsbeslut" in lines  # "815" after § 14: the sign run into the number
    assert "Närvarande\t§§ 12-14" in lines
    assert (
        "Nämnden föreslår kommunfullmäktige att fastställa avgiften enligt 8 kap. 5 § socialtjänstlagen."
        in lines
    )
    assert [(w.code, w.message) for w in ex.warnings] == [
        (
            "ocr-section-sign",
            "the text reads like OCR output with '§' misread (as 8, $ or &); 6 lines repaired",
        )
    ]
    document = parse_extracted(ex)
    assert [item.paragraph for item in document.items] == [12, 13, 14, 15]
    assert document.items[1].case_number == "SN 2025/31"


def test_a_text_with_its_own_section_signs_is_left_as_written(tmp_path):
    text = OCR_TEXT.replace("8 12 ", "§ 12 ").replace("8 13 ", "§ 13 ").replace("$& 14 ", "§ 14 ")
    text = text.replace("815 ", "§ 15 ")
    ex = _read(tmp_path, text)
    assert ex.pages[0].lines == text.split("\n")
    assert ex.warnings == []


def test_lines_that_only_look_like_misread_headings_are_left_alone(tmp_path):
    # a table of numbers whose rows start with 8, and two headings are not yet a run of them
    tables = [
        "Område\tAntal\n8 12 Norra\n8 40 Södra\n8 41 Östra\n",  # numbers not rising by one after a heading
        "8 12 Val av justerare\ntext\n8 13 Budget\n",  # only two
        "8 14 Lokaler\n8 13 Budget\n8 12 Val\n",  # falling, not a protocol's order
    ]
    for text in tables:
        ex = _read(tmp_path, text)
        assert ex.pages[0].lines == text.split("\n"), text
        assert ex.warnings == []


MISREAD_LABELS = """\
KVARNBY KOMMUN
Valnämnden
Sammanträdesdatum 2018-09-12
Plats och tid: Kommunhuset, kl. 09.00-12.00
Beslutan de
Ledam6ter:
Rolf Ek (S), ordförande
Mona Berg (M)
Franvarande:
Berit Falk (V)
Ovriga narvarande:
Henrik Tolf, sekreterare
Utses att juste ra: Mona Berg (M)
Justerlngens plats och tid: Kommunhuset 2018-09-14
Sekreterare ____
Henrik Tolf
0rdförande ____
Rolf Ek
"""


def test_label_words_misread_by_ocr_are_spelt_as_labels(tmp_path):
    ex = _read(tmp_path, MISREAD_LABELS)
    lines = ex.pages[0].lines
    for label in ("Beslutande", "Ledamöter:", "Frånvarande:", "Övriga närvarande:", "Ordförande ____"):
        assert label in lines
    assert "Utses att justera: Mona Berg (M)" in lines
    assert "Justeringens plats och tid: Kommunhuset 2018-09-14" in lines
    document = parse_extracted(ex)
    assert document.chair is not None and document.chair.name == "Rolf Ek"
    absent = [a.name for a in document.attendance if a.status == "absent"]
    assert absent == ["Berit Falk"]
    assert [a.name for a in document.attendance if a.serving] == ["Rolf Ek", "Mona Berg"]


def test_label_words_spelt_right_and_ordinary_words_are_left_alone(tmp_path):
    text = "Beslutande\nAnna Ek (S), ordförande\nOrdförande de nya reglerna\nTill att justera: Bo Al\n1001 kronor\n"
    ex = _read(tmp_path, text)
    assert ex.pages[0].lines == text.split("\n")


def test_a_section_number_with_a_letter_read_for_a_digit_is_the_number(tmp_path):
    text = "Plats och tid Rådhuset, kl 09.00-10.00\nBeslutande\nAnna Ek (S), ordförande\n§ 4l Dnr 97/031\nBidrag\n§ 87 a Tillägg\n§ 1O Budget\n"
    ex = _read(tmp_path, text)
    assert ex.pages[0].lines[3] == "§ 41 Dnr 97/031"
    assert ex.pages[0].lines[5] == "§ 87 a Tillägg"
    assert ex.pages[0].lines[6] == "§ 10 Budget"


def test_one_heading_whose_sign_was_misread_is_put_back_between_its_neighbours(tmp_path):
    text = (
        "Plats och tid Rådhuset, kl 09.00-10.00\nBeslutande\nAnna Ek (S), ordförande\n"
        "§ 41 Dnr 97/031\nBidrag\nS 42 Dnr 97/044\nÖppettider\n§ 43 Dnr 97/012\nBadet\n"
        "S 12 kronor per timme\n"
    )
    ex = _read(tmp_path, text)
    assert ex.pages[0].lines[5] == "§ 42 Dnr 97/044"
    assert ex.pages[0].lines[9] == "S 12 kronor per timme"  # no heading numbered 11 or 13 beside it
    assert [item.paragraph for item in parse_extracted(ex).items] == [41, 42, 43]
