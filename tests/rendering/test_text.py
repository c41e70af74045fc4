"""The text rendering carries every § and decision in the usual layout, with page furniture."""

from __future__ import annotations

import re
from functools import lru_cache

from protokoll.demo import generate
from protokoll.document import example
from protokoll.rendering.layout import SECRECY_NOTE
from protokoll.rendering.text import render_text


@lru_cache(maxsize=1)
def year():
    return tuple(generate(4))


def test_every_paragraph_title_dnr_and_decision_line_is_rendered():
    for doc in year():
        text = render_text(doc)
        lines = set(text.split("\n"))
        for item in doc.items:
            assert f"§ {item.paragraph}" in lines
            if item.case_number:
                assert f"Dnr {item.case_number}" in lines
            for line in (item.decision or "").split("\n"):
                assert line in lines, (doc.body, item.paragraph, line)


def test_pages_are_numbered_and_carry_furniture():
    doc = year()[0]
    pages = render_text(doc).split("\f")
    assert len(pages) > 3
    for n, page in enumerate(pages, start=1):
        assert f"Sida {n} ({len(pages)})" in page.split("\n")[0]
        assert page.split("\n")[1] == f"{doc.body}\tSammanträdesdatum {doc.meeting.date.isoformat()}"
        assert page.rstrip("\n").endswith("Justerandes signatur\tUtdragsbestyrkande")


def test_agenda_points_at_the_page_of_each_paragraph():
    doc = year()[1]
    pages = render_text(doc).split("\f")
    rows = re.findall(r"^§ (\d+)\t[^\t]+\t(\d+)$", render_text(doc), re.MULTILINE)
    assert len(rows) == len(doc.items)
    for paragraph, page in rows:
        assert f"\n§ {paragraph}\n" in pages[int(page) - 1]


def test_sekretess_paragraph_shows_heading_and_marker_only():
    for doc in year():
        for item in doc.items:
            if not item.confidential:
                continue
            text = render_text(doc)
            start = text.index(f"\n§ {item.paragraph}\n")
            section = text[start : text.index("Justerandes signatur", start)]
            assert SECRECY_NOTE in section
            assert "Beslut" not in section.replace(SECRECY_NOTE, "")
            return
    raise AssertionError("no sekretess § in the year")


def test_attendance_votes_and_reservations_in_the_usual_wording():
    text = render_text(example("full"))
    assert "Maja Grönlund (M) ersätter Björn Falk (KD)\n" in text
    assert "Nils Hedberg (S) ersätter Amir Haddad (S) §§ 25-26\n" in text
    assert "Amir Haddad (S) §§ 21-24, via länk\n" in text
    assert "Karin Almgren (S), ordförande\n" in text
    assert "Per Jonsson, socialchef §§ 21-23\n" in text
    assert "Omröstningsresultat: 3 ja, 2 nej, 0 avstår\n" in text
    assert "Olof Dahlström (M)\tNej\n" in text
    assert (
        "Olof Dahlström (M) och Maja Grönlund (M) reserverar sig mot beslutet med en skriftlig reservation:"
        in text
    )
    assert "Amir Haddad (S) anmäler jäv och deltar inte i handläggningen av ärendet." in text
    assert "Paragrafen förklaras omedelbart justerad." in text
    assert "ANSLAG/BEVIS" in text and "Sista dag för överklagande\t2025-04-16" in text


def test_rendering_is_deterministic():
    doc = year()[2]
    assert render_text(doc) == render_text(doc)


def test_a_meeting_without_end_time_prints_only_the_start():
    from protokoll.document import example
    from protokoll.rendering.text import render_text

    doc = example("full")
    doc.meeting.end = None
    text = render_text(doc)
    assert "None" not in text
    assert "kl. 13:00" in text
