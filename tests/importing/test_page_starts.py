"""A document viewer's transcript opens every flattened page with the page's number and then the
page's running header ("2 ÅSBY KOMMUN SAMMANTRÄDESPROTOKOLL … (2) …"). Cut before the §§ (a
crawler keeps the first 2,000 characters), the text has no § headings of its own, and those page
numbers must not be read as bare-number §§; a protocol numbered without § signs still is."""

from __future__ import annotations

from protokoll.importing.parse import parse_text

HEADER = "ÅSBY KOMMUN SAMMANTRÄDESPROTOKOLL Tekniska nämnden Sammanträdesdatum 2024-03-12"
FRONT = (
    "Plats och tid Teknikhuset, kl. 13.00-15.00 Beslutande Ivar Holm (S), ordförande Selma Dahl (M) "
    "Bo Ring (C) Utses att justera Selma Dahl Justeringens plats och tid Teknikkontoret 2024-03-15 "
    "Underskrifter Sekreterare... Paragrafer 12-14 Tova Lund Ordförande... Ivar Holm Justerande... "
    "Selma Dahl ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
)
AGENDA = (
    "Innehållsförteckning § 12 Val av justerare... 3 § 13 Budgetuppföljning februari 2024... 3 "
    "§ 14 Anmälan av delegationsbeslut... 4 Justerandes sign Utdragsbestyrkande"
)


def _viewer(*pages: str) -> str:
    flattened = "\n\n".join(f"{n} {HEADER} ({n}) {page}".rstrip() for n, page in enumerate(pages, start=1))
    return f'{HEADER}\n\nDownload "{HEADER}"\n\nTranskript\n\n{flattened}\n'


def test_page_numbers_of_a_cut_transcript_are_no_sections() -> None:
    doc = parse_text(_viewer(FRONT, AGENDA, ""))
    assert [it.paragraph for it in doc.items] == [12, 13, 14]
    assert [it.title for it in doc.items][:2] == ["Val av justerare", "Budgetuppföljning februari 2024"]


def test_page_numbers_with_sida_marks_are_no_sections() -> None:
    text = "\n\n".join(
        [
            "Tekniska nämnden",
            f"1 TEKNISKA NÄMNDEN Sida 1 (3) {FRONT}",
            f"2 TEKNISKA NÄMNDEN Sida 2 (3) {AGENDA}",
            "3 TEKNISKA NÄMNDEN Sida 3 (3)",
        ]
    )
    assert [it.paragraph for it in parse_text(text).items] == [12, 13, 14]


def test_bare_number_headings_still_count() -> None:
    text = (
        "Tekniska nämnden\nSammanträdesdatum 2024-03-12\n\n"
        "12 Val av justerare\nNämnden utser Selma Dahl att justera protokollet.\n\n"
        "13 Budgetuppföljning februari 2024\nNämnden godkänner uppföljningen.\n\n"
        "14 Anmälan av delegationsbeslut\nNämnden lägger anmälan till handlingarna.\n"
    )
    assert [it.paragraph for it in parse_text(text).items] == [12, 13, 14]
